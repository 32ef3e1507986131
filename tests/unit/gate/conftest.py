"""Shared pieces for the gate tests: the catalogue's rule ids and categories, a policy writer,
and small report documents built by hand (the gate reads report dicts, not scans)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scanner.gate.policy import Policy, load_policy
from scanner.resources import signatures_dir
from scanner.rules.catalog import Catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load(signatures_dir())


@pytest.fixture
def policy_from(tmp_path: Path, catalog: Catalog):  # type: ignore[no-untyped-def]
    def load(text: str) -> Policy:
        path = tmp_path / "policy.yml"
        path.write_text(text, encoding="utf-8")
        categories = {r.category for r in catalog.rules.values()}
        return load_policy(path, catalog.rules, categories)

    return load


def finding(
    rule_id: str,
    severity: str,
    category: str,
    level: str | None = None,
    fingerprint: str | None = None,
) -> dict[str, Any]:
    return {
        "rule_id": rule_id,
        "severity": severity,
        "category": category,
        "evidence_level": level,
        "fingerprint": fingerprint or (rule_id.encode().hex() * 8)[:64].ljust(64, "0"),
        "evidence": [{"location": f"app.apk!{rule_id}", "symbol": "", "excerpt": ""}],
        "message": {"zh": rule_id, "en": rule_id},
    }


def report(*findings: dict[str, Any], identifier: str = "cn.gov.example") -> dict[str, Any]:
    return {
        "schema_version": "1.1",
        "app": {"file_name": "app.apk", "identifier": identifier, "platform": "android"},
        "findings": list(findings),
        "verdict": "fail",
    }
