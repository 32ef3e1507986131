"""Identity and signing of every real APK in ../shared/samples, against independent tools.

Expected values come from tests/data/groundtruth/android.json, written by
scripts/groundtruth_android.py; each record carries the exact aapt / apksigner / openssl command
that produced it (for example `aapt dump badging ../shared/samples/registry/Yosemite.apk` and
`apksigner verify --verbose --print-certs --min-sdk-version 24 …`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scanner.config import ScanConfig
from scanner.errors import ScannerError
from scanner.pipeline import Ruleset, scan
from tests.conftest import ROOT, SHARED

# Identity and signing need no call graph; leaving it out keeps 43 real apps fast.
NO_GRAPH = ScanConfig(code_graph=False)
GROUND_TRUTH = json.loads(
    (ROOT / "tests/data/groundtruth/android.json").read_text(encoding="utf-8")
)
pytestmark = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared/samples is absent: real-app ground truth not checked"
)


def _ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["file"] for r in records]


@pytest.mark.parametrize("record", GROUND_TRUTH, ids=_ids(GROUND_TRUTH))
def test_identity_matches_aapt(record: dict[str, Any], ruleset: Ruleset) -> None:
    path = SHARED / record["file"]
    if record["package"] is None:
        # aapt finds no manifest (CertChain.apk, multidex.apk): a clear error, not a report.
        with pytest.raises(ScannerError, match=r"AndroidManifest\.xml"):
            scan(path, NO_GRAPH, ruleset)
        return
    app = scan(path, NO_GRAPH, ruleset).app
    assert app.sha256 == record["sha256"]
    assert app.identifier == record["package"]
    assert app.version_code == record["version_code"]
    assert app.version_name == record["version_name"]
    assert app.min_sdk == record["min_sdk"]
    assert app.target_sdk == record["target_sdk"]
    if record["label"] is not None:
        assert app.name == record["label"]
    if record.get("label_zh_cn"):
        # aapt prints the label a zh-CN device shows: the zh-rCN value, else the default.
        assert (dict(app.names).get("zh-rCN") or app.name) == record["label_zh_cn"]
    expected = set(record["permissions"]) | set(record.get("permissions_sdk23") or [])
    assert {p.name for p in app.permissions} == expected


@pytest.mark.parametrize("record", GROUND_TRUTH, ids=_ids(GROUND_TRUTH))
def test_signers_match_apksigner(record: dict[str, Any], ruleset: Ruleset) -> None:
    if record["package"] is None:
        pytest.skip("not an APK (no manifest); covered by test_identity_matches_aapt")
    result = scan(SHARED / record["file"], NO_GRAPH, ruleset)
    runs = [record["apksigner"], record["apksigner_min_sdk_24"]]
    verifying = next((r for r in runs if r["verified"]), None)
    signed_by_us = [s for s in result.app.signers if s.scheme != "lineage"]
    verified_by_us = result.facts["signing"]["verified"]  # type: ignore[index]
    assert verified_by_us == (verifying is not None), result.facts["signing"]
    if verifying is None:
        return
    ours = {s.sha256: s for s in signed_by_us}
    theirs = {s["sha256"]: s for s in verifying["signers"]}
    assert set(theirs) <= set(ours)
    for sha256, expected in theirs.items():
        signer = ours[sha256]
        assert signer.sha1 == expected["sha1"]
        assert signer.md5 == expected["md5"]
        assert signer.public_key_bits == expected["key_size"]
        assert signer.public_key_algorithm == expected["key_algorithm"]
        if expected.get("modulus"):
            assert signer.public_key == expected["modulus"]
    lineage = record.get("lineage") or {}
    if lineage.get("exit_code") == 0:
        ours_lineage = [s.sha256 for s in result.app.signers if s.scheme == "lineage"]
        assert ours_lineage == [s["sha256"] for s in lineage["signers"]]


def test_ground_truth_covers_every_shared_apk() -> None:
    on_disk = sorted(p.relative_to(SHARED).as_posix() for p in Path(SHARED).rglob("*.apk"))
    assert sorted(_ids(GROUND_TRUTH)) == on_disk
