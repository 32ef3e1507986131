"""Formalism features from code, with evidence levels (DOMAIN.md §2, reachability).

E1: the feature's keywords appear (YARA); E2: its API is referenced by code; E3: the API is
reachable from a manifest entry point (the path is the evidence); E4: reachable and
corroborated, by an upload within a few calls of the path or by the feature's keywords in the
reaching component's own code and screens. Severity: the catalogue's at E4, one level lower
at E3, info ("suspected") at E1–E2. Behaviour inside a third-party SDK is attributed to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.graph.callgraph import CodeGraph
from scanner.graph.reach import Reach, near
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.data import BehaviourSpec
from scanner.rules.sdks import SdkSignature
from scanner.rules.yara_engine import YaraHit, decode_match

SINK_HOPS = 6
_NO_NOTE = Text(zh="", en="")
_NOT_REACHED = Text(
    zh="代码引用了相关API，但没有入口点能到达",
    en="API referenced but not reached from an entry point",
)
_NO_WORDS = Text(
    zh="可达，但到达它的组件没有显示该功能的词语",
    en="reachable, but no reaching component shows the feature's words",
)
_KIND_ZH = {
    "activity": "界面",
    "service": "服务",
    "receiver": "广播接收器",
    "provider": "内容提供者",
    "application": "应用启动",
}
MAX_PATHS = 3
MAX_KEYWORD_EVIDENCE = 6
# The rules this analyzer produces; their specs are in signatures/data/behaviours.toml.
RULE_IDS = (
    "FORM-CHECKIN-001",
    "FORM-CHECKIN-002",
    "FORM-TRACE-001",
    "FORM-TRACE-002",
    "FORM-TRACE-003",
    "FORM-RANK-001",
    "FORM-DURATION-001",
    "FORM-SOCIAL-001",
    "FORM-REPORT-001",
    "FORM-FORCE-001",
    "FORM-COMMERCE-001",
)


def _keyword_hits(yara: Iterable[YaraHit], sets: tuple[str, ...]) -> list[YaraHit]:
    return [h for h in yara if h.signal == "keyword" and h.meta.get("set") in sets]


def _words(hits: list[YaraHit]) -> list[str]:
    words = {
        decode_match(s.data, s.identifier).rstrip('/_"').removesuffix("\\x00")
        for h in hits
        for s in h.strings
    }
    return sorted(words)


def _app_classes(g: CodeGraph, parts: tuple[str, ...], package: str) -> set[int]:
    """Methods of the app's own classes whose simple name contains one of `parts`."""
    own = "L" + package.replace(".", "/") + "/"
    out: set[int] = set()
    for cls, info in g.classes.items():
        if not cls.startswith(own):
            continue
        simple = cls.rsplit("/", 1)[-1]
        if any(p in simple for p in parts):
            out.update(info.methods.values())
    return out


def _bundle(location: str) -> str:
    """The web bundle a file belongs to: the path up to its `www/` folder, else its folder."""
    head, sep, _ = location.partition("/www/")
    return head + sep if sep else location.rsplit("/", 1)[0]


WEB_BUNDLE_MARKERS = ("/www/", "assets/widget/", "assets/hybrid/")


def _where(g: CodeGraph, path: list[int]) -> str:
    """The dex holding the last method of `path` that the app defines (framework methods have
    no place in the package)."""
    for node in reversed(path):
        location = g.location.get(node)
        if location:
            return location
    return next(iter(g.location.values()), "classes.dex")


def _owner(g: CodeGraph, path: list[int], ctx: Context) -> SdkSignature | None:
    """The SDK the behaviour belongs to: the API's own class when an SDK defines it (AMap's
    client), else the class calling the framework API (an SDK's internals)."""
    target = path[-1]
    if target in g.defined:
        return ctx.sdk_table.owner(g.class_of(target))
    return ctx.sdk_table.owner(g.class_of(path[-2])) if len(path) > 1 else None


def _one_per_entry(reach: Reach, targets: Iterable[int]) -> list[int]:
    """The nearest target of each entry point, nearest first: paths from different
    components tell more than three routes from the same one."""
    best: dict[int, tuple[int, int]] = {}
    for t in targets:
        entry, length = reach.entry_of[t], len(reach.path(t))
        if entry not in best or (length, t) < best[entry]:
            best[entry] = (length, t)
    return [t for _, t in sorted(best.values())]


