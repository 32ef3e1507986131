"""Code signatures built here: a thin Mach-O whose LC_CODE_SIGNATURE holds a SuperBlob with a
SHA-1 and a SHA-256 CodeDirectory over the real page hashes, requirements, entitlements and a
detached CMS signature made with a throwaway key (cryptography's PKCS#7 builder), so every
check can be made to pass and then to fail."""

from __future__ import annotations

import datetime as dt
import hashlib
import plistlib
import struct
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from scanner.config import Limits
from scanner.errors import CorruptPackage
from scanner.facts.codesign import (
    check_bundle,
    parse_superblob,
    read_code_signature,
    read_code_signatures,
)
from scanner.unpack.ipa import open_ipa
from tests.builders import write_zip
from tests.unit.facts.test_macho import fat

TEAM = "ABCDE12345"
ENTITLEMENTS = {"application-identifier": f"{TEAM}.cn.gov.demo", "get-task-allow": False}
PAGE = 0x1000
CODE_LIMIT = 0x3000  # the signature starts here


def _key_and_cert() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "iPhone Distribution: Demo Bureau"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, TEAM),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Demo Bureau"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        ]
    )
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return key, cert


KEY, CERT = _key_and_cert()
CERT_DER = CERT.public_bytes(serialization.Encoding.DER)


def _blob(magic: int, body: bytes) -> bytes:
    return struct.pack(">II", magic, 8 + len(body)) + body


def _code_directory(
    code: bytes, hash_type: int, specials: dict[int, bytes], *, flags: int = 0
) -> bytes:
    name, size = {1: ("sha1", 20), 2: ("sha256", 32)}[hash_type]
    ident = b"cn.gov.demo\0"
    team = TEAM.encode() + b"\0"
    n_special = 5
    header = 8 + 44  # magic+length, then fields up to teamOffset (version 0x20200)
    ident_off = header
    team_off = ident_off + len(ident)
    hash_off = team_off + len(team) + n_special * size
    pages = [code[i : i + PAGE] for i in range(0, len(code), PAGE)]
    special_hashes = b"".join(
        hashlib.new(name, specials[slot]).digest() if slot in specials else b"\0" * size
        for slot in range(n_special, 0, -1)
    )
    page_hashes = b"".join(hashlib.new(name, p).digest() for p in pages)
    fields = struct.pack(
        ">7IBBBBIII",
        0x20200,
        flags,
        hash_off,
        ident_off,
        n_special,
        len(pages),
        len(code),
        size,
        hash_type,
        0,
        12,
        0,
        0,
        team_off,
    )
    body = fields + ident + team + special_hashes + page_hashes
    return _blob(0xFADE0C02, body)


def _cms(content: bytes) -> bytes:
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(content)
        .add_signer(CERT, KEY, hashes.SHA256())
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.NoCapabilities],
        )
    )


def _superblob(blobs: list[tuple[int, bytes]]) -> bytes:
    header_len = 12 + 8 * len(blobs)
    index, body, offset = b"", b"", header_len
    for slot, blob in blobs:
        index += struct.pack(">II", slot, offset)
        body += blob
        offset += len(blob)
    return struct.pack(">III", 0xFADE0CC0, header_len + len(body), len(blobs)) + index + body


def _macho(sig_size: int) -> bytearray:
    """A thin arm64 header with one LC_CODE_SIGNATURE, code up to CODE_LIMIT."""
    data = bytearray(CODE_LIMIT)
    cmd = struct.pack("<IIII", 0x1D, 16, CODE_LIMIT, sig_size)
    data[:32] = struct.pack("<IiIIIIII", 0xFEEDFACF, 0x0100000C, 0, 2, 1, len(cmd), 0x200085, 0)
    data[32:48] = cmd
    for i in range(48, CODE_LIMIT, 7):
        data[i] = i * 31 & 0xFF
    return data


def build_signed(
    *,
    cms: bool = True,
    info_plist: bytes | None = None,
    code_resources: bytes | None = None,
    entitlements: dict[str, object] | None = None,
    tamper_code: bool = False,
    adhoc_flag: bool = False,
) -> bytes:
    requirements = _blob(0xFADE0C01, struct.pack(">I", 0))
    ents = _blob(0xFADE7171, plistlib.dumps(entitlements or ENTITLEMENTS))
    specials = {2: requirements, 5: ents}
    if info_plist is not None:
        specials[1] = info_plist
    if code_resources is not None:
        specials[3] = code_resources
    # Sizes are fixed by the layout, so the signature size is known before the code is hashed.
    probe = _superblob(_blobs(b"\0" * CODE_LIMIT, specials, requirements, ents, cms, adhoc_flag))
    code = _macho(len(probe))
    sig = _superblob(_blobs(bytes(code), specials, requirements, ents, cms, adhoc_flag))
    assert len(sig) == len(probe)
    if tamper_code:
        code[0x1800] ^= 0xFF
    return bytes(code) + sig


