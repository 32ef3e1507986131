"""Keyword matches inside data strings of a dex are not UI text."""

from __future__ import annotations

from types import SimpleNamespace

from scanner.pipeline import MAX_UI_STRING_BYTES, _ui_text_only
from scanner.rules.yara_engine import StringHit, YaraHit


def test_keywords_in_long_dex_strings_are_dropped() -> None:
    short = b"\0" + "打卡成功".encode() + b"\0"
    table = b"\0" + ("字" * 300 + "商城" + "字" * 10).encode() + b"\0"
    data = b"dex\n035\0" + short + table
    hit = YaraHit(
        rule="keywords_x",
        namespace="n",
        meta={"signal": "keyword", "set": "KW-X"},
        location="a.apk!classes.dex",
        strings=(
            StringHit("$k0", data.find("打卡".encode()), "打卡".encode()),
            StringHit("$k1", data.find("商城".encode()), "商城".encode()),
        ),
    )
    contents = SimpleNamespace(dex=[SimpleNamespace(location="a.apk!classes.dex", data=data)])
    (kept,) = _ui_text_only([hit], contents)  # type: ignore[arg-type]
    assert [s.identifier for s in kept.strings] == ["$k0"]
    assert len(table) > MAX_UI_STRING_BYTES


def test_non_keyword_hits_and_other_files_are_kept() -> None:
    api = YaraHit("api", "n", {"signal": "api"}, "a.apk!classes.dex", ())
    res = YaraHit("kw", "n", {"signal": "keyword"}, "a.apk!resources.arsc", ())
    contents = SimpleNamespace(dex=[SimpleNamespace(location="a.apk!classes.dex", data=b"")])
    assert _ui_text_only([api, res], contents) == [api, res]  # type: ignore[arg-type]
