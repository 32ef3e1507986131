from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from scanner.model import Evidence
from scanner.rules.sdks import (
    CATEGORIES,
    CLASS,
    FRAMEWORK,
    IMPORTED_CLASS,
    PERSONAL_DATA_KINDS,
    SdkTable,
)


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


# --- Fingertip's Chinese SDK table ------------------------------------------------------------

TRACKERS = Path(__file__).resolve().parents[3] / "signatures" / "data" / "trackers"
# The ids the table had before iOS signatures were added: ids are never renamed nor reused.
ORIGINAL_IDS = {
    "ft-amap-location", "ft-amap-fence", "ft-amap-trace", "ft-amap-track", "ft-amap-map",
    "ft-baidu-location", "ft-baidu-trace", "ft-baidu-map", "ft-tencent-location",
    "ft-tencent-map", "ft-jpush", "ft-getui", "ft-mipush", "ft-hms-push", "ft-vivo-push",
    "ft-oppo-push", "ft-meizu-push", "ft-tpns", "ft-ali-push", "ft-umeng-common",
    "ft-umeng-push", "ft-umeng-share", "ft-baidu-mobstat", "ft-bugly", "ft-beacon",
    "ft-sensorsdata", "ft-growingio", "ft-talkingdata", "ft-wechat-opensdk", "ft-qq-connect",
    "ft-weibo-sdk", "ft-sharesdk", "ft-pangle", "ft-gdt", "ft-kuaishou-ads", "ft-baidu-mobads",
    "ft-alipay", "ft-unionpay", "ft-msa-oaid", "ft-hms-ads-identifier", "ft-tencent-x5",
    "ft-megvii-face", "ft-sensetime", "ft-cloudwalk", "ft-baidu-face", "ft-iflytek",
    "ft-tinker", "ft-dcloud", "ft-apicloud", "ft-netease-yidun",
}  # fmt: skip
_OBJC_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _cn() -> list[dict[str, Any]]:
    doc = json.loads((TRACKERS / "fingertip_cn.json").read_text(encoding="utf-8"))
    return list(doc["trackers"])


