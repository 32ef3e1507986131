"""The built-in analyzers, listed explicitly (a test checks every module is here)."""

from scanner.analyzers.api_rules import ApiRuleAnalyzer
from scanner.analyzers.behaviours import BehaviourAnalyzer
from scanner.analyzers.manifest import ManifestAnalyzer
from scanner.analyzers.native import NativeAnalyzer
from scanner.analyzers.packers import PackerAnalyzer
from scanner.analyzers.preconsent import PreconsentAnalyzer
from scanner.analyzers.sdks import SdkInventoryAnalyzer
from scanner.analyzers.signing import SigningAnalyzer

BUILTIN = (
    SigningAnalyzer,
    ManifestAnalyzer,
    NativeAnalyzer,
    PackerAnalyzer,
    SdkInventoryAnalyzer,
    BehaviourAnalyzer,
    PreconsentAnalyzer,
    ApiRuleAnalyzer,
)

__all__ = ["BUILTIN"]
