"""Identity, Mach-O facts, code signatures and profiles of every IPA, against independent tools.

Expected values come from tests/data/groundtruth/ios.json, written by scripts/groundtruth_ios.py;
each value sits beside the command that produced it: `unzip -p … | python3 -c 'plistlib…'` for
Info.plist, `openssl cms -verify -noverify` and `openssl x509 -fingerprint` for the profile and
certificates, `llvm-otool-14 -l`/`-hv`, `llvm-nm-14` and `llvm-objdump-14 --objc-meta-data`/`-d`
for the executables, and bytes cut at llvm-otool's LC_CODE_SIGNATURE offsets for the signature.

Records of ../shared/samples skip when that folder is absent; records of the project's own
samples/ios-*.ipa skip when the sample has not been built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from scanner.config import Limits
from scanner.errors import ScannerError, UnsupportedPackage
from scanner.facts.codesign import check_bundle, read_code_signatures
from scanner.facts.macho import MachOSlice, read_macho
from scanner.facts.plist import plain
from scanner.facts.provisioning import read_profile
from scanner.unpack.ipa import Bundle, IpaContents, open_ipa
from tests.conftest import ROOT, SHARED

GROUND_TRUTH: list[dict[str, Any]] = json.loads(
    (ROOT / "tests/data/groundtruth/ios.json").read_text(encoding="utf-8")
)
INFO_FIELDS = {
    "CFBundleIdentifier": "bundle_id",
    "CFBundleName": "name",
    "CFBundleDisplayName": "display_name",
    "CFBundleShortVersionString": "short_version",
    "CFBundleVersion": "build_version",
    "MinimumOSVersion": "min_os",
    "DTPlatformName": "platform_name",
    "DTPlatformVersion": "platform_version",
    "DTSDKName": "sdk_name",
    "DTXcode": "xcode",
    "DTXcodeBuild": "xcode_build",
    "DTCompiler": "compiler",
}


def _ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["file"].rsplit("/", 2)[-2] + "/" + r["file"].rsplit("/", 1)[-1] for r in records]


def _path(record: dict[str, Any]) -> Path:
    path = (ROOT / record["file"]).resolve()
    if not path.exists():
        where = "../shared/samples is absent" if "shared" in record["file"] else "not built"
        pytest.skip(f"{record['file']}: {where}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == record["sha256"], (
        f"{record['file']} changed since its ground truth was recorded: "
        "re-run `python scripts/groundtruth_ios.py` and review the diff"
    )
    return path


def _open(record: dict[str, Any]) -> IpaContents:
    return open_ipa(_path(record), Limits())


def _records(kind: str) -> list[dict[str, Any]]:
    if kind == "error":
        return [r for r in GROUND_TRUTH if r["error"]]
    return [r for r in GROUND_TRUTH if not r["error"]]


OK = _records("ok")
BROKEN = _records("error")
BINARIES = [(r, b) for r in OK for b in r["binaries"]]


@pytest.mark.parametrize("record", BROKEN, ids=_ids(BROKEN))
def test_broken_packages_raise_clear_errors(record: dict[str, Any]) -> None:
    path = _path(record)
    expected = {"not-a-zip": r"not a zip archive", "no-app": r"no \.app bundle"}
    with pytest.raises(UnsupportedPackage, match=expected[record["error"]["kind"]]):
        open_ipa(path, Limits())


@pytest.mark.parametrize("record", OK, ids=_ids(OK))
def test_bundles_match_unzip_and_plistlib(record: dict[str, Any]) -> None:
    with _open(record) as contents:
        assert contents.app.path == record["app"]
        assert contents.root == (record["wrapped_in"] or "")
        assert bool(contents.notes) == bool(record["wrapped_in"])
        ours = {b.path: b for b in contents.bundles}
        assert sorted((b["path"], b["kind"]) for b in record["bundles"]) == sorted(
            (b.path, b.kind) for b in contents.bundles
        )
        for expected in record["bundles"]:
            _same_bundle(ours[expected["path"]], expected)


def _same_bundle(bundle: Bundle, expected: dict[str, Any]) -> None:
    assert bundle.executable == expected["executable"], bundle.path
    if expected["kind"] == "dylib":
        return
    info = expected["info"]
    if info is None:
        assert bundle.info == {} and bundle.problems, bundle.path
    else:
        for key, attr in INFO_FIELDS.items():
            assert getattr(bundle, attr) == info[key], (bundle.path, key)
        assert list(bundle.device_family) == [int(x) for x in info["UIDeviceFamily"] or []]
    assert bundle.has_provision == expected["has_provision"]
    assert bundle.has_code_resources == expected["has_code_resources"]
    assert (bundle.privacy_manifest_path is not None) == expected["has_privacy_manifest"]
    assert bundle.localized_names == expected["localized_names"]


PROFILED = [r for r in OK if r.get("profile")]


@pytest.mark.parametrize("record", PROFILED, ids=_ids(PROFILED))
def test_profile_matches_openssl(record: dict[str, Any]) -> None:
    expected = record["profile"]
    with _open(record) as contents:
        assert contents.app.provision_path is not None
        profile = read_profile(contents.read(contents.app.provision_path))
    for field in (
        "name",
        "uuid",
        "app_id_name",
        "application_identifier",
        "team_name",
        "creation_date",
        "expiration_date",
        "devices_count",
        "provisions_all_devices",
        "get_task_allow",
        "profile_type",
    ):
        assert getattr(profile, field) == expected[field], field
    assert list(profile.team_ids) == expected["team_ids"]
    assert list(profile.platforms) == expected["platforms"]
    assert plain(profile.entitlements) == expected["entitlements"]
    assert [(c.sha1, c.sha256) for c in profile.developer_certificates] == [
        (c["sha1"], c["sha256"]) for c in expected["developer_certificates"]
    ]
    assert {c.sha256 for c in profile.signers} == {
        c["sha256"] for c in expected["cms_certificates"]
    }
    assert (not profile.problems) == expected["cms_signature_verifies"]
    assert profile.signers[0].verified is expected["cms_signature_verifies"]
    created = dt.datetime.strptime(expected["creation_date"], "%Y-%m-%dT%H:%M:%SZ")
    expires = dt.datetime.strptime(expected["expiration_date"], "%Y-%m-%dT%H:%M:%SZ")
    assert not profile.expired_at(created)
    assert profile.expired_at(expires)
    assert not profile.expired_at(expires - dt.timedelta(seconds=1))


def _slices(record: dict[str, Any], binary: dict[str, Any]) -> tuple[MachOSlice, ...]:
    with _open(record) as contents:
        data = contents.read(binary["executable"])
    return read_macho(binary["executable"], data).slices


@pytest.mark.parametrize(
    ("record", "binary"),
    BINARIES,
    ids=[f"{i}-{b['executable'].rsplit('/', 1)[-1]}" for i, (_, b) in enumerate(BINARIES)],
)
def test_macho_matches_llvm_tools(record: dict[str, Any], binary: dict[str, Any]) -> None:
    slices = _slices(record, binary)
    assert [s.arch for s in slices] == [e["arch"] for e in binary["slices"]]
    for ours, expected in zip(slices, binary["slices"], strict=True):
        assert ours.offset == expected["offset"]
        for field in (
            "filetype",
            "pie",
            "allow_stack_execution",
            "no_heap_execution",
            "uuid",
            "min_os",
            "sdk",
            "stripped",
            "platform",
        ):
            assert getattr(ours, field) == expected[field], (ours.location, field)
        encryption = expected["encryption"]
        assert ours.encryption is not None and encryption is not None
        assert (ours.encryption.cryptoff, ours.encryption.cryptsize, ours.encryption.cryptid) == (
            encryption["cryptoff"],
            encryption["cryptsize"],
            encryption["cryptid"],
        )
        assert list(ours.rpaths) == expected["rpaths"]
        assert [(lib.name, lib.weak) for lib in ours.libraries] == [
            (lib["name"], lib["weak"]) for lib in expected["libraries"]
        ]
        assert set(ours.imported_symbols) == set(expected["imported_symbols"])
        assert list(ours.code_signature or []) == (expected["code_signature"] or [])
        if ours.encrypted:
            # llvm-objdump decodes encrypted bytes as if they were plain: its class names are
            # noise there. Ours must say nothing rather than something wrong.
            # What stays readable is the symbol table: classes named by defined symbols.
            assert list(ours.defined_classes) == expected["objc_class_symbols"]
            assert not ours.methods and not ours.selectors and not ours.cstrings
            continue
        assert list(ours.defined_classes) == expected["classes"]
        assert {
            f"{'+' if is_class else '-'}[{cls} {sel}]": hex(imp)
            for (cls, sel, is_class), imp in ours.methods.items()
        } == expected["methods"]
        if expected["ustrings"] is not None:
            assert sorted(ours.ustrings) == expected["ustrings"]
        if "functions" in expected:
            _same_function_refs(ours, expected["functions"])


def _printed(value: str) -> bytes:
    return bytes.fromhex(value[4:]) if value.startswith("hex:") else value.encode("utf-8")


def _string_found(value: str, ours: frozenset[str]) -> bool:
    """llvm-objdump prints a CFString's bytes as a C string, so a UTF-16 one (a non-ASCII
    literal) shows as its UTF-16LE bytes up to the first zero byte or line break, recorded as
    text or `hex:`. Such a value is found when one of our strings starts with those bytes; the
    text itself is checked against llvm-otool's dump of __ustring."""
    if value in ours:
        return True
    printed = _printed(value)
    return any(s.encode("utf-16-le").startswith(printed) for s in ours if not s.isascii())


