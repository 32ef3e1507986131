"""One finding for calls found in the code: E3 with the shortest path when an entry point
reaches one of them, else E2 at a lower severity (dead code is never reported as reachable).

The TLS and storage rules find (method, API it calls, what it does) triples in different ways and
report them alike, through `call_finding`.
"""

from __future__ import annotations

from collections.abc import Sequence

from scanner.analyzers.base import CodeEvidence, Context
from scanner.model import Evidence, EvidenceLevel, Finding, Text

MAX_EVIDENCE = 5


def call_finding(
    ctx: Context,
    rule_id: str,
    what: Text,
    calls: Sequence[tuple[int, int, str]],
    code: CodeEvidence,
    *,
    dead_lowered_by: int = 1,
) -> Finding:
    """`calls`: (calling method, API node, note) in the order found; `what` completes "code
    reached from X …" in both languages. One evidence item per calling method, shortest path
    first; SDK code is named as such."""
    g, reach = code.graph, code.reach
    rule = ctx.catalog[rule_id]
    one_per_caller = {caller: (api, note) for caller, api, note in reversed(calls)}
    reached = sorted(
        (c for c in one_per_caller if reach.reachable(c)), key=lambda c: len(reach.path(c))
    )
    evidence = []
    for caller in reached[:MAX_EVIDENCE]:
        api, note = one_per_caller[caller]
        owner = ctx.sdk_table.owner(g.class_of(caller))
        evidence.append(
            Evidence(
                location=g.location.get(caller, ""),
                symbol=g.short(api),
                excerpt="; ".join(filter(None, (note, f"inside {owner.name}" if owner else ""))),
                path=tuple(g.short(n) for n in (*reach.path(caller), api)),
            )
        )
    if evidence:
        start = evidence[0].path[0]
        return ctx.finding(
            rule_id,
            Text(
                zh=f"{rule.title.zh}（E3）：{start} 可到达的代码{what.zh}",
                en=f"{rule.title.en} (E3): code reached from {start} {what.en}",
            ),
            *evidence,
            level=EvidenceLevel.E3,
        )
    for caller in sorted(one_per_caller)[:MAX_EVIDENCE]:
        api, note = one_per_caller[caller]
        evidence.append(
            Evidence(
                location=g.location.get(caller, ""),
                symbol=g.short(caller),
                excerpt=note or f"calls {g.short(api)}",
            )
        )
    return ctx.finding(
        rule_id,
        Text(
            zh=f"{rule.title.zh}（E2）：代码{what.zh}，但没有入口点能到达",
            en=f"{rule.title.en} (E2): the code {what.en}, but no entry point reaches it",
        ),
        *evidence,
        level=EvidenceLevel.E2,
        severity=rule.severity.lowered(dead_lowered_by),
    )
