"""Permissions (signatures/data/permissions.toml): over-requested ones (PRIV-PERM-001) and
requests that repeat (PRIV-PERM-002).

PRIV-PERM-001 reports, from the manifest, (a) the permissions of GB/T 41391-2022 Annex E (low
relevance to common services) requested at all, and (b) dangerous permissions with no sign of
use anywhere in the package: no dex method calls an API that needs it, no dex string names its
classes, intent actions or content URIs, no bundled .so links the NDK library for it, and no
manifest receiver gets a broadcast that needs it. (b) runs only on the call graph of unpacked
code and is generous about what counts as a use, because an absent use is hard to prove: code
loaded at run time, JNI calls and web pages are not seen, and the finding says so.

PRIV-PERM-002 follows the graph from the lifecycle methods that run on every return to a screen
(onResume, onStart, onWindowFocusChanged…) and from onRequestPermissionsResult (after the user
answered) to a runtime-permission request: asking again each time, or right after a denial, is
the "frequent requests" of MIIT notice 164. E3 when the lifecycle method is reachable from an
entry point, with the path; paths through a user action (a retry button) do not count.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.analyzers.behaviours import _where
from scanner.graph.callgraph import CodeGraph, framework_ancestors
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.permissions import PermissionRules, PermissionUse, RequestSpec

MAX_PATHS = 3
MAX_LISTED = 8
# Code files beside classes*.dex that an app can load at run time (plugins, hot fixes).
_LOADABLE = re.compile(r"\.(dex|jar|apk)$", re.IGNORECASE)
_MAIN_DEX = re.compile(r"^classes\d*\.dex$")
# Library code whose lifecycle methods only forward to the app's (FragmentActivity.onResume
# resumes the fragments): the app's own method is the one to show.
_FORWARDING = ("Landroidx/", "Landroid/support/")
_LATER = frozenset({"callback", "intent", "clinit"})
_FRAGMENTS = frozenset(
    {
        "Landroid/app/Fragment;",
        "Landroidx/fragment/app/Fragment;",
        "Landroid/support/v4/app/Fragment;",
    }
)


def packed(inputs: AndroidInputs, ctx: Context) -> bool:
    """Whether a packer hides the real code (the dex is a stub)."""
    return any(ctx.packers.match(n) for n in inputs.entry_names) or any(
        h.rule_id == "SEC-PACK-001" for h in inputs.yara
    )


def loadable_code(entry_names: tuple[str, ...]) -> list[str]:
    return [n for n in entry_names if _LOADABLE.search(n) and not _MAIN_DEX.match(n)]


class PermissionAnalyzer:
    id: ClassVar[str] = "permissions"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-PERM-001", "PRIV-PERM-002")

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        rules = ctx.permission_rules
        if rules is None:
            ctx.skipped.update(self.rule_ids)
            return
        finding = self._over_requested(inputs, ctx, rules)
        if finding is not None:
            yield finding
        if inputs.code is None:
            ctx.skipped.add("PRIV-PERM-002")
            return
        repeated = self._repeated(inputs.code, ctx, rules.request)
        if repeated is not None:
            yield repeated

    # -- PRIV-PERM-001 ------------------------------------------------------------------------

    def _over_requested(
        self, inputs: AndroidInputs, ctx: Context, rules: PermissionRules
    ) -> Finding | None:
        facts = inputs.facts
        requested = dict(facts.permissions)
        where = facts.manifest_location
        code = inputs.code
        usage = _Usage(inputs, code) if code is not None and not packed(inputs, ctx) else None
        annex = [p for p in rules.annex_e if p in requested]
        evidence = []
        for name in annex:
            use = rules.uses.get(name)
            shown = usage.describe(use) if usage is not None and use is not None else "not assessed"
            evidence.append(
                Evidence(
                    location=where,
                    symbol=name,
                    excerpt=f"GB/T 41391-2022 Annex E (low relevance); use: {shown}",
                )
            )
        unused: list[str] = []
        if usage is not None:
            for name, max_sdk in sorted(requested.items()):
                use = rules.uses.get(name)
                # A maxSdkVersion scopes the permission to old systems on purpose (storage
                # before scoped storage): not assessed.
                if use is None or max_sdk is not None or usage.shown(use) is not None:
                    continue
                unused.append(name)
                if name not in annex:
                    evidence.append(
                        Evidence(
                            location=where,
                            symbol=name,
                            excerpt="dangerous; no use found: " + usage.looked_for(use),
                        )
                    )
        if not annex and not unused:
            return None
        short = [p.rsplit(".", 1)[-1] for p in annex]
        parts_zh, parts_en = [], []
        if annex:
            parts_zh.append(f"申请了 GB/T 41391-2022 附录E所列低相关权限 {'、'.join(short)}")
            parts_en.append(f"requests GB/T 41391-2022 Annex E low-relevance {', '.join(short)}")
        if unused:
            names = [p.rsplit(".", 1)[-1] for p in unused]
            more = f" (+{len(names) - MAX_LISTED})" if len(names) > MAX_LISTED else ""
            parts_zh.append(f"申请的危险权限 {'、'.join(names[:MAX_LISTED])}{more} 未发现任何使用")
            parts_en.append(
                f"dangerous permission(s) {', '.join(names[:MAX_LISTED])}{more} with no use found"
            )
        limits_zh, limits_en = _limits(inputs) if unused else ("", "")
        rule = ctx.catalog["PRIV-PERM-001"]
        # With code the scan cannot read (files loaded at run time), "unused" is weaker.
        severity = (
            Severity.LOW if unused and not annex and loadable_code(inputs.entry_names) else None
        )
        return ctx.finding(
            "PRIV-PERM-001",
            Text(
                zh=f"{rule.title.zh}：{'；'.join(parts_zh)}{limits_zh}",
                en=f"{rule.title.en}: the app {'; '.join(parts_en)}{limits_en}",
            ),
            *evidence,
            severity=severity,
        )

    # -- PRIV-PERM-002 ------------------------------------------------------------------------

    def _repeated(self, code: CodeEvidence, ctx: Context, spec: RequestSpec) -> Finding | None:
        g = code.graph
        targets = g.matching(spec.apis)
        if not targets:
            return None
        actions = ctx.behaviours.preconsent.user_actions
        toward = _toward(g, targets, spec.max_hops, actions)
        starts = []
        for node in toward:
            if node not in g.defined or g.names[node].startswith(_FORWARDING):
                continue
            method = _method(g, node)
            if (method in spec.repeating or method in spec.after_answer) and _screen(g, node):
                starts.append(node)
        if not starts:
            return None
        reach = code.reach

        def order(n: int) -> tuple[bool, int, str]:
            return (not reach.reachable(n), len(reach.path(n)), g.names[n])

        starts.sort(key=order)
        reached = [n for n in starts if reach.reachable(n)]
        shown = (reached or starts)[:MAX_PATHS]
        evidence = []
        guarded: list[int] = []
        for start in shown:
            forward = [start]
            while forward[-1] in toward and toward[forward[-1]] != -1:
                forward.append(toward[forward[-1]])
            path = [*reach.path(start)[:-1], *forward] if reach.reachable(start) else forward
            kind = (
                "after an answer" if _method(g, start) in spec.after_answer else "on every return"
            )
            flag = _once_flag(g, forward)
            if flag is not None:
                guarded.append(start)
            evidence.append(
                Evidence(
                    location=_where(g, path),
                    symbol=g.short(start),
                    excerpt=f"requests permissions {kind}: {g.short(forward[-1])}"
                    + (f"; boolean field {flag} on the way may stop repeats" if flag else ""),
                    path=tuple(g.short(n) for n in path),
                )
            )
        level = EvidenceLevel.E3 if reached else EvidenceLevel.E2
        rule = ctx.catalog["PRIV-PERM-002"]
        methods = sorted({_method(g, n) for n in shown})
        first = g.short(shown[0])
        if level is EvidenceLevel.E3:
            after = _method(g, shown[0]) in spec.after_answer
            when_zh = (
                "用户作答后立即再次弹窗（同一或下一项权限）"
                if after
                else "除非有标志位阻止，每次回到界面都会再次弹窗"
            )
            when_en = (
                "right after the user answered (the same or the next permission)"
                if after
                else "on every return to the screen unless a flag stops it"
            )
            zh = f"{rule.title.zh}（E3）：{first} 中申请运行时权限，{when_zh}"
            en = (
                f"{rule.title.en} (E3): {first} requests runtime permissions, so the prompt "
                f"comes back {when_en}"
            )
        else:
            zh = f"{rule.title.zh}（E2）：{'、'.join(methods)} 中申请运行时权限，但没有入口点能到达"
            en = (
                f"{rule.title.en} (E2): {', '.join(methods)} request runtime permissions, but "
                "no entry point reaches them"
            )
        return ctx.finding(
            "PRIV-PERM-002",
            Text(zh=zh, en=en),
            *evidence,
            level=level,
            # Every path passing a once-flag (zxing's askedPermission) may ask only once.
            severity=rule.severity
            if level is EvidenceLevel.E3 and len(guarded) < len(shown)
            else rule.severity.lowered(),
        )


def _once_flag(g: CodeGraph, path: list[int]) -> str | None:
    """A boolean field of its own class that an app method on the way to the request uses
    (`askedPermission`): a guard that may let the request run once. Reads and writes are not
    told apart here, so it is a hint, not proof."""
    for node in path:
        if node not in g.defined:
            continue
        cls = g.class_of(node)
        for f in g.fields(node):
            owner, _, rest = f.partition("->")
            if owner == cls and rest.endswith(":Z"):
                return rest.split(":", 1)[0]
    return None


def _method(g: CodeGraph, node: int) -> str:
    return g.names[node].split("->", 1)[1].split("(", 1)[0]


def _toward(
    g: CodeGraph, targets: set[int], max_hops: int, user_actions: frozenset[str]
) -> dict[int, int]:
    """Every method within `max_hops` calls of a target, with its next step toward it (-1 at
    a target): one backward search instead of one forward search per lifecycle method. A user
    action on the way (a retry button's onClick) breaks the chain."""
    nxt: dict[int, int] = dict.fromkeys(targets, -1)
    frontier: deque[tuple[int, int]] = deque((t, 0) for t in sorted(targets))
    pred = g.graph.pred
    while frontier:
        node, hops = frontier.popleft()
        if hops == max_hops:
            continue
        for caller, edge in pred[node].items():
            # Calls and overrides only: the graph's callback, launch and <clinit> edges say
            # "may run later", not "runs now, in this lifecycle method".
            if caller in nxt or edge.get("kind") in _LATER:
                continue
            if _method(g, caller) in user_actions or g.names[caller].startswith(_FORWARDING):
                continue  # a user's tap, or library plumbing (FragmentActivity's host)
            nxt[caller] = node
            frontier.append((caller, hops + 1))
    return nxt


def _screen(g: CodeGraph, node: int) -> bool:
    """Whether the method belongs to an activity or fragment (Service.onStart is not a
    screen's lifecycle)."""
    cls = g.class_of(node)
    if "Landroid/app/Activity;" in framework_ancestors(g.framework_base(cls)):
        return True
    chain = {info.descriptor for info in g.app_chain(cls)} | {g.framework_base(cls)}
    return bool(chain & _FRAGMENTS)


class _Usage:
    """Whether the package shows a use of a permission, looked up lazily per permission."""

    def __init__(self, inputs: AndroidInputs, code: CodeEvidence) -> None:
        self.g = code.graph
        self.reach = code.reach
        self.dexes = code.dexes
        self.needed = {n for lib in inputs.native for n in lib.needed}
        self.actions = {
            a
            for c in inputs.facts.components
            if c.enabled
            for f in c.intent_filters
            for a in f.actions
        }

    def _call(self, use: PermissionUse) -> tuple[int, int] | None:
        """(calling method, API) of the first call of one of the permission's APIs, reached
        callers first."""
        g = self.g
        found: list[tuple[bool, str, int, int]] = []
        for api in g.matching(use.apis):
            callers = [c for c in g.graph.pred[api] if c in g.defined]
            if api in g.defined:
                callers.append(api)  # an SDK's own API (AMap's client): defined counts
            found.extend((not self.reach.reachable(c), g.names[c], c, api) for c in callers)
        if not found:
            return None
        _, _, caller, api = min(found)
        return caller, api

    def shown(self, use: PermissionUse) -> str | None:
        """What shows the permission is used, or None."""
        call = self._call(use)
        if call is not None:
            caller, api = call
            level = "E3" if self.reach.reachable(caller) else "E2"
            return f"{self.g.short(caller)} calls {self.g.short(api)} ({level})"
        for s in use.strings:
            for dex in self.dexes:
                if dex.find_string(s) is not None:
                    return f"{dex.location} names {s}"
        lib = next((n for n in use.native if n in self.needed), None)
        if lib is not None:
            return f"native code links {lib}"
        action = next((a for a in use.actions if a in self.actions), None)
        if action is not None:
            return f"a manifest receiver gets {action}"
        return None

    def describe(self, use: PermissionUse) -> str:
        return self.shown(use) or "none found"

    @staticmethod
    def looked_for(use: PermissionUse) -> str:
        apis = [_class_name(a) for a in use.apis]
        shown = ", ".join(list(dict.fromkeys(a for a in apis if a))[:3]) or "its APIs"
        return f"no call into {shown}, no {use.group} class, intent or URI named in the dex"


def _class_name(prefix: str) -> str:
    """`Landroid/hardware/Camera;->open` -> `Camera.open`; a package prefix -> its last name."""
    cls, _, method = prefix.partition(";->")
    name = cls.rstrip("/;").rsplit("/", 1)[-1]
    return f"{name}.{method}" if method and not method.startswith("<") else name


def _limits(inputs: AndroidInputs) -> tuple[str, str]:
    """What the search for a use cannot see in this app, said in the message."""
    zh = ["仅依据静态代码：反射、运行时加载的代码、JNI 与网页调用可能未被发现"]
    en = [
        "static code only: use through reflection, code loaded at run time, JNI or web "
        "pages may be missed"
    ]
    extra = loadable_code(inputs.entry_names)
    if extra:
        zh.append(f"包内另有可运行时加载的代码文件 {'、'.join(extra[:3])}")
        en.append(f"the package holds code files loadable at run time ({', '.join(extra[:3])})")
    if inputs.native:
        zh.append(f"{len(inputs.native)} 个原生库未作分析")
        n = len(inputs.native)
        en.append(f"{n} native librar{'y' if n == 1 else 'ies'} not analysed")
    return "（" + "；".join(zh) + "）", " (" + "; ".join(en) + ")"
