"""PRIV-PRECONSENT-001: personal data read on the start-up path, before any consent step.

The Application class and content providers run when the process starts, before any screen
can ask for consent. An identifier, location, app-list or clipboard read (or a data-collecting
SDK's initialisation) reachable from there without passing through a user action (a click on
"同意", say) happens before consent. The path from the start-up method is the evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.graph.reach import Reach
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text

START_UP = frozenset({"<init>", "<clinit>", "attachBaseContext", "onCreate"})
# Work handed to a thread, executor or handler at start-up runs right away, still before consent.
ASYNC_NOW = frozenset({"run", "call", "doInBackground", "handleMessage", "invoke", "accept"})
MAX_PATHS = 5


class PreconsentAnalyzer:
    id: ClassVar[str] = "preconsent"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-PRECONSENT-001",)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        code = inputs.code
        if code is None:
            return
        g = code.graph
        spec = ctx.behaviours.preconsent
        roots = [
            n
            for n, e in g.entries.items()
            if e.kind in ("application", "provider")
            and g.names[n].split("->", 1)[1].split("(", 1)[0] in START_UP
        ]
        if not roots:
            return

        kinds = g.graph.pred  # edge data: {"kind": …} for derived edges

        def later(node: int) -> bool:
            """Code that runs on a later event, not during start-up: user actions, and
            callbacks (listeners, crash handlers) other than work handed to a thread."""
            name = g.names[node].split("->", 1)[1].split("(", 1)[0]
            if name in spec.user_actions:
                return True
            if name in ASYNC_NOW:
                return False
            preds = kinds[node]
            return bool(preds) and all(d.get("kind") == "callback" for d in preds.values())

        reach = Reach(g, roots, skip=later)
        targets = sorted(
            (t for t in g.matching(spec.apis) if reach.reachable(t) and t not in roots),
            key=lambda n: (len(reach.path(n)), g.names[n]),
        )
        # An SDK's own internals reach many APIs; report each API once, by its shortest path.
        seen: set[str] = set()
        evidence = []
        for t in targets:
            api = g.short(t)
            if api in seen:
                continue
            seen.add(api)
            path = reach.path(t)
            caller = path[-2] if len(path) > 1 else t
            owner = ctx.sdk_table.owner(g.class_of(caller))
            evidence.append(
                Evidence(
                    location=g.location.get(caller) or g.location.get(path[0], "classes.dex"),
                    symbol=api,
                    excerpt="at process start, before consent"
                    + (f" (inside {owner.name})" if owner else ""),
                    path=tuple(g.short(n) for n in path),
                )
            )
        if not evidence:
            return
        apis = sorted(seen)
        first = evidence[0].path[0] if evidence[0].path else ""
        yield ctx.finding(
            spec.rule,
            Text(
                zh=f"启动时（{first}）即调用 {'、'.join(apis[:5])}，早于用户同意隐私政策。",
                en=f"At process start ({first}) the app calls {', '.join(apis[:5])}, before the "
                "user can agree to the privacy policy.",
            ),
            *evidence[:MAX_PATHS],
            level=EvidenceLevel.E3,
        )
