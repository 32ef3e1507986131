"""Adding the ledger's ID-FILING-002 findings to a scan result before it is rendered.

Why at the ScanResult and not in the pipeline: the ledger is a lab-scale layer above the
pipeline (STYLE.md: batch and ledger sit over pipeline and analyzers), and the pipeline stays
a pure function of one package. Why not in the JSON dict: the SARIF and HTML renderers and the
verdict must see the same findings, so they are added once, here, and the score and verdict
recomputed with scoring.evaluate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from scanner.ledger.store import Ledger
from scanner.model import Finding, Rule, ScanResult, Severity, Verdict
from scanner.render.json import to_document
from scanner.scoring import evaluate


def with_findings(result: ScanResult, extra: Sequence[Finding], fail_on: Severity) -> ScanResult:
    """`result` with the findings of `extra` it does not have yet (by fingerprint)."""
    known = {f.fingerprint for f in result.findings}
    new = [f for f in extra if f.fingerprint not in known]
    if not new:
        return result
    findings = tuple(sorted((*result.findings, *new), key=Finding.sort_key))
    score, verdict = evaluate(findings, fail_on)
    if result.verdict is Verdict.ERROR:
        verdict = Verdict.ERROR
    evaluated = tuple(sorted({*result.evaluated_rule_ids, *(f.rule_id for f in new)}))
    return dataclasses.replace(
        result, findings=findings, score=score, verdict=verdict, evaluated_rule_ids=evaluated
    )


def record_scan(
    ledger: Ledger,
    result: ScanResult,
    rules: Mapping[str, Rule],
    fail_on: Severity,
    *,
    extra: dict[str, Any] | None = None,
) -> tuple[ScanResult, dict[str, Any]]:
    """What `scan --db` and `batch --db` do with each result: add the ledger's ID-FILING-002
    findings, record the scan, and put the app's code in the report as `rating`. Returns the
    result to render (SARIF, HTML) and its JSON document."""
    doc = to_document(result, dict(rules), extra=extra)
    result = with_findings(result, ledger.identity_findings(doc), fail_on)
    doc = to_document(result, dict(rules), extra=extra)
    doc["rating"] = ledger.record(doc).to_dict()
    return result, doc
