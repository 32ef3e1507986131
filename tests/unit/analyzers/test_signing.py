"""Signing findings on the project's samples, and on a tampered copy."""

from __future__ import annotations

from pathlib import Path

from scanner.config import ScanConfig
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES


def _ids(path: Path, ruleset: Ruleset) -> set[str]:
    return {f.rule_id for f in scan(path, ScanConfig(), ruleset).findings}


def test_checkin_sample_signing_weaknesses(ruleset: Ruleset) -> None:
    # v1-only, minSdk 21, CN=Android Debug, RSA 1024 (samples/README.md).
    ids = _ids(SAMPLES / "fingertip-checkin.apk", ruleset)
    assert {"SEC-SIGN-001", "SEC-SIGN-002", "SEC-SIGN-003", "ID-FILING-001"} <= ids
    assert not {"SEC-SIGN-004", "SEC-SIGN-005"} & ids


def test_clean_sample_signing_is_sound(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "fingertip-clean.apk", ScanConfig(), ruleset)
    # Identity records only: the certificates, and the filing number the app shows (info).
    assert {(f.rule_id, f.severity.value) for f in result.findings} == {
        ("ID-FILING-001", "info"),
        ("ID-FILING-003", "info"),
    }
    assert result.app.signature_schemes == ("v2", "v3")
    signer = result.app.signers[0]
    assert signer.subject == "CN=Fingertip Sample Release, O=Fingertip, C=CN"
    assert signer.public_key_bits == 2048 and signer.verified


def test_unsigned_sample(ruleset: Ruleset) -> None:
    ids = _ids(SAMPLES / "fingertip-xss.apk", ruleset)
    assert "SEC-SIGN-005" in ids and "ID-FILING-001" not in ids


def test_tampered_package_does_not_verify(tmp_path: Path, ruleset: Ruleset) -> None:
    data = bytearray((SAMPLES / "fingertip-clean.apk").read_bytes())
    # "Version made by" of the first central-directory record: zip readers ignore it, the
    # v2/v3 content digest covers it.
    pos = data.find(b"PK\x01\x02")
    assert pos > 0
    data[pos + 4] ^= 0x01
    tampered = tmp_path / "tampered.apk"
    tampered.write_bytes(bytes(data))
    result = scan(tampered, ScanConfig(), ruleset)
    (finding,) = [f for f in result.findings if f.rule_id == "SEC-SIGN-004"]
    assert "content digest does not match" in finding.message.en


def test_tampered_sample_does_not_verify(ruleset: Ruleset) -> None:
    # Built from fingertip-clean's sources, then one letter of resources.arsc changed after
    # signing (scripts/build_samples.py `tamper_after_signing`); apksigner rejects it too.
    result = scan(SAMPLES / "fingertip-tampered.apk", ScanConfig(), ruleset)
    (finding,) = [f for f in result.findings if f.rule_id == "SEC-SIGN-004"]
    assert "v2: content digest does not match" in finding.message.en
    assert "v3: content digest does not match" in finding.message.en
    assert result.app.name == "notice Board"
