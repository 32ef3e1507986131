"""Policy files: the example parses to what docs/ci.md says, and every validation error names
the file, the key and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.gate.errors import GateFileError
from scanner.gate.policy import load_policy
from scanner.model import EvidenceLevel, Severity
from scanner.rules.catalog import Catalog
from tests.conftest import ROOT

EXAMPLE = ROOT / "docs/examples/policy.yml"


def test_example_policy_parses(catalog: Catalog) -> None:
    categories = {r.category for r in catalog.rules.values()}
    policy = load_policy(EXAMPLE, catalog.rules, categories)
    assert policy.severity is Severity.HIGH
    assert policy.rules == {"SEC-DEBUG-001", "ID-FILING-002"}
    assert policy.categories == {"formalism": Severity.MEDIUM, "identity": Severity.CRITICAL}
    assert policy.min_evidence is EvidenceLevel.E3
    assert policy.ignore_rules == {"PRIV-SDK-001"}


def test_minimal_policy_and_none_threshold(policy_from) -> None:  # type: ignore[no-untyped-def]
    policy = policy_from("fail_on:\n  rules: [SEC-DEBUG-001]\n")
    assert policy.severity is None and policy.rules == {"SEC-DEBUG-001"}
    policy = policy_from("fail_on:\n  severity: none\n  categories: {formalism: low}\n")
    assert policy.threshold("formalism") == ("fail_on.categories.formalism", Severity.LOW)
    assert policy.threshold("security") == ("fail_on.severity", None)


@pytest.mark.parametrize(
    ("text", "key", "line", "fragment"),
    [
        ("fail_on: [oops\n", "", 2, "not valid YAML"),
        ("", "", None, "the policy is empty"),
        ("- a\n- b\n", "", 1, "must be a mapping"),
        ("fail_on:\n  severity: high\nfial_on: {}\n", "fial_on", 3, "did you mean 'fail_on'"),
        ("version: 2\nfail_on:\n  severity: high\n", "version", 1, "unsupported policy version"),
        ("ignore_rules: []\n", "fail_on", 1, "missing the fail_on section"),
        ("fail_on: high\n", "fail_on", 1, "must be a mapping"),
        ("fail_on:\n  severity: high\n  treshold: 3\n", "fail_on.treshold", 3, "unknown key"),
        ("fail_on:\n  severity: hgih\n", "fail_on.severity", 2, "'hgih' is not a severity"),
        ("fail_on:\n  severity: no\n", "fail_on.severity", 2, "expected a string"),
        ("fail_on:\n  severity:\n", "fail_on.severity", 2, "expected a string, got 'empty'"),
        ("fail_on:\n  severity: high\n  severity: low\n", "fail_on.severity", 3, "duplicate key"),
        ("fail_on:\n  rules: SEC-DEBUG-001\n", "fail_on.rules", 2, "expected a list"),
        ("fail_on:\n  rules: [SEC-DEBUG-01]\n", "fail_on.rules", 2, "did you mean SEC-DEBUG-001"),
        ("fail_on:\n  rules:\n    - 12\n", "fail_on.rules[0]", 3, "expected a rule id"),
        ("fail_on:\n  categories: [formalism]\n", "fail_on.categories", 2, "must be a mapping"),
        (
            "fail_on:\n  categories:\n    formalsim: low\n",
            "fail_on.categories.formalsim",
            3,
            "unknown category",
        ),
        (
            "fail_on:\n  categories:\n    formalism: loud\n",
            "fail_on.categories.formalism",
            3,
            "is not a severity",
        ),
        (
            "fail_on:\n  severity: high\n  min_evidence: E5\n",
            "fail_on.min_evidence",
            3,
            "is not an evidence level",
        ),
        ("fail_on:\n  min_evidence: E3\n", "fail_on", 1, "sets no threshold"),
        ("fail_on:\n  categories: {formalism: none}\n", "fail_on", 1, "sets no threshold"),
        (
            "fail_on:\n  severity: high\nignore_rules: [NOPE-001]\n",
            "ignore_rules",
            3,
            "unknown rule id 'NOPE-001'",
        ),
        (
            "fail_on:\n  rules: [SEC-DEBUG-001]\nignore_rules:\n  - SEC-DEBUG-001\n",
            "ignore_rules",
            4,
            "cannot both always fail and be ignored",
        ),
    ],
)
def test_validation_errors_name_key_and_line(  # type: ignore[no-untyped-def]
    policy_from, text: str, key: str, line: int | None, fragment: str
) -> None:
    with pytest.raises(GateFileError) as info:
        policy_from(text)
    err = info.value
    assert err.path.endswith("policy.yml")
    assert (err.key, err.line) == (key, line)
    assert fragment in err.message
    assert str(err).startswith(err.path + (f":{line}" if line else ""))


def test_missing_file_is_a_file_error(tmp_path: Path, catalog: Catalog) -> None:
    with pytest.raises(GateFileError, match="cannot read the policy"):
        load_policy(tmp_path / "absent.yml", catalog.rules, ())
