"""Finding fingerprints: what CI baselines and the ledger match findings by."""

from __future__ import annotations

from scanner.model import Evidence, Finding, Severity, Text


def _finding(location: str, symbol: str = "getDeviceId", offset: int | None = None) -> Finding:
    return Finding(
        rule_id="PRIV-DEVID-001",
        severity=Severity.MEDIUM,
        message=Text(zh="x", en="x"),
        evidence=(Evidence(location=location, symbol=symbol, offset=offset),),
    )


def test_same_place_in_a_renamed_package_keeps_its_fingerprint() -> None:
    a = _finding("app-1.2.apk!classes.dex")
    b = _finding("app-1.3-release.apk!classes.dex", offset=1234)
    assert a.fingerprint == b.fingerprint


def test_another_place_or_symbol_changes_it() -> None:
    a = _finding("app.apk!classes.dex")
    assert a.fingerprint != _finding("app.apk!classes2.dex").fingerprint
    assert a.fingerprint != _finding("app.apk!classes.dex", symbol="getImei").fingerprint