def _blobs(
    code: bytes,
    specials: dict[int, bytes],
    requirements: bytes,
    ents: bytes,
    cms: bool,
    adhoc: bool,
) -> list[tuple[int, bytes]]:
    flags = 0x2 if adhoc else 0
    cd1 = _code_directory(code, 1, specials, flags=flags)
    cd2 = _code_directory(code, 2, specials, flags=flags)
    wrapper = _blob(0xFADE0B01, _cms(cd1) if cms else b"")
    return [(0, cd1), (2, requirements), (5, ents), (0x1000, cd2), (0x10000, wrapper)]


# ---------------------------------------------------------------------------------- tests


def test_signed_slice_verifies_and_names_its_signer() -> None:
    data = build_signed()
    sig = read_code_signature("bin", "arm64", data)
    assert sig.state == "signed", sig.problems
    assert sig.verified and sig.problems == ()
    assert sig.identifier == "cn.gov.demo"
    assert sig.team_id == TEAM and sig.leaf_team_id == TEAM
    assert sig.entitlements == ENTITLEMENTS
    assert sig.requirements and not sig.der_entitlements
    cds = sig.code_directories
    assert [(cd.slot, cd.hash_type, cd.code_slots, cd.page_size) for cd in cds] == [
        (0, "sha1", 3, PAGE),
        (0x1000, "sha256", 3, PAGE),
    ]
    # cdhash: the best (SHA-256) CodeDirectory's digest; codesign shows its first 20 bytes.
    blob = parse_superblob(data[CODE_LIMIT:], "bin").by_slot[0x1000]
    assert sig.cdhash == hashlib.sha256(blob).hexdigest()
    assert sig.cdhash_short == sig.cdhash[:40]
    (signer,) = sig.signers
    assert signer.sha256 == hashlib.sha256(CERT_DER).hexdigest()
    assert signer.scheme == "codesign" and signer.verified is True
    assert "OU=ABCDE12345" in signer.subject


def test_changed_code_page_is_reported() -> None:
    sig = read_code_signature("bin", "arm64", build_signed(tamper_code=True))
    assert sig.state == "signed" and sig.verified is False
    assert any("1 of 3 code pages do not match" in p and "pages 1" in p for p in sig.problems)


def test_changed_info_plist_and_entitlements_are_reported() -> None:
    data = build_signed(info_plist=b"<plist>original</plist>")
    ok = read_code_signature("bin", "arm64", data, info_plist=b"<plist>original</plist>")
    assert ok.verified, ok.problems
    bad = read_code_signature("bin", "arm64", data, info_plist=b"<plist>changed</plist>")
    assert any("Info.plist does not match" in p for p in bad.problems)
    # entitlements swapped after signing: same length so the layout still parses
    tampered = data.replace(b"<false/>", b"<true/> ")
    assert tampered != data
    sig = read_code_signature("bin", "arm64", tampered)
    assert any("entitlements does not match" in p for p in sig.problems)


def test_cms_over_another_code_directory_does_not_verify() -> None:
    data = bytearray(build_signed())
    blobs = parse_superblob(bytes(data[CODE_LIMIT:]), "bin")
    cd1 = blobs.by_slot[0]
    pos = data.index(cd1)
    data[pos + len(cd1) - 1] ^= 0x01  # the last page hash of the SHA-1 CD
    sig = read_code_signature("bin", "arm64", bytes(data))
    assert sig.verified is False
    assert any("does not verify over the CodeDirectory" in p for p in sig.problems)
    assert sig.signers[0].verified is False


def test_adhoc_signature_is_a_state() -> None:
    sig = read_code_signature("bin", "arm64", build_signed(cms=False, adhoc_flag=True))
    assert sig.state == "adhoc" and sig.adhoc
    assert sig.signers == () and sig.verified is True
    assert "adhoc" in sig.code_directories[0].flag_names


