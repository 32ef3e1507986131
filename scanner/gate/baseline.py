"""The baseline: findings a lab has accepted, each by fingerprint, with a reason and an expiry.

An acceptance is valid up to and including its `expires` date; the day after, it no longer
suppresses its finding. An entry with `package` applies only to the app with that identifier
(Android package name, iOS bundle id), so one file can serve several apps.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.gate.errors import GateFileError
from scanner.gate.locate import Key, line_in

BASELINE_VERSION = 1
WRITTEN_REASON = "TODO"
WRITTEN_DAYS = 90
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ENTRY_KEYS = ("fingerprint", "rule_id", "reason", "expires", "package")
_REQUIRED = ("fingerprint", "rule_id", "reason", "expires")


@dataclass(frozen=True, slots=True, kw_only=True)
class BaselineEntry:
    fingerprint: str
    rule_id: str
    reason: str
    expires: dt.date
    package: str | None = None

    def applies_to(self, identifier: str | None) -> bool:
        return self.package is None or self.package == identifier

    def expired(self, today: dt.date) -> bool:
        return today > self.expires

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "rule_id": self.rule_id,
            "reason": self.reason,
            "expires": self.expires.isoformat(),
        }
        if self.package is not None:
            out["package"] = self.package
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Baseline:
    path: str
    entries: tuple[BaselineEntry, ...] = ()

    def to_document(self) -> dict[str, Any]:
        entries = sorted(self.entries, key=lambda e: (e.package or "", e.rule_id, e.fingerprint))
        return {"version": BASELINE_VERSION, "entries": [e.to_dict() for e in entries]}


def dumps(baseline: Baseline) -> str:
    return json.dumps(baseline.to_document(), indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GateFileError(path, f"cannot read the baseline: {exc}") from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GateFileError(
            path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from exc

    def fail(keys: tuple[Key, ...], message: str) -> GateFileError:
        label = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")
        return GateFileError(path, message, key=label, line=line_in(text, keys))

    if not isinstance(doc, dict):
        raise fail((), "the baseline must be a JSON object with version and entries")
    for key in doc:
        if key not in ("version", "entries"):
            raise fail((key,), "unknown key (allowed: version, entries)")
    if doc.get("version") != BASELINE_VERSION:
        raise fail(("version",), f"expected version {BASELINE_VERSION}, got {doc.get('version')!r}")
    raw = doc.get("entries")
    if not isinstance(raw, list):
        raise fail(("entries",), "expected a list of entries")
    entries: list[BaselineEntry] = []
    seen: dict[tuple[str, str | None], int] = {}
    for i, item in enumerate(raw):
        at: tuple[Key, ...] = ("entries", i)
        if not isinstance(item, dict):
            raise fail(at, "an entry must be an object")
        for key in item:
            if key not in _ENTRY_KEYS:
                raise fail((*at, key), f"unknown key (allowed: {', '.join(_ENTRY_KEYS)})")
        for key in _REQUIRED:
            if key not in item:
                raise fail(at, f"missing {key!r}")
        for key in _ENTRY_KEYS:
            value = item.get(key)
            if key in item and not (isinstance(value, str) and value.strip()):
                raise fail((*at, key), f"expected a non-empty string, got {value!r}")
        fingerprint = item["fingerprint"]
        if not _FINGERPRINT.fullmatch(fingerprint):
            raise fail(
                (*at, "fingerprint"),
                "expected the 64 lowercase hex digits of a finding's fingerprint",
            )
        try:
            if not _DATE.fullmatch(item["expires"]):
                raise ValueError(item["expires"])
            expires = dt.date.fromisoformat(item["expires"])
        except ValueError:
            raise fail(
                (*at, "expires"), f"expected an ISO date YYYY-MM-DD, got {item['expires']!r}"
            ) from None
        package = item.get("package")
        scope = (fingerprint, package)
        if scope in seen:
            raise fail(at, f"fingerprint already accepted by entries[{seen[scope]}]")
        seen[scope] = i
        entries.append(
            BaselineEntry(
                fingerprint=fingerprint,
                rule_id=item["rule_id"],
                reason=item["reason"].strip(),
                expires=expires,
                package=package,
            )
        )
    return Baseline(path=str(path), entries=tuple(entries))


def written_entries(
    findings: Iterable[tuple[str, str]],
    package: str | None,
    today: dt.date,
    keep: Iterable[BaselineEntry] = (),
) -> Baseline:
    """A baseline accepting `findings` ((fingerprint, rule id) pairs): entries that already
    accept one of them (unexpired) keep their reason and expiry, new ones get the TODO reason
    and a 90-day expiry, for someone to justify before the date."""
    current = {e.fingerprint: e for e in keep if e.applies_to(package) and not e.expired(today)}
    expires = today + dt.timedelta(days=WRITTEN_DAYS)
    entries = {}
    for fingerprint, rule_id in findings:
        entries[fingerprint] = current.get(fingerprint) or BaselineEntry(
            fingerprint=fingerprint,
            rule_id=rule_id,
            reason=WRITTEN_REASON,
            expires=expires,
            package=package,
        )
    return Baseline(path="", entries=tuple(entries.values()))
