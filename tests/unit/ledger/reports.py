"""Report dicts for the ledger tests: a golden JSON report, copied and edited."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


@cache
def _golden(name: str) -> str:
    return (GOLDEN / f"{name}.json").read_text(encoding="utf-8")


def golden(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(_golden(name))
    return doc


def day(n: int) -> dt.datetime:
    """Day n of the test calendar (day 0 = 2026-01-01, UTC)."""
    return dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=n)


def finding(
    rule_id: str, severity: str = "high", symbol: str = "android.x.Y.z", location: str = "a.apk!x"
) -> dict[str, Any]:
    fp = hashlib.sha256(f"{rule_id}|{symbol}|{location}".encode()).hexdigest()
    return {
        "rule_id": rule_id,
        "severity": severity,
        "category": "security",
        "title": {"zh": rule_id, "en": rule_id},
        "message": {"zh": f"{rule_id} 测试", "en": f"{rule_id} test"},
        "evidence_level": "E3",
        "needs_review": False,
        "fingerprint": fp,
        "evidence": [
            {"location": location, "symbol": symbol, "excerpt": "", "offset": None, "path": []}
        ],
    }


def report(
    base: str = "fingertip-clean",
    *,
    version: str = "1.0.0",
    code: int = 1,
    findings: list[dict[str, Any]] | None = None,
    cert: str | None = None,
    identifier: str | None = None,
    target_sdk: int | None = None,
) -> dict[str, Any]:
    """A copy of a golden report as another build: version, findings, signing certificate."""
    doc = copy.deepcopy(golden(base))
    app = doc["app"]
    app["version_name"], app["version_code"] = version, code
    app["sha256"] = hashlib.sha256(f"{base}{version}{code}{cert}".encode()).hexdigest()
    if identifier is not None:
        app["identifier"] = identifier
    if target_sdk is not None:
        app["target_sdk"] = target_sdk
    if cert is not None:
        for s in app["signers"]:
            s["sha256"] = cert
    if findings is not None:
        doc["findings"] = findings
    return doc
