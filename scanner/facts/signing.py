"""APK signatures: JAR (v1) and the APK Signature Scheme v2/v3/v3.1 block, parsed and verified.

Filing needs every signer's certificate; a lab needs to know whether the signature holds. v2/v3
signatures are checked over the signed data and the chunked content digest of the whole file;
v1 over the .SF file, the manifest digest and, when no v2/v3 block protects the file, every entry.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from asn1crypto import cms, keys
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa

from scanner.errors import ScannerError
from scanner.facts.certificates import signer_from_der
from scanner.model import Signer

V2_ID = 0x7109871A
V3_ID = 0xF05368C0
V31_ID = 0x1B93AD61
LINEAGE_ATTR_ID = 0x3BA06F8C
_BLOCK_MAGIC = b"APK Sig Block 42"
_CHUNK = 1024 * 1024

# algorithm id -> (hash, kind, content-digest hash or None for verity digests)
_ALGORITHMS: dict[int, tuple[type[hashes.HashAlgorithm], str, str | None]] = {
    0x0101: (hashes.SHA256, "rsa-pss", "sha256"),
    0x0102: (hashes.SHA512, "rsa-pss", "sha512"),
    0x0103: (hashes.SHA256, "rsa-pkcs1", "sha256"),
    0x0104: (hashes.SHA512, "rsa-pkcs1", "sha512"),
    0x0201: (hashes.SHA256, "ecdsa", "sha256"),
    0x0202: (hashes.SHA512, "ecdsa", "sha512"),
    0x0301: (hashes.SHA256, "dsa", "sha256"),
    0x0421: (hashes.SHA256, "rsa-pkcs1", None),
    0x0423: (hashes.SHA256, "ecdsa", None),
    0x0425: (hashes.SHA256, "dsa", None),
}
ALGORITHM_NAMES = {
    0x0101: "RSASSA-PSS-SHA256",
    0x0102: "RSASSA-PSS-SHA512",
    0x0103: "RSA-PKCS1-SHA256",
    0x0104: "RSA-PKCS1-SHA512",
    0x0201: "ECDSA-SHA256",
    0x0202: "ECDSA-SHA512",
    0x0301: "DSA-SHA256",
    0x0421: "RSA-PKCS1-SHA256-VERITY",
    0x0423: "ECDSA-SHA256-VERITY",
    0x0425: "DSA-SHA256-VERITY",
}


class SigningFormatError(ScannerError):
    """The signing block is malformed."""


@dataclass(slots=True)
class SchemeResult:
    scheme: str
    signers: list[Signer] = field(default_factory=list)
    verified: bool = False
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    algorithms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SigningInfo:
    """Everything the signature says about who signed the package, and whether it holds."""

    schemes: dict[str, SchemeResult] = field(default_factory=dict)
    lineage: list[Signer] = field(default_factory=list)
    v1_digest_algorithms: list[str] = field(default_factory=list)

    @property
    def signed(self) -> bool:
        return any(r.signers for r in self.schemes.values())

    @property
    def verified(self) -> bool:
        present = [r for r in self.schemes.values() if r.signers or r.problems]
        return bool(present) and all(r.verified for r in present)

    def all_signers(self) -> list[Signer]:
        out = [s for r in self.schemes.values() for s in r.signers]
        return out + self.lineage


# --------------------------------------------------------------------------- the zip layout


@dataclass(frozen=True, slots=True)
class ZipLayout:
    cd_offset: int
    cd_size: int
    eocd_offset: int
    size: int


def zip_layout(fh: BinaryIO) -> ZipLayout:
    fh.seek(0, 2)
    size = fh.tell()
    tail = min(size, 65535 + 22)
    fh.seek(size - tail)
    data = fh.read(tail)
    pos = data.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(data):
        raise SigningFormatError("no end-of-central-directory record")
    cd_size, cd_offset = struct.unpack_from("<II", data, pos + 12)
    return ZipLayout(cd_offset, cd_size, size - tail + pos, size)


def read_signing_block(fh: BinaryIO, layout: ZipLayout) -> tuple[int, dict[int, bytes]] | None:
    """The APK Signing Block's pairs, and where the block starts; None when there is none."""
    if layout.cd_offset < 32:
        return None
    fh.seek(layout.cd_offset - 24)
    footer = fh.read(24)
    if footer[8:] != _BLOCK_MAGIC:
        return None
    (size_footer,) = struct.unpack("<Q", footer[:8])
    start = layout.cd_offset - size_footer - 8
    if size_footer < 24 or start < 0:
        raise SigningFormatError("APK Signing Block size out of range")
    fh.seek(start)
    block = fh.read(size_footer + 8)
    (size_header,) = struct.unpack_from("<Q", block, 0)
    if size_header != size_footer:
        raise SigningFormatError("APK Signing Block header and footer sizes differ")
    pairs: dict[int, bytes] = {}
    pos, end = 8, len(block) - 24
    while pos < end:
        if pos + 12 > end:
            raise SigningFormatError("truncated ID-value pair in the APK Signing Block")
        (length,) = struct.unpack_from("<Q", block, pos)
        if length < 4 or pos + 8 + length > end:
            raise SigningFormatError("ID-value pair runs past the APK Signing Block")
        (pair_id,) = struct.unpack_from("<I", block, pos + 8)
        pairs[pair_id] = block[pos + 12 : pos + 8 + length]
        pos += 8 + length
    return start, pairs


