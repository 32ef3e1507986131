"""What the gate tells people and machines: a short text summary, the decision as JSON, and
SARIF with the baseline's acceptances as SARIF suppressions. Pure: the CLI writes the files."""

from __future__ import annotations

from typing import Any

from scanner.gate.baseline import WRITTEN_REASON, BaselineEntry
from scanner.gate.evaluate import Decision, GateFinding, Status

DECISION_VERSION = 1


def _line(tag: str, f: GateFinding) -> str:
    level = f.evidence_level.value if f.evidence_level else "-"
    return f"  {tag:<6} {f.rule_id}  {f.severity.value}  {level}  {f.location or '-'}  ({f.reason})"


def _entry(e: BaselineEntry) -> str:
    pkg = f" [{e.package}]" if e.package else ""
    return f"{e.rule_id} {e.fingerprint[:12]}{pkg} expires {e.expires.isoformat()}: {e.reason}"


def summary(decision: Decision, policy_path: str, baseline_path: str | None) -> str:
    """Stderr text: the verdict, one line per finding that failed or was accepted, the baseline's
    expired and unused entries. Findings below the threshold are only counted."""
    app = decision.app
    who = app.get("file_name") or "?"
    ident = " ".join(str(app[k]) for k in ("identifier", "version_name") if app.get(k))
    c = decision.counts()
    head = (
        f"gate {'PASS' if decision.passed else 'FAIL'}: {who}{f' ({ident})' if ident else ''} "
        f"against {policy_path}{f' + {baseline_path}' if baseline_path else ''}: "
        f"{c['failed']} failed, {c['accepted']} accepted, "
        f"{c['below_threshold']} below threshold, {c['ignored']} ignored"
    )
    lines = [head]
    lines += [_line("FAIL", f) for f in decision.findings if f.status is Status.FAILED]
    lines += [_line("ACCEPT", f) for f in decision.findings if f.status is Status.ACCEPTED]
    for x in decision.expired:
        state = "still matches a finding" if x.matched else "matches no finding"
        lines.append(f"  expired baseline entry ({state}): {_entry(x.entry)}")
    lines += [f"  unused baseline entry: {_entry(e)}" for e in decision.unused]
    todo = [
        f for f in decision.findings if f.entry is not None and f.entry.reason == WRITTEN_REASON
    ]
    if todo:
        lines.append(
            f"  note: {len(todo)} baseline entr{'y' if len(todo) == 1 else 'ies'} "
            f"still give the reason {WRITTEN_REASON!r}"
        )
    return "\n".join(lines)


def _entry_dict(e: BaselineEntry) -> dict[str, Any]:
    return e.to_dict()


def decision_document(
    decision: Decision, policy_path: str, baseline_path: str | None
) -> dict[str, Any]:
    return {
        "gate_version": DECISION_VERSION,
        "passed": decision.passed,
        "date": decision.date.isoformat(),
        "policy": policy_path,
        "baseline": baseline_path,
        "app": decision.app,
        "counts": decision.counts(),
        "findings": [
            {
                "rule_id": f.rule_id,
                "severity": f.severity.value,
                "category": f.category,
                "evidence_level": f.evidence_level.value if f.evidence_level else None,
                "fingerprint": f.fingerprint,
                "location": f.location,
                "status": f.status.value,
                "reason": f.reason,
                "baseline_entry": _entry_dict(f.entry) if f.entry else None,
            }
            for f in decision.findings
        ],
        "expired": [_entry_dict(x.entry) | {"matched": x.matched} for x in decision.expired],
        "unused": [_entry_dict(e) for e in decision.unused],
    }


def with_gate(sarif: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """The scan's SARIF (scanner/render/sarif.py) with the decision added: an accepted finding
    carries an external, accepted suppression whose justification is the baseline's reason,
    so code-scanning services show it as dismissed; each result says its gate status."""
    run = sarif["runs"][0]
    results = run["results"]
    if len(results) != len(decision.findings):  # both follow the report's finding order
        raise ValueError("SARIF results and gate findings differ in number")
    for result, f in zip(results, decision.findings, strict=True):
        result["partialFingerprints"]["fingertipFinding/v1"] = f.fingerprint
        result["properties"]["gate_status"] = f.status.value
        result["properties"]["gate_reason"] = f.reason
        if f.status is Status.ACCEPTED and f.entry is not None:
            result["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": f.entry.reason}
            ]
    run["properties"]["gate"] = {"passed": decision.passed, "counts": decision.counts()}
    return sarif