class BehaviourAnalyzer:
    id: ClassVar[str] = "behaviours"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = RULE_IDS

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        if any(
            n.startswith("assets/") and any(m in n for m in WEB_BUNDLE_MARKERS)
            for n in inputs.entry_names
        ):
            ctx.coverage_reasons.append(
                "hybrid app: bundled web pages are matched for keywords and JS APIs, not in the "
                "call graph; pages loaded from a server are not in the package"
            )
        for spec in ctx.behaviours.behaviours:
            finding = self._one(spec, inputs, ctx)
            if finding is not None:
                yield finding

    def _one(self, spec: BehaviourSpec, inputs: AndroidInputs, ctx: Context) -> Finding | None:
        kw_hits = _keyword_hits(inputs.yara, spec.keywords)
        if spec.keywords and not kw_hits:
            return None  # the feature's vocabulary never appears: not this feature
        if spec.permissions_any and not (
            set(spec.permissions_any) & {p for p, _ in inputs.facts.permissions}
        ):
            return None
        words = _words(kw_hits)
        keyword_ev = [
            Evidence(
                location=h.location,
                symbol=f"{h.meta.get('set')}",
                excerpt=decode_match(s.data, s.identifier)[:200],
                offset=s.offset,
            )
            for h in kw_hits
            for s in h.strings
        ][:MAX_KEYWORD_EVIDENCE]
        code = inputs.code
        level, note = EvidenceLevel.E1, _NO_NOTE
        hybrid = self._hybrid(spec, inputs, kw_hits)
        paths: list[Evidence] = []
        extra: list[Evidence] = []
        if code is not None:
            level, paths, extra, note = self._code_level(spec, inputs, ctx, code, words)
        if hybrid and level is EvidenceLevel.E1:
            level, note = EvidenceLevel.E2, hybrid[0]
            extra = hybrid[1]
        rule = ctx.catalog[spec.rule]
        if level is EvidenceLevel.E4:
            severity = rule.severity
        elif level is EvidenceLevel.E3:
            severity = rule.severity.lowered()
        else:
            severity = Severity.INFO
        zh_name, en_name = rule.title.zh, rule.title.en.lower()
        shown = "、".join(words[:6])
        suspected = level in (EvidenceLevel.E1, EvidenceLevel.E2)
        suspected_zh = "疑似" if suspected else ""
        message = Text(
            zh=f"{suspected_zh}{zh_name}（{level.value}）：关键词 {shown}"
            + (f"；{note.zh}" if note.zh else ""),
            en=f"{'Suspected ' if suspected else ''}{en_name} ({level.value}): "
            f"keywords {', '.join(words[:6])}" + (f"; {note.en}" if note.en else ""),
        )
        return ctx.finding(
            spec.rule, message, *paths, *extra, *keyword_ev, level=level, severity=severity
        )

    def _hybrid(
        self, spec: BehaviourSpec, inputs: AndroidInputs, kw_hits: list[YaraHit]
    ) -> tuple[Text, list[Evidence]] | None:
        """A JS/HTML asset calling the feature's API, in a web bundle that shows its words."""
        apis = [h for h in inputs.yara if h.signal == "hybrid_api" and h.rule_id == spec.rule]
        if not apis:
            return None
        bundles = {_bundle(h.location) for h in apis}
        words_there = [h for h in kw_hits if _bundle(h.location) in bundles]
        if not words_there:
            return None
        sinks = [
            h
            for h in inputs.yara
            if h.signal == "hybrid_sink" and h.location in {a.location for a in apis}
        ]
        evidence = [
            Evidence(
                location=h.location,
                symbol=h.meta.get("api", h.rule),
                excerpt=decode_match(s.data, s.identifier)[:200],
                offset=s.offset,
            )
            for h in (*apis, *sinks)
            for s in h.strings[:1]
        ]
        calls = ", ".join(sorted({decode_match(s.data) for h in apis for s in h.strings})[:3])
        note = Text(
            zh=f"混合应用：网页包调用 {calls}{'并发送网络请求' if sinks else ''}"
            "（JavaScript 不在调用图中；从服务器加载的 H5 页面不在安装包内）",
            en=f"hybrid app: the web bundle calls {calls}{' and sends requests' if sinks else ''}"
            " (JavaScript is not in the code graph; remote H5 pages are not in the package)",
        )
        return note, evidence

    def _code_level(
        self,
        spec: BehaviourSpec,
        inputs: AndroidInputs,
        ctx: Context,
        code: CodeEvidence,
        words: list[str],
    ) -> tuple[EvidenceLevel, list[Evidence], list[Evidence], Text]:
        g = code.graph
        if spec.classes:
            targets = _app_classes(g, spec.classes, inputs.facts.package)
        else:
            targets = g.matching(spec.apis)
        referenced = {t for t in targets if t in g.defined or g.graph.in_degree(t) > 0}
        if not referenced:
            return EvidenceLevel.E1, [], [], _NO_NOTE
        reach = code.reach
        if spec.entry_kinds:
            kinds = spec.entry_kinds
            reach = Reach(g, only=lambda e: e.kind in kinds)
        reached = _one_per_entry(reach, (t for t in referenced if reach.reachable(t)))
        groups_ok = all(any(reach.reachable(n) for n in g.matching(group)) for group in spec.all_of)
        if not reached or not groups_ok:
            callers = sorted({p for t in referenced for p in g.graph.pred[t] if p in g.defined})
            ev = [
                Evidence(
                    location=_where(g, [c]),
                    symbol=g.short(c),
                    excerpt="references " + ", ".join(sorted({g.short(t) for t in referenced})[:3]),
                )
                for c in callers[:MAX_PATHS]
            ]
            return EvidenceLevel.E2, ev, [], _NOT_REACHED
        paths = [reach.path(t) for t in reached[:MAX_PATHS]]
        evidence = [self._path_evidence(g, reach, p, ctx) for p in paths]
        extra: list[Evidence] = []
        corroboration: Text | None = None
        shows = self._showing(code, reach, paths, ctx, spec, g)
        if spec.component_keywords and shows is None:
            # Uploads are everywhere; only a screen about the feature makes one this feature.
            return EvidenceLevel.E2, evidence, [], _NO_WORDS
        if spec.sinks:
            sinks = g.matching(ctx.behaviours.sinks[spec.sinks])
            sink_path = near(g, [n for p in paths for n in p], sinks, SINK_HOPS)
            if sink_path:
                extra.append(
                    Evidence(
                        location=_where(g, sink_path),
                        symbol=g.short(sink_path[-1]),
                        excerpt="upload near the feature's path",
                        path=tuple(g.short(n) for n in sink_path),
                    )
                )
                api = g.short(sink_path[-1])
                corroboration = Text(zh=f"附近有上传：{api}", en=f"upload: {api}")
        if corroboration is None:
            corroboration = shows
        level = EvidenceLevel.E4 if corroboration is not None else EvidenceLevel.E3
        entry = reach.entry(paths[0][-1])
        owner = _owner(g, paths[0], ctx)
        start = g.short(paths[0][0])
        if owner is not None:
            where = Text(
                zh=f"{owner.name}，由 {start} 启动", en=f"{owner.name}, started from {start}"
            )
        elif entry is not None:
            kind_zh = _KIND_ZH.get(entry.kind, entry.kind)
            where = Text(zh=f"由{kind_zh} {start} 到达", en=f"reached from {entry.kind} {start}")
        else:
            where = Text(zh="可达", en="reached")
        if corroboration is not None:
            note = Text(zh=f"{where.zh}；{corroboration.zh}", en=f"{where.en}; {corroboration.en}")
        else:
            note = where
        return level, evidence, extra, note

    def _showing(
        self,
        code: CodeEvidence,
        reach: Reach,
        paths: list[list[int]],
        ctx: Context,
        spec: BehaviourSpec,
        g: CodeGraph,
    ) -> Text | None:
        """`X shows w1, w2` for the first reaching component whose own UI has the words."""
        for path in paths:
            shown = self._component_words(code, reach, path, ctx, spec)
            if shown:
                entry = reach.entry(path[-1])
                who = entry.component[1:-1].replace("/", ".") if entry else g.short(path[0])
                return Text(
                    zh=f"{who} 显示 {'、'.join(shown[:4])}",
                    en=f"{who} shows {', '.join(shown[:4])}",
                )
        return None

    def _path_evidence(self, g: CodeGraph, reach: Reach, path: list[int], ctx: Context) -> Evidence:
        entry = reach.entry(path[-1])
        owner = _owner(g, path, ctx)
        return Evidence(
            location=_where(g, path),
            symbol=g.short(path[-1]),
            excerpt=(f"{entry.kind} {entry.component[1:-1].replace('/', '.')}" if entry else "")
            + (f" (inside {owner.name})" if owner else ""),
            path=tuple(g.short(n) for n in path),
        )

    def _component_words(
        self, code: CodeEvidence, reach: Reach, path: list[int], ctx: Context, spec: BehaviourSpec
    ) -> list[str]:
        """Keywords in the reaching component's code strings and the screens it loads."""
        g = code.graph
        entry = reach.entry(path[-1])
        nodes = set(path)
        if entry is not None:
            outer = entry.component[:-1]
            for cls, info in g.classes.items():
                if cls == entry.component or cls.startswith(outer + "$"):
                    nodes.update(info.methods.values())
        texts: list[str] = []
        for n in nodes:
            texts.extend(g.strings(n))
            for rid in g.resources.get(n, ()):
                texts.extend(code.texts(rid))
        words = [w for s in spec.keywords for w in ctx.behaviours.keywords.get(s, ())]
        return sorted({w for w in words if any(w in t for t in texts)})
