"""PRIV-PRECONSENT-001 on iOS: identifiers, location, clipboard or an SDK's start reached from
the app's launch (the app delegate's launch methods, +load) before any consent step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import networkx as nx

from scanner.analyzers.base import Context
from scanner.analyzers.ios.apis import ApiIndex
from scanner.analyzers.ios.inputs import IosInputs
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text

MAX_PATHS = 5


def _selector(name: str) -> str:
    """`-[AppDelegate application:didFinishLaunchingWithOptions:]` -> its selector."""
    return name.rstrip("]").rpartition(" ")[2] if name.startswith(("-[", "+[")) else name


class IosPreconsentAnalyzer:
    id: ClassVar[str] = "ios-preconsent"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-PRECONSENT-001",)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        spec = inputs.table.preconsent
        found: list[tuple[Evidence, str]] = []
        for b in inputs.bundles:
            g = inputs.graphs.get(b.bundle.path)
            s = b.code_slice
            if g is None or s is None:
                continue
            launch = [a for a in g.entries if _selector(g.name(a)) in spec.launch]
            targets = ApiIndex(s).functions(spec.apis)
            for target, api in sorted(targets.items()):
                for entry in launch:
                    if target not in g.reached_from(entry):
                        continue
                    path = nx.shortest_path(g.graph, entry, target)
                    names = [g.name(n) for n in path]
                    if any(w in n for n in names[1:] for w in spec.consent_words):
                        continue  # behind a consent step
                    found.append(
                        (
                            Evidence(
                                location=s.location,
                                symbol=api.text,
                                excerpt=f"reached from {names[0]} at launch",
                                path=tuple(names),
                            ),
                            api.text,
                        )
                    )
                    break
        if not found:
            return
        apis = ", ".join(dict.fromkeys(a for _, a in found))
        yield ctx.finding(
            spec.rule,
            Text(
                zh=f"应用启动时、用户同意隐私政策之前即调用：{apis}",
                en=f"Called at launch, before the user can consent to the privacy policy: {apis}",
            ),
            *(e for e, _ in found[:MAX_PATHS]),
            level=EvidenceLevel.E3,
        )
