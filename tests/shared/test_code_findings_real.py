"""Code findings on real apps: regressions for false paths found while checking every E3+
finding by hand (BENCHMARKS.md, "Code-level findings on the real apps")."""

from __future__ import annotations

import itertools

import pytest

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel
from scanner.pipeline import Ruleset, scan
from tests.conftest import shared


@pytest.mark.parametrize(
    ("app", "reason"),
    [
        # LuaApplication.onCreate -> ... -> Closeable.close fanned out to every Closeable
        # (jcodec, Glide) until framework-typed calls stopped dispatching.
        ("registry/Yosemite.apk", "dispatch through a JDK interface"),
        # TinkerApplication.attachBaseContext installs a crash handler; Bugly's location read
        # in it runs on a crash, not at start-up.
        ("bugly-demo/app-release.apk", "a crash handler is not start-up code"),
    ],
)
def test_no_false_reachable_findings(app: str, reason: str, ruleset: Ruleset) -> None:
    result = scan(shared(app), ScanConfig(), ruleset)
    # The regressions were formalism and pre-consent paths; the privacy-API rules report what
    # these apps really do (their E3 paths are listed in BENCHMARKS.md, "Privacy API findings").
    strong = [
        f.rule_id
        for f in result.findings
        if f.evidence_level in (EvidenceLevel.E3, EvidenceLevel.E4)
        and f.rule_id.startswith(("FORM-", "PRIV-PRECONSENT-"))
    ]
    assert strong == [], reason


def test_a_layout_on_click_handler_is_reached(ruleset: Ruleset) -> None:
    """UnCrackable-Level1's button calls `verify` through `android:onClick` in its layout; the
    activity loading that layout reaches it, and the AES/ECB check behind it is E3."""
    result = scan(shared("owasp-mastg/UnCrackable-Level1.apk"), ScanConfig(), ruleset)
    crypto = next(f for f in result.findings if f.rule_id == "SEC-CRYPTO-001")
    assert crypto.evidence_level is EvidenceLevel.E3
    assert crypto.evidence[0].path[:2] == (
        "sg.vantagepoint.uncrackable1.MainActivity.onCreate",
        "sg.vantagepoint.uncrackable1.MainActivity.verify",
    )


def test_an_on_click_handler_in_an_included_layout_is_reached(ruleset: Ruleset) -> None:
    """InjuredAndroid's flag screens put their button in a layout that the activity's layout
    pulls in with `<include>`; its `android:onClick="submitFlag"` handler is reached from the
    activity, so the hard-coded flag compared there is E3 (it was E2 before includes counted)."""
    result = scan(shared("injuredandroid/injuredandroid.apk"), ScanConfig(), ruleset)
    secrets = [f for f in result.findings if f.rule_id == "SEC-SECRET-001"]
    paths = [e.path for f in secrets for e in f.evidence if e.path]
    step = (
        "b3nac.injuredandroid.FlagOneLoginActivity.onCreate",
        "b3nac.injuredandroid.FlagOneLoginActivity.submitFlag",
    )
    assert any(step in itertools.pairwise(p) for p in paths), paths
