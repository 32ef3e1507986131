"""A Fingertip JSON report as the gate's input: so a pipeline can scan once and gate later.

The gate works on report dicts (the contract between the lab-scale parts); for SARIF it turns
one back into a ScanResult, because the SARIF renderer reads those.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scanner.model import (
    App,
    Coverage,
    Evidence,
    EvidenceLevel,
    Finding,
    Platform,
    Rule,
    ScanResult,
    Severity,
    Text,
    ToolInfo,
    Verdict,
)

_LEVELS = {e.value for e in EvidenceLevel}
_SEVERITIES = {s.value for s in Severity}


class ReportError(Exception):
    """The file is not a usable Fingertip report (the CLI exits 3: nothing to gate)."""


def looks_like_report(path: Path) -> bool:
    """A `.json` file, or any file whose first non-blank byte opens a JSON object (packages
    are zip archives and start with `PK`)."""
    if path.suffix.lower() == ".json":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(64).lstrip()
    except OSError:
        return False
    return head.startswith(b"{")


def _check_finding(i: int, f: Any) -> None:
    if not isinstance(f, dict):
        raise ReportError(f"findings[{i}] is not an object")
    if not isinstance(f.get("rule_id"), str) or not isinstance(f.get("fingerprint"), str):
        raise ReportError(f"findings[{i}] has no rule_id or fingerprint")
    if f.get("severity") not in _SEVERITIES:
        raise ReportError(f"findings[{i}].severity {f.get('severity')!r} is not a severity")
    if f.get("evidence_level") is not None and f["evidence_level"] not in _LEVELS:
        raise ReportError(f"findings[{i}].evidence_level {f['evidence_level']!r} is unknown")
    if not isinstance(f.get("evidence", []), list):
        raise ReportError(f"findings[{i}].evidence is not a list")


def load_report(path: Path) -> dict[str, Any]:
    """A report document checked for what the gate reads; raises ReportError."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(f"cannot read {path.name} as a JSON report: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("app"), dict):
        raise ReportError(f"{path.name} is not a Fingertip report (no app object)")
    version = str(doc.get("schema_version", ""))
    if version.split(".")[0] != "1":
        raise ReportError(f"{path.name}: unsupported report schema_version {version!r} (need 1.x)")
    findings = doc.get("findings")
    if not isinstance(findings, list):
        raise ReportError(f"{path.name} is not a Fingertip report (no findings list)")
    for i, f in enumerate(findings):
        _check_finding(i, f)
    return doc


def _text(raw: Any, fallback: str) -> Text:
    if isinstance(raw, dict):
        return Text(zh=str(raw.get("zh", fallback)), en=str(raw.get("en", fallback)))
    return Text(zh=fallback, en=fallback)


def _finding(f: dict[str, Any]) -> Finding:
    return Finding(
        rule_id=f["rule_id"],
        severity=Severity(f["severity"]),
        message=_text(f.get("message"), f["rule_id"]),
        evidence_level=EvidenceLevel(f["evidence_level"]) if f.get("evidence_level") else None,
        evidence=tuple(
            Evidence(
                location=str(e.get("location", "")),
                symbol=str(e.get("symbol", "")),
                excerpt=str(e.get("excerpt", "")),
                offset=e.get("offset"),
                path=tuple(e.get("path", ())),
            )
            for e in f.get("evidence", [])
        ),
        needs_review=bool(f.get("needs_review", False)),
    )


def result_from_document(doc: dict[str, Any]) -> ScanResult:
    """The ScanResult a report was rendered from, as far as SARIF needs it (no facts)."""
    app, tool = doc["app"], doc.get("tool", {})
    platform = app.get("platform") or Platform.ANDROID.value
    verdict = doc.get("verdict")
    return ScanResult(
        tool=ToolInfo(
            name=str(tool.get("name", "fingertip")),
            version=str(tool.get("version", "")),
            ruleset_sha256=str(tool.get("ruleset_sha256", "")),
        ),
        app=App(
            platform=Platform(platform),
            path=str(app.get("path") or app.get("file_name") or ""),
            file_name=str(app.get("file_name") or ""),
            size=int(app.get("size") or 0),
            sha256=str(app.get("sha256") or ""),
            identifier=app.get("identifier"),
            name=app.get("name"),
            version_name=app.get("version_name"),
        ),
        findings=tuple(_finding(f) for f in doc["findings"]),
        evaluated_rule_ids=tuple(doc.get("evaluated_rules", ())),
        score=int(doc.get("score") or 0),
        verdict=Verdict(verdict) if verdict in {v.value for v in Verdict} else Verdict.ERROR,
        coverage=Coverage(
            partial=bool(doc.get("coverage", {}).get("partial", False)),
            reasons=tuple(doc.get("coverage", {}).get("reasons", ())),
        ),
    )


def rules_for(doc: dict[str, Any], catalog: dict[str, Rule]) -> dict[str, Rule]:
    """The catalogue, plus a stand-in for each rule the report names that this catalogue lacks
    (a report from another ruleset), built from what the report says about it."""
    rules = dict(catalog)
    for f in doc["findings"]:
        if f["rule_id"] in rules:
            continue
        title = _text(f.get("title"), f["rule_id"])
        rules[f["rule_id"]] = Rule(
            id=f["rule_id"],
            title=title,
            severity=Severity(f["severity"]),
            category=str(f.get("category") or "unknown"),
            platforms=(),
            rationale=title,
            remediation=Text(zh="", en=""),
        )
    return rules