def _norm(name: str) -> str:
    """An SDK name without its Chinese gloss, lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", name.split(" (")[0].casefold())


def test_cn_table_has_at_least_60_sdks_beyond_exodus() -> None:
    exodus = json.loads((TRACKERS / "exodus.json").read_text(encoding="utf-8"))["trackers"]
    exodus_names = {_norm(t["name"]) for t in exodus}
    # Strict: an entry whose name contains, or is contained in, an Exodus name does not count.
    beyond = [
        e["id"]
        for e in _cn()
        if not any(n in _norm(e["name"]) or _norm(e["name"]) in n for n in exodus_names)
    ]
    assert len(beyond) >= 60, beyond


def test_ids_are_unique_and_the_original_ids_are_kept() -> None:
    ids = [e["id"] for e in _cn()]
    assert len(ids) == len(set(ids))
    assert set(ids) >= ORIGINAL_IDS
    assert all(i.startswith("ft-") for i in ids)


def test_every_entry_has_android_and_ios_fields_or_says_why_not() -> None:
    for e in _cn():
        for key in ("name", "name_zh", "vendor", "website"):
            assert isinstance(e.get(key), str) and e[key], (e["id"], key)
        if e["code_signature"]:
            assert e.get("source"), e["id"]
        else:
            assert e.get("android_absent_reason"), e["id"]
        assert "ios" in e, e["id"]
        ios = e["ios"]
        if ios is None:
            assert e.get("ios_absent_reason"), e["id"]
        else:
            assert set(ios) == {"frameworks", "classes", "class_prefixes", "source"}, e["id"]
            assert ios["frameworks"] or ios["classes"] or ios["class_prefixes"], e["id"]
        assert e["code_signature"] or ios is not None, e["id"]


def test_every_signature_has_a_source() -> None:
    for e in _cn():
        if e["code_signature"]:
            assert e["source"].strip(), e["id"]
        if e["ios"] is not None:
            assert e["ios"]["source"].strip(), e["id"]


def test_categories_and_personal_data_come_from_the_lists() -> None:
    for e in _cn():
        assert e["categories"] and set(e["categories"]) <= set(CATEGORIES), e["id"]
        assert set(e["personal_data"]) <= set(PERSONAL_DATA_KINDS), e["id"]
        assert isinstance(e["collects_personal_data"], bool), e["id"]
        assert e["collects_personal_data"] == bool(e["personal_data"]), e["id"]


def test_ios_names_are_objc_identifiers_and_every_entry_loads() -> None:
    for e in _cn():
        ios = e["ios"] or {"frameworks": [], "classes": [], "class_prefixes": []}
        for name in ios["frameworks"] + ios["classes"] + ios["class_prefixes"]:
            assert _OBJC_NAME.match(name), (e["id"], name)
        assert all(len(p) >= 3 for p in ios["class_prefixes"]), e["id"]
    table = SdkTable.load(TRACKERS)
    loaded = {s.id for s in table.signatures if s.source == "fingertip_cn"}
    assert loaded == {e["id"] for e in _cn()}
    with_ios = {s.id for s in table.signatures if s.ios is not None}
    assert with_ios == {e["id"] for e in _cn() if e["ios"] is not None}


def test_docs_sdks_md_is_generated_from_the_table() -> None:
    from scripts.gen_sdk_doc import DOC, render

    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/sdks.md is stale: run python scripts/gen_sdk_doc.py"
    )


# --- match_ios ---------------------------------------------------------------------------------


def _ios_table(tmp_path: Path) -> SdkTable:
    return _table(
        tmp_path,
        {
            "id": "fly",
            "name": "Fly",
            "code_signature": "com.iflytek.",
            "ios": {
                "frameworks": ["iflyMSC"],
                "classes": [],
                "class_prefixes": ["IFly"],
                "source": "s",
            },
        },
        {
            "id": "wx",
            "name": "WX",
            "code_signature": "com.tencent.mm.opensdk.",
            "ios": {"frameworks": [], "classes": ["WXApi"], "class_prefixes": [], "source": "s"},
        },
        {"id": "android-only", "name": "A", "code_signature": "com.umeng."},
    )


def test_match_ios_framework_in_any_form(tmp_path: Path) -> None:
    table = _ios_table(tmp_path)
    for ref in ("@rpath/iflyMSC.framework/iflyMSC", "Frameworks/iflyMSC.framework", "iflyMSC"):
        (m,) = table.match_ios("A.app/A", frameworks=[ref], classes=[], imported_classes=[])
        assert m.id == "fly"
        assert m.evidence[0] == Evidence(
            location="A.app/A", symbol="iflyMSC.framework", excerpt=FRAMEWORK
        )
    assert table.match_ios("A", frameworks=["iflyMSCX"], classes=[], imported_classes=[]) == []


def test_match_ios_class_prefix_stops_at_a_word_boundary(tmp_path: Path) -> None:
    table = _ios_table(tmp_path)
    (m,) = table.match_ios(
        "A",
        frameworks=[],
        classes=["IFlyerProfileView", "IFlySpeechRecognizer"],
        imported_classes=[],
    )
    assert [(e.symbol, e.excerpt) for e in m.evidence] == [("IFlySpeechRecognizer", CLASS)]
    # A longer, unrelated name that merely starts with the prefix is not the SDK.
    assert table.match_ios("A", frameworks=[], classes=["IFlyer"], imported_classes=[]) == []


def test_match_ios_exact_class_does_not_match_longer_names(tmp_path: Path) -> None:
    table = _ios_table(tmp_path)
    assert table.match_ios("A", frameworks=[], classes=["WXApiManager"], imported_classes=[]) == []
    (m,) = table.match_ios(
        "A", frameworks=[], classes=["WXApiManager", "WXApi"], imported_classes=[]
    )
    assert (m.id, m.evidence[0].symbol, m.evidence[0].excerpt) == ("wx", "WXApi", CLASS)


def test_match_ios_imported_classes_and_symbols(tmp_path: Path) -> None:
    table = _ios_table(tmp_path)
    (m,) = table.match_ios("A", frameworks=[], classes=[], imported_classes=["_OBJC_CLASS_$_WXApi"])
    assert (m.id, m.evidence[0].symbol, m.evidence[0].excerpt) == ("wx", "WXApi", IMPORTED_CLASS)
    (m,) = table.match_ios(
        "A",
        frameworks=[],
        classes=[],
        imported_classes=[],
        symbols=["_objc_msgSend", "_OBJC_CLASS_$_IFlySetting"],
    )
    assert (m.id, m.evidence[0].symbol, m.evidence[0].excerpt) == (
        "fly",
        "IFlySetting",
        IMPORTED_CLASS,
    )


def test_match_ios_examples_are_capped_unique_and_framework_first(tmp_path: Path) -> None:
    table = _ios_table(tmp_path)
    classes = [f"IFlyC{i}" for i in range(10)]
    (m,) = table.match_ios(
        "A",
        frameworks=["@rpath/iflyMSC.framework/iflyMSC"] * 2,
        classes=classes + classes,
        imported_classes=classes,
    )
    assert [e.excerpt for e in m.evidence] == [FRAMEWORK, CLASS, CLASS]
    assert len({e.symbol for e in m.evidence}) == 3


def test_match_ios_ignores_entries_without_ios_data(tmp_path: Path) -> None:
    # Android prefixes (Exodus's kind of signature) never match iOS names.
    table = _ios_table(tmp_path)
    found = table.match_ios(
        "A", frameworks=["umeng"], classes=["com.umeng.X", "UMConfigure"], imported_classes=[]
    )
    assert found == []


def test_bundled_table_matches_ios_binaries() -> None:
    found = SdkTable.load(TRACKERS).match_ios(
        "Payload/Gov.app/Gov",
        frameworks=["@rpath/AMapLocationKit.framework/AMapLocationKit"],
        classes=["JPUSHService", "GrowingTextView", "AppDelegate"],
        imported_classes=["_OBJC_CLASS_$_TencentOAuth"],
    )
    assert {m.id: m.evidence[0].excerpt for m in found} == {
        "ft-amap-location": FRAMEWORK,
        "ft-jpush": CLASS,
        "ft-qq-connect": IMPORTED_CLASS,
    }
    assert all(m.source == "fingertip_cn" for m in found)