def _same_function_refs(ours: MachOSlice, expected: dict[str, dict[str, list[str]]]) -> None:
    """Each function's selectors, classes, strings and imports that llvm-objdump's disassembly
    comments name (ADRP pairs, literal loads, stubs called) are found by our decoder too.
    llvm only comments an ADRP immediately followed by its LDR/ADD; unoptimised code puts
    other instructions between them, and those references are found by ours alone."""
    for address, refs in expected.items():
        function = ours.functions[int(address, 16)]
        assert set(refs.get("selectors", [])) <= function.selectors, function.name
        assert set(refs.get("classes", [])) <= function.classes, function.name
        assert set(refs.get("imports", [])) <= function.imports, function.name
        for value in refs.get("strings", []):
            assert _string_found(value, function.strings), (function.name, value)
    # And what ours finds beyond llvm's comments is real: selectors of __objc_methname, classes
    # the binary defines or imports, symbols it imports.
    functions = ours.functions.values()
    assert set().union(*(f.selectors for f in functions)) <= set(ours.selectors)
    known_classes = set(ours.defined_classes) | set(ours.imported_classes)
    assert set().union(*(f.classes for f in functions)) <= known_classes
    assert set().union(*(f.imports for f in functions)) <= set(ours.imported_symbols)


# Signed correctly, then changed: openssl's CMS check over the CodeDirectory still passes, and
# only the page hashes (which openssl does not check) tell. The build script records the change.
TAMPERED = {"TamperedNotice": "a UTF-16 literal changed after signing (build_samples_ios tamper)"}


