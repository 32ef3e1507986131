"""The built-in analyzers, listed explicitly (a test checks every module is here)."""

from scanner.analyzers.api_rules import ApiRuleAnalyzer
from scanner.analyzers.autostart import AutostartAnalyzer
from scanner.analyzers.behaviours import BehaviourAnalyzer
from scanner.analyzers.filing import FiledIdentityAnalyzer
from scanner.analyzers.function import FunctionAnalyzer
from scanner.analyzers.manifest import ManifestAnalyzer
from scanner.analyzers.native import NativeAnalyzer
from scanner.analyzers.packers import PackerAnalyzer
from scanner.analyzers.permissions import PermissionAnalyzer
from scanner.analyzers.preconsent import PreconsentAnalyzer
from scanner.analyzers.sdks import SdkInventoryAnalyzer
from scanner.analyzers.secrets import SecretAnalyzer
from scanner.analyzers.signing import SigningAnalyzer
from scanner.analyzers.storage import StorageAnalyzer
from scanner.analyzers.tls import TlsTrustAnalyzer
from scanner.analyzers.zombie import ZombieAnalyzer

BUILTIN = (
    SigningAnalyzer,
    ManifestAnalyzer,
    NativeAnalyzer,
    PackerAnalyzer,
    SdkInventoryAnalyzer,
    BehaviourAnalyzer,
    PreconsentAnalyzer,
    ApiRuleAnalyzer,
    PermissionAnalyzer,
    AutostartAnalyzer,
    TlsTrustAnalyzer,
    SecretAnalyzer,
    StorageAnalyzer,
    ZombieAnalyzer,
    FunctionAnalyzer,
    FiledIdentityAnalyzer,
)

__all__ = ["BUILTIN"]
