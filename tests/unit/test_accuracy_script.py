"""scripts/accuracy.py: its comparison and recall logic on synthetic records and reports."""

from __future__ import annotations

import re
from typing import Any

from scripts.accuracy import (
    WEAKNESSES,
    Identity,
    VulnApp,
    Weakness,
    android_pairs,
    at_least,
    documented_by,
    ios_pairs,
    load_weaknesses,
    recall_for,
)

SHA_A = "a" * 64
SHA_B = "b" * 64


def _run(verified: bool, schemes: dict[str, bool], signers: list[dict[str, Any]]) -> dict[str, Any]:
    return {"verified": verified, "schemes": schemes, "signers": signers, "errors": []}


def _record(**over: Any) -> dict[str, Any]:
    signer = {"sha256": SHA_A, "sha1": "1" * 40, "md5": "5" * 32, "key_size": 2048, "modulus": "ab"}
    record: dict[str, Any] = {
        "file": "x/app.apk",
        "package": "com.example",
        "version_code": 3,
        "version_name": "1.2",
        "label": "Example",
        "min_sdk": 21,
        "target_sdk": 30,
        "permissions": ["android.permission.INTERNET"],
        "permissions_sdk23": ["android.permission.CAMERA"],
        "apksigner": _run(True, {"v1": True, "v2": True, "v3": False}, [signer]),
        "apksigner_min_sdk_24": _run(True, {"v1": False, "v2": True, "v3": False}, [signer]),
        "lineage": None,
        "v1_cert_blocks": [],
        "signing_block_certs": None,
    }
    record.update(over)
    return record


def _doc(**over: Any) -> dict[str, Any]:
    app: dict[str, Any] = {
        "identifier": "com.example",
        "version_code": 3,
        "version_name": "1.2",
        "name": "Example",
        "min_sdk": 21,
        "target_sdk": 30,
        "permissions": [
            {"name": "android.permission.CAMERA"},
            {"name": "android.permission.INTERNET"},
        ],
        "signers": [
            {"scheme": "v1", "sha256": SHA_A, "sha1": "1" * 40, "md5": "5" * 32,
             "public_key": "ab", "public_key_bits": 2048},
            {"scheme": "v2", "sha256": SHA_A, "sha1": "1" * 40, "md5": "5" * 32,
             "public_key": "ab", "public_key_bits": 2048},
        ],
    }  # fmt: skip
    app.update(over)
    schemes = {"v1": {"verified": True}, "v2": {"verified": True}}
    return {
        "verdict": "fail",
        "app": app,
        "facts": {"signing": {"verified": True, "schemes": schemes}},
    }


def _identity(pairs: list[tuple[str, Any, Any]]) -> Identity:
    identity = Identity()
    for name, expected, actual in pairs:
        identity.check("x/app.apk", name, expected, actual)
    return identity


def test_matching_apk_is_100_percent() -> None:
    identity = _identity(android_pairs(_record(), _doc()))
    assert identity.differences == []
    assert identity.percent == 100.0
    assert {"package name", "permissions", "signing schemes (verified)", "signer MD5"} <= set(
        identity.tallies
    )


def test_each_difference_is_listed_with_both_values() -> None:
    identity = _identity(android_pairs(_record(), _doc(version_code=4, min_sdk=19)))
    shown = {(d.field, d.expected, d.actual) for d in identity.differences}
    assert shown == {("version code", "3", "4"), ("min SDK", "21", "19")}
    assert identity.tallies["version code"].compared == 1
    assert identity.tallies["version code"].equal == 0
    assert identity.percent < 100.0


def test_schemes_are_the_union_of_what_apksigner_verified_in_any_run() -> None:
    # --min-sdk-version 24 does not check v1; the default run does: v1 still counts as verified.
    pairs = {n: (e, a) for n, e, a in android_pairs(_record(), _doc())}
    assert pairs["signing schemes (verified)"] == (["v1", "v2"], ["v1", "v2"])
    # Neither recorded run checked v1 (minSdk >= 24), the --min-sdk-version 23 run did.
    record = _record(
        apksigner=_run(True, {"v1": False, "v2": True}, []),
        apksigner_min_sdk_23=_run(True, {"v1": True, "v2": True}, []),
    )
    pairs = {n: (e, a) for n, e, a in android_pairs(record, _doc())}
    assert pairs["signing schemes (verified)"] == (["v1", "v2"], ["v1", "v2"])


