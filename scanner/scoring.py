"""Score and verdict: pure functions of the findings."""

from __future__ import annotations

from collections.abc import Iterable

from scanner.model import Finding, Severity, Verdict

# Points a finding costs; info findings (inventories, suspected features) cost nothing.
_WEIGHT = {
    Severity.CRITICAL: 40,
    Severity.HIGH: 15,
    Severity.MEDIUM: 5,
    Severity.LOW: 1,
    Severity.INFO: 0,
}


def evaluate(findings: Iterable[Finding], fail_on: Severity) -> tuple[int, Verdict]:
    """(score 0–100, verdict): FAIL at or above `fail_on`, WARN at medium or above, else PASS."""
    found = list(findings)
    score = max(0, 100 - sum(_WEIGHT[f.severity] for f in found))
    worst = max((f.severity.rank for f in found), default=-1)
    if worst >= fail_on.rank:
        return score, Verdict.FAIL
    if worst >= Severity.MEDIUM.rank:
        return score, Verdict.WARN
    return score, Verdict.PASS
