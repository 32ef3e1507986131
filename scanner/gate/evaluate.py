"""The gate decision: each finding of a report judged against a policy and a baseline. Pure.

Order of the checks, for one finding:
1. its rule is in `ignore_rules`            -> ignored
2. its rule is in `fail_on.rules`           -> over the threshold, whatever its severity or level
3. a code finding below `min_evidence`      -> below threshold (non-code findings always count)
4. severity against its category's threshold, else `fail_on.severity` -> over or below
A finding over the threshold is accepted when an unexpired baseline entry holds its fingerprint,
and fails otherwise. Any baseline entry matching a finding counts as used.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from scanner.gate.baseline import Baseline, BaselineEntry
from scanner.gate.policy import EVIDENCE_ORDER, Policy
from scanner.model import EvidenceLevel, Severity


class Status(StrEnum):
    FAILED = "failed"
    ACCEPTED = "accepted"
    BELOW_THRESHOLD = "below_threshold"
    IGNORED = "ignored"


@dataclass(frozen=True, slots=True, kw_only=True)
class GateFinding:
    rule_id: str
    severity: Severity
    category: str
    evidence_level: EvidenceLevel | None
    fingerprint: str
    location: str
    status: Status
    reason: str  # why it failed / the baseline's reason / why it does not count
    entry: BaselineEntry | None = None  # the baseline entry that matched, expired or not


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpiredEntry:
    entry: BaselineEntry
    matched: bool  # a finding of this scan still carries the fingerprint


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    app: dict[str, Any]  # file_name, identifier, version_name, sha256, platform
    date: dt.date
    findings: tuple[GateFinding, ...]
    expired: tuple[ExpiredEntry, ...]
    unused: tuple[BaselineEntry, ...]

    @property
    def passed(self) -> bool:
        return not any(f.status is Status.FAILED for f in self.findings)

    def counts(self) -> dict[str, int]:
        c = Counter(f.status for f in self.findings)
        return {s.value: c.get(s, 0) for s in Status}

    def over_threshold(self) -> list[GateFinding]:
        return [f for f in self.findings if f.status in (Status.FAILED, Status.ACCEPTED)]


def _rank(level: EvidenceLevel) -> int:
    return EVIDENCE_ORDER.index(level)


def _judge(
    policy: Policy, rule_id: str, sev: Severity, cat: str, level: EvidenceLevel | None
) -> tuple[bool, str]:
    """(over the threshold, why) before the baseline is consulted."""
    if rule_id in policy.rules:
        return True, "rule listed in fail_on.rules"
    least = policy.min_evidence
    if level is not None and least is not None and _rank(level) < _rank(least):
        return False, f"evidence {level.value} below fail_on.min_evidence {least.value}"
    key, threshold = policy.threshold(cat)
    if threshold is None:
        return False, f"{key} is none"
    if sev.rank >= threshold.rank:
        return True, f"severity {sev.value} at or above {key} {threshold.value}"
    return False, f"severity {sev.value} below {key} {threshold.value}"


def _location(f: dict[str, Any]) -> str:
    evidence = f.get("evidence") or []
    return str(evidence[0].get("location", "")) if evidence else ""


def evaluate(
    doc: dict[str, Any],
    policy: Policy,
    baseline: Baseline | None,
    today: dt.date,
    categories: dict[str, str] | None = None,
) -> Decision:
    """Judge a report document. `categories` (rule id -> category, from the catalogue) fills in
    for findings whose report lacks a category."""
    app = doc.get("app", {})
    identifier = app.get("identifier")
    entries = [e for e in (baseline.entries if baseline else ()) if e.applies_to(identifier)]
    by_fingerprint = {e.fingerprint: e for e in entries}
    used: set[str] = set()
    judged = []
    for f in doc.get("findings", []):
        rule_id, sev = f["rule_id"], Severity(f["severity"])
        cat = f.get("category") or (categories or {}).get(rule_id, "")
        level = EvidenceLevel(f["evidence_level"]) if f.get("evidence_level") else None
        entry = by_fingerprint.get(f["fingerprint"])
        if entry is not None and entry.rule_id != rule_id:
            entry = None  # a hand-edited entry naming another rule is no acceptance of this one
        if entry is not None:
            used.add(entry.fingerprint)
        if rule_id in policy.ignore_rules:
            status, reason = Status.IGNORED, "rule listed in ignore_rules"
        else:
            over, reason = _judge(policy, rule_id, sev, cat, level)
            if not over:
                status = Status.BELOW_THRESHOLD
            elif entry is not None and not entry.expired(today):
                status = Status.ACCEPTED
                reason = f"baseline until {entry.expires.isoformat()}: {entry.reason}"
            else:
                status = Status.FAILED
                if entry is not None:
                    reason += f"; its baseline entry expired on {entry.expires.isoformat()}"
        judged.append(
            GateFinding(
                rule_id=rule_id,
                severity=sev,
                category=cat,
                evidence_level=level,
                fingerprint=f["fingerprint"],
                location=_location(f),
                status=status,
                reason=reason,
                entry=entry,
            )
        )
    expired = tuple(
        ExpiredEntry(entry=e, matched=e.fingerprint in used) for e in entries if e.expired(today)
    )
    unused = tuple(e for e in entries if e.fingerprint not in used and not e.expired(today))
    return Decision(
        app={
            k: app.get(k)
            for k in ("file_name", "identifier", "name", "version_name", "sha256", "platform")
        },
        date=today,
        findings=tuple(judged),
        expired=expired,
        unused=unused,
    )