def test_unverified_apk_is_compared_with_openssl_certificates() -> None:
    failed = _run(False, {"v1": False, "v2": False}, [])
    record = _record(
        apksigner=failed,
        apksigner_min_sdk_24=failed,
        signing_block_certs={"certs": [{"sha256": SHA_B, "key_bits": 1024, "modulus": None}]},
    )
    doc = _doc(signers=[{"scheme": "v2", "sha256": SHA_B, "public_key_bits": 1024}])
    doc["facts"]["signing"] = {"verified": False, "schemes": {"v2": {"verified": False}}}
    identity = _identity(android_pairs(record, doc))
    assert identity.differences == []
    assert identity.tallies["signer certificates (SHA-256)"].equal == 1


def test_apk_without_manifest_must_be_refused() -> None:
    record = _record(package=None)
    assert android_pairs(record, {"verdict": "error", "errors": ["no manifest"]}) == [
        ("is an APK (aapt finds a manifest)", False, False)
    ]
    refused = android_pairs(record, _doc())
    assert refused == [("is an APK (aapt finds a manifest)", False, True)]


def _ios_record(profile: bool) -> dict[str, Any]:
    cert = {"sha1": "1" * 40, "sha256": SHA_A, "ou": "TEAM123456"}
    apple = {"sha1": "2" * 40, "sha256": SHA_B, "ou": "Apple Worldwide Developer Relations"}
    return {
        "error": None,
        "bundles": [
            {
                "executable": "Payload/A.app/A",
                "info": {
                    "CFBundleIdentifier": "com.example.a",
                    "CFBundleShortVersionString": "1.0",
                    "CFBundleVersion": "7",
                    "MinimumOSVersion": "12.0",
                    "CFBundleName": "A",
                    "CFBundleDisplayName": None,
                },
            }
        ],
        "binaries": [
            {
                "executable": "Payload/A.app/A",
                "slices": [{"signature": {"cms": True, "certificates": [apple, cert]}}],
            }
        ],
        "profile": (
            {"team_ids": ["TEAM123456"], "developer_certificates": [cert]} if profile else None
        ),
    }


def _ios_doc(team: str | None) -> dict[str, Any]:
    return {
        "verdict": "warn",
        "app": {
            "identifier": "com.example.a",
            "version_name": "1.0",
            "build_version": "7",
            "min_os": "12.0",
            "name": "A",
            "bundles": [{"team_id": team}],
            "signers": [
                {"scheme": "codesign", "sha1": "1" * 40, "sha256": SHA_A},
                {"scheme": "codesign", "sha1": "2" * 40, "sha256": SHA_B},
                {"scheme": "provision", "sha1": "1" * 40, "sha256": SHA_A},
            ],
        },
    }


def test_ipa_identity_and_team_from_profile_or_leaf_certificate() -> None:
    for profile in (True, False):
        identity = _identity(ios_pairs(_ios_record(profile), _ios_doc("TEAM123456")))
        assert identity.differences == [], identity.differences
    identity = _identity(ios_pairs(_ios_record(False), _ios_doc("OTHER")))
    assert [(d.field, d.expected, d.actual) for d in identity.differences] == [
        ("team id", "TEAM123456", "OTHER")
    ]


def _finding(rule: str, severity: str = "high", **evidence: Any) -> dict[str, Any]:
    return {"rule_id": rule, "severity": severity, "evidence_level": None, "evidence": [evidence]}


APP = VulnApp(
    name="Demo",
    files=("d/debug.apk", "d/release.apk"),
    project="demo/demo",
    source="README",
    checked="read",
    weaknesses=(
        Weakness("D-1", "Exported provider", "README", "manifest", ("SEC-EXPORT-001",),
                 match=("TrackProvider",)),
        Weakness("D-2", "Debuggable", "README", "manifest", ("SEC-DEBUG-001",),
                 files=("d/debug.apk",)),
        Weakness("D-3", "Hard-coded key", "README", "Crypto.key", ("SEC-SECRET-001",),
                 match=("Crypto",)),
        Weakness("D-4", "Root detection", "README", "PostLogin", (), reason="none: run time"),
    ),
)  # fmt: skip


