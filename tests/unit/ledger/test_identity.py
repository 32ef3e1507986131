"""DOMAIN.md §3's "same finding" identity and the leaf signing certificates."""

from __future__ import annotations

from scanner.ledger.identity import leaf_certificates, normalise_symbol, normalised_identity


def test_obfuscated_segments_are_ignored_framework_names_kept() -> None:
    assert normalise_symbol("cn.gov.demo.a.bc.doWork") == "cn.gov.demo.?.?.doWork"
    assert normalise_symbol("android.os.Build.getSerial") == "android.os.Build.getSerial"
    assert normalise_symbol("KW-CHECKIN") == "KW-CHECKIN"


def test_identity_ignores_excerpts_offsets_paths_and_order() -> None:
    a = [
        {"location": "a.apk!classes.dex", "symbol": "KW-RANK", "excerpt": "排名", "path": ["x"]},
        {"location": "a.apk!classes.dex", "symbol": "cn.gov.demo.a.rank"},
    ]
    b = [
        {"location": "b.apk!classes2.dex", "symbol": "cn.gov.demo.z.rank", "offset": 9},
        {"location": "b.apk!classes2.dex", "symbol": "KW-RANK", "excerpt": "积分"},
    ]
    assert normalised_identity("FORM-RANK-001", a) == normalised_identity("FORM-RANK-001", b)
    assert normalised_identity("FORM-RANK-001", a) != normalised_identity("FORM-RANK-002", a)
    # Without a symbol, the location inside the package stands in.
    _, text = normalised_identity("SEC-BACKUP-001", [{"location": "x.apk!AndroidManifest.xml"}])
    assert text == "SEC-BACKUP-001 @AndroidManifest.xml"


def test_leaf_certificates_drop_lineage_and_ca() -> None:
    leaf = {"scheme": "codesign", "subject": "CN=dev", "issuer": "CN=ca", "sha256": "AA"}
    ca = {"scheme": "codesign", "subject": "CN=ca", "issuer": "CN=ca", "sha256": "bb"}
    old = {"scheme": "lineage", "subject": "CN=old", "issuer": "CN=old", "sha256": "cc"}
    provision = dict(leaf, scheme="provision")
    assert leaf_certificates([leaf, ca, old, provision]) == ["aa"]
    self_signed = {"scheme": "v2", "subject": "CN=x", "issuer": "CN=x", "sha256": "dd"}
    assert leaf_certificates([self_signed, dict(self_signed, scheme="v3")]) == ["dd"]
