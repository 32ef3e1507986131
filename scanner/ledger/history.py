"""An app's history: versions in the order first scanned, their scans, what changed between
consecutive versions, and the code now (`fingertip history`).

Added and fixed findings compare the latest scan of each version with the latest scan of the
version before it, by DOMAIN.md §3's "same finding" (identity.normalised_identity: rule +
evidence symbols, obfuscated names ignored). A finding whose identity stays but whose
fingerprint changed (the evidence moved: another file, another excerpt, a renamed obfuscated
class) is listed as `changed`, not as fixed and added again; its fingerprints are given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scanner.ledger.models import AppRow, FindingRow, ScanRow
from scanner.ledger.rating import Rating
from scanner.model import Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingChange:
    rule_id: str
    severity: str
    identity: str  # the readable identity (identity_text)
    fingerprints: tuple[str, ...]
    message_en: str
    message_zh: str
    previous_fingerprints: tuple[str, ...] = ()  # for `changed`

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "identity": self.identity,
            "fingerprints": list(self.fingerprints),
            "message": {"zh": self.message_zh, "en": self.message_en},
        }
        if self.previous_fingerprints:
            out["previous_fingerprints"] = list(self.previous_fingerprints)
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanSummary:
    id: int
    scanned_at: dt.datetime
    package_sha256: str | None
    file_name: str | None
    tool_version: str
    ruleset_sha256: str
    verdict: str
    certificates: tuple[str, ...]
    findings: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "scanned_at": self.scanned_at.isoformat(timespec="seconds"),
            "package_sha256": self.package_sha256,
            "file_name": self.file_name,
            "tool_version": self.tool_version,
            "ruleset_sha256": self.ruleset_sha256,
            "verdict": self.verdict,
            "certificates": list(self.certificates),
            "findings": self.findings,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionHistory:
    version_name: str | None
    version_code: str | None
    first_seen: dt.datetime
    scans: tuple[ScanSummary, ...]
    compared_with: str | None  # the previous version's label; None for the first
    added: tuple[FindingChange, ...] = ()
    fixed: tuple[FindingChange, ...] = ()
    changed: tuple[FindingChange, ...] = ()

    @property
    def label(self) -> str:
        return _label(self.version_name, self.version_code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version_name": self.version_name,
            "version_code": self.version_code,
            "first_seen": self.first_seen.isoformat(timespec="seconds"),
            "scans": [s.to_dict() for s in self.scans],
            "compared_with": self.compared_with,
            "added": [c.to_dict() for c in self.added],
            "fixed": [c.to_dict() for c in self.fixed],
            "changed": [c.to_dict() for c in self.changed],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class AppHistory:
    platform: str
    identifier: str
    name: str | None
    first_seen: dt.datetime
    refused: bool
    versions: tuple[VersionHistory, ...]
    rating: Rating

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "identifier": self.identifier,
            "name": self.name,
            "first_seen": self.first_seen.isoformat(timespec="seconds"),
            "refused": self.refused,
            "versions": [v.to_dict() for v in self.versions],
            "rating": self.rating.to_dict(),
        }


def _label(name: str | None, code: str | None) -> str:
    if name and code:
        return f"{name} ({code})"
    return name or code or "?"


def _rank(severity: str) -> int:
    try:
        return Severity(severity).rank
    except ValueError:
        return -1


def _change(group: Sequence[FindingRow], previous: Sequence[FindingRow] = ()) -> FindingChange:
    worst = max(group, key=lambda f: _rank(f.severity))
    return FindingChange(
        rule_id=worst.rule_id,
        severity=worst.severity,
        identity=worst.identity_text,
        fingerprints=tuple(sorted({f.fingerprint for f in group})),
        message_en=worst.message_en,
        message_zh=worst.message_zh,
        previous_fingerprints=tuple(sorted({f.fingerprint for f in previous})),
    )


def diff(
    before: Sequence[FindingRow], after: Sequence[FindingRow]
) -> tuple[list[FindingChange], list[FindingChange], list[FindingChange]]:
    """(added, fixed, changed) from one scan's findings to another's (module docstring)."""

    def grouped(rows: Sequence[FindingRow]) -> dict[str, list[FindingRow]]:
        out: dict[str, list[FindingRow]] = {}
        for f in rows:
            out.setdefault(f.identity, []).append(f)
        return out

    old, new = grouped(before), grouped(after)
    order = lambda c: (-_rank(c.severity), c.rule_id, c.identity)  # noqa: E731
    added = sorted((_change(new[i]) for i in new.keys() - old.keys()), key=order)
    fixed = sorted((_change(old[i]) for i in old.keys() - new.keys()), key=order)
    changed = sorted(
        (
            _change(new[i], old[i])
            for i in new.keys() & old.keys()
            if {f.fingerprint for f in new[i]} != {f.fingerprint for f in old[i]}
        ),
        key=order,
    )
    return added, fixed, changed


def _summary(scan: ScanRow) -> ScanSummary:
    return ScanSummary(
        id=scan.id,
        scanned_at=scan.scanned_at,
        package_sha256=scan.package_sha256,
        file_name=scan.file_name,
        tool_version=scan.tool_version,
        ruleset_sha256=scan.ruleset_sha256,
        verdict=scan.verdict,
        certificates=tuple(scan.certificates),
        findings=len(scan.findings),
    )


def build_history(app: AppRow, scans: Sequence[ScanRow], rating: Rating) -> AppHistory:
    """`scans` oldest first, each with its version and findings loaded."""
    by_version: dict[int, list[ScanRow]] = {}
    for scan in scans:
        by_version.setdefault(scan.version_id, []).append(scan)
    ordered = sorted(
        by_version.values(), key=lambda group: (group[0].version.first_seen, group[0].version_id)
    )
    versions: list[VersionHistory] = []
    previous: ScanRow | None = None
    for group in ordered:
        version = group[0].version
        latest = group[-1]
        added: list[FindingChange] = []
        fixed: list[FindingChange] = []
        changed: list[FindingChange] = []
        if previous is not None:
            added, fixed, changed = diff(previous.findings, latest.findings)
        versions.append(
            VersionHistory(
                version_name=version.version_name,
                version_code=version.version_code,
                first_seen=version.first_seen,
                scans=tuple(_summary(s) for s in group),
                compared_with=(
                    None
                    if previous is None
                    else _label(previous.version.version_name, previous.version.version_code)
                ),
                added=tuple(added),
                fixed=tuple(fixed),
                changed=tuple(changed),
            )
        )
        previous = latest
    return AppHistory(
        platform=app.platform,
        identifier=app.identifier,
        name=app.name,
        first_seen=app.first_seen,
        refused=app.refused,
        versions=tuple(versions),
        rating=rating,
    )