@pytest.mark.parametrize(
    ("record", "binary"),
    BINARIES,
    ids=[f"{i}-{b['executable'].rsplit('/', 1)[-1]}" for i, (_, b) in enumerate(BINARIES)],
)
def test_code_signature_matches_openssl(record: dict[str, Any], binary: dict[str, Any]) -> None:
    with _open(record) as contents:
        bundle = next(b for b in contents.bundles if b.executable == binary["executable"])
        signature = check_bundle(contents, bundle)
        data = contents.read(binary["executable"])
    assert [s.arch for s in read_code_signatures(binary["executable"], data)] == [
        e["arch"] for e in binary["slices"]
    ]
    for ours, expected in zip(signature.slices, binary["slices"], strict=True):
        sig = expected.get("signature")
        if sig is None:
            assert ours.state == "unsigned"
            continue
        assert plain(ours.entitlements) == sig["entitlements"]
        assert ours.state == ("signed" if sig["cms"] else "adhoc")
        assert {s.sha1 for s in ours.signers} == {c["sha1"] for c in sig["certificates"]}
        assert {s.sha256 for s in ours.signers} == {c["sha256"] for c in sig["certificates"]}
        tampered = any(name in binary["executable"] for name in TAMPERED)
        if sig["cms"]:
            leaf_ou = {c["sha1"]: c["ou"] for c in sig["certificates"]}[ours.signers[0].sha1]
            assert ours.leaf_team_id == leaf_ou
            assert ours.verified is (sig["cms_verifies"] and not tampered)
            assert ours.signers[0].verified is sig["cms_verifies"]
        if sig["cdhashes"]:
            assert list(ours.cms_cdhashes) == sig["cdhashes"]
            assert [cd.cdhash[:40] for cd in ours.code_directories] == sig["cdhashes"]
            assert ours.cdhash_short == sig["cdhashes"][-1]
    if any(name in binary["executable"] for name in TAMPERED):
        assert signature.state == "broken"
        assert any("code pages do not match" in p for p in signature.problems)
        return
    assert signature.state == ("unsigned" if not binary["slices"][0].get("signature") else "signed")


