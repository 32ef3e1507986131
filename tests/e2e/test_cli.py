"""The CLI end to end: formats, exit codes, batches with broken packages, the output folder."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.builders import make_zip, manifest
from tests.conftest import SAMPLES
from tests.e2e.helpers import reports, run_cli

CHECKIN = SAMPLES / "fingertip-checkin.apk"
CLEAN = SAMPLES / "fingertip-clean.apk"


def test_version_names_the_ruleset() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.startswith("fingertip ")
    assert "ruleset sha256 " in result.output


def test_clean_app_exits_zero_and_writes_each_format(tmp_path: Path) -> None:
    result = run_cli("scan", CLEAN, "-o", tmp_path, "--format", "html,json,sarif")
    assert result.exit_code == 0, result.output
    names = sorted(p.suffix for p in tmp_path.iterdir())
    assert names == [".html", ".json", ".sarif"]
    doc = reports(tmp_path)["fingertip-clean.apk"]
    assert doc["verdict"] == "pass"


def test_findings_at_threshold_exit_one(tmp_path: Path) -> None:
    assert run_cli("scan", CHECKIN, "-o", tmp_path).exit_code == 1
    # Raising the threshold above every finding turns the same scan into a pass.
    assert run_cli("scan", CHECKIN, "-o", tmp_path, "--fail-on", "critical").exit_code == 0


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run_cli("scan", CHECKIN, "-o", tmp_path, "--format", "pdf").exit_code == 2
    assert run_cli("scan", CHECKIN).exit_code == 2
    assert run_cli("frobnicate").exit_code == 2


def _truncated(tmp: Path) -> Path:
    data = CLEAN.read_bytes()
    p = tmp / "truncated.apk"
    p.write_bytes(data[: len(data) // 3])
    return p


def _traversal(tmp: Path) -> Path:
    p = tmp / "traversal.apk"
    p.write_bytes(make_zip({"AndroidManifest.xml": manifest(), "../../escaped.txt": b"x"}))
    return p


def _bomb(tmp: Path) -> Path:
    p = tmp / "bomb.apk"
    p.write_bytes(make_zip({"AndroidManifest.xml": manifest(), "assets/z": b"\0" * 200_000_000}))
    return p


def _not_zip(tmp: Path) -> Path:
    p = tmp / "notzip.apk"
    p.write_bytes(b"this is not an apk\n")
    return p


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_truncated, "zip"),
        (_traversal, "path traversal"),
        (_bomb, "zip bomb"),
        (_not_zip, "not a zip archive"),
    ],
)
def test_hostile_package_is_one_error_and_the_batch_goes_on(
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = make(inputs)
    out = tmp_path / "out"
    result = run_cli("scan", bad, CLEAN, "-o", out, "--format", "html,json")
    assert result.exit_code == 3
    error_lines = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(error_lines) == 1 and message in error_lines[0]
    docs = reports(out)
    assert docs[bad.name]["verdict"] == "error"
    assert docs["fingertip-clean.apk"]["verdict"] == "pass"
    # Nothing was written anywhere but the output folder (never extracted, never escaped).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert sorted(p.name for p in inputs.iterdir()) == [bad.name]


def test_output_names_are_sanitised(tmp_path: Path) -> None:
    odd = tmp_path / "in" / "a b;<script>.apk"
    odd.parent.mkdir()
    odd.write_bytes(CLEAN.read_bytes())
    result = run_cli("scan", odd, "-o", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0
    (written,) = (tmp_path / "out").iterdir()
    assert written.name.startswith("a_b__script_-") and written.suffix == ".json"


def test_rules_list_formats() -> None:
    table = run_cli("rules", "list")
    assert table.exit_code == 0 and "SEC-DEBUG-001" in table.output
    md = run_cli("rules", "list", "--format", "markdown")
    assert md.output.startswith("# Rules") and "| SEC-SIGN-001 |" in md.output
    js = run_cli("rules", "list", "--format", "json")
    assert '"id": "FORM-CHECKIN-001"' in js.output


def test_docs_rules_md_is_generated() -> None:
    expected = run_cli("rules", "list", "--format", "markdown").output
    actual = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run `make rules-doc`"


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scanner",
            "scan",
            str(CLEAN),
            "-o",
            str(tmp_path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_zip_written_entries_are_not_extracted(tmp_path: Path) -> None:
    # An APK whose entries name absolute and parent paths never lands on disk: read-only view.
    p = tmp_path / "abs.apk"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("AndroidManifest.xml", manifest())
        zf.writestr("/tmp/fingertip-should-not-exist", b"x")
    result = run_cli("scan", p, "-o", tmp_path / "out", "--format", "json")
    assert result.exit_code == 3
    assert not Path("/tmp/fingertip-should-not-exist").exists()


def test_signatures_override_changes_rules_and_hash(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import ROOT

    custom = tmp_path / "sig"
    shutil.copytree(ROOT / "signatures", custom)
    catalog = custom / "rules" / "catalog.toml"
    text = catalog.read_text(encoding="utf-8")
    start = text.index('id = "SEC-DEBUG-001"')
    text = text[:start] + text[start:].replace('severity = "high"', 'severity = "low"', 1)
    catalog.write_text(text, encoding="utf-8")
    packers = custom / "data" / "packers.json"
    packers.write_text(
        packers.read_text(encoding="utf-8").replace("libjiagu.so", "libweak.so"), encoding="utf-8"
    )
    run_cli("scan", CHECKIN, "-o", tmp_path / "a", "--format", "json")
    run_cli("scan", CHECKIN, "-o", tmp_path / "b", "--format", "json", "--signatures", custom)
    default = reports(tmp_path / "a")["fingertip-checkin.apk"]
    custom_doc = reports(tmp_path / "b")["fingertip-checkin.apk"]
    assert default["tool"]["ruleset_sha256"] != custom_doc["tool"]["ruleset_sha256"]
    severity = {f["rule_id"]: f["severity"] for f in custom_doc["findings"]}
    assert severity["SEC-DEBUG-001"] == "low"
    assert "SEC-PACK-001" in severity  # the custom packer table was used


def test_ipa_and_apk_in_one_batch_with_every_format(tmp_path: Path) -> None:
    ipa = SAMPLES / "ios-checkin.ipa"
    result = run_cli("scan", ipa, CLEAN, "-o", tmp_path, "--format", "html,json,sarif")
    assert result.exit_code == 1, result.output  # the IPA has high findings
    docs = reports(tmp_path)
    assert docs["ios-checkin.ipa"]["app"]["platform"] == "ios"
    assert docs["fingertip-clean.apk"]["app"]["platform"] == "android"
    (html,) = tmp_path.glob("ios-checkin-*.html")
    text = html.read_text(encoding="utf-8")
    # The bundle tree, the profile and the Mach-O table are drawn; the zh name is the title.
    assert "<h1>移动考勤" in text
    assert "PlugIns/CheckinWidget.appex/" in text and "AMapLocationKit.framework" in text
    assert "iOS Team Provisioning Profile" in text and "FTSAMPLE01" in text


def test_ipa_errors_are_clear(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ipa"
    empty.write_bytes(make_zip({"Payload/": b"", "Payload/readme.txt": b"no app here"}))
    notzip = tmp_path / "text.ipa"
    notzip.write_bytes(b"not a zip at all")
    out = tmp_path / "out"
    result = run_cli("scan", empty, notzip, SAMPLES / "ios-clean.ipa", "-o", out)
    assert result.exit_code == 3
    assert "empty.ipa: error: empty.ipa: not an iOS app package" in result.output
    assert "text.ipa: error: text.ipa: not a zip archive" in result.output
    assert reports(out)["ios-clean.ipa"]["verdict"] == "pass"


def test_the_console_entry_exits_fast_with_the_documented_codes(tmp_path: Path) -> None:
    """`run()` leaves with os._exit after flushing: the reports, the lines on stderr and the
    exit code must all still be there."""
    import subprocess
    import sys

    def fingertip(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "scanner", *map(str, args)],
            capture_output=True,
            text=True,
            check=False,
        )

    ok = fingertip("scan", CLEAN, "-o", tmp_path / "a", "--format", "json")
    assert ok.returncode == 0 and "fingertip-clean.apk: pass" in ok.stderr
    assert len(list((tmp_path / "a").glob("*.json"))) == 1
    assert fingertip("scan", CHECKIN, "-o", tmp_path / "b").returncode == 1
    assert fingertip("scan", CHECKIN, "-o", tmp_path / "c", "--format", "pdf").returncode == 2
    version = fingertip("--version")
    assert version.returncode == 0 and version.stdout.startswith("fingertip ")
