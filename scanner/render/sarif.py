"""SARIF 2.1.0 for code-scanning services, built from plain dicts.

Locations point at the package file (the artifact a repository holds) with the place inside it
as a logical location (`app.apk!classes2.dex`); GitHub needs a region, so line 1 stands for
"this binary". Fingerprints are the findings' own, stable across rebuilds.
"""

from __future__ import annotations

from typing import Any

from scanner.model import Finding, Rule, ScanResult, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# GitHub's security-severity scale (CVSS-like, as a string).
_SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "0.0",
}


def _rule(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.rationale.en}\n\nRemediation: {rule.remediation.en}"
    tags = ["security", rule.category, *(f"external/cwe/cwe-{c}" for c in rule.cwe)]
    return {
        "id": rule.id,
        "name": rule.id.replace("-", ""),
        "shortDescription": {"text": f"{rule.title.en} / {rule.title.zh}"},
        "fullDescription": {"text": rule.rationale.en},
        "help": {
            "text": help_text,
            "markdown": f"**{rule.title.en}** ({rule.title.zh})\n\n{rule.rationale.en}\n\n"
            f"{rule.rationale.zh}\n\n**Remediation:** {rule.remediation.en}\n\n"
            f"{rule.remediation.zh}\n\nBasis: {', '.join(rule.basis) or '-'}",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "tags": tags,
            "precision": "high" if rule.category != "formalism" else "medium",
            "security-severity": _SECURITY_SEVERITY[rule.severity],
        },
    }


def _result(f: Finding, index: int, package: str) -> dict[str, Any]:
    inner = [e.location for e in f.evidence] or [package]
    return {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": f"{f.message.en}\n{f.message.zh}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": package},
                    "region": {"startLine": 1},
                },
                "logicalLocations": [
                    {"fullyQualifiedName": loc, "kind": "module"}
                    for loc in dict.fromkeys(inner[:5])
                ],
            }
        ],
        "partialFingerprints": {"fingertipFinding/v1": f.fingerprint},
        "properties": {
            "severity": f.severity.value,
            "evidence_level": f.evidence_level.value if f.evidence_level else None,
            "needs_review": f.needs_review,
        },
    }


def to_sarif(result: ScanResult, rules: dict[str, Rule]) -> dict[str, Any]:
    used = sorted({f.rule_id for f in result.findings} | set(result.evaluated_rule_ids))
    rule_list = [rules[r] for r in used if r in rules]
    index = {r.id: i for i, r in enumerate(rule_list)}
    package = result.app.path.replace("\\", "/")
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "Fingertip",
                        "version": result.tool.version,
                        "semanticVersion": result.tool.version,
                        "rules": [_rule(r) for r in rule_list],
                        "properties": {"ruleset_sha256": result.tool.ruleset_sha256},
                    }
                },
                "artifacts": [
                    {
                        "location": {"uri": package},
                        "length": result.app.size,
                        "hashes": {"sha-256": result.app.sha256},
                    }
                ],
                "results": [_result(f, index[f.rule_id], package) for f in result.findings],
                "properties": {
                    "verdict": result.verdict.value,
                    "score": result.score,
                    "coverage_partial": result.coverage.partial,
                },
            }
        ],
    }
