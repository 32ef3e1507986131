"""The decision: thresholds by severity, rule, category and evidence level; the baseline's
acceptances, expiries and unused entries."""

from __future__ import annotations

import datetime as dt

from scanner.gate.baseline import Baseline, BaselineEntry
from scanner.gate.evaluate import Status, evaluate
from tests.unit.gate.conftest import finding, report

TODAY = dt.date(2026, 6, 1)
POLICY = """\
fail_on:
  severity: high
  rules: [SEC-DEBUG-001]
  categories: {formalism: medium, identity: none}
  min_evidence: E3
ignore_rules: [PRIV-SDK-001]
"""


def _status(decision, rule_id: str) -> tuple[Status, str]:  # type: ignore[no-untyped-def]
    (f,) = [f for f in decision.findings if f.rule_id == rule_id]
    return f.status, f.reason


def test_thresholds(policy_from) -> None:  # type: ignore[no-untyped-def]
    doc = report(
        finding("SEC-NET-001", "high", "security"),  # at the global threshold
        finding("SEC-BACKUP-001", "medium", "security"),  # below it
        finding("SEC-DEBUG-001", "low", "security"),  # listed: fails whatever its severity
        finding("FORM-CHECKIN-001", "medium", "formalism", "E3"),  # category threshold medium
        finding("FORM-RANK-001", "medium", "formalism", "E2"),  # code finding below E3
        finding("PRIV-LOC-001", "critical", "privacy", "E1"),  # below E3 whatever the severity
        finding("PRIV-CONTACTS-001", "high", "privacy", "E4"),
        finding("ID-FILING-002", "critical", "identity"),  # identity: none
        finding("PRIV-SDK-001", "critical", "privacy"),  # ignored
    )
    decision = evaluate(doc, policy_from(POLICY), None, TODAY)
    assert _status(decision, "SEC-NET-001") == (
        Status.FAILED,
        "severity high at or above fail_on.severity high",
    )
    assert _status(decision, "SEC-BACKUP-001") == (
        Status.BELOW_THRESHOLD,
        "severity medium below fail_on.severity high",
    )
    assert _status(decision, "SEC-DEBUG-001") == (Status.FAILED, "rule listed in fail_on.rules")
    assert _status(decision, "FORM-CHECKIN-001")[1] == (
        "severity medium at or above fail_on.categories.formalism medium"
    )
    assert _status(decision, "FORM-RANK-001") == (
        Status.BELOW_THRESHOLD,
        "evidence E2 below fail_on.min_evidence E3",
    )
    assert _status(decision, "PRIV-LOC-001")[0] is Status.BELOW_THRESHOLD
    assert _status(decision, "PRIV-CONTACTS-001")[0] is Status.FAILED
    assert _status(decision, "ID-FILING-002") == (
        Status.BELOW_THRESHOLD,
        "fail_on.categories.identity is none",
    )
    assert _status(decision, "PRIV-SDK-001") == (Status.IGNORED, "rule listed in ignore_rules")
    assert not decision.passed
    assert decision.counts() == {
        "failed": 4,
        "accepted": 0,
        "below_threshold": 4,
        "ignored": 1,
    }


def test_listed_rule_fails_below_min_evidence(policy_from) -> None:  # type: ignore[no-untyped-def]
    policy = policy_from("fail_on:\n  rules: [PRIV-LOC-001]\n  min_evidence: E4\n")
    decision = evaluate(
        report(finding("PRIV-LOC-001", "low", "privacy", "E2")), policy, None, TODAY
    )
    assert _status(decision, "PRIV-LOC-001")[0] is Status.FAILED


def test_no_findings_pass(policy_from) -> None:  # type: ignore[no-untyped-def]
    assert evaluate(report(), policy_from(POLICY), None, TODAY).passed


def _entry(f: dict, expires: dt.date, package: str | None = None, **kw) -> BaselineEntry:  # type: ignore[no-untyped-def, type-arg]
    return BaselineEntry(
        fingerprint=f["fingerprint"],
        rule_id=kw.get("rule_id", f["rule_id"]),
        reason=kw.get("reason", "accepted by the lab"),
        expires=expires,
        package=package,
    )


def test_baseline_accepts_expires_and_reports_unused(policy_from) -> None:  # type: ignore[no-untyped-def]
    net = finding("SEC-NET-001", "high", "security")
    export = finding("SEC-EXPORT-001", "high", "security")
    backup = finding("SEC-BACKUP-001", "medium", "security")
    gone = finding("SEC-SIGN-001", "high", "security")
    old_gone = finding("SEC-SIGN-002", "high", "security")
    baseline = Baseline(
        path="b.json",
        entries=(
            _entry(net, TODAY, reason="intranet only"),  # last valid day
            _entry(export, TODAY - dt.timedelta(days=1)),  # expired yesterday
            _entry(backup, TODAY),  # matches a finding below the threshold: used
            _entry(gone, TODAY + dt.timedelta(days=9)),  # no such finding now
            _entry(old_gone, TODAY - dt.timedelta(days=9)),  # expired and unmatched
        ),
    )
    decision = evaluate(report(net, export, backup), policy_from(POLICY), baseline, TODAY)
    assert _status(decision, "SEC-NET-001") == (
        Status.ACCEPTED,
        f"baseline until {TODAY.isoformat()}: intranet only",
    )
    status, reason = _status(decision, "SEC-EXPORT-001")
    assert status is Status.FAILED and reason.endswith("its baseline entry expired on 2026-05-31")
    assert _status(decision, "SEC-BACKUP-001")[0] is Status.BELOW_THRESHOLD
    assert [(x.entry.rule_id, x.matched) for x in decision.expired] == [
        ("SEC-EXPORT-001", True),
        ("SEC-SIGN-002", False),
    ]
    assert [e.rule_id for e in decision.unused] == ["SEC-SIGN-001"]
    assert not decision.passed
    # The day before the expiry, the same baseline accepts both.
    earlier = evaluate(
        report(net, export, backup),
        policy_from(POLICY),
        baseline,
        TODAY - dt.timedelta(days=1),
    )
    assert earlier.passed and earlier.counts()["accepted"] == 2


def test_baseline_package_scope_and_rule_mismatch(policy_from) -> None:  # type: ignore[no-untyped-def]
    net = finding("SEC-NET-001", "high", "security")
    other_app = _entry(net, TODAY, package="cn.gov.other")
    decision = evaluate(
        report(net), policy_from(POLICY), Baseline(path="b", entries=(other_app,)), TODAY
    )
    # An entry for another app neither accepts this finding nor counts as unused here.
    assert _status(decision, "SEC-NET-001")[0] is Status.FAILED and not decision.unused
    same_app = _entry(net, TODAY, package="cn.gov.example")
    decision = evaluate(
        report(net), policy_from(POLICY), Baseline(path="b", entries=(same_app,)), TODAY
    )
    assert decision.passed
    wrong_rule = _entry(net, TODAY, rule_id="SEC-DEBUG-001")
    decision = evaluate(
        report(net), policy_from(POLICY), Baseline(path="b", entries=(wrong_rule,)), TODAY
    )
    assert not decision.passed and [e.rule_id for e in decision.unused] == ["SEC-DEBUG-001"]


def test_category_from_catalogue_when_report_lacks_it(policy_from) -> None:  # type: ignore[no-untyped-def]
    f = finding("FORM-CHECKIN-001", "medium", "", "E4")
    decision = evaluate(
        report(f), policy_from(POLICY), None, TODAY, {"FORM-CHECKIN-001": "formalism"}
    )
    assert _status(decision, "FORM-CHECKIN-001")[0] is Status.FAILED
