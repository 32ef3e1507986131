"""Required functions a user must find in the app (DOMAIN.md §2, FUNC-*), and the filing
number it shows (ID-FILING-003).

FUNC-FEEDBACK-001 and FUNC-POLICY-001 are absence rules: they fire when none of the words of
a complaint/feedback entry, or of a privacy policy, appear anywhere the app keeps its UI text.
Absence is only as good as the search, so every message says where it looked, and what it
cannot see: pages loaded from a server (H5), text drawn in images, strings built at run time.

ID-FILING-003: MIIT's app filing (2023-08) asks the app to show its filing number (备案号,
`粤ICP备12345678号-3A`); DOMAIN.md rates the rule low, a shortcoming, so the finding is its
ABSENCE. When numbers are shown, an info finding lists them (with where), for the lab to
check against the filing record: a number of another app, or a website's number (no
trailing A), is a finding the lab makes, not this scanner.

The YARA signals are in signatures/yara/common/function.yar; this module only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, Finding, Platform, Severity, Text
from scanner.rules.yara_engine import YaraHit, decode_match

FEEDBACK, POLICY, FILING_NUMBER = "FUNC-FEEDBACK-001", "FUNC-POLICY-001", "ID-FILING-003"
KEYWORD_SETS = {FEEDBACK: "KW-FEEDBACK", POLICY: "KW-POLICY"}
_PROVINCES = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新"
# An app's filing number ends in A (MIIT, 2023-08); without it, it is a website's number.
APP_FILING = re.compile(rf"[{_PROVINCES}]ICP备\d+号-\d+A")
ANY_FILING = re.compile(rf"[{_PROVINCES}]ICP备\d{{4,12}}号(?:-\d{{1,4}}A?)?")
# Plain-text forms of the keyword sets, for strings read from facts (iOS binaries).
FEEDBACK_WORDS = (
    "投诉",
    "意见反馈",
    "问题反馈",
    "反馈意见",
    "用户反馈",
    "我要反馈",
    "留言",
    "意见建议",
    "投诉建议",
    "建议反馈",
    "咨询建议",
)
POLICY_WORDS = (
    "隐私政策",
    "隐私协议",
    "隐私条款",
    "隐私声明",
    "隐私保护指引",
    "隐私保护政策",
    "个人信息保护政策",
    "隐私权政策",
)
WORDS = {FEEDBACK: FEEDBACK_WORDS, POLICY: POLICY_WORDS}
MAX_EVIDENCE = 5
_TEXT = {
    FEEDBACK: Text(zh="投诉、意见反馈或留言入口的文字", en="complaint, feedback or message text"),
    POLICY: Text(zh="隐私政策或隐私协议的文字或链接", en="privacy-policy text or link"),
    FILING_NUMBER: Text(zh="APP备案号", en="app filing number"),
}


@dataclass(frozen=True, slots=True)
class Searched:
    """Where an absence rule looked: shown in its message, and its evidence's location."""

    location: str  # the first place searched (the evidence's location)
    zh: str
    en: str


def hits_in(yara: Iterable[YaraHit], keyword_set: str, ui: Callable[[str], bool]) -> list[YaraHit]:
    return [
        h
        for h in yara
        if h.signal == "keyword" and h.meta.get("set") == keyword_set and ui(h.location)
    ]


def filing_hits(yara: Iterable[YaraHit], ui: Callable[[str], bool]) -> list[tuple[str, str, int]]:
    """(number, location, offset) of every ICP number shown in a UI place."""
    out: dict[tuple[str, str], int] = {}
    for h in yara:
        if h.signal != "filing_number" or not ui(h.location):
            continue
        for s in h.strings:
            number = decode_match(s.data, s.identifier)
            out.setdefault((number, h.location), s.offset)
    return [(n, loc, off) for (n, loc), off in sorted(out.items())]


def absence(ctx: Context, rule: str, searched: Searched, remote_note: bool) -> Finding:
    what = _TEXT[rule]
    note_zh = "；混合应用：从服务器加载的页面不在安装包内，需人工确认" if remote_note else ""
    note_en = (
        "; hybrid app: pages loaded from a server are not in the package, check by hand"
        if remote_note
        else ""
    )
    return ctx.finding(
        rule,
        Text(
            zh=f"未找到{what.zh}（已检索 {searched.zh}；从服务器加载的H5页面、图片中的文字"
            f"和运行时拼接的字符串无法静态检查）{note_zh}",
            en=f"no {what.en} found (searched {searched.en}; remote H5 pages, text in images "
            f"and strings built at run time are not visible statically){note_en}",
        ),
        Evidence(location=searched.location, symbol="searched", excerpt=searched.en[:200]),
    )


