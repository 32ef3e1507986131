"""--filed-identity and ID-FILING-002: reading the file (JSON, TOML, mistakes), comparing a
package with it on Android and iOS, and the command line end to end (`python -m scanner`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scanner.config import ScanConfig
from scanner.filed_identity import (
    FiledIdentities,
    FiledIdentityError,
    load_filed_identities,
)
from scanner.model import Finding, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import ROOT, SAMPLES

RULE = "ID-FILING-002"
EXAMPLE = ROOT / "docs" / "filed-identity.example.json"
# samples/func-complete.apk is signed with samples/keys (v2 + v3): its certificate's values.
MD5 = "6b87bd29073c4797d43617c7a7ef5a31"
SHA1 = "56894ed07fba2775170d342bc6b18aeb53b92ffc"
IOS_SHA1 = "dbeebe77d2db09f2f129ac9b5c2530da654b7c8d"  # samples/ios-clean.ipa's leaf


def _filed(tmp_path: Path, body: object, suffix: str = ".json") -> FiledIdentities:
    path = tmp_path / f"filed{suffix}"
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    return load_filed_identities(path)


def _findings(ruleset: Ruleset, sample: str, filed: FiledIdentities | None) -> list[Finding]:
    cfg = ScanConfig(code_graph=False, filed_identity=filed)
    result = scan(SAMPLES / sample, cfg, ruleset)
    if filed is None:
        assert RULE not in result.evaluated_rule_ids  # not checked: not a pass either
    else:
        assert RULE in result.evaluated_rule_ids
    return [f for f in result.findings if f.rule_id == RULE]


def test_the_documented_example_loads_with_normalised_fingerprints() -> None:
    filed = load_filed_identities(EXAMPLE)
    android = filed.find("cn.gov.example.service", "android")
    assert android is not None and android.md5 == MD5 and android.sha1 == SHA1
    assert filed.find("cn.gov.example.service", "ios") is None
    ios = filed.find("cn.gov.example.notice", "ios")
    assert ios is not None and ios.sha1 == IOS_SHA1


def test_toml_and_a_single_identity(tmp_path: Path) -> None:
    filed = _filed(
        tmp_path, f'[[apps]]\npackage = "cn.gov.example.service"\nmd5 = "{MD5}"\n', ".toml"
    )
    assert filed.entries[0].md5 == MD5
    single = _filed(tmp_path, {"package": "a.b", "sha1": SHA1.upper()})
    assert single.entries[0].sha1 == SHA1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "not valid JSON/TOML"),
        ({"apps": []}, "no filed identity"),
        ({"apps": [{"md5": MD5}]}, "`package`"),
        ({"package": "a.b", "md5": "12:34"}, "expected 32"),
        ({"package": "a.b", "sha1": "zz" * 20}, "not hexadecimal"),
        ({"package": "a.b", "platform": "symbian"}, "`platform`"),
        ({"apps": [{"package": "a.b"}, {"package": "a.b"}]}, "listed twice"),
    ],
)
def test_malformed_files_say_why(tmp_path: Path, body: object, message: str) -> None:
    with pytest.raises(FiledIdentityError, match=message):
        _filed(tmp_path, body)


def test_android_match_mismatch_and_unlisted(tmp_path: Path, ruleset: Ruleset) -> None:
    assert _findings(ruleset, "func-complete.apk", None) == []
    match = _filed(tmp_path, {"package": "cn.gov.example.service", "md5": MD5, "sha1": SHA1})
    assert _findings(ruleset, "func-complete.apk", match) == []

    other = "00" * 16
    mismatch = _filed(tmp_path, {"package": "cn.gov.example.service", "md5": other})
    (finding,) = _findings(ruleset, "func-complete.apk", mismatch)
    assert finding.severity is Severity.HIGH
    assert f"MD5 filed {other[:12]}" in finding.message.en
    assert finding.evidence[0].location == "func-complete.apk!APK Signing Block (v2, v3)"
    assert MD5 in finding.evidence[0].excerpt

    unlisted = _filed(tmp_path, {"package": "cn.gov.example.other", "md5": MD5})
    (finding,) = _findings(ruleset, "func-complete.apk", unlisted)
    assert finding.severity is Severity.MEDIUM
    assert "not in the filed list" in finding.message.en
    assert finding.evidence[0].location == "func-complete.apk!AndroidManifest.xml"


def test_ios_bundle_id_and_leaf_certificate(tmp_path: Path, ruleset: Ruleset) -> None:
    match = _filed(tmp_path, {"bundle_id": "cn.gov.example.notice", "sha1": IOS_SHA1})
    assert _findings(ruleset, "ios-clean.ipa", match) == []
    mismatch = _filed(tmp_path, {"bundle_id": "cn.gov.example.notice", "sha1": SHA1})
    (finding,) = _findings(ruleset, "ios-clean.ipa", mismatch)
    assert finding.severity is Severity.HIGH
    assert "(LC_CODE_SIGNATURE)" in finding.evidence[0].location
    # An Android-only entry does not cover the iOS app.
    android_only = _filed(
        tmp_path, {"package": "cn.gov.example.notice", "platform": "android", "sha1": IOS_SHA1}
    )
    (finding,) = _findings(ruleset, "ios-clean.ipa", android_only)
    assert "not in the filed list" in finding.message.en


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scanner", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _report_findings(out: Path) -> list[dict[str, object]]:
    (report,) = out.glob("*.json")
    doc = json.loads(report.read_text(encoding="utf-8"))
    return [f for f in doc["findings"] if f["rule_id"] == RULE]


def test_cli_match_mismatch_and_malformed(tmp_path: Path) -> None:
    apk = SAMPLES / "func-complete.apk"
    common = ("--format", "json", "--no-graph")

    out = tmp_path / "match"
    done = _cli("scan", apk, "-o", out, *common, "--filed-identity", EXAMPLE)
    assert done.returncode == 0, done.stderr
    assert _report_findings(out) == []

    filed = tmp_path / "filed.toml"
    filed.write_text(f'package = "cn.gov.example.service"\nsha1 = "{"11" * 20}"\n', "utf-8")
    out = tmp_path / "mismatch"
    done = _cli("scan", apk, "-o", out, *common, "--filed-identity", filed)
    assert done.returncode == 1, done.stderr  # a high finding, at the default --fail-on high
    (finding,) = _report_findings(out)
    assert finding["severity"] == "high"

    broken = tmp_path / "broken.json"
    broken.write_text('{"apps": [{"md5": "xyz"}]}', "utf-8")
    out = tmp_path / "broken"
    done = _cli("scan", apk, "-o", out, *common, "--filed-identity", broken)
    assert done.returncode == 2  # usage error: nothing is scanned
    assert "--filed-identity: broken.json: entry 1: `package`" in done.stderr
    assert not out.exists() or not list(out.iterdir())