def _prefixed(buf: bytes, pos: int) -> tuple[bytes, int]:
    if pos + 4 > len(buf):
        raise SigningFormatError("truncated length prefix")
    (n,) = struct.unpack_from("<I", buf, pos)
    if pos + 4 + n > len(buf):
        raise SigningFormatError("length-prefixed field runs past its parent")
    return buf[pos + 4 : pos + 4 + n], pos + 4 + n


def _sequence(buf: bytes) -> Iterator[bytes]:
    pos = 0
    while pos < len(buf):
        item, pos = _prefixed(buf, pos)
        yield item


# --------------------------------------------------------------------------- v2 / v3


def _verify_spki(
    spki_der: bytes, kind: str, hash_cls: type[hashes.HashAlgorithm], signature: bytes, data: bytes
) -> bool:
    """Check one signature with the key in a DER SubjectPublicKeyInfo; `kind` names the scheme
    (rsa-pss, rsa-pkcs1, ecdsa, dsa) and must fit the key's type."""
    try:
        key = serialization.load_der_public_key(spki_der)
        if kind == "rsa-pss" and isinstance(key, rsa.RSAPublicKey):
            pss = padding.PSS(mgf=padding.MGF1(hash_cls()), salt_length=padding.PSS.DIGEST_LENGTH)
            key.verify(signature, data, pss, hash_cls())
        elif kind == "rsa-pkcs1" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hash_cls())
        elif kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hash_cls()))
        elif kind == "dsa" and isinstance(key, dsa.DSAPublicKey):
            key.verify(signature, data, hash_cls())
        else:
            return False
    except (InvalidSignature, ValueError, UnsupportedAlgorithm):
        return False
    return True


def _verify(public_key_der: bytes, algorithm: int, signature: bytes, data: bytes) -> bool:
    hash_cls, kind, _ = _ALGORITHMS[algorithm]
    return _verify_spki(public_key_der, kind, hash_cls, signature, data)


def _content_digest(fh: BinaryIO, layout: ZipLayout, block_start: int, algorithm: str) -> bytes:
    """The v2 chunked digest over entries, central directory and (patched) EOCD."""
    fh.seek(layout.eocd_offset)
    eocd = bytearray(fh.read(layout.size - layout.eocd_offset))
    struct.pack_into("<I", eocd, 16, block_start)
    fh.seek(layout.cd_offset)
    central = fh.read(layout.eocd_offset - layout.cd_offset)
    chunks: list[bytes] = []

    def add(data: bytes) -> None:
        for i in range(0, len(data), _CHUNK):
            piece = data[i : i + _CHUNK]
            h = hashlib.new(algorithm, b"\xa5" + struct.pack("<I", len(piece)))
            h.update(piece)
            chunks.append(h.digest())

    fh.seek(0)
    left = block_start
    while left > 0:
        piece = fh.read(min(_CHUNK, left))
        if not piece:
            raise SigningFormatError("file shorter than its zip directory says")
        add(piece)
        left -= len(piece)
    add(central)
    add(bytes(eocd))
    top = hashlib.new(algorithm, b"\x5a" + struct.pack("<I", len(chunks)))
    for c in chunks:
        top.update(c)
    return top.digest()