def test_recall_counts_only_findings_at_the_documented_place() -> None:
    manifest = "a.apk!AndroidManifest.xml"
    findings = [
        _finding("SEC-EXPORT-001", location=manifest, symbol="activity Other"),
        _finding("SEC-EXPORT-001", location=manifest, symbol="provider x.TrackProvider"),
        _finding("SEC-DEBUG-001", location=manifest, symbol="application"),
        _finding("SEC-SECRET-001", location="a.apk!classes.dex", path=["x.Main.onCreate", "x.K.k"]),
    ]
    result = recall_for(APP, "d/debug.apk", findings)
    assert [w.id for w, _ in result.caught] == ["D-1", "D-2"]
    assert [c.where for c in result.caught[0][1]] == [
        "a.apk!AndroidManifest.xml · provider x.TrackProvider"
    ]
    assert [w.id for w in result.missed] == ["D-3"]  # evidence does not name Crypto
    assert [w.id for w in result.out_of_scope] == ["D-4"]
    assert result.figure() == "2 / 3 = 67%"
    # The release build is not debuggable: D-2 is not counted for it.
    assert recall_for(APP, "d/release.apk", findings).in_scope == 2


def test_call_path_counts_as_evidence_and_precision_view_marks_documented() -> None:
    secret = _finding(
        "SEC-SECRET-001", "high", location="a.apk!classes.dex", path=["x.Crypto.<init>"]
    )
    other = _finding("SEC-WEBVIEW-001", "critical", location="a.apk!classes.dex", symbol="ads")
    assert [w.id for w in documented_by(APP, "d/debug.apk", secret)] == ["D-3"]
    assert documented_by(APP, "d/debug.apk", other) == []
    debug = _finding("SEC-DEBUG-001", location="m", symbol="application")
    assert documented_by(APP, "d/release.apk", debug) == []
    assert at_least("medium") and at_least("critical") and not at_least("low")


def test_require_needs_every_string_in_the_same_evidence_item() -> None:
    logging = Weakness(
        "L-1", "Logging", "README", "Login", ("SEC-STORAGE-001",),
        match=("android.util.Log",), require=("com.demo.",),
    )  # fmt: skip
    app = VulnApp("L", ("l.apk",), "p", "s", "c", (logging,))
    sdk = _finding("SEC-STORAGE-001", symbol="android.util.Log.d", path=["com.sdk.A.run"])
    ours = _finding("SEC-STORAGE-001", symbol="android.util.Log.d", path=["com.demo.Login.go"])
    both = {
        **sdk,
        "evidence": [sdk["evidence"][0], {"symbol": "java.io.File", "path": ["com.demo.X"]}],
    }
    assert recall_for(app, "l.apk", [sdk, both]).missed == [logging]
    assert [w.id for w, _ in recall_for(app, "l.apk", [sdk, ours]).caught] == ["L-1"]


def test_nothing_in_scope_gives_no_ratio() -> None:
    app = VulnApp("None", ("n.apk",), "p", "s", "c", (Weakness("N-1", "x", "s", "w", ()),))
    assert recall_for(app, "n.apk", []).figure() == "n/a (nothing in static scope)"


def test_documented_weaknesses_file_is_well_formed() -> None:
    apps = load_weaknesses(WEAKNESSES)
    assert {a.name for a in apps} >= {"InsecureBankv2", "InjuredAndroid"}
    for app in apps:
        ids = [w.id for w in app.weaknesses]
        assert len(ids) == len(set(ids)), app.name
        for weakness in app.weaknesses:
            assert weakness.source and weakness.where, weakness.id
            assert all(re.fullmatch(r"[A-Z]+(-[A-Z]+)+-\d{3}", r) for r in weakness.rules)
            assert weakness.in_scope or weakness.reason.startswith("none:"), weakness.id
            assert set(weakness.files) <= set(app.files), weakness.id