def test_incorrectly_signed_ipa_opens_and_reports_its_broken_signature() -> None:
    record = next(r for r in GROUND_TRUTH if r["file"].endswith("IncorrectlySigned.ipa"))
    with _open(record) as contents:
        app = check_bundle(contents, contents.app)
        watch = check_bundle(contents, contents.bundles[1])
    assert app.state == "broken"
    assert any("no executable ('Sample')" in p for p in app.problems)
    assert any("_CodeSignature/CodeResources" in p for p in app.problems)
    assert watch.state == "broken"
    assert any("no Info.plist (found Info-Watch.plist)" in p for p in watch.problems)


def test_profile_team_is_the_signing_certificate_team() -> None:
    """Filing takes the team id from the certificate's OU; the profile must agree."""
    checked = 0
    for record in PROFILED:
        if not (ROOT / record["file"]).resolve().exists():
            continue
        main = next((b for b in record["binaries"] if b["executable"].count("/") <= 3), None)
        sig = (main or {}).get("slices", [{}])[0].get("signature")
        if not sig or not sig["cms"]:
            continue
        ous = {c["ou"] for c in sig["certificates"]}
        assert set(record["profile"]["team_ids"]) <= ous, record["file"]
        checked += 1
    if not checked:
        pytest.skip("no signed sample present")


def test_ground_truth_covers_every_ipa() -> None:
    if not SHARED.exists():
        pytest.skip("../shared/samples is absent: real-app ground truth not checked")
    on_disk = sorted(
        f"../shared/samples/{p.relative_to(SHARED).as_posix()}" for p in SHARED.rglob("*.ipa")
    )
    recorded = sorted(r["file"] for r in GROUND_TRUTH if r["file"].startswith("../shared/"))
    assert recorded == on_disk
    own = sorted(f"samples/{p.name}" for p in (ROOT / "samples").glob("ios-*.ipa"))
    assert own == sorted(r["file"] for r in GROUND_TRUTH if r["file"].startswith("samples/"))


def test_readers_never_leak_exceptions_on_the_broken_ones() -> None:
    for record in BROKEN:
        path = (ROOT / record["file"]).resolve()
        if path.exists():
            with pytest.raises(ScannerError):
                open_ipa(path, Limits())
