"""SEC-EXPORT-001 on iOS: a custom URL scheme whose handler takes the URL's content to a
screen or a web view without validating it.

Any app, and any web page, can open `scheme://…`; the system then calls the app delegate's
`application:openURL:options:` (or the older variants, or a scene delegate's
`scene:openURLContexts:`). The finding needs, on the app's own call graph:

- a scheme in Info.plist CFBundleURLTypes that is the app's own (not an SDK's callback such as
  `wx<appid>`: similarity.toml url_scheme_keys);
- a handler the graph takes for the app or scene delegate's (an entry point);
- a path of at most `max_hops` calls from the handler to a navigation or web load
  (`pushViewController:animated:`, `loadRequest:`…), with a read of the URL's parts (`host`,
  `query`…) in a function on it;
- no validation step: no comparison (`isEqualToString:`, `hasPrefix:`, `containsObject:`…)
  and no look at the caller (`sourceApplication`) in the handler, the functions it calls, or
  the path.

A heuristic over selectors: a comparison anywhere there counts as validation even when it
compares something else, so a handler is reported only when it compares nothing at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any, ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.macho import MachOSlice
from scanner.graph.ios import IosGraph
from scanner.graph.reach import path_to
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text
from scanner.rules.ios_data import IosUrlHandlers

# An app id after the prefix: hex or decimal, at least this long (`wx5f0a8c3d2b1e4a67`).
MIN_APP_ID_CHARS = 6


def sdk_callback(scheme: str, prefixes: tuple[str, ...]) -> bool:
    """`wx5f0a…`, `tencent1104…`, `QQ41E5…`: a platform's app id, the SDK's callback."""
    for prefix in prefixes:
        rest = scheme[len(prefix) :]
        if (
            scheme.startswith(prefix)
            and len(rest) >= MIN_APP_ID_CHARS
            and rest.isalnum()
            and any(c.isdigit() for c in rest)
        ):
            return True
    return False


def own_schemes(info: dict[str, Any], prefixes: tuple[str, ...]) -> list[str]:
    """The app's own custom URL schemes, in Info.plist order."""
    out: list[str] = []
    for url_type in info.get("CFBundleURLTypes") or ():
        if not isinstance(url_type, dict):
            continue
        out.extend(
            scheme
            for scheme in url_type.get("CFBundleURLSchemes") or ()
            if isinstance(scheme, str) and scheme and not sdk_callback(scheme, prefixes)
        )
    return list(dict.fromkeys(out))


class IosUrlHandlerAnalyzer:
    id: ClassVar[str] = "ios-url-handlers"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("SEC-EXPORT-001",)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        spec = inputs.table.url_handlers
        app = inputs.app
        s = app.code_slice
        g = inputs.graphs.get(app.bundle.path)
        if spec is None:
            ctx.skipped.update(self.rule_ids)
            return
        schemes = own_schemes(app.bundle.info, spec.sdk_scheme_prefixes)
        if not schemes:
            return  # no scheme of its own: nothing any other app can open
        if s is None or app.encrypted or g is None:
            ctx.skipped.update(self.rule_ids)  # no graph of the app's code to follow
            return
        found = [
            e
            for address, why in sorted(g.entries.items())
            if why.startswith("app delegate") and _selector(g.name(address)) in spec.handlers
            for e in _unvalidated(spec, s, g, address)
        ]
        if not found:
            return
        handlers = ", ".join(dict.fromkeys(e.symbol or "" for e in found))
        sinks = ", ".join(dict.fromkeys((e.path or ("",))[-1] for e in found))
        shown = ", ".join(f"{x}://" for x in schemes)
        rule = ctx.catalog["SEC-EXPORT-001"]
        yield ctx.finding(
            "SEC-EXPORT-001",
            Text(
                zh=f"{rule.title.zh}（E3）：任意应用或网页可通过 {shown} 打开本应用，"
                f"{handlers} 读取URL内容后未经校验即到达 {sinks}",
                en=f"URL-scheme handler without validation (E3): any app or web page can open "
                f"{shown}; {handlers} reads the URL and reaches {sinks} with no validation step",
            ),
            Evidence(
                location=app.info_location,
                symbol="CFBundleURLTypes.CFBundleURLSchemes",
                excerpt=", ".join(schemes),
            ),
            *found,
            level=EvidenceLevel.E3,
        )


def _unvalidated(
    spec: IosUrlHandlers, s: MachOSlice, g: IosGraph, handler: int
) -> Iterator[Evidence]:
    """The handler's path to a sink when it reads the URL and validates nothing."""
    parent = _forward(g, handler, spec.max_hops)
    functions = s.functions
    sinks = [
        n for n in parent if n in functions and functions[n].selectors & spec.sinks
    ]  # BFS order: nearest first
    if not sinks:
        return
    path = path_to(parent, sinks[0])
    on_path = [functions[n] for n in path if n in functions]
    reads = sorted({sel for f in on_path for sel in f.selectors & spec.reads})
    if not reads:
        return  # a fixed screen whatever the URL says: nothing of the URL is used
    looked = on_path + [functions[n] for n in g.graph.adj[handler] if n in functions]
    if any(f.selectors & spec.checks or f.imports & spec.check_symbols for f in looked):
        return
    sink = sorted(functions[sinks[0]].selectors & spec.sinks)[0]
    yield Evidence(
        location=s.location,
        symbol=g.name(handler),
        excerpt=f"reads URL {', '.join(reads)}; calls {sink}; no comparison or caller check",
        path=(*(g.name(n) for n in path), sink),
    )


def _forward(g: IosGraph, start: int, max_hops: int) -> dict[int, int]:
    """Functions within `max_hops` calls of `start` -> predecessor (-1 at start). Calls and
    dispatches only: a callback edge is "may run later", not part of the handler."""
    parent = {start: -1}
    queue: deque[tuple[int, int]] = deque([(start, 0)])
    adj = g.graph.adj
    while queue:
        node, hops = queue.popleft()
        if hops == max_hops:
            continue
        for nxt, edge in adj[node].items():
            if nxt not in parent and edge.get("kind") != "callback":
                parent[nxt] = node
                queue.append((nxt, hops + 1))
    return parent


def _selector(name: str) -> str:
    """`-[AppDelegate application:openURL:options:]` -> its selector."""
    return name.rstrip("]").rpartition(" ")[2] if name.startswith(("-[", "+[")) else name
