"""The formalism features (FORM-*) and the privacy and weak-API rules on iOS, with evidence
levels: E1 keywords only; E2 the API is referenced in the binary (class + selector, or an
imported symbol); E3 a function that uses it is reached from an entry point of the app's
call graph (scanner/graph/ios.py); E4 reached and corroborated: an upload reached from the
same entry, or the feature's words in the strings of the functions on the path.

Keyword-gated like Android: a FORM rule applies only when the app shows its words somewhere.
Severity: the catalogue's at E4, one lower at E3, info at E1–E2 for FORM rules; the privacy and
weak-API rules (no keywords) take the catalogue's severity from E2, lowered by one at E2.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.behaviours import RULE_IDS as FORM_RULE_IDS
from scanner.analyzers.behaviours import _keyword_hits, _words
from scanner.analyzers.ios.apis import ApiIndex
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.ios import BundleFacts
from scanner.facts.macho import MachOSlice
from scanner.graph.ios import IosGraph
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.ios_data import IosApi, IosApiRule, IosBehaviour
from scanner.rules.yara_engine import decode_match

MAX_PATHS = 3
MAX_KEYWORD_EVIDENCE = 6
_ORDER = [EvidenceLevel.E1, EvidenceLevel.E2, EvidenceLevel.E3, EvidenceLevel.E4]

RULE_IDS = (
    *FORM_RULE_IDS,  # the same formalism rules as on Android
    "PRIV-DEVID-001",
    "PRIV-CLIP-001",
    "PRIV-CONTACT-001",
    "SEC-WEBVIEW-001",
    "SEC-CRYPTO-001",
    "SEC-CRYPTO-002",
    "SEC-NATIVE-002",
)


class _Found:
    """The best evidence for one rule across the bundles."""

    def __init__(self) -> None:
        self.level = EvidenceLevel.E1
        self.api: list[Evidence] = []
        self.paths: list[Evidence] = []

    def raise_to(self, level: EvidenceLevel) -> None:
        if _ORDER.index(level) > _ORDER.index(self.level):
            self.level = level


def _path_evidence(b: BundleFacts, g: IosGraph, target: int, api: IosApi) -> Evidence:
    path = g.path(target)
    entry = g.entries.get(path[0], "") if path else ""
    return Evidence(
        location=b.code_slice.location if b.code_slice else b.location,
        symbol=api.text,
        excerpt=f"reached from {entry}" if entry else "",
        path=tuple(g.name(n) for n in path),
    )


def _shows(s: MachOSlice, path: list[int], words: list[str]) -> bool:
    """Whether a function on the path uses a string with one of the feature's words."""
    return any(w in text for n in path for text in s.functions[n].strings for w in words)


def _background_modes(inputs: IosInputs) -> set[str]:
    out: set[str] = set()
    for b in inputs.bundles:
        modes = b.bundle.info.get("UIBackgroundModes")
        if isinstance(modes, list):
            out.update(str(m) for m in modes)
    return out


