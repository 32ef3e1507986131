"""The JSON report: a public contract (docs/schema/report-1.schema.json), deterministic bytes."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from scanner.model import Evidence, Finding, Rule, ScanResult, Severity, Signer, Text

# 1.1 (additive): app.min_os, app.build_version, app.bundles (iOS).
# 1.2 (additive): facts.similarity (duplicate/template clustering), rating (with --db).
SCHEMA_VERSION = "1.2"


def _text(t: Text | None) -> dict[str, str] | None:
    return None if t is None else {"zh": t.zh, "en": t.en}


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "location": e.location,
        "symbol": e.symbol,
        "excerpt": e.excerpt,
        "offset": e.offset,
        "path": list(e.path),
    }


def _signer(s: Signer) -> dict[str, Any]:
    return {
        "scheme": s.scheme,
        "subject": s.subject,
        "issuer": s.issuer,
        "serial": s.serial,
        "not_before": s.not_before,
        "not_after": s.not_after,
        "md5": s.md5,
        "sha1": s.sha1,
        "sha256": s.sha256,
        "public_key_algorithm": s.public_key_algorithm,
        "public_key_bits": s.public_key_bits,
        "public_key": s.public_key,
        "signature_algorithm": s.signature_algorithm,
        "verified": s.verified,
    }


def _finding(f: Finding, rule: Rule | None) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "severity": f.severity.value,
        "category": rule.category if rule else "",
        "title": _text(rule.title) if rule else {"zh": f.rule_id, "en": f.rule_id},
        "message": _text(f.message),
        "evidence_level": f.evidence_level.value if f.evidence_level else None,
        "needs_review": f.needs_review,
        "fingerprint": f.fingerprint,
        "evidence": [_evidence(e) for e in f.evidence],
    }


def to_document(
    result: ScanResult, rules: dict[str, Rule], *, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    app = result.app
    by_sev = Counter(f.severity.value for f in result.findings)
    by_cat = Counter(rules[f.rule_id].category for f in result.findings if f.rule_id in rules)
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {
            "name": result.tool.name,
            "version": result.tool.version,
            "ruleset_sha256": result.tool.ruleset_sha256,
        },
        "app": {
            "platform": app.platform.value,
            "path": app.path,
            "file_name": app.file_name,
            "size": app.size,
            "sha256": app.sha256,
            "identifier": app.identifier,
            "name": app.name,
            "names": dict(app.names),
            "version_name": app.version_name,
            "version_code": app.version_code,
            "min_sdk": app.min_sdk,
            "target_sdk": app.target_sdk,
            "signature_schemes": list(app.signature_schemes),
            "signers": [_signer(s) for s in app.signers],
            "permissions": [
                {
                    "name": p.name,
                    "protection_level": p.protection_level,
                    "description": _text(p.description),
                    "max_sdk": p.max_sdk,
                }
                for p in app.permissions
            ],
            "sdks": [
                {
                    "id": s.id,
                    "name": s.name,
                    "vendor": s.vendor,
                    "categories": list(s.categories),
                    "source": s.source,
                    "evidence": [_evidence(e) for e in s.evidence],
                    "personal_data": list(s.personal_data),
                    "calls": list(s.calls),
                }
                for s in app.sdks
            ],
            "min_os": app.min_os,
            "build_version": app.build_version,
            "bundles": [
                {
                    "path": b.path,
                    "kind": b.kind,
                    "parent": b.parent,
                    "identifier": b.identifier,
                    "name": b.name,
                    "version": b.version,
                    "build": b.build,
                    "min_os": b.min_os,
                    "executable": b.executable,
                    "archs": list(b.archs),
                    "encrypted": b.encrypted,
                    "signature": b.signature,
                    "team_id": b.team_id,
                }
                for b in app.bundles
            ],
        },
        "coverage": {"partial": result.coverage.partial, "reasons": list(result.coverage.reasons)},
        "findings": [_finding(f, rules.get(f.rule_id)) for f in result.findings],
        "summary": {
            "by_severity": {s.value: by_sev.get(s.value, 0) for s in Severity},
            "by_category": dict(sorted(by_cat.items())),
        },
        "evaluated_rules": list(result.evaluated_rule_ids),
        "score": result.score,
        "verdict": result.verdict.value,
        "facts": result.facts,
        "errors": list(result.errors),
    }
    if extra:
        doc.update(extra)
    return doc


def error_document(
    path: str,
    file_name: str,
    sha256: str | None,
    size: int | None,
    error: str,
    tool: dict[str, str],
) -> dict[str, Any]:
    """The report of a package that could not be scanned: same shape, verdict `error`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool,
        "app": {
            "platform": None,
            "path": path,
            "file_name": file_name,
            "size": size,
            "sha256": sha256,
            "identifier": None,
            "name": None,
            "names": {},
            "version_name": None,
            "version_code": None,
            "min_sdk": None,
            "target_sdk": None,
            "signature_schemes": [],
            "signers": [],
            "permissions": [],
            "sdks": [],
        },
        "coverage": {"partial": True, "reasons": ["the package could not be scanned"]},
        "findings": [],
        "summary": {"by_severity": {s.value: 0 for s in Severity}, "by_category": {}},
        "evaluated_rules": [],
        "score": None,
        "verdict": "error",
        "facts": {},
        "errors": [error],
    }


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
