"""Pair scores (scanner/cluster/score.py): each signal on its own, the weights, the kinds."""

from __future__ import annotations

from typing import Any

from scanner.cluster.score import MERGE, TEMPLATE, compare
from scanner.cluster.sketch import sketch


def facts(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "version": 1,
        "framework": "native",
        "template": {"launcher": None, "application": None, "uni_appid": None, "bundle": None},
        "backend_hosts": [],
        "sdk_keys": [],
        "code": None,
        "resources": {"files": 0, "sketch": [], "icon": None},
        "features": [],
        "signers": [],
    }
    base.update(over)
    return base


def code(*tokens: str) -> dict[str, Any]:
    return {"tokens": len(tokens), "sketch": sketch(tokens)}


def signal(a: dict[str, Any], b: dict[str, Any], name: str) -> tuple[float, tuple[str, ...]]:
    s = next(s for s in compare(a, b).signals if s.name == name)
    return s.similarity, s.evidence


def test_backend_hosts_and_sdk_keys() -> None:
    a = facts(backend_hosts=["api.x.cn", "img.x.cn"])
    b = facts(backend_hosts=["api.x.cn"])
    assert signal(a, b, "backend") == (0.5, ("same backend host api.x.cn",))
    key = [{"name": "UMENG_APPKEY", "value": "5f1"}]
    sim, evidence = signal(
        facts(sdk_keys=key, backend_hosts=["a.cn"]), facts(sdk_keys=key), "backend"
    )
    assert sim == 0.9  # one vendor account: strong same-system evidence
    assert evidence == ("same SDK app key UMENG_APPKEY=5f1",)
    assert all(s.name != "backend" for s in compare(a, facts()).signals)  # unknown, not 0


def test_code_resources_icon() -> None:
    a = facts(
        code=code(*(f"m{i}" for i in range(1, 9))),
        resources={"files": 2, "sketch": sketch(["r1", "r2"]), "icon": "ab:1"},
    )
    b = facts(
        code=code(*(f"m{i}" for i in (1, 2, 3, 4, 5, 6, 9, 10))),
        resources={"files": 2, "sketch": sketch(["r3", "r4"]), "icon": "ab:1"},
    )
    assert signal(a, b, "code")[0] == 0.6
    assert signal(a, b, "code")[1] == ("code similarity 0.60 (8 and 8 own methods)",)
    sim, evidence = signal(a, b, "resources")
    assert sim == 0.5 and "same launcher icon" in evidence


def test_template_markers_ignore_generic_launchers() -> None:
    uni = {"launcher": "PandoraEntry", "application": None, "uni_appid": "__UNI__1", "bundle": None}
    a = facts(framework="uni-app", template=uni)
    b = facts(framework="uni-app", template=dict(uni, uni_appid="__UNI__2"))
    sim, evidence = signal(a, b, "template")
    assert sim == 1 / 3 and evidence == ("same framework uni-app",)
    generic = {"launcher": "MainActivity", "application": None, "uni_appid": None, "bundle": None}
    assert all(
        s.name != "template"
        for s in compare(facts(template=generic), facts(template=generic)).signals
    )


def test_identity_signer_then_package_prefix() -> None:
    assert signal(facts(signers=["ab" * 32]), facts(signers=["ab" * 32]), "identity")[0] == 1.0
    pair = compare(facts(signers=["aa"]), facts(signers=["bb"]), "cn.gov.x.a", "cn.gov.x.b")
    assert pair.signal("identity") == 0.5


def test_function_vector() -> None:
    a, b = (
        facts(features=["perm:INTERNET"]),
        facts(features=["perm:INTERNET", "rule:FORM-REPORT-001"]),
    )
    sim, evidence = signal(a, b, "function")
    assert sim == 0.5
    assert evidence[1] == "differs: nothing vs rule:FORM-REPORT-001"


def test_kinds() -> None:
    same = {
        "backend_hosts": ["api.v.cn"],
        "features": ["perm:INTERNET"],
        "code": code("m1", "m2", "m3", "m4", "m5", "m6"),
        "resources": {"files": 1, "sketch": sketch(["r"]), "icon": None},
        "signers": ["s"],
    }
    assert compare(facts(**same), facts(**same)).kind == MERGE
    other = dict(
        same,
        features=["perm:INTERNET", "perm:CAMERA", "rule:FORM-CHECKIN-001"],
        code=code("m1", "m2", "m3", "m4", "m5", "x"),
        resources={"files": 1, "sketch": sketch(["q"]), "icon": None},
    )
    pair = compare(facts(**same), facts(**other))
    assert pair.kind == TEMPLATE and pair.score < 0.6
    assert pair.signal("code") == 5 / 7
    # Template code alone (another backend) is still the same template.
    assert compare(facts(**same), facts(**dict(other, backend_hosts=["b.cn"]))).kind == TEMPLATE
    unrelated = dict(other, backend_hosts=["b.cn"], code=code("z"))
    assert compare(facts(**same), facts(**unrelated)).kind is None
    # Signer alone weighs too little to say anything.
    assert compare(facts(signers=["s"]), facts(signers=["s"])).kind is None


def test_identity_unknown_when_one_app_is_unsigned() -> None:
    unsigned, signed = facts(), facts(signers=["s"])
    assert all(s.name != "identity" for s in compare(unsigned, signed, "a.b", "c.d").signals)
    same = compare(unsigned, signed, "tests.androguard", "tests.androguard")
    assert same.signal("identity") == 1.0


def test_few_own_methods_give_no_code_signal() -> None:
    tiny = facts(code=code("get", "set"))
    assert all(s.name != "code" for s in compare(tiny, tiny).signals)


def test_apk_and_ipa_of_one_app_compare_ids_endpoints_and_rules_only() -> None:
    shared = {"backend_hosts": ["api.city.gov.cn"], "signers": []}
    apk = facts(
        platform="android",
        features=["perm:CAMERA", "rule:FORM-CHECKIN-001"],
        code=code(*"abcdef"),
        **shared,
    )
    ipa = facts(
        platform="ios",
        features=["perm:NSCameraUsageDescription", "rule:FORM-CHECKIN-001"],
        code=code(*"uvwxyz"),
        **shared,
    )
    pair = compare(apk, ipa, "cn.gov.city.app", "cn.gov.city.app")
    assert {s.name for s in pair.signals} == {"backend", "function", "identity"}
    assert pair.score == 1.0 and pair.kind == MERGE
    assert pair.reason.startswith("duplicate: score 1.00")