def test_unsigned_slice() -> None:
    data = bytearray(_macho(0))
    data[16:20] = struct.pack("<I", 0)  # no load commands
    assert read_code_signature("bin", "arm64", bytes(data)).state == "unsigned"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda b: b"\0\0\0\0" + b[4:], "magic"),
        (lambda b: b[:8] + struct.pack(">I", 9999) + b[12:], "index of 9999 entries"),
        (lambda b: b[:16] + struct.pack(">I", 0x7FFFFFF0) + b[20:], "is outside"),
        (lambda b: b[:4] + struct.pack(">I", 10**9) + b[8:], "claims"),
    ],
)
def test_hostile_superblob_is_malformed_not_an_exception(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = build_signed()
    sig_bytes = data[CODE_LIMIT:]
    with pytest.raises(CorruptPackage, match=message):
        parse_superblob(mutate(sig_bytes), "bin")
    sig = read_code_signature("bin", "arm64", data[:CODE_LIMIT] + mutate(sig_bytes))
    assert sig.state == "malformed"
    assert any(message.split()[0] in p for p in sig.problems)


def test_code_directory_with_lying_offsets_is_malformed() -> None:
    data = bytearray(build_signed())
    blobs = parse_superblob(bytes(data[CODE_LIMIT:]), "bin")
    pos = data.index(blobs.by_slot[0])
    struct.pack_into(">I", data, pos + 16, 0xFFFFFF00)  # hashOffset far outside
    sig = read_code_signature("bin", "arm64", bytes(data))
    assert sig.state == "malformed"
    assert "hash slots lie outside" in sig.problems[0]


def test_signature_range_past_the_end_is_malformed() -> None:
    data = build_signed()
    sig = read_code_signature("bin", "arm64", data[: CODE_LIMIT + 20])
    assert sig.state == "malformed" and "runs past the slice end" in sig.problems[0]


def test_every_slice_of_a_fat_file() -> None:
    thin = build_signed()
    sigs = read_code_signatures("bin", fat((0x0100000C, 0, thin), (12, 9, thin)))
    assert [(s.arch, s.state, s.verified) for s in sigs] == [
        ("arm64", "signed", True),
        ("armv7", "signed", True),
    ]
    assert sigs[1].location == "bin (armv7)"


def _ipa(tmp_path: Path, files: dict[str, bytes]) -> Path:
    return write_zip(tmp_path, "app.ipa", files)


def test_bundle_signature_checks_the_seal_of_the_bundle(tmp_path: Path) -> None:
    info = plistlib.dumps({"CFBundleIdentifier": "cn.gov.demo", "CFBundleExecutable": "Demo"})
    resources = b"<plist>seal</plist>"
    app = "Payload/Demo.app/"
    exe = build_signed(info_plist=info, code_resources=resources)
    files = {app + "Info.plist": info, app + "Demo": exe}
    with open_ipa(
        _ipa(tmp_path, {**files, app + "_CodeSignature/CodeResources": resources}), Limits()
    ) as contents:
        good = check_bundle(contents, contents.app)
    assert good.state == "signed", good.problems
    assert good.entitlements == ENTITLEMENTS
    assert good.signers[0].sha256 == hashlib.sha256(CERT_DER).hexdigest()

    changed = {**files, app + "Info.plist": info.replace(b"cn.gov.demo", b"cn.gov.evil")}
    (tmp_path / "b").mkdir()
    with open_ipa(_ipa(tmp_path / "b", changed), Limits()) as contents:
        bad = check_bundle(contents, contents.app)
    assert bad.state == "broken"
    assert any("Info.plist does not match" in p for p in bad.problems)
    assert any("_CodeSignature/CodeResources" in p for p in bad.problems)


def test_unsealed_resources_are_reported(tmp_path: Path) -> None:
    info = plistlib.dumps({"CFBundleIdentifier": "x", "CFBundleExecutable": "A"})
    files = {
        "Payload/A.app/Info.plist": info,
        "Payload/A.app/A": build_signed(info_plist=info),
        "Payload/A.app/_CodeSignature/CodeResources": b"<plist/>",
    }
    with open_ipa(_ipa(tmp_path, files), Limits()) as contents:
        sig = check_bundle(contents, contents.app)
    assert sig.state == "broken"
    assert any("CodeResources present but not sealed" in p for p in sig.problems)


def test_bundle_without_executable_is_broken(tmp_path: Path) -> None:
    info = plistlib.dumps({"CFBundleIdentifier": "x", "CFBundleExecutable": "Gone"})
    with open_ipa(_ipa(tmp_path, {"Payload/A.app/Info.plist": info}), Limits()) as contents:
        sig = check_bundle(contents, contents.app)
    assert sig.state == "broken" and sig.slices == ()
    assert any("no executable ('Gone')" in p for p in sig.problems)


def test_unsigned_bundle(tmp_path: Path) -> None:
    info = plistlib.dumps({"CFBundleIdentifier": "x", "CFBundleExecutable": "A"})
    exe = bytearray(_macho(0))
    exe[16:20] = struct.pack("<I", 0)
    files = {"Payload/A.app/Info.plist": info, "Payload/A.app/A": bytes(exe)}
    with open_ipa(_ipa(tmp_path, files), Limits()) as contents:
        sig = check_bundle(contents, contents.app)
    assert sig.state == "unsigned" and sig.problems == ()
