from __future__ import annotations

import random
import zipfile
from pathlib import Path

from scanner.config import Limits, ScanConfig
from scanner.pipeline import Ruleset, scan
from scanner.unpack.apk import open_apk
from tests.builders import make_zip, manifest, write_zip
from tests.conftest import SAMPLES


def _checkin_dex() -> bytes:
    with zipfile.ZipFile(SAMPLES / "fingertip-checkin.apk") as zf:
        return zf.read("classes.dex")


def test_dex_in_nested_archives_is_found_with_its_location(
    tmp_path: Path, ruleset: Ruleset
) -> None:
    inner_apk = make_zip({"classes.dex": _checkin_dex()})
    path = write_zip(
        tmp_path,
        "host.apk",
        {"AndroidManifest.xml": manifest(), "assets/plugin/inner.apk": inner_apk},
    )
    contents = open_apk(path, Limits())
    try:
        assert [d.location for d in contents.dex] == [
            "host.apk!assets/plugin/inner.apk!classes.dex"
        ]
        assert contents.nested == ["host.apk!assets/plugin/inner.apk"]
    finally:
        contents.view.close()
    result = scan(path, ScanConfig(), ruleset)
    jpush = next(s for s in result.app.sdks if s.id == "ft-jpush")
    assert jpush.evidence[0].location == "host.apk!assets/plugin/inner.apk!classes.dex"


def test_data_assets_are_not_keyword_matched(tmp_path: Path, ruleset: Ruleset) -> None:
    words = "打卡 签到 考勤".encode()
    rng = random.Random(7)
    # A dictionary-like word list (an input method's, say): data, not the app's UI.
    essay = (
        "\n".join(
            f"{chr(rng.randrange(0x4E00, 0x9FA5))}{chr(rng.randrange(0x4E00, 0x9FA5))}\t{i}"
            for i in range(50_000)
        ).encode()
        + words
    )
    path = write_zip(
        tmp_path, "dict.apk", {"AndroidManifest.xml": manifest(), "assets/dict/essay.txt": essay}
    )
    result = scan(path, ScanConfig(), ruleset)
    assert all(f.rule_id != "FORM-CHECKIN-001" for f in result.findings)
    web = write_zip(
        tmp_path, "web.apk", {"AndroidManifest.xml": manifest(), "assets/www/index.html": words}
    )
    (finding,) = [
        f for f in scan(web, ScanConfig(), ruleset).findings if f.rule_id == "FORM-CHECKIN-001"
    ]
    assert finding.evidence[0].location == "web.apk!assets/www/index.html"


def test_an_undecodable_xml_file_is_an_error_not_a_failed_scan(tmp_path: Path) -> None:
    # A binary XML header whose chunk claims more bytes than the file has.
    broken = b"\x03\x00\x08\x00\x00\x10\x00\x00" + b"\x00" * 8
    path = write_zip(
        tmp_path,
        "broken.apk",
        {"AndroidManifest.xml": manifest(), "res/xml/network_security_config.xml": broken},
    )
    contents = open_apk(path, Limits())
    try:
        assert contents.xml("res/xml/network_security_config.xml") is None
        assert contents.errors and "network_security_config.xml" in contents.errors[0]
    finally:
        contents.view.close()
