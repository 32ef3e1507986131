"""The built-in iOS analyzers, listed explicitly (a test checks every module is here)."""

from scanner.analyzers.ios.auth_prompts import IosAuthPromptAnalyzer
from scanner.analyzers.ios.behaviours import IosBehaviourAnalyzer
from scanner.analyzers.ios.binary import IosBinaryAnalyzer
from scanner.analyzers.ios.filing import IosFiledIdentityAnalyzer
from scanner.analyzers.ios.function import IosFunctionAnalyzer
from scanner.analyzers.ios.plist import IosPlistAnalyzer
from scanner.analyzers.ios.preconsent import IosPreconsentAnalyzer
from scanner.analyzers.ios.privacy import IosPrivacyAnalyzer
from scanner.analyzers.ios.sdks import IosSdkInventoryAnalyzer
from scanner.analyzers.ios.secrets import IosSecretAnalyzer
from scanner.analyzers.ios.signing import IosSigningAnalyzer
from scanner.analyzers.ios.storage import IosStorageAnalyzer
from scanner.analyzers.ios.tls import IosTlsTrustAnalyzer
from scanner.analyzers.ios.url_handlers import IosUrlHandlerAnalyzer
from scanner.analyzers.ios.zombie import IosZombieAnalyzer

BUILTIN_IOS = (
    IosSigningAnalyzer,
    IosPlistAnalyzer,
    IosBinaryAnalyzer,
    IosSdkInventoryAnalyzer,
    IosBehaviourAnalyzer,
    IosPreconsentAnalyzer,
    IosPrivacyAnalyzer,
    IosUrlHandlerAnalyzer,
    IosAuthPromptAnalyzer,
    IosTlsTrustAnalyzer,
    IosSecretAnalyzer,
    IosStorageAnalyzer,
    IosZombieAnalyzer,
    IosFunctionAnalyzer,
    IosFiledIdentityAnalyzer,
)

__all__ = ["BUILTIN_IOS"]
