"""The app's own code on iOS, and one finding for the functions a rule found in it.

Own code: the app's executable, its extensions and watch app, and embedded frameworks whose
bundle id has the app's organisation prefix (`cn.gov.example.AppCore` beside
`cn.gov.example.app`: a modular app's code). Not Apple's or the CocoaPods/Carthage builds of
third-party SDKs (`org.cocoapods.AFNetworking`, `com.google.…`): a weakness in a vendor's
framework is the vendor's to fix and is not the app's code. A static SDK linked into the
app's executable is named as such where the SDK table knows its class prefix.

`function_finding`: E3 with the shortest path when an entry point of the bundle's call graph
(scanner/graph/ios.py) reaches a function, else E2 lowered; dead code is never reported as
reachable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.ios import BundleFacts
from scanner.facts.macho import MachOSlice
from scanner.graph.ios import IosGraph
from scanner.model import Evidence, EvidenceLevel, Finding, Text

MAX_EVIDENCE = 5
_OWN_KINDS = frozenset({"app", "appex", "watch"})


def _organisation(bundle_id: str | None) -> str:
    parts = (bundle_id or "").split(".")
    return ".".join(parts[:2]) + "." if len(parts) > 2 else ""


def own_bundles(inputs: IosInputs) -> list[BundleFacts]:
    """The bundles whose code is the app's own (see the module docstring)."""
    org = _organisation(inputs.app.bundle.bundle_id)
    return [
        b
        for b in inputs.bundles
        if b.bundle.kind in _OWN_KINDS
        or (
            b.bundle.kind == "framework"
            and bool(org)
            and (b.bundle.bundle_id or "").startswith(org)
            and not org.startswith("com.apple.")
        )
    ]


def own_code(inputs: IosInputs) -> Iterator[tuple[BundleFacts, MachOSlice, IosGraph | None]]:
    """Own bundles with readable code, and their call graph when one was built."""
    for b in own_bundles(inputs):
        s = b.code_slice
        if s is not None and not b.encrypted and s.functions:
            yield b, s, inputs.graphs.get(b.bundle.path)


def class_of(name: str) -> str:
    """`-[ApiClient fetch]` -> `ApiClient` (categories: `-[NSString(Util) x]` -> NSString)."""
    if name[:2] in ("-[", "+["):
        return name[2:].split(" ", 1)[0].split("(", 1)[0]
    return ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A function that does what a rule looks for."""

    slice: MachOSlice
    graph: IosGraph | None
    function: int
    api: str  # what it calls or uses (the evidence's symbol)
    note: str = ""
    # Where a reaching path ends when not at the function itself: a delegate method is
    # reached through the function that creates its object (path to it, then the method).
    via: int | None = None

    @property
    def name(self) -> str:
        f = self.slice.functions.get(self.function)
        return (f.name if f else None) or f"sub_{self.function:x}"

    def path(self) -> list[int]:
        g = self.graph
        if g is None:
            return []
        if g.reachable(self.function):
            return g.path(self.function)
        if self.via is not None and g.reachable(self.via):
            return [*g.path(self.via), self.function]
        return []


def function_finding(
    ctx: Context,
    rule_id: str,
    what: Text,
    hits: Sequence[Hit],
    *,
    dead_lowered_by: int = 1,
    note: Text | None = None,
) -> Finding:
    """One finding for `hits`; `what` completes "code reached from X …" in both languages,
    `note` ends the message."""
    end = note or Text(zh="", en="")
    rule = ctx.catalog[rule_id]
    one = list({(h.slice.location, h.function): h for h in reversed(hits)}.values())[::-1]
    paths = [(h, h.path()) for h in one]
    reached = sorted(((h, p) for h, p in paths if p), key=lambda hp: len(hp[1]))
    evidence = []
    for h, path in reached[:MAX_EVIDENCE]:
        g = h.graph
        assert g is not None
        names = [g.name(n) for n in path]
        if names[-1] != h.api:  # a delegate method is its own API
            names.append(h.api)
        evidence.append(
            Evidence(
                location=h.slice.location, symbol=h.api, excerpt=_excerpt(ctx, h), path=tuple(names)
            )
        )
    if evidence:
        first = reached[0]
        g = first[0].graph
        assert g is not None
        start = g.entries.get(first[1][0]) or evidence[0].path[0]
        return ctx.finding(
            rule_id,
            Text(
                zh=f"{rule.title.zh}（E3）：{start} 可到达的代码{what.zh}{end.zh}",
                en=f"{rule.title.en} (E3): code reached from {start} {what.en}{end.en}",
            ),
            *evidence,
            level=EvidenceLevel.E3,
        )
    evidence.extend(
        Evidence(location=h.slice.location, symbol=h.name, excerpt=_excerpt(ctx, h, dead=True))
        for h in one[:MAX_EVIDENCE]
    )
    return ctx.finding(
        rule_id,
        Text(
            zh=f"{rule.title.zh}（E2）：代码{what.zh}，但没有入口点能到达{end.zh}",
            en=f"{rule.title.en} (E2): the code {what.en}, but no entry point reaches it{end.en}",
        ),
        *evidence,
        level=EvidenceLevel.E2,
        severity=rule.severity.lowered(dead_lowered_by),
    )


def _excerpt(ctx: Context, h: Hit, *, dead: bool = False) -> str:
    owner = ctx.sdk_table.owner(class_of(h.name)) if class_of(h.name) else None
    parts = [h.note or (f"uses {h.api}" if dead else ""), f"inside {owner.name}" if owner else ""]
    return "; ".join(p for p in parts if p)
