"""The first package opened in the background while the pipeline imports (scanner/opening.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scanner.config import Limits, ScanConfig
from scanner.errors import UnsupportedPackage
from scanner.opening import file_sha256, start_opening
from scanner.pipeline import Ruleset, scan
from scanner.render.json import to_document
from tests.conftest import ROOT, SAMPLES


def test_a_scan_of_an_opened_package_equals_a_plain_scan(ruleset: Ruleset) -> None:
    apk = SAMPLES / "fingertip-checkin.apk"
    opening = start_opening(apk, Limits())
    assert opening is not None
    opened = scan(apk, ScanConfig(), ruleset, opening=opening)
    plain = scan(apk, ScanConfig(), ruleset)
    assert opened.app.sha256 == file_sha256(apk)
    assert to_document(opened, ruleset.catalog.rules) == to_document(plain, ruleset.catalog.rules)


def test_errors_surface_in_the_scan_as_they_would_without_it(
    tmp_path: Path, ruleset: Ruleset
) -> None:
    not_a_zip = tmp_path / "text.apk"
    not_a_zip.write_text("hello")
    opening = start_opening(not_a_zip, Limits())
    assert opening is not None
    with pytest.raises(UnsupportedPackage, match="not a zip archive"):
        scan(not_a_zip, ScanConfig(), ruleset, opening=opening)


def test_an_opening_belongs_to_its_own_package(ruleset: Ruleset) -> None:
    opening = start_opening(SAMPLES / "fingertip-clean.apk", Limits())
    assert opening is not None
    try:
        with pytest.raises(ValueError, match="handed to the scan of"):
            scan(SAMPLES / "fingertip-checkin.apk", ScanConfig(), ruleset, opening=opening)
    finally:
        opening.discard()
    assert opening.contents.result().view._zip.fp is None  # closed


def test_ipas_are_opened_by_the_ios_scan_itself() -> None:
    assert start_opening(SAMPLES / "ios-clean.ipa", Limits()) is None


def test_the_cli_module_does_not_import_the_pipeline() -> None:
    # What lets the first package's inflation run during the pipeline's imports.
    code = "import sys, scanner.cli; print('scanner.pipeline' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