class IosBehaviourAnalyzer:
    id: ClassVar[str] = "ios-behaviours"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = RULE_IDS

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        coded = [b for b in inputs.bundles if b.code_slice is not None and not b.encrypted]
        indexes = {b.bundle.path: ApiIndex(b.code_slice) for b in coded if b.code_slice}
        for spec in inputs.table.behaviours:
            finding = self._behaviour(spec, inputs, ctx, coded, indexes)
            if finding is not None:
                yield finding
        for api_rule in inputs.table.api_rules:
            finding = self._api_rule(api_rule, inputs, ctx, coded, indexes)
            if finding is not None:
                yield finding

    # -- FORM rules -------------------------------------------------------------------------

    def _behaviour(
        self,
        spec: IosBehaviour,
        inputs: IosInputs,
        ctx: Context,
        coded: list[BundleFacts],
        indexes: dict[str, ApiIndex],
    ) -> Finding | None:
        kw_hits = _keyword_hits(inputs.yara, spec.keywords)
        if not kw_hits:
            return None
        words = _words(kw_hits)
        found = _Found()
        background_ok = spec.background_mode is None or spec.background_mode in _background_modes(
            inputs
        )
        if background_ok:
            for b in coded:
                self._code_level(spec, inputs, b, indexes[b.bundle.path], words, found)
        rule = ctx.catalog[spec.rule]
        level = found.level
        if level is EvidenceLevel.E4:
            severity = rule.severity
        elif level is EvidenceLevel.E3:
            severity = rule.severity.lowered()
        else:
            severity = Severity.INFO
        suspected = level in (EvidenceLevel.E1, EvidenceLevel.E2)
        shown = "、".join(words[:6])
        note_zh = note_en = ""
        if not background_ok:
            note_zh = f"；Info.plist 未声明后台模式 {spec.background_mode}"
            note_en = f"; Info.plist declares no {spec.background_mode} background mode"
        elif level is EvidenceLevel.E2:
            note_zh, note_en = (
                "；二进制引用了相关API，但没有入口点能到达",
                ("; API referenced in the binary but not reached from an entry point"),
            )
        keyword_ev = [
            Evidence(
                location=h.location,
                symbol=h.meta.get("set", ""),
                excerpt=decode_match(s.data, s.identifier)[:80],
                offset=s.offset,
            )
            for h in kw_hits
            for s in h.strings[:2]
        ][:MAX_KEYWORD_EVIDENCE]
        message = Text(
            zh=f"{'疑似' if suspected else ''}{rule.title.zh}（{level.value}）："
            f"关键词 {shown}{note_zh}",
            en=f"{'Suspected ' if suspected else ''}{rule.title.en.lower()} ({level.value}): "
            f"keywords {', '.join(words[:6])}{note_en}",
        )
        return ctx.finding(
            spec.rule,
            message,
            *found.paths[:MAX_PATHS],
            *found.api[:MAX_PATHS],
            *keyword_ev,
            level=level,
            severity=severity,
        )

    def _code_level(
        self,
        spec: IosBehaviour,
        inputs: IosInputs,
        b: BundleFacts,
        idx: ApiIndex,
        words: list[str],
        found: _Found,
    ) -> None:
        s = b.code_slice
        assert s is not None
        users: dict[int, IosApi] = {}
        if spec.classes:
            for (cls, _sel, _cm), address in s.methods.items():
                if any(part in cls for part in spec.classes):
                    users.setdefault(address, IosApi(cls, cls=cls))
        if spec.apis:
            if not idx.any_referenced(spec.apis):
                return
            users.update(idx.functions(spec.apis))
        if not users and not spec.apis:
            return
        if not all(idx.any_referenced(group) for group in spec.all_of):
            return
        found.raise_to(EvidenceLevel.E2)
        referenced = idx.any_referenced(spec.apis) or list(dict.fromkeys(users.values()))
        found.api.extend(
            Evidence(location=s.location, symbol=api.text, excerpt="referenced")
            for api in referenced[:MAX_PATHS]
        )
        g = inputs.graphs.get(b.bundle.path)
        if g is None:
            return
        reached = sorted((a for a in users if g.reachable(a)), key=lambda a: len(g.path(a)))
        if spec.component_keywords:
            reached = [a for a in reached if _shows(s, g.path(a), words)]
        groups_reached = all(
            any(g.reachable(a) for a in idx.functions(group)) for group in spec.all_of
        )
        if not reached or not groups_reached:
            return
        found.raise_to(EvidenceLevel.E3)
        sinks = inputs.table.sinks.get(spec.sinks or "", ())
        sink_functions = set(idx.functions(sinks))
        for target in reached[:MAX_PATHS]:
            path = g.path(target)
            shows_words = _shows(s, path, words)
            uploads = bool(sink_functions & g.reached_from(g.entry_of[target]))
            if uploads or shows_words:
                found.raise_to(EvidenceLevel.E4)
            found.paths.append(_path_evidence(b, g, target, users[target]))

    # -- privacy and weak-API rules ---------------------------------------------------------

    def _api_rule(
        self,
        rule_spec: IosApiRule,
        inputs: IosInputs,
        ctx: Context,
        coded: list[BundleFacts],
        indexes: dict[str, ApiIndex],
    ) -> Finding | None:
        found = _Found()
        used: list[str] = []
        for b in coded:
            idx = indexes[b.bundle.path]
            apis = idx.any_referenced(rule_spec.apis)
            if not apis:
                continue
            found.raise_to(EvidenceLevel.E2)
            used.extend(a.text for a in apis)
            s = b.code_slice
            assert s is not None
            found.api.extend(
                Evidence(location=s.location, symbol=a.text, excerpt="referenced") for a in apis
            )
            g = inputs.graphs.get(b.bundle.path)
            if g is None:
                continue
            users = idx.functions(apis)
            for target in sorted(
                (a for a in users if g.reachable(a)), key=lambda a: len(g.path(a))
            ):
                found.raise_to(EvidenceLevel.E3)
                found.paths.append(_path_evidence(b, g, target, users[target]))
        if not used:
            return None
        rule = ctx.catalog[rule_spec.rule]
        level = found.level
        severity = rule.severity if level is EvidenceLevel.E3 else rule.severity.lowered()
        names = ", ".join(dict.fromkeys(used))
        where = "" if level is EvidenceLevel.E3 else "（未发现可达路径）"
        where_en = "" if level is EvidenceLevel.E3 else " (no reaching path found)"
        return ctx.finding(
            rule_spec.rule,
            Text(
                zh=f"{rule.title.zh}（{level.value}）：{names}{where}",
                en=f"{rule.title.en} ({level.value}): {names}{where_en}",
            ),
            *found.paths[:MAX_PATHS],
            *found.api[: MAX_PATHS * 2],
            level=level,
            severity=severity,
        )