def filing_findings(
    ctx: Context, found: list[tuple[str, str, int]], searched: Searched
) -> Iterator[Finding]:
    """ID-FILING-003: low when no app filing number is shown, info listing those shown."""
    apps = [f for f in found if APP_FILING.fullmatch(f[0])]
    sites = [f for f in found if not APP_FILING.fullmatch(f[0])]
    evidence = [
        Evidence(location=loc, symbol="ICP", excerpt=number, offset=off)
        for number, loc, off in (apps + sites)[:MAX_EVIDENCE]
    ]
    if apps:
        numbers = "、".join(sorted({n for n, _, _ in apps}))
        yield ctx.finding(
            FILING_NUMBER,
            Text(
                zh=f"应用显示APP备案号 {numbers}：请与备案记录核对",
                en=f"the app shows the app filing number {numbers}: check it against the filing",
            ),
            *evidence,
            severity=Severity.INFO,
        )
        return
    site_zh = site_en = ""
    if sites:
        shown = "、".join(sorted({n for n, _, _ in sites}))
        site_zh = f"；仅有网站备案号 {shown}（APP备案号以A结尾）"
        site_en = f"; only a website's number {shown} (an app's ends in A)"
    yield ctx.finding(
        FILING_NUMBER,
        Text(
            zh=f"未找到APP备案号（已检索 {searched.zh}；“关于”页等由服务器加载时不可见）{site_zh}",
            en=f"no app filing number shown (searched {searched.en}; an About page served "
            f"from a server is not visible){site_en}",
        ),
        *(evidence or [Evidence(location=searched.location, symbol="searched")]),
    )


# ------------------------------------------------------------------------------------ Android

_ASSET_TEXT = (".js", ".html", ".htm", ".json", ".vue", ".css", ".xml", ".txt")
WEB_BUNDLE_MARKERS = ("/www/", "assets/widget/", "assets/hybrid/", "assets/apps/")


def android_ui(location: str) -> bool:
    """Where an APK keeps what a user reads: the resource table, layouts and other resource
    XML, assets (hybrid apps' pages), and the code's UI-sized strings (the pipeline drops
    longer dex strings from keyword signals). Native libraries and META-INF are not UI."""
    inner = location.split("!", 1)[-1]
    name = inner.rsplit("!", 1)[-1]
    return (
        name == "resources.arsc"
        or name.startswith(("res/", "assets/"))
        or (name.endswith(".dex") and "/" not in name)
    )


def android_searched(inputs: AndroidInputs) -> Searched:
    names = inputs.entry_names
    layouts = sum(1 for n in names if n.startswith("res/") and n.endswith(".xml"))
    assets = sum(1 for n in names if n.startswith("assets/") and n.endswith(_ASSET_TEXT))
    dex = sum(1 for n in names if n.endswith(".dex") and "/" not in n)
    arsc = "resources.arsc" in names
    label = inputs.package_label
    return Searched(
        location=f"{label}!resources.arsc" if arsc else inputs.facts.manifest_location or label,
        zh=f"{'resources.arsc、' if arsc else ''}{layouts}个资源XML、{assets}个assets文本文件、"
        f"{dex}个dex的界面字符串",
        en=f"{'resources.arsc, ' if arsc else ''}{layouts} resource XML files, {assets} asset "
        f"text files, UI-sized strings of {dex} dex files",
    )


def is_hybrid(names: Iterable[str]) -> bool:
    return any(n.startswith("assets/") and any(m in n for m in WEB_BUNDLE_MARKERS) for n in names)


class FunctionAnalyzer:
    id: ClassVar[str] = "function"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (FEEDBACK, POLICY, FILING_NUMBER)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        if not any(c.kind in ("activity", "activity-alias") for c in inputs.facts.components):
            # No screen: nothing a user could read, so absence means nothing.
            ctx.skipped.update(self.rule_ids)
            return
        searched = android_searched(inputs)
        hybrid = is_hybrid(inputs.entry_names)
        for rule, keyword_set in KEYWORD_SETS.items():
            if not hits_in(inputs.yara, keyword_set, android_ui):
                yield absence(ctx, rule, searched, hybrid)
        yield from filing_findings(ctx, filing_hits(inputs.yara, android_ui), searched)
