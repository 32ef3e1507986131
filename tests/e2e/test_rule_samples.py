"""Every rule of the catalogue has a positive and a negative sample on each of its platforms.

The evidence is the golden reports (tests/golden/*.json), which test_golden.py keeps equal to
fresh scans of samples/: a sample is positive for a rule when its report has a finding of it, and
negative when the report lists the rule among `evaluated_rules` without a finding. A rule that no
sample can show carries its reason and the test that covers it instead in `ELSEWHERE`.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from scanner.resources import signatures_dir
from scanner.rules.catalog import Catalog
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"

# rule id -> (platform, "positive" | "negative") -> (why the golden reports cannot show it, the
# test that shows it instead as "file::function"; the test below checks that function exists).
_FILED = "tests/unit/test_filed_identity.py::test_android_match_mismatch_and_unlisted"
_FILED_IOS = "tests/unit/test_filed_identity.py::test_ios_bundle_id_and_leaf_certificate"
_NO_FILED = "needs --filed-identity or --db, which the golden scans do not pass"
_SHOWN = (
    "an app that shows its filing number gets an info finding listing it (for the lab to "
    "check), never no finding; the negative of the low 'not shown' finding is asserted here"
)
ELSEWHERE: dict[str, dict[tuple[str, str], tuple[str, str]]] = {
    "ID-FILING-002": {
        ("android", "positive"): (_NO_FILED, _FILED),
        ("android", "negative"): (_NO_FILED, _FILED),
        ("ios", "positive"): (_NO_FILED, _FILED_IOS),
        ("ios", "negative"): (_NO_FILED, _FILED_IOS),
    },
    "ID-FILING-003": {
        ("android", "negative"): (
            _SHOWN,
            "tests/unit/analyzers/test_zombie_function.py::"
            "test_complete_app_has_none_and_lists_its_filing_number",
        ),
        ("ios", "negative"): (
            _SHOWN,
            "tests/unit/analyzers/test_zombie_function.py::"
            "test_ios_feedback_and_policy_from_utf16_literals",
        ),
    },
}


def _samples() -> dict[tuple[str, str, str], list[str]]:
    """(rule, platform, "positive"|"negative") -> the samples that show it."""
    found: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for path in sorted(GOLDEN.glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        platform = report["app"]["platform"]
        fired = {f["rule_id"] for f in report["findings"]}
        for rule in report["evaluated_rules"]:
            kind = "positive" if rule in fired else "negative"
            found[(rule, platform, kind)].append(path.stem)
    return found


SAMPLES_BY_RULE = _samples()
CATALOG = Catalog.load(signatures_dir(None))
CASES = [
    (rule.id, platform.value, kind)
    for rule in CATALOG.rules.values()
    for platform in rule.platforms
    for kind in ("positive", "negative")
]


@pytest.mark.parametrize(("rule_id", "platform", "kind"), CASES)
def test_rule_has_sample(rule_id: str, platform: str, kind: str) -> None:
    samples = SAMPLES_BY_RULE.get((rule_id, platform, kind), [])
    covered_elsewhere = ELSEWHERE.get(rule_id, {}).get((platform, kind))
    if covered_elsewhere:
        assert not samples, f"{rule_id} now has a {kind} {platform} sample: drop ELSEWHERE"
        _reason, test = covered_elsewhere
        file, _, function = test.partition("::")
        assert f"def {function}(" in (ROOT / file).read_text(encoding="utf-8"), test
        return
    assert samples, f"{rule_id} has no {kind} sample on {platform} in samples/"


def test_every_golden_rule_is_in_the_catalogue() -> None:
    ids = set(CATALOG.rules)
    assert {rule for rule, _, _ in SAMPLES_BY_RULE} <= ids
