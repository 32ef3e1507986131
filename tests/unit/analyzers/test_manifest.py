"""Manifest rules on synthetic packages: each rule's positive and negative cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.config import ScanConfig
from scanner.model import ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from tests.builders import manifest, write_zip


def _scan(tmp_path: Path, ruleset: Ruleset, files: dict[str, bytes]) -> ScanResult:
    return scan(write_zip(tmp_path, "t.apk", files), ScanConfig(), ruleset)


def _ids(result: ScanResult) -> set[str]:
    return {f.rule_id for f in result.findings}


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ('android:debuggable="true"', True),
        ('android:testOnly="true"', True),
        ('android:debuggable="false"', False),
        ("", False),
    ],
)
def test_debuggable(tmp_path: Path, ruleset: Ruleset, attrs: str, expected: bool) -> None:
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": manifest(application_attrs=attrs)})
    assert ("SEC-DEBUG-001" in _ids(res)) is expected


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ("", True),  # unset defaults to true
        ('android:allowBackup="true"', True),
        ('android:allowBackup="false"', False),
        ('android:allowBackup="true" android:dataExtractionRules="@xml/rules"', False),
    ],
)
def test_backup(tmp_path: Path, ruleset: Ruleset, attrs: str, expected: bool) -> None:
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": manifest(application_attrs=attrs)})
    assert ("SEC-BACKUP-001" in _ids(res)) is expected


@pytest.mark.parametrize(
    ("attrs", "sdk", "expected"),
    [
        ('android:usesCleartextTraffic="true"', 30, True),
        ('android:usesCleartextTraffic="false"', 30, False),
        ("", 27, True),  # cleartext is the default below API 28
        ("", 28, False),
        ('android:usesCleartextTraffic="false"', 27, False),
    ],
)
def test_cleartext(tmp_path: Path, ruleset: Ruleset, attrs: str, sdk: int, expected: bool) -> None:
    m = manifest(
        application_attrs=attrs,
        uses_sdk=f'android:minSdkVersion="21" android:targetSdkVersion="{sdk}"',
    )
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": m})
    assert ("SEC-NET-001" in _ids(res)) is expected


def test_network_security_config_decides_over_the_manifest_flag(
    tmp_path: Path, ruleset: Ruleset
) -> None:
    m = manifest(application_attrs='android:networkSecurityConfig="res/xml/nsc.xml"')
    nsc = (
        b'<network-security-config><base-config cleartextTrafficPermitted="true"/>'
        b'<domain-config cleartextTrafficPermitted="true"><domain>api.example.cn</domain>'
        b"</domain-config></network-security-config>"
    )
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": m, "res/xml/nsc.xml": nsc})
    (finding,) = [f for f in res.findings if f.rule_id == "SEC-NET-001"]
    assert {e.location for e in finding.evidence} == {"t.apk!res/xml/nsc.xml"}
    assert "api.example.cn" in finding.message.en


EXPORTED = (
    '<activity android:name=".Open" android:exported="true"/>'
    '<activity android:name=".Guarded" android:exported="true" '
    'android:permission="cn.example.SIG"/>'
    '<activity android:name=".WeakGuard" android:exported="true" '
    'android:permission="cn.example.NORMAL"/>'
    '<activity android:name=".Private" android:exported="false"/>'
    '<service android:name=".Filtered"><intent-filter>'
    '<action android:name="cn.example.GO"/></intent-filter></service>'
    '<activity android:name=".Main"><intent-filter>'
    '<action android:name="android.intent.action.MAIN"/>'
    '<category android:name="android.intent.category.LAUNCHER"/></intent-filter></activity>'
)
PERMS = (
    '<permission android:name="cn.example.SIG" android:protectionLevel="signature"/>'
    '<permission android:name="cn.example.NORMAL" android:protectionLevel="normal"/>'
)


def test_exported_components(tmp_path: Path, ruleset: Ruleset) -> None:
    m = manifest(body=EXPORTED).replace(b"<application", PERMS.encode() + b"<application")
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": m})
    (finding,) = [f for f in res.findings if f.rule_id == "SEC-EXPORT-001"]
    flagged = {e.symbol for e in finding.evidence}
    assert flagged == {
        "activity cn.example.test.Open",
        "activity cn.example.test.WeakGuard",
        "service cn.example.test.Filtered",
    }
    assert finding.severity is Severity.MEDIUM


def test_old_provider_is_exported_by_default_and_high(tmp_path: Path, ruleset: Ruleset) -> None:
    m = manifest(
        body='<provider android:name=".Data" android:authorities="cn.example.data"/>',
        uses_sdk='android:minSdkVersion="9" android:targetSdkVersion="16"',
    )
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": m})
    (finding,) = [f for f in res.findings if f.rule_id == "SEC-EXPORT-001"]
    assert finding.severity is Severity.HIGH
    assert "exported by default" in finding.evidence[0].excerpt


def test_namespaced_element_names_are_still_read(tmp_path: Path, ruleset: Ruleset) -> None:
    # InsecureBankv2 writes <android:uses-permission>: the platform honours it, so must we.
    m = manifest().replace(
        b"<application",
        b'<android:uses-permission android:name="android.permission.READ_SMS"/><application',
    )
    res = _scan(tmp_path, ruleset, {"AndroidManifest.xml": m})
    assert [p.name for p in res.app.permissions] == ["android.permission.READ_SMS"]
    assert res.app.permissions[0].protection_level == "dangerous"
