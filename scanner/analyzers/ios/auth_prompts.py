"""PRIV-PERM-002 on iOS: an authorization request (location, camera, photos, notifications,
contacts…) reached from a method that runs every time a screen appears or the app returns to
the foreground (`viewWillAppear:`, `viewDidAppear:`, `applicationDidBecomeActive:`,
`sceneDidBecomeActive:`…): the app asks again on every return, the "frequent requests" of
MIIT notice 164.

iOS shows its own dialog only while the status is undetermined, so the repeat the user sees
is the app's (its pre-prompt, its "go to Settings" alert) or the system's after a reset; a
status read (`authorizationStatus`) on the way is taken as a guard and lowers the severity.

The search runs backward from the functions that send a request, over calls and dispatches
(not the graph's "may run later" callback edges), at most `max_hops` calls, and not through a
control's target-action method (a tap is the user's choice: ios/privacy.py `_actions`) nor
through another entry point (a super call reaches every class's method of that name). E3 when
the lifecycle method is reached from an entry point of the graph, with the path; E2 (lower
severity) when it is not.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.apis import ApiIndex
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.privacy import _actions as target_actions
from scanner.facts.macho import MachOSlice
from scanner.graph.ios import IosGraph
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text
from scanner.rules.ios_data import IosAuthRequests

MAX_PATHS = 3


class IosAuthPromptAnalyzer:
    id: ClassVar[str] = "ios-auth-prompts"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-PERM-002",)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        spec = inputs.table.auth_requests
        if spec is None or not inputs.graphs:
            ctx.skipped.update(self.rule_ids)
            return
        found: list[tuple[bool, bool, int, str, Evidence]] = []  # reached, guarded, length, API
        for b in inputs.bundles:
            s = b.code_slice
            g = inputs.graphs.get(b.bundle.path)
            if s is None or g is None or b.encrypted:
                continue
            found.extend(_repeats(spec, s, g))
        if not found:
            return
        found.sort(key=lambda x: (not x[0], x[2], x[4].symbol or ""))
        reached = [x for x in found if x[0]]
        shown = (reached or found)[:MAX_PATHS]
        rule = ctx.catalog["PRIV-PERM-002"]
        first, api = shown[0][4], shown[0][3]
        if reached:
            zh = (
                f"{rule.title.zh}（E3）：{first.symbol} 中申请授权（{api}），"
                "每次回到界面或应用回到前台都会再次申请"
            )
            en = (
                f"{rule.title.en} (E3): {first.symbol} requests authorization ({api}), so the "
                "request comes back every time the screen appears or the app returns"
            )
        else:
            methods = "、".join(dict.fromkeys(x[4].symbol or "" for x in shown))
            zh = f"{rule.title.zh}（E2）：{methods} 中申请授权，但没有入口点能到达"
            en = (
                f"{rule.title.en} (E2): {methods} request authorization, but no entry point "
                "reaches them"
            )
        guarded = all(x[1] for x in shown)
        yield ctx.finding(
            "PRIV-PERM-002",
            Text(zh=zh, en=en),
            *(x[4] for x in shown),
            level=EvidenceLevel.E3 if reached else EvidenceLevel.E2,
            # A status read on every shown path may ask only while undetermined.
            severity=rule.severity if reached and not guarded else rule.severity.lowered(),
        )


def _repeats(
    spec: IosAuthRequests, s: MachOSlice, g: IosGraph
) -> Iterator[tuple[bool, bool, int, str, Evidence]]:
    targets = ApiIndex(s).functions(spec.apis)
    if not targets:
        return
    toward = _toward(g, set(targets), spec.max_hops, target_actions(s))
    defined = set(s.methods.values())
    for node in sorted(toward):
        if node not in defined or _selector(g.name(node)) not in spec.repeating:
            continue
        forward = [node]
        while toward[forward[-1]] != -1:
            forward.append(toward[forward[-1]])
        reached = g.reachable(node)
        path = [*g.path(node)[:-1], *forward] if reached else forward
        functions = s.functions
        status = sorted(
            {
                sel
                for n in forward
                if n in functions
                for sel in functions[n].selectors & spec.status_checks
            }
        )
        api = targets[forward[-1]].text
        yield (
            reached,
            bool(status),
            len(path),
            api,
            Evidence(
                location=s.location,
                symbol=g.name(node),
                excerpt=f"requests authorization on every return: {api}"
                + (f"; reads {', '.join(status)} first, which may stop repeats" if status else ""),
                path=(*(g.name(n) for n in path), api),
            ),
        )


def _toward(g: IosGraph, targets: set[int], max_hops: int, actions: set[int]) -> dict[int, int]:
    """Every function within `max_hops` calls of a target, with its next step toward it (-1
    at a target). Not through a target-action method, nor up from an entry point (what calls
    an entry in the graph is a super call or a same-named method elsewhere)."""
    nxt: dict[int, int] = dict.fromkeys(targets, -1)
    frontier: deque[tuple[int, int]] = deque((t, 0) for t in sorted(targets))
    pred = g.graph.pred
    while frontier:
        node, hops = frontier.popleft()
        if hops == max_hops or node in g.entries:
            continue
        for caller, edge in pred[node].items():
            if caller in nxt or caller in actions or edge.get("kind") == "callback":
                continue
            nxt[caller] = node
            frontier.append((caller, hops + 1))
    return nxt


def _selector(name: str) -> str:
    return name.rstrip("]").rpartition(" ")[2] if name.startswith(("-[", "+[")) else name
