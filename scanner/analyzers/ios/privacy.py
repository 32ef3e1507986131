"""iOS side of PRIV-LOC-001 (location, high with Always authorization), PRIV-CAMMIC-001
(capture outside a user action) and PRIV-APPLIST-001 (canOpenURL: probing with many
LSApplicationQueriesSchemes), from signatures/data/permissions.toml [[ios]].

E2 when the binary references an API of the rule; E3 when a function using it is reached from
an entry point of the app's call graph (scanner/graph/ios.py). For the camera and microphone,
E3 needs a path that passes no target-action method: a method is taken for a button's action
when its selector takes the sender and every function that loads it also loads a
target-action selector (`addTarget:action:forControlEvents:`, or an app helper whose selector
has `action:`). A heuristic: Objective-C sends and `@selector` look the same in the binary.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.apis import ApiIndex
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.ios import BundleFacts
from scanner.facts.macho import MachOSlice
from scanner.graph.ios import IosGraph
from scanner.graph.reach import path_to
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.permissions import IosPrivacySpec

MAX_PATHS = 3
MAX_SCHEMES_SHOWN = 8


class IosPrivacyAnalyzer:
    id: ClassVar[str] = "ios-privacy"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-LOC-001", "PRIV-CAMMIC-001", "PRIV-APPLIST-001")

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        rules = ctx.permission_rules
        coded = [b for b in inputs.bundles if b.code_slice is not None and not b.encrypted]
        if rules is None or not coded:
            ctx.skipped.update(self.rule_ids)  # nothing readable to look for the APIs in
            return
        indexes = {b.bundle.path: ApiIndex(b.code_slice) for b in coded if b.code_slice}
        for spec in rules.ios:
            finding = self._rule(spec, inputs, ctx, coded, indexes)
            if finding is not None:
                yield finding

    def _rule(
        self,
        spec: IosPrivacySpec,
        inputs: IosInputs,
        ctx: Context,
        coded: list[BundleFacts],
        indexes: dict[str, ApiIndex],
    ) -> Finding | None:
        info = inputs.app.bundle.info
        schemes = _schemes(info)
        if spec.min_schemes is not None and len(schemes) < spec.min_schemes:
            return None
        used: list[str] = []
        high: list[str] = []
        referenced: list[Evidence] = []
        paths: list[Evidence] = []
        reached_apis: list[str] = []
        for b in coded:
            idx = indexes[b.bundle.path]
            s = b.code_slice
            assert s is not None
            apis = idx.any_referenced(spec.apis)
            if not apis:
                continue
            used.extend(a.text for a in apis)
            high.extend(a.text for a in idx.any_referenced(spec.high_apis))
            referenced.extend(
                Evidence(location=s.location, symbol=a.text, excerpt="referenced") for a in apis
            )
            g = inputs.graphs.get(b.bundle.path)
            if g is None:
                continue
            users = idx.functions(apis)
            parent = _reach(g, s, spec.outside_user_actions)
            reached = sorted(
                (f for f in users if f in parent), key=lambda f: len(path_to(parent, f))
            )
            reached_apis.extend(users[f].text for f in reached)
            for target in reached[:MAX_PATHS]:
                path = path_to(parent, target)
                paths.append(
                    Evidence(
                        location=s.location,
                        symbol=users[target].text,
                        excerpt=f"reached from {g.entries.get(path[0], '')}",
                        path=tuple(g.name(n) for n in path),
                    )
                )
        if not used:
            return None
        rule = ctx.catalog[spec.rule]
        level = EvidenceLevel.E3 if paths else EvidenceLevel.E2
        severity = rule.severity if paths else rule.severity.lowered()
        keys = [k for k in spec.high_keys if k in info]
        extra: list[Evidence] = []
        note_zh = note_en = ""
        if keys and high and paths:
            severity = Severity.HIGH
            note_zh, note_en = "；已声明始终定位用途说明并请求始终授权", "; Always authorization"
        if keys:
            extra.extend(
                Evidence(location=inputs.app.info_location, symbol=k, excerpt="declared")
                for k in keys
            )
        if spec.min_schemes is not None:
            shown = ", ".join(schemes[:MAX_SCHEMES_SHOWN])
            more = (
                f" (+{len(schemes) - MAX_SCHEMES_SHOWN})"
                if len(schemes) > MAX_SCHEMES_SHOWN
                else ""
            )
            extra.append(
                Evidence(
                    location=inputs.app.info_location,
                    symbol="LSApplicationQueriesSchemes",
                    excerpt=f"{len(schemes)} schemes: {shown}{more}",
                )
            )
            note_zh = f"；Info.plist 声明了 {len(schemes)} 个可查询的URL scheme"
            note_en = f"; Info.plist lists {len(schemes)} URL schemes to query"
        # At E3 the APIs on a path; the others are only referenced (a recorder behind a tap).
        names = ", ".join(dict.fromkeys(reached_apis or used))
        where_zh = "" if paths else "（未发现可达路径）"
        where_en = "" if paths else " (no reaching path found)"
        if spec.outside_user_actions and not paths:
            where_zh = "（未发现不经用户操作的可达路径）"
            where_en = " (no path outside a user action found)"
        return ctx.finding(
            spec.rule,
            Text(
                zh=f"{rule.title.zh}（{level.value}）：{names}{where_zh}{note_zh}",
                en=f"{rule.title.en} ({level.value}): {names}{where_en}{note_en}",
            ),
            *paths,
            *referenced[: MAX_PATHS * 2],
            *extra,
            level=level,
            severity=severity,
        )


def _schemes(info: dict[str, object]) -> list[str]:
    raw = info.get("LSApplicationQueriesSchemes")
    return [str(x) for x in raw] if isinstance(raw, list) else []


def _actions(s: MachOSlice) -> set[int]:
    """Methods that look like a control's target-action: a selector taking the sender, and
    every function loading it also loads a selector that hands a target and action over
    (`addTarget:action:forControlEvents:`, an app's `addButton:y:action:`)."""
    loaders: dict[str, list[frozenset[str]]] = {}
    for f in s.functions.values():
        for sel in f.selectors:
            loaders.setdefault(sel, []).append(f.selectors)
    out: set[int] = set()
    for (_cls, sel, _is_class), address in s.methods.items():
        # An action takes the sender (`recordTapped:`), or the sender and event.
        if not sel.endswith(":") or sel.count(":") > 2 or "action:" in sel.lower():
            continue
        found = loaders.get(sel)
        if found and all(
            any("action:" in other.lower() and other != sel for other in sels) for sels in found
        ):
            out.add(address)
    return out


def _reach(g: IosGraph, s: MachOSlice, outside_user_actions: bool) -> dict[int, int]:
    """Reached function -> its predecessor (-1 at an entry): the graph's own search, or one
    that does not pass a target-action method."""
    if not outside_user_actions:
        return {n: g.parent[n] for n in g.entry_of}
    skip = _actions(s)
    parent: dict[int, int] = {}
    queue: deque[int] = deque()
    for root in sorted(g.entries):
        if root not in skip:
            parent[root] = -1
            queue.append(root)
    adj = g.graph.adj
    while queue:
        node = queue.popleft()
        for nxt in adj[node]:
            if nxt not in parent and nxt not in skip:
                parent[nxt] = node
                queue.append(nxt)
    return parent
