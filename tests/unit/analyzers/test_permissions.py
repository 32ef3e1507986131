"""Permissions and start-up (signatures/data/permissions.toml): over-requested permissions
(PRIV-PERM-001), repeated prompts (PRIV-PERM-002), self-start and chain start
(PRIV-AUTOSTART-001), on priv-perms and its negative twin priv-perms-used."""

from __future__ import annotations

import pytest

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Finding, ScanResult
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES

RULES = ("PRIV-PERM-001", "PRIV-PERM-002", "PRIV-AUTOSTART-001")
APP = "cn.gov.example.perms"


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {
        name: scan(SAMPLES / f"{name}.apk", ScanConfig(), ruleset)
        for name in ("priv-perms", "priv-perms-used", "fingertip-clean", "form-trace-boot")
    }


def _found(result: ScanResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule_id == rule]


def test_unused_and_annex_e_permissions_are_reported(results: dict[str, ScanResult]) -> None:
    (finding,) = _found(results["priv-perms"], "PRIV-PERM-001")
    symbols = {e.symbol: e.excerpt for e in finding.evidence}
    assert set(symbols) == {
        "android.permission.SEND_SMS",
        "android.permission.CAMERA",
        "android.permission.READ_CALENDAR",
    }
    assert symbols["android.permission.SEND_SMS"].startswith("GB/T 41391-2022 Annex E")
    # Location is used (Locator.last): not over-requested.
    assert "ACCESS_FINE_LOCATION" not in finding.message.en
    # The limits of "no use found" are in the message.
    assert "reflection" in finding.message.en and "反射" in finding.message.zh
    assert all(e.location.endswith("AndroidManifest.xml") for e in finding.evidence)


def test_permissions_whose_apis_are_used_are_not_reported(
    results: dict[str, ScanResult],
) -> None:
    """priv-perms-used calls Camera.open (from a click), queries CalendarContract.Events and
    reads the last location: each permission has a use, even where no entry reaches it."""
    assert not _found(results["priv-perms-used"], "PRIV-PERM-001")
    assert not _found(results["fingertip-clean"], "PRIV-PERM-001")


def test_a_request_in_on_resume_is_e3_with_its_path(results: dict[str, ScanResult]) -> None:
    (finding,) = _found(results["priv-perms"], "PRIV-PERM-002")
    assert finding.evidence_level is EvidenceLevel.E3
    assert finding.evidence[0].path == (
        f"{APP}.MainActivity.onResume",
        f"{APP}.PermissionHelper.ask",
        "android.app.Activity.requestPermissions",
    )


def test_a_request_from_a_click_is_not_repeated(results: dict[str, ScanResult]) -> None:
    assert not _found(results["priv-perms-used"], "PRIV-PERM-002")


def test_boot_receiver_and_chain_start(results: dict[str, ScanResult]) -> None:
    found = _found(results["priv-perms"], "PRIV-AUTOSTART-001")
    by_level = {f.evidence_level: f for f in found}
    assert set(by_level) == {None, EvidenceLevel.E3}
    receivers = [e.symbol for e in by_level[None].evidence]
    # CONNECTIVITY_CHANGE no longer reaches manifest receivers at targetSdk 30.
    assert receivers == [f"receiver {APP}.BootReceiver"]
    chain = by_level[EvidenceLevel.E3].evidence[0]
    assert chain.path == (f"{APP}.MainActivity.onCreate", f"{APP}.PartnerWaker.wake")
    assert "com.partner.push.KeepAliveService" in chain.excerpt


def test_existing_boot_sample_is_self_start(results: dict[str, ScanResult]) -> None:
    (finding,) = _found(results["form-trace-boot"], "PRIV-AUTOSTART-001")
    assert "BootReceiver" in finding.evidence[0].symbol


def test_undelivered_boot_and_system_apps_are_not_autostart(
    results: dict[str, ScanResult],
) -> None:
    """priv-perms-used: a BOOT_COMPLETED receiver without RECEIVE_BOOT_COMPLETED never runs,
    and opening com.android.settings by class name wakes no other app."""
    assert not _found(results["priv-perms-used"], "PRIV-AUTOSTART-001")
    assert not _found(results["fingertip-clean"], "PRIV-AUTOSTART-001")


def test_annex_e_list_and_permission_table(ruleset: Ruleset) -> None:
    rules = ruleset.permission_rules
    assert "android.permission.READ_CALL_LOG" in rules.annex_e
    assert "GB/T 41391-2022" in rules.annex_e_source
    # READ/WRITE pairs share their uses.
    assert rules.uses["android.permission.WRITE_CALENDAR"].apis == (
        rules.uses["android.permission.READ_CALENDAR"].apis
    )
    # Every permission the table assesses is one the platform calls dangerous.
    for name in rules.uses:
        info = ruleset.permissions.get(name)
        assert info is not None and info.protection_level == "dangerous", name