def _parse_v2v3(
    value: bytes,
    scheme: str,
    fh: BinaryIO,
    layout: ZipLayout,
    block_start: int,
    digest_cache: dict[str, bytes],
) -> tuple[SchemeResult, list[Signer]]:
    result = SchemeResult(scheme)
    lineage: list[Signer] = []
    signers_buf, _ = _prefixed(value, 0)
    all_ok = True
    for signer_buf in _sequence(signers_buf):
        signed_data, pos = _prefixed(signer_buf, 0)
        if scheme != "v2":
            pos += 8  # minSdk, maxSdk
        signatures, pos = _prefixed(signer_buf, pos)
        public_key, _ = _prefixed(signer_buf, pos)

        digests_buf, dpos = _prefixed(signed_data, 0)
        certs_buf, dpos = _prefixed(signed_data, dpos)
        if scheme != "v2":
            dpos += 8
        attrs_buf, _ = _prefixed(signed_data, dpos) if dpos < len(signed_data) else (b"", dpos)
        certs = list(_sequence(certs_buf))
        digests = {}
        for item in _sequence(digests_buf):
            (alg,) = struct.unpack_from("<I", item, 0)
            digests[alg] = _prefixed(item, 4)[0]

        ok = bool(certs)
        sig_algs = []
        for item in _sequence(signatures):
            (alg,) = struct.unpack_from("<I", item, 0)
            sig, _ = _prefixed(item, 4)
            sig_algs.append(alg)
            if alg not in _ALGORITHMS:
                continue
            if not _verify(public_key, alg, sig, signed_data):
                ok = False
                result.problems.append(
                    f"{scheme}: signature {ALGORITHM_NAMES[alg]} does not verify"
                )
        known = [a for a in sig_algs if a in _ALGORITHMS]
        if not known:
            ok = False
            result.problems.append(f"{scheme}: no supported signature algorithm")
        result.algorithms.extend(ALGORITHM_NAMES.get(a, hex(a)) for a in sig_algs)

        if certs and not _same_key(certs[0], public_key):
            ok = False
            result.problems.append(f"{scheme}: public key differs from the first certificate's")

        # The content digest: check the first non-verity algorithm the signer used.
        content_algs = [a for a in known if _ALGORITHMS[a][2]]
        if content_algs:
            alg = content_algs[0]
            hname = _ALGORITHMS[alg][2]
            assert hname is not None
            if hname not in digest_cache:
                digest_cache[hname] = _content_digest(fh, layout, block_start, hname)
            if digests.get(alg) != digest_cache[hname]:
                ok = False
                result.problems.append(f"{scheme}: content digest does not match the file")
        for cert_der in certs[:1]:
            result.signers.append(signer_from_der(cert_der, scheme, verified=ok))
        all_ok = all_ok and ok
        if scheme != "v2" and attrs_buf:
            lineage.extend(_lineage(attrs_buf))
    result.verified = all_ok and bool(result.signers)
    return result, lineage


def _same_key(cert_der: bytes, public_key_der: bytes) -> bool:
    from asn1crypto import x509  # local: only needed here

    try:
        spki = x509.Certificate.load(cert_der)["tbs_certificate"]["subject_public_key_info"]
        return bool(spki.dump() == keys.PublicKeyInfo.load(public_key_der).dump())
    except ValueError:
        return False


def _lineage(attrs: bytes) -> list[Signer]:
    """Certificates of the v3 proof-of-rotation struct, oldest first."""
    out: list[Signer] = []
    for attr in _sequence(attrs):
        (attr_id,) = struct.unpack_from("<I", attr, 0)
        if attr_id != LINEAGE_ATTR_ID:
            continue
        nodes = attr[8:]  # skip the id and the struct's version
        for node in _sequence(nodes):
            signed, _ = _prefixed(node, 0)
            cert, _ = _prefixed(signed, 0)
            out.append(signer_from_der(cert, "lineage"))
    return out


# --------------------------------------------------------------------------- v1 (JAR)

_SIG_FILE = re.compile(r"^META-INF/([^/]+)\.(RSA|DSA|EC)$", re.IGNORECASE)
_DIGEST_ATTR = re.compile(r"^(SHA-256|SHA-384|SHA-512|SHA1|SHA-1|MD5)-Digest(-Manifest)?$", re.I)
_HASHES = {
    "sha1": "sha1",
    "sha-1": "sha1",
    "sha-256": "sha256",
    "sha-384": "sha384",
    "sha-512": "sha512",
    "md5": "md5",
}


