"""Errors a scan can end with; each carries a message a lab operator can act on."""


class ScannerError(Exception):
    """Base class: the package could not be scanned."""


class UnsupportedPackage(ScannerError):
    """The file is not a package this scanner reads (not a zip, no manifest, no app bundle)."""


class UnsafeArchive(ScannerError):
    """The archive breaks a safety limit (path traversal, zip bomb, too many entries)."""


class CorruptPackage(ScannerError):
    """The archive or one of its structures is truncated or malformed."""


class RuleError(ScannerError):
    """The rule catalogue or a YARA rule is invalid."""
