"""ID-FILING-002 through the ledger: a silent re-key, or the same app under a new package id."""

from __future__ import annotations

from scanner.ledger import open_ledger
from scanner.ledger.compose import record_scan, with_findings
from scanner.model import App, Platform, ScanResult, Severity, Signer, ToolInfo, Verdict
from tests.unit.ledger.reports import day, report

PKG = "cn.gov.example.notice"
OLD, NEW = "aa" * 32, "bb" * 32


def test_a_new_version_signed_with_another_certificate_is_flagged(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        ledger.record(report(version="1.0.0", cert=OLD, findings=[]), scanned_at=day(0))
        same = ledger.identity_findings(report(version="1.0.1", cert=OLD), scanned_at=day(5))
        doc = report(version="1.1.0", code=2, cert=NEW, findings=[])
        [found] = ledger.identity_findings(doc, scanned_at=day(5))
        rating = ledger.record(doc, scanned_at=day(5))
        [h] = ledger.history(PKG, now=day(6))
    assert same == []
    assert (found.rule_id, found.severity) == ("ID-FILING-002", Severity.HIGH)
    assert "silent re-key" in found.message.en and "静默换签" in found.message.zh
    assert "1.0.0 (1)" in found.message.en
    assert found.evidence[0].location == "fingertip-clean.apk!APK Signing Block (v2, v3)"
    assert OLD in found.evidence[0].excerpt and NEW in found.evidence[0].excerpt
    # record() stores the finding with the scan even when the report lacks it: the code sees it.
    assert rating.code == "blue"
    assert "BLUE-IDENTITY" in [a.condition for a in rating.audit]
    assert [c.rule_id for c in h.versions[1].added] == ["ID-FILING-002"]


def test_a_declared_rotation_is_reported_with_its_lineage(db_url: str) -> None:
    doc = report(version="1.1.0", cert=NEW)
    lineage = dict(doc["app"]["signers"][0], scheme="lineage", sha256=OLD)
    doc["app"]["signers"].append(lineage)
    with open_ledger(db_url) as ledger:
        ledger.record(report(cert=OLD), scanned_at=day(0))
        [found] = ledger.identity_findings(doc, scanned_at=day(1))
    assert "declared rotation" in found.message.en


def test_same_certificate_and_name_under_a_new_package_id_is_flagged(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        ledger.record(report(cert=OLD, code=1), scanned_at=day(0))
        ledger.record(
            report(cert=OLD, code=1, identifier="cn.gov.example.notice1"), scanned_at=day(0)
        )
        renamed = report(identifier="cn.gov.example.notice2", cert=OLD, code=2)
        [found] = ledger.identity_findings(renamed, scanned_at=day(1))
        other = report(identifier="cn.gov.example.other", cert=OLD, code=2)
        other["app"]["name"], other["app"]["names"] = "Another app", {}
        vendor_sibling = ledger.identity_findings(other, scanned_at=day(1))
        same_version = report(identifier="cn.gov.example.notice3", cert=OLD, code=1)
        built_in_lockstep = ledger.identity_findings(same_version, scanned_at=day(1))
    assert (found.rule_id, found.severity) == ("ID-FILING-002", Severity.MEDIUM)
    assert "package id possibly changed" in found.message.en
    assert "and under 1 more package id(s)" in found.message.en
    assert "疑似包名变更" in found.message.zh
    assert found.evidence[0].excerpt.startswith("previous cn.gov.example.notice")
    assert (
        PKG in found.evidence[0].excerpt and "cn.gov.example.notice1" in found.evidence[0].excerpt
    )
    # One vendor key signing several apps is a vendor signal (DOMAIN.md §4), not a mismatch;
    # nor are same-named apps at the same version (built side by side, not renamed).
    assert vendor_sibling == []
    assert built_in_lockstep == []


def test_ios_chain_certificates_are_not_the_identity(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        ledger.record(report("ios-checkin", findings=[]), scanned_at=day(0))
        doc = report("ios-checkin", version="1.3.0")
        chain = [s for s in doc["app"]["signers"] if "WWDR" in s["subject"]]
        chain[0]["sha256"] = "cc" * 32  # Apple renewed its intermediate: not a re-key
        assert ledger.identity_findings(doc, scanned_at=day(1)) == []


def test_with_findings_recomputes_score_and_verdict(db_url: str) -> None:
    app = App(platform=Platform.ANDROID, path="x.apk", file_name="x.apk", size=1, sha256=OLD)
    tool = ToolInfo(name="fingertip", version="0", ruleset_sha256=OLD)
    result = ScanResult(
        tool=tool, app=app, findings=(), evaluated_rule_ids=(), score=100, verdict=Verdict.PASS
    )
    with open_ledger(db_url) as ledger:
        ledger.record(report(cert=OLD), scanned_at=day(0))
        extra = ledger.identity_findings(report(version="2", cert=NEW), scanned_at=day(1))
    combined = with_findings(result, extra, Severity.HIGH)
    assert [f.rule_id for f in combined.findings] == ["ID-FILING-002"]
    assert (combined.score, combined.verdict) == (85, Verdict.FAIL)
    assert combined.evaluated_rule_ids == ("ID-FILING-002",)
    assert with_findings(combined, extra, Severity.HIGH) is combined


def _result(sha: str, version: str) -> ScanResult:
    signer = Signer(
        scheme="v2",
        subject="CN=x",
        issuer="CN=x",
        serial="1",
        not_before="",
        not_after="",
        md5="",
        sha1="",
        sha256=sha,
        public_key_algorithm="RSA",
        public_key_bits=2048,
        public_key="",
        signature_algorithm="",
    )
    app = App(
        platform=Platform.ANDROID,
        path="x.apk",
        file_name="x.apk",
        size=1,
        sha256=sha,
        identifier="cn.gov.example.x",
        version_name=version,
        version_code=1,
        signers=(signer,),
        signature_schemes=("v2",),
    )
    tool = ToolInfo(name="fingertip", version="0", ruleset_sha256=OLD)
    return ScanResult(
        tool=tool, app=app, findings=(), evaluated_rule_ids=(), score=100, verdict=Verdict.PASS
    )


def test_record_scan_adds_the_finding_and_the_rating(db_url: str) -> None:
    """What `scan --db` does with each result."""
    with open_ledger(db_url) as ledger:
        first, doc1 = record_scan(ledger, _result(OLD, "1"), {}, Severity.HIGH)
        second, doc2 = record_scan(
            ledger, _result(NEW, "2"), {}, Severity.HIGH, extra={"run": {"started": "2030-01-01"}}
        )
    assert first.findings == () and doc1["rating"]["code"] == "green"
    assert [f.rule_id for f in second.findings] == ["ID-FILING-002"]
    assert second.verdict is Verdict.FAIL
    assert [f["rule_id"] for f in doc2["findings"]] == ["ID-FILING-002"]
    assert doc2["rating"]["code"] == "blue"
    assert doc2["rating"]["computed_at"] == "2030-01-01T00:00:00+00:00"
