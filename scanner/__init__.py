"""Fingertip: offline static security and compliance scanner for APK and IPA packages."""

__version__ = "0.1.0"