def _manifest_sections(data: bytes) -> tuple[bytes, dict[str, tuple[bytes, dict[str, str]]]]:
    """The main section, and each entry section's exact bytes (with its closing blank line)."""
    chunks: list[bytes] = []
    current: list[bytes] = []
    for line in data.splitlines(keepends=True):
        current.append(line)
        if line in (b"\r\n", b"\n", b"\r"):
            chunks.append(b"".join(current))
            current = []
    if current:
        chunks.append(b"".join(current))
    sections: dict[str, tuple[bytes, dict[str, str]]] = {}
    for chunk in chunks[1:]:
        attrs = _attrs(chunk)
        if "Name" in attrs:
            sections[attrs["Name"]] = (chunk, attrs)
    return (chunks[0] if chunks else b""), sections


def _attrs(section: bytes) -> dict[str, str]:
    attrs: dict[str, str] = {}
    key = ""
    for line in section.decode("utf-8", "replace").splitlines():
        if line.startswith(" ") and key:
            attrs[key] += line[1:]
        elif ":" in line:
            key, _, val = line.partition(":")
            attrs[key] = val.strip()
    return attrs


def _digests(attrs: dict[str, str], manifest: bool) -> dict[str, str]:
    out = {}
    for k, v in attrs.items():
        m = _DIGEST_ATTR.match(k)
        if m and bool(m.group(2)) == manifest:
            out[_HASHES[m.group(1).lower()]] = v
    return out


def verify_v1(
    names: list[str],
    read: Callable[[str], bytes],
    check_entries: bool,
) -> tuple[SchemeResult, list[str]]:
    result = SchemeResult("v1")
    sig_files = [n for n in names if _SIG_FILE.match(n)]
    digest_algs: set[str] = set()
    if not sig_files:
        return result, []
    if "META-INF/MANIFEST.MF" not in names:
        result.problems.append("v1: META-INF/MANIFEST.MF missing")
        return result, []
    manifest = read("META-INF/MANIFEST.MF")
    _, sections = _manifest_sections(manifest)
    ok_all = True
    for sig_name in sorted(sig_files):
        base = _SIG_FILE.match(sig_name)
        assert base is not None
        sf_name = next(
            (n for n in names if n.upper() == f"META-INF/{base.group(1)}.SF".upper()), None
        )
        if sf_name is None:
            # The platform and apksigner ignore a signature block without its .SF ("partial
            # JAR signature"): it signs nothing, so it neither verifies nor fails.
            result.warnings.append(f"v1: {sig_name} has no matching .SF file and is ignored")
            continue
        block = read(sig_name)
        try:
            info = cms.ContentInfo.load(block)
            signed = info["content"]
            certs = [c.chosen.dump() for c in signed["certificates"]]
            signer_infos = list(signed["signer_infos"])
        except (ValueError, KeyError, TypeError) as exc:
            result.problems.append(f"v1: {sig_name} is not a valid PKCS#7 block ({exc})")
            ok_all = False
            continue
        if not signer_infos or not certs:
            result.problems.append(f"v1: {sig_name} has no signer")
            ok_all = False
            continue
        si = signer_infos[0]
        cert_der = _signer_cert(si, certs)
        ok = cert_der is not None
        sf = read(sf_name)
        if ok and cert_der is not None:
            ok = _verify_pkcs7(si, cert_der, sf)
            if not ok:
                result.problems.append(f"v1: {sig_name} signature over {sf_name} does not verify")
            digest_algs.add(si["digest_algorithm"]["algorithm"].native)
        if ok:
            ok = _check_sf(sf, manifest, sections, result)
        if cert_der is not None:
            result.signers.append(signer_from_der(cert_der, "v1", verified=ok))
        ok_all = ok_all and ok
    if ok_all and check_entries:
        ok_all = _check_entries(names, read, sections, result)
    result.verified = ok_all and bool(result.signers)
    return result, sorted(digest_algs)


def _signer_cert(si: cms.SignerInfo, certs: list[bytes]) -> bytes | None:
    from asn1crypto import x509

    sid = si["sid"]
    for der in certs:
        cert = x509.Certificate.load(der)
        if sid.name == "issuer_and_serial_number":
            ias = sid.chosen
            if (
                cert.serial_number == ias["serial_number"].native
                and cert.issuer.dump() == ias["issuer"].dump()
            ):
                return der
        elif cert.key_identifier == sid.chosen.native:
            return der
    return certs[0] if len(certs) == 1 else None


