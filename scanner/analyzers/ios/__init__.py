"""The built-in iOS analyzers, listed explicitly (a test checks every module is here)."""

from scanner.analyzers.ios.behaviours import IosBehaviourAnalyzer
from scanner.analyzers.ios.binary import IosBinaryAnalyzer
from scanner.analyzers.ios.plist import IosPlistAnalyzer
from scanner.analyzers.ios.preconsent import IosPreconsentAnalyzer
from scanner.analyzers.ios.sdks import IosSdkInventoryAnalyzer
from scanner.analyzers.ios.signing import IosSigningAnalyzer

BUILTIN_IOS = (
    IosSigningAnalyzer,
    IosPlistAnalyzer,
    IosBinaryAnalyzer,
    IosSdkInventoryAnalyzer,
    IosBehaviourAnalyzer,
    IosPreconsentAnalyzer,
)

__all__ = ["BUILTIN_IOS"]
