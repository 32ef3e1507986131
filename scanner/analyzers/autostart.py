"""PRIV-AUTOSTART-001: self-start and chain start (MIIT notice 164, "自启动、关联启动").

Self-start, from the manifest: an enabled receiver for a broadcast the system sends without
the user opening the app (boot, unlock, network, package changes; signatures/data/
permissions.toml [[autostart]]), counted only where the system still delivers it: the boot
broadcasts need RECEIVE_BOOT_COMPLETED, and most implicit broadcasts stopped reaching manifest
receivers of apps targeting Android 7/8 and later.

Chain start, from the call graph: a method that aims an intent at another app (its package or
class name as a string constant, through ComponentName, setComponent, setClassName or
setPackage) and starts, binds or broadcasts to it. E3 when an entry point reaches that method
without passing a user action (a share button is the user's choice), E2 otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.analyzers.behaviours import _where
from scanner.graph.callgraph import CodeGraph
from scanner.graph.reach import Reach
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text
from scanner.rules.permissions import ChainSpec, PermissionRules

MAX_PATHS = 3
BOOT_PERMISSION = "android.permission.RECEIVE_BOOT_COMPLETED"
_BOOT = ("android.intent.action.BOOT_COMPLETED", "android.intent.action.LOCKED_BOOT_COMPLETED")
# A package or class name: reversed-domain segments (`com.tencent.mm`, `com.x.y.MainService`).
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_$]*)+$")
# A download a page offers starts when the user taps it: the user's action, like a click.
_PAGE_ACTIONS = frozenset({"onDownloadStart"})
# Package names start with a top-level domain; host names end with one (www.example.com).
_TLDS = frozenset(
    {"com", "cn", "net", "org", "io", "me", "cc", "tv", "top", "co", "so", "info", "edu", "gov"}
)


class AutostartAnalyzer:
    id: ClassVar[str] = "autostart"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-AUTOSTART-001",)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        rules = ctx.permission_rules
        if rules is None:
            ctx.skipped.update(self.rule_ids)
            return
        self_start = self._receivers(inputs, ctx, rules)
        if self_start is not None:
            yield self_start
        if inputs.code is not None:
            chain = self._chain(inputs, inputs.code, ctx, rules.chain)
            if chain is not None:
                yield chain

    def _receivers(
        self, inputs: AndroidInputs, ctx: Context, rules: PermissionRules
    ) -> Finding | None:
        f = inputs.facts
        target = f.effective_target_sdk
        permissions = {name for name, _ in f.permissions}
        evidence = []
        actions_seen: list[str] = []
        for c in f.components:
            if c.kind != "receiver" or not c.enabled:
                continue
            actions = [
                a
                for flt in c.intent_filters
                for a in flt.actions
                if a in rules.autostart and _delivered(a, rules.autostart[a], target, permissions)
            ]
            if not actions:
                continue
            actions = list(dict.fromkeys(actions))
            actions_seen.extend(actions)
            owner = ctx.sdk_table.owner("L" + c.name.replace(".", "/") + ";")
            evidence.append(
                Evidence(
                    location=f.manifest_location,
                    symbol=f"receiver {c.name}",
                    excerpt=", ".join(actions) + (f" (inside {owner.name})" if owner else ""),
                )
            )
        if not evidence:
            return None
        rule = ctx.catalog["PRIV-AUTOSTART-001"]
        shown = [a.rsplit(".", 1)[-1] for a in dict.fromkeys(actions_seen)]
        return ctx.finding(
            "PRIV-AUTOSTART-001",
            Text(
                zh=f"{rule.title.zh}：{len(evidence)} 个广播接收器在未打开应用时即可被系统唤起"
                f"（{'、'.join(shown)}）",
                en=f"{rule.title.en}: {len(evidence)} receiver(s) let the system start the app "
                f"without the user opening it ({', '.join(shown)})",
            ),
            *evidence,
        )

    def _chain(
        self, inputs: AndroidInputs, code: CodeEvidence, ctx: Context, spec: ChainSpec
    ) -> Finding | None:
        g = code.graph
        aim = g.matching(spec.component)
        if not aim:
            return None
        start = g.matching(spec.start)
        own = inputs.facts.package
        components = {c.name for c in inputs.facts.components}
        packages: set[str] | None = None  # packages of the classes the dex files define
        found: dict[int, list[str]] = {}  # method -> other apps it starts
        for api in aim:
            for caller in g.graph.pred[api]:
                if caller not in g.defined or caller in found:
                    continue
                if not _starts(g, caller, start):
                    continue
                names = [s for s in g.strings(caller) if _NAME.match(s) and s not in components]
                if not names:
                    continue
                if packages is None:
                    packages = {cls[1:].rsplit("/", 1)[0] for cls in g.classes}
                others = [s for s in names if _foreign(s, own, spec.system_prefixes, g, packages)]
                if others:
                    # A class name says more than its package beside it (setClassName).
                    found[caller] = [
                        o
                        for o in dict.fromkeys(others)
                        if not any(x.startswith(o + ".") for x in others)
                    ]
        if not found:
            return None
        actions = ctx.behaviours.preconsent.user_actions

        def by_user(node: int) -> bool:
            method = g.names[node].split("->", 1)[1].split("(", 1)[0]
            return method in actions or method in _PAGE_ACTIONS

        reach = Reach(g, skip=by_user)
        methods = sorted(found, key=lambda n: (not reach.reachable(n), g.names[n]))
        reached = [n for n in methods if reach.reachable(n)]
        evidence = []
        for method in (reached or methods)[:MAX_PATHS]:
            path = reach.path(method) if reach.reachable(method) else [method]
            owner = ctx.sdk_table.owner(g.class_of(method))
            evidence.append(
                Evidence(
                    location=_where(g, path),
                    symbol=g.short(method),
                    excerpt="starts "
                    + ", ".join(found[method][:3])
                    + (f" (inside {owner.name})" if owner else ""),
                    path=tuple(g.short(n) for n in path) if reach.reachable(method) else (),
                )
            )
        targets = list(dict.fromkeys(t for n in (reached or methods) for t in found[n]))[:5]
        rule = ctx.catalog["PRIV-AUTOSTART-001"]
        if reached:
            level = EvidenceLevel.E3
            zh = (
                f"{rule.title.zh}（E3）：{evidence[0].path[0]} 无需用户操作即可启动其他应用的组件"
                f"（{'、'.join(targets)}）"
            )
            en = (
                f"{rule.title.en} (E3): {evidence[0].path[0]} starts components of other apps "
                f"({', '.join(targets)}) without a user action"
            )
        else:
            level = EvidenceLevel.E2
            zh = (
                f"{rule.title.zh}（E2）：代码会启动其他应用的组件（{'、'.join(targets)}），"
                "但仅经用户操作或没有入口点能到达"
            )
            en = (
                f"{rule.title.en} (E2): code starts components of other apps "
                f"({', '.join(targets)}), but only through a user action or from no entry point"
            )
        return ctx.finding(
            "PRIV-AUTOSTART-001",
            Text(zh=zh, en=en),
            *evidence,
            level=level,
            severity=None if reached else rule.severity.lowered(),
        )


def _delivered(action: str, until_target: int | None, target: int, permissions: set[str]) -> bool:
    """Whether the system still delivers `action` to a manifest receiver of this app."""
    if action in _BOOT and BOOT_PERMISSION not in permissions:
        return False
    return until_target is None or target <= until_target


def _starts(g: CodeGraph, method: int, start: set[int]) -> bool:
    """Whether `method`, or a method calling it (which built the intent there), starts
    something."""
    succ = g.graph.adj
    if any(n in start for n in succ[method]):
        return True
    return any(p in g.defined and any(n in start for n in succ[p]) for p in g.graph.pred[method])


def _foreign(
    name: str, own: str, system: tuple[str, ...], g: CodeGraph, packages: set[str]
) -> bool:
    """Whether a package or class name belongs to another, non-system app."""
    parts = name.split(".")
    if parts[0] not in _TLDS or parts[-1] in _TLDS:
        return False  # not a reversed domain, or a host name
    if own and (name == own or name.startswith(own + ".")):
        return False
    if name.lower() == "android" or name.lower().startswith(system):
        return False
    if parts[-1].isupper() or "action" in parts or "intent" in parts:
        return False  # an intent action (com.tencent.QQBrowser.action.VIEW), not a component
    slashed = name.replace(".", "/")
    if parts[-1][:1].isupper():  # a class: another app's if no dex defines it
        return f"L{slashed};" not in g.classes
    return slashed not in packages
