"""What the gate writes: SARIF with suppressions (checked against the SARIF 2.1.0 schema's own
definition of a suppression), the decision JSON and the summary; and reading reports back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from scanner.gate.baseline import Baseline, BaselineEntry
from scanner.gate.evaluate import Status, evaluate
from scanner.gate.output import decision_document, summary, with_gate
from scanner.gate.policy import load_policy
from scanner.gate.report import (
    ReportError,
    load_report,
    looks_like_report,
    result_from_document,
    rules_for,
)
from scanner.render.sarif import to_sarif
from scanner.rules.catalog import Catalog
from tests.conftest import ROOT

GOLDEN = ROOT / "tests/golden/fingertip-checkin.json"
TODAY = dt.date(2026, 6, 1)

# Copied from the OASIS SARIF 2.1.0 schema (sarif-schema-2.1.0.json, definitions.suppression
# and result.suppressions); `location` and `properties` are left as plain objects.
SUPPRESSIONS_SCHEMA: dict[str, Any] = {
    "type": "array",
    "minItems": 0,
    "uniqueItems": True,
    "items": {
        "additionalProperties": False,
        "type": "object",
        "properties": {
            "guid": {
                "type": "string",
                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB]"
                "[0-9a-fA-F]{3}-[0-9a-fA-F]{12}$",
            },
            "kind": {"enum": ["inSource", "external"], "type": "string"},
            "status": {"enum": ["accepted", "underReview", "rejected"], "type": "string"},
            "justification": {"type": "string"},
            "location": {"type": "object"},
            "properties": {"type": "object"},
        },
        "required": ["kind"],
    },
}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return load_report(GOLDEN)


@pytest.fixture
def decision(doc: dict[str, Any], catalog: Catalog):  # type: ignore[no-untyped-def]
    categories = {r.category for r in catalog.rules.values()}
    policy = load_policy(ROOT / "docs/examples/policy.yml", catalog.rules, categories)
    first, second = doc["findings"][:2]
    baseline = Baseline(
        path="b.json",
        entries=tuple(
            BaselineEntry(
                fingerprint=f["fingerprint"],
                rule_id=f["rule_id"],
                reason=f"accepted {f['rule_id']} <b>",
                expires=TODAY,
            )
            for f in (first, second)
        ),
    )
    return evaluate(doc, policy, baseline, TODAY)


def test_sarif_marks_accepted_findings_as_suppressed(  # type: ignore[no-untyped-def]
    doc: dict[str, Any], catalog: Catalog, decision
) -> None:
    sarif = with_gate(to_sarif(result_from_document(doc), rules_for(doc, catalog.rules)), decision)
    sarif = json.loads(json.dumps(sarif))  # what a file holds
    results = sarif["runs"][0]["results"]
    assert len(results) == len(doc["findings"])
    accepted = 0
    for result, f, judged in zip(results, doc["findings"], decision.findings, strict=True):
        assert result["ruleId"] == f["rule_id"]
        assert result["partialFingerprints"]["fingertipFinding/v1"] == f["fingerprint"]
        assert result["properties"]["gate_status"] == judged.status.value
        if judged.status is Status.ACCEPTED:
            accepted += 1
            jsonschema.validate(result["suppressions"], SUPPRESSIONS_SCHEMA)
            assert result["suppressions"] == [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": f"accepted {f['rule_id']} <b>",
                }
            ]
        else:
            assert "suppressions" not in result
    assert accepted == 2
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["properties"]["gate"]["passed"] is False


def test_report_round_trips_to_the_same_fingerprints(doc: dict[str, Any]) -> None:
    result = result_from_document(doc)
    assert [f.fingerprint for f in result.findings] == [f["fingerprint"] for f in doc["findings"]]


def test_rules_for_stands_in_for_unknown_rules(doc: dict[str, Any], catalog: Catalog) -> None:
    odd = dict(doc, findings=[dict(doc["findings"][0], rule_id="X-FUTURE-001")])
    rules = rules_for(odd, catalog.rules)
    assert rules["X-FUTURE-001"].category == doc["findings"][0]["category"]
    to_sarif(result_from_document(odd), rules)  # no KeyError for the unknown rule


def test_decision_document_and_summary(decision) -> None:  # type: ignore[no-untyped-def]
    document = decision_document(decision, "policy.yml", "b.json")
    assert document["passed"] is False and document["date"] == TODAY.isoformat()
    assert document["counts"]["accepted"] == 2
    statuses = {f["status"] for f in document["findings"]}
    assert statuses <= {s.value for s in Status}
    accepted = [f for f in document["findings"] if f["status"] == "accepted"]
    assert all(f["baseline_entry"]["expires"] == TODAY.isoformat() for f in accepted)
    json.dumps(document)
    text = summary(decision, "policy.yml", "b.json")
    first = text.splitlines()[0]
    assert first.startswith("gate FAIL: fingertip-checkin.apk (cn.gov.example.daka")
    fails = [line for line in text.splitlines() if line.startswith("  FAIL ")]
    assert len(fails) == decision.counts()["failed"]
    assert any("SEC-DEBUG-001  high  -  " in line for line in fails)


def test_report_detection_and_errors(tmp_path: Path) -> None:
    assert looks_like_report(GOLDEN)
    assert not looks_like_report(ROOT / "samples/fingertip-clean.apk")
    odd = tmp_path / "report.out"
    odd.write_text('  {"app": {}}', encoding="utf-8")
    assert looks_like_report(odd)
    cases = {
        "a.json": "not json",
        "b.json": "[]",
        "c.json": json.dumps({"app": {}, "schema_version": "2.0", "findings": []}),
        "d.json": json.dumps({"app": {}, "schema_version": "1.1"}),
        "e.json": json.dumps(
            {"app": {}, "schema_version": "1.1", "findings": [{"rule_id": "X", "severity": "x"}]}
        ),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ReportError):
            load_report(path)