def _verify_pkcs7(si: cms.SignerInfo, cert_der: bytes, content: bytes) -> bool:
    digest_name = si["digest_algorithm"]["algorithm"].native
    hash_cls: type[hashes.HashAlgorithm] | None = {
        "sha1": hashes.SHA1,
        "sha256": hashes.SHA256,
        "sha384": hashes.SHA384,
        "sha512": hashes.SHA512,
        "md5": hashes.MD5,
        "sha224": hashes.SHA224,
    }.get(digest_name)
    if hash_cls is None:
        return False
    signed_attrs = si["signed_attrs"]
    data = content
    if signed_attrs.native:
        md = next(
            (a["values"][0].native for a in signed_attrs if a["type"].native == "message_digest"),
            None,
        )
        if md != hashlib.new(digest_name, content).digest():
            return False
        data = b"\x31" + signed_attrs.dump()[1:]
    from asn1crypto import x509

    spki = x509.Certificate.load(cert_der)["tbs_certificate"]["subject_public_key_info"]
    # JAR signatures use PKCS#1 v1.5 for RSA; the key type picks the scheme.
    kind = {"rsa": "rsa-pkcs1", "ec": "ecdsa", "dsa": "dsa"}.get(spki.algorithm, "")
    return _verify_spki(spki.dump(), kind, hash_cls, si["signature"].native, data)


def _check_sf(
    sf: bytes,
    manifest: bytes,
    sections: dict[str, tuple[bytes, dict[str, str]]],
    result: SchemeResult,
) -> bool:
    main, sf_sections = _manifest_sections(sf)
    whole = _digests(_attrs(main), manifest=True)
    for alg, value in whole.items():
        if base64.b64encode(hashlib.new(alg, manifest).digest()).decode() == value:
            return True
    # Fall back to per-section digests, as the platform does.
    for name, (_, attrs) in sf_sections.items():
        if name not in sections:
            result.problems.append(f"v1: .SF names {name}, which the manifest lacks")
            return False
        raw = sections[name][0]
        digests = _digests(attrs, manifest=False)
        if not any(
            base64.b64encode(hashlib.new(a, raw).digest()).decode() == v for a, v in digests.items()
        ):
            result.problems.append(f"v1: manifest section for {name} does not match the .SF")
            return False
    if not sf_sections:
        result.problems.append("v1: .SF carries no usable manifest digest")
        return False
    return True


def _is_signature_file(upper: str) -> bool:
    """Files the JAR signature itself consists of, which it does not cover."""
    if not upper.startswith("META-INF/") or "/" in upper[9:]:
        return False
    return upper.endswith((".SF", ".RSA", ".DSA", ".EC", "/MANIFEST.MF")) or upper.startswith(
        "META-INF/SIG-"
    )


def _check_entries(
    names: list[str],
    read: Callable[[str], bytes],
    sections: dict[str, tuple[bytes, dict[str, str]]],
    result: SchemeResult,
) -> bool:
    ok = True
    for name in names:
        if name.endswith("/"):
            continue
        upper = name.upper()
        if _is_signature_file(upper):
            continue
        section = sections.get(name)
        if section is None:
            result.problems.append(f"v1: {name} is not covered by the signature")
            ok = False
            continue
        digests = _digests(section[1], manifest=False)
        data = read(name)
        if not any(
            base64.b64encode(hashlib.new(a, data).digest()).decode() == v
            for a, v in digests.items()
        ):
            result.problems.append(f"v1: digest of {name} does not match the manifest")
            ok = False
    return ok


# --------------------------------------------------------------------------- entry point


def read_signing(fh: BinaryIO, names: list[str], read: Callable[[str], bytes]) -> SigningInfo:
    info = SigningInfo()
    layout = zip_layout(fh)
    block = read_signing_block(fh, layout)
    cache: dict[str, bytes] = {}
    if block is not None:
        start, pairs = block
        for pair_id, scheme in ((V2_ID, "v2"), (V3_ID, "v3"), (V31_ID, "v3.1")):
            if pair_id in pairs:
                try:
                    res, lineage = _parse_v2v3(pairs[pair_id], scheme, fh, layout, start, cache)
                # asn1crypto parses certificates lazily: a damaged one raises KeyError (an
                # unknown algorithm OID) or TypeError when a field is first read.
                except (SigningFormatError, struct.error, ValueError, KeyError, TypeError) as exc:
                    res = SchemeResult(scheme, problems=[f"{scheme}: malformed ({exc})"])
                    lineage = []
                info.schemes[scheme] = res
                if lineage and not info.lineage:
                    info.lineage = lineage
    whole_file_protected = any(r.verified for r in info.schemes.values())
    v1, algs = verify_v1(names, read, check_entries=not whole_file_protected)
    if v1.signers or v1.problems:
        info.schemes["v1"] = v1
    info.v1_digest_algorithms = algs
    return info
