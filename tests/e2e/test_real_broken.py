"""The broken packages among the real samples: each a clear error, and the batch goes on."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLES, shared
from tests.e2e.helpers import reports, run_cli

UNSCANNABLE = {
    "fastlane/not-an-ipa.ipa": "not a zip archive",
    "fastlane/no-app-bundle.ipa": "its Payload/ folder holds no .app bundle",
    "androguard/CertChain.apk": "no AndroidManifest.xml",
    "androguard/multidex.apk": "no AndroidManifest.xml",
}
# Broken in their signature or bytecode, but still packages: scanned, with the defect reported.
SCANNED = {
    "androguard/apksig/v2-only-with-dsa-sha256-1024-sig-does-not-verify.apk": "SEC-SIGN-004",
    "androguard/Invalid.apk": "ID-FILING-001",
    "androguard/TestActivity_unsigned.apk": "SEC-SIGN-005",
    # Info.plists only (fastlane's fixture): no executable, so the signature cannot hold.
    "fastlane/IncorrectlySigned.ipa": "SEC-SIGN-004",
}


def test_broken_real_packages(tmp_path: Path) -> None:
    bad = [shared(rel) for rel in UNSCANNABLE]
    ok = [shared(rel) for rel in SCANNED]
    out = tmp_path / "out"
    result = run_cli(
        "scan", *bad, *ok, SAMPLES / "fingertip-clean.apk", "-o", out, "--format", "json"
    )
    assert result.exit_code == 3
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == len(UNSCANNABLE)
    for rel, message in UNSCANNABLE.items():
        name = Path(rel).name
        (line,) = [e for e in errors if f"] {name}: error:" in e]
        assert message in line
    docs = reports(out)
    for rel, rule in SCANNED.items():
        doc = docs[Path(rel).name]
        assert doc["verdict"] != "error"
        assert rule in {f["rule_id"] for f in doc["findings"]}
    assert docs["fingertip-clean.apk"]["verdict"] == "pass"
    assert {docs[Path(r).name]["verdict"] for r in UNSCANNABLE} == {"error"}
