"""Golden JSON and SARIF for the project's own samples: byte-compared; `make golden` rewrites."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.e2e.helpers import reports, run_cli

GOLDEN = ROOT / "tests" / "golden"
APPS = sorted(p.name for p in (*SAMPLES.glob("*.apk"), *SAMPLES.glob("*.ipa")))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    # Relative paths, so the reports do not depend on where the checkout lives.
    import os

    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        run_cli("scan", *[f"samples/{a}" for a in APPS], "-o", out, "--format", "json,sarif")
    finally:
        os.chdir(cwd)
    return out


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("suffix", [".json", ".sarif"])
def test_matches_golden(
    app: str, suffix: str, outputs: Path, request: pytest.FixtureRequest
) -> None:
    stem = Path(app).stem
    # `ios-checkin-*` would also match ios-checkin-dead's report: the suffix is a sha prefix.
    (produced,) = [
        p
        for p in outputs.glob(f"{stem}-*{suffix}")
        if re.fullmatch(rf"{re.escape(stem)}-[0-9a-f]{{12}}{re.escape(suffix)}", p.name)
    ]
    text = produced.read_text(encoding="utf-8")
    golden = GOLDEN / f"{Path(app).stem}{suffix}"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run `make golden`"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs: review, then `make golden`"
    )


def test_golden_json_is_valid_against_the_schema(outputs: Path) -> None:
    assert set(reports(outputs)) == set(APPS)


def test_sarif_shape_for_code_scanning(outputs: Path) -> None:
    for path in outputs.glob("*.sarif"):
        sarif = json.loads(path.read_text(encoding="utf-8"))
        assert sarif["version"] == "2.1.0"
        run = sarif["runs"][0]
        rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
        for result in run["results"]:
            assert rule_ids[result["ruleIndex"]] == result["ruleId"]
            assert result["level"] in {"error", "warning", "note"}
            loc = result["locations"][0]["physicalLocation"]
            assert loc["artifactLocation"]["uri"].startswith("samples/")
            assert loc["region"]["startLine"] == 1
            assert len(result["partialFingerprints"]["fingertipFinding/v1"]) == 64
