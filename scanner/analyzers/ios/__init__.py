"""The built-in iOS analyzers, listed explicitly (a test checks every module is here)."""

from scanner.analyzers.ios.behaviours import IosBehaviourAnalyzer
from scanner.analyzers.ios.binary import IosBinaryAnalyzer
from scanner.analyzers.ios.filing import IosFiledIdentityAnalyzer
from scanner.analyzers.ios.function import IosFunctionAnalyzer
from scanner.analyzers.ios.plist import IosPlistAnalyzer
from scanner.analyzers.ios.preconsent import IosPreconsentAnalyzer
from scanner.analyzers.ios.privacy import IosPrivacyAnalyzer
from scanner.analyzers.ios.sdks import IosSdkInventoryAnalyzer
from scanner.analyzers.ios.signing import IosSigningAnalyzer
from scanner.analyzers.ios.zombie import IosZombieAnalyzer

BUILTIN_IOS = (
    IosSigningAnalyzer,
    IosPlistAnalyzer,
    IosBinaryAnalyzer,
    IosSdkInventoryAnalyzer,
    IosBehaviourAnalyzer,
    IosPreconsentAnalyzer,
    IosPrivacyAnalyzer,
    IosZombieAnalyzer,
    IosFunctionAnalyzer,
    IosFiledIdentityAnalyzer,
)

__all__ = ["BUILTIN_IOS"]
