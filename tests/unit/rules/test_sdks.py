from __future__ import annotations

import json
from pathlib import Path

from scanner.rules.sdks import SdkTable


def _table(tmp_path: Path, *entries: dict[str, object]) -> SdkTable:
    (tmp_path / "t.json").write_text(json.dumps({"trackers": list(entries)}), encoding="utf-8")
    return SdkTable.load(tmp_path)


def test_exodus_prefixes_match_slash_class_names(tmp_path: Path) -> None:
    table = _table(
        tmp_path,
        {"id": "x", "name": "AMap", "categories": ["Location"], "code_signature": "com.amap.api."},
    )
    (match,) = table.match([("a.apk!classes.dex", ["Lcom/amap/api/location/AMapLocationClient;"])])
    assert match.name == "AMap"
    assert match.evidence[0].symbol == "com.amap.api.location.AMapLocationClient"
    assert match.evidence[0].location == "a.apk!classes.dex"


def test_short_and_empty_alternatives_are_skipped(tmp_path: Path) -> None:
    # A stray `|` would make Exodus's regex match every class of every app.
    table = _table(tmp_path, {"id": "y", "name": "Y", "code_signature": "com.yyy.sdk.|"})
    assert table.match([("a!classes.dex", ["Lorg/example/Main;"])]) == []
    short = _table(tmp_path, {"id": "z", "name": "Z", "code_signature": "io."})
    assert short.match([("a!classes.dex", ["Lio/foo/Bar;"])]) == []


def test_examples_are_capped_and_unique(tmp_path: Path) -> None:
    table = _table(tmp_path, {"id": "u", "name": "U", "code_signature": "com.umeng."})
    classes = [f"Lcom/umeng/C{i};" for i in range(20)]
    (match,) = table.match([("a!classes.dex", classes), ("a!classes2.dex", classes)])
    assert len(match.evidence) == 3
    assert len({e.symbol for e in match.evidence}) == 3


def test_bundled_tables_load_with_sources(ruleset) -> None:  # type: ignore[no-untyped-def]
    sources = dict(ruleset.sdks.sources)
    assert sources["exodus"]["sha256"] == (
        "4fe6319f60286db64cf71b93597610a0b676135162b009b2845fe271dff905b7"
    )
    assert "fingertip_cn" in sources
    assert len(ruleset.sdks.signatures) > 450
