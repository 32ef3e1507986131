"""Apple code signatures: the LC_CODE_SIGNATURE SuperBlob of each Mach-O slice.

The blob (big-endian, magic 0xfade0cc0) indexes CodeDirectories (a SHA-1 one in slot 0 and, since
iOS 11, a SHA-256 one in slot 0x1000), the requirements, the entitlements (XML and DER), and a CMS
SignedData over the first CodeDirectory. From it come the filing identity of an iOS build: the
signing certificate chain (same fields as Android signers), the team id, and the cdhash.

Checks made here, each failure reported as a problem rather than raised: page hashes of the best
CodeDirectory against the slice bytes, the special-slot hashes of the blobs present (and of the
bundle's Info.plist and CodeResources when given), the CMS messageDigest against the first
CodeDirectory and its RSA/ECDSA signature, and the CMS cdhash list against the CodeDirectories.
The chain is not validated against Apple's roots: there is no trust store offline.

Ad-hoc signatures (no CMS, or an empty one) are a state, not an error. A blob whose offsets or
lengths do not fit gives state "malformed" with the reason; nothing is read out of bounds.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import cms, x509
from cryptography.hazmat.primitives import hashes

from scanner.errors import CorruptPackage, ScannerError
from scanner.facts.certificates import signer_from_der
from scanner.facts.macho import code_signature_range, slice_refs
from scanner.facts.plist import load_dict
from scanner.facts.signing import _signer_cert, _verify_spki
from scanner.model import Signer
from scanner.unpack.ipa import Bundle, IpaContents

CSMAGIC_EMBEDDED_SIGNATURE = 0xFADE0CC0
CSMAGIC_CODEDIRECTORY = 0xFADE0C02
CSMAGIC_REQUIREMENTS = 0xFADE0C01
CSMAGIC_EMBEDDED_ENTITLEMENTS = 0xFADE7171
CSMAGIC_EMBEDDED_DER_ENTITLEMENTS = 0xFADE7172
CSMAGIC_BLOBWRAPPER = 0xFADE0B01

CSSLOT_CODEDIRECTORY = 0
CSSLOT_INFO = 1
CSSLOT_REQUIREMENTS = 2
CSSLOT_RESOURCEDIR = 3
CSSLOT_ENTITLEMENTS = 5
CSSLOT_DER_ENTITLEMENTS = 7
CSSLOT_ALTERNATE_CODEDIRECTORIES = 0x1000
CSSLOT_SIGNATURESLOT = 0x10000

HASH_TYPES = {1: ("sha1", 20), 2: ("sha256", 32), 3: ("sha256-truncated", 20), 4: ("sha384", 48)}
_HASHLIB = {"sha1": "sha1", "sha256": "sha256", "sha256-truncated": "sha256", "sha384": "sha384"}
# Better hashes win when choosing the CodeDirectory that names the build (its cdhash).
_RANK = {"sha1": 0, "sha256-truncated": 1, "sha256": 2, "sha384": 3}
CD_FLAGS = {
    0x1: "host",
    0x2: "adhoc",
    0x4: "force-hard",
    0x8: "force-kill",
    0x10: "force-expiration",
    0x20: "restrict",
    0x40: "enforcement",
    0x80: "library-validation",
    0x10000: "runtime",
    0x20000: "linker-signed",
}
OID_CDHASHES_PLIST = "1.2.840.113635.100.9.1"
MAX_SIGNATURE_BYTES = 16 * 1024 * 1024
MAX_BLOBS = 64


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeDirectory:
    slot: int
    version: int
    flags: int
    flag_names: tuple[str, ...]
    identifier: str
    team_id: str | None
    hash_type: str  # sha1 | sha256 | sha256-truncated | sha384
    hash_size: int
    page_size: int  # bytes; 0 means the whole code limit is one page
    code_limit: int
    code_slots: int
    special_slots: int
    exec_seg_flags: int | None
    cdhash: str  # hex digest of the CodeDirectory blob with its own hash type


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeSignature:
    location: str
    arch: str
    state: str  # signed | adhoc | unsigned | malformed
    code_directories: tuple[CodeDirectory, ...] = ()
    cdhash: str | None = None  # full digest of the best CodeDirectory (SHA-256 preferred)
    cdhash_short: str | None = None  # its first 20 bytes, as codesign prints "CDHash="
    identifier: str | None = None
    team_id: str | None = None  # from the CodeDirectory
    requirements: bool = False
    entitlements: dict[str, Any] | None = None
    der_entitlements: bool = False
    signers: tuple[Signer, ...] = ()  # the CMS certificates, signer first
    leaf_team_id: str | None = None  # OU of the signing certificate
    signing_time: str | None = None
    cms_cdhashes: tuple[str, ...] = ()  # the signed attribute listing every CD's cdhash
    verified: bool | None = None  # every check below passed; None when there was nothing
    problems: tuple[str, ...] = ()

    @property
    def adhoc(self) -> bool:
        return self.state == "adhoc"


@dataclass(frozen=True, slots=True, kw_only=True)
class BundleSignature:
    """The signature of one bundle's executable, every slice, and how it fits the bundle."""

    bundle: str
    executable: str | None
    state: str  # signed | adhoc | unsigned | broken
    slices: tuple[CodeSignature, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def signers(self) -> tuple[Signer, ...]:
        return self.slices[0].signers if self.slices else ()

    @property
    def entitlements(self) -> dict[str, Any] | None:
        return next((s.entitlements for s in self.slices if s.entitlements is not None), None)


# ---------------------------------------------------------------------------------- blobs


@dataclass(slots=True)
class _Blobs:
    code_directories: list[tuple[int, bytes]] = field(default_factory=list)
    by_slot: dict[int, bytes] = field(default_factory=dict)  # whole blobs, header included
    cms: bytes | None = None  # the BlobWrapper's payload


def parse_superblob(blob: bytes, where: str) -> _Blobs:
    """Split an embedded-signature SuperBlob into its blobs, checking every offset."""
    if len(blob) < 12:
        raise CorruptPackage(f"{where}: code signature of {len(blob)} bytes is truncated")
    magic, length, count = struct.unpack_from(">III", blob)
    if magic != CSMAGIC_EMBEDDED_SIGNATURE:
        raise CorruptPackage(f"{where}: code signature magic {magic:#x}, not 0xfade0cc0")
    if length > len(blob) or length < 12:
        raise CorruptPackage(f"{where}: code signature claims {length} bytes, has {len(blob)}")
    if count > MAX_BLOBS or 12 + 8 * count > length:
        raise CorruptPackage(f"{where}: code signature index of {count} entries does not fit")
    out = _Blobs()
    for i in range(count):
        slot, offset = struct.unpack_from(">II", blob, 12 + 8 * i)
        if offset + 8 > length or offset < 12 + 8 * count:
            raise CorruptPackage(f"{where}: blob {i} (slot {slot:#x}) at {offset} is outside")
        bmagic, blen = struct.unpack_from(">II", blob, offset)
        if blen < 8 or offset + blen > length:
            raise CorruptPackage(
                f"{where}: blob {i} (slot {slot:#x}) of {blen} bytes runs past the signature"
            )
        body = blob[offset : offset + blen]
        out.by_slot[slot] = body
        if bmagic == CSMAGIC_CODEDIRECTORY:
            out.code_directories.append((slot, body))
        elif bmagic == CSMAGIC_BLOBWRAPPER:
            out.cms = body[8:]
    return out


def parse_code_directory(slot: int, blob: bytes, where: str) -> CodeDirectory:
    if len(blob) < 44:
        raise CorruptPackage(f"{where}: CodeDirectory of {len(blob)} bytes is truncated")
    (
        version,
        flags,
        hash_offset,
        ident_offset,
        n_special,
        n_code,
        code_limit,
        hash_size,
        hash_type,
        _platform,
        page_log,
    ) = struct.unpack_from(">7IBBBB", blob, 8)
    if hash_type not in HASH_TYPES or HASH_TYPES[hash_type][1] != hash_size:
        raise CorruptPackage(f"{where}: CodeDirectory hash type {hash_type}/{hash_size} unknown")
    name, _ = HASH_TYPES[hash_type]
    if hash_offset < n_special * hash_size or hash_offset + n_code * hash_size > len(blob):
        raise CorruptPackage(f"{where}: CodeDirectory hash slots lie outside the blob")
    if page_log > 31:
        raise CorruptPackage(f"{where}: CodeDirectory page size 2^{page_log} is implausible")
    team_id = None
    if version >= 0x20200 and len(blob) >= 52:
        team_offset = struct.unpack_from(">I", blob, 48)[0]
        team_id = _c_string(blob, team_offset, where) if team_offset else None
    exec_seg_flags = None
    if version >= 0x20400 and len(blob) >= 88:
        exec_seg_flags = struct.unpack_from(">Q", blob, 80)[0]
    if version >= 0x20300 and len(blob) >= 64:
        code_limit = struct.unpack_from(">Q", blob, 56)[0] or code_limit
    return CodeDirectory(
        slot=slot,
        version=version,
        flags=flags,
        flag_names=tuple(n for bit, n in CD_FLAGS.items() if flags & bit),
        identifier=_c_string(blob, ident_offset, where),
        team_id=team_id,
        hash_type=name,
        hash_size=hash_size,
        page_size=(1 << page_log) if page_log else 0,
        code_limit=code_limit,
        code_slots=n_code,
        special_slots=n_special,
        exec_seg_flags=exec_seg_flags,
        cdhash=hashlib.new(_HASHLIB[name], blob).hexdigest(),
    )


def _c_string(blob: bytes, offset: int, where: str) -> str:
    end = blob.find(b"\0", offset)
    if offset >= len(blob) or end < 0:
        raise CorruptPackage(f"{where}: CodeDirectory string at {offset} is not terminated")
    return blob[offset:end].decode("utf-8", errors="replace")


# ------------------------------------------------------------------------------- reading


def read_code_signatures(
    location: str,
    data: bytes,
    *,
    info_plist: bytes | None = None,
    code_resources: bytes | None = None,
    verify_pages: bool = True,
) -> tuple[CodeSignature, ...]:
    """The signature of every slice of a Mach-O file (fat or thin)."""
    refs = slice_refs(data, location)
    fat = len(refs) > 1 or refs[0].offset != 0
    out = []
    for ref in refs:
        where = f"{location} ({ref.arch})" if fat else location
        out.append(
            read_code_signature(
                where,
                ref.arch,
                data[ref.offset : ref.offset + ref.size],
                info_plist=info_plist,
                code_resources=code_resources,
                verify_pages=verify_pages,
            )
        )
    return tuple(out)


def read_code_signature(
    location: str,
    arch: str,
    slice_data: bytes,
    *,
    info_plist: bytes | None = None,
    code_resources: bytes | None = None,
    verify_pages: bool = True,
) -> CodeSignature:
    """One thin slice's signature; a malformed blob is a state with its reason, not an error."""
    try:
        found = code_signature_range(slice_data, location)
    except CorruptPackage as exc:
        return CodeSignature(location=location, arch=arch, state="malformed", problems=(str(exc),))
    if found is None:
        return CodeSignature(location=location, arch=arch, state="unsigned")
    offset, size = found
    if size > MAX_SIGNATURE_BYTES:
        return CodeSignature(
            location=location,
            arch=arch,
            state="malformed",
            problems=(f"{location}: code signature of {size} bytes is over the limit",),
        )
    try:
        return _Reader(location, arch, slice_data, offset).read(
            slice_data[offset : offset + size], info_plist, code_resources, verify_pages
        )
    except CorruptPackage as exc:
        return CodeSignature(location=location, arch=arch, state="malformed", problems=(str(exc),))


class _Reader:
    def __init__(self, location: str, arch: str, slice_data: bytes, sig_offset: int) -> None:
        self.location = location
        self.arch = arch
        self.data = slice_data
        self.sig_offset = sig_offset
        self.problems: list[str] = []
        self.leaf_ou: str | None = None

    def read(
        self,
        blob: bytes,
        info_plist: bytes | None,
        code_resources: bytes | None,
        verify_pages: bool,
    ) -> CodeSignature:
        where = self.location
        blobs = parse_superblob(blob, where)
        if not blobs.code_directories:
            raise CorruptPackage(f"{where}: code signature has no CodeDirectory")
        cds = [parse_code_directory(slot, body, where) for slot, body in blobs.code_directories]
        best_index = max(range(len(cds)), key=lambda i: _RANK[cds[i].hash_type])
        best, best_blob = cds[best_index], blobs.code_directories[best_index][1]
        if verify_pages:
            self._check_pages(best, best_blob)
        self._check_special_slots(best, best_blob, blobs, info_plist, code_resources)
        entitlements = self._entitlements(blobs)
        signers, signing_time, cms_cdhashes = self._cms(blobs, cds)
        state = "signed" if signers else "adhoc"
        if state == "signed" and "adhoc" in best.flag_names:
            self.problems.append(f"{where}: CodeDirectory says ad-hoc, yet a CMS signature exists")
        return CodeSignature(
            location=where,
            arch=self.arch,
            state=state,
            code_directories=tuple(cds),
            cdhash=best.cdhash,
            cdhash_short=best.cdhash[:40],
            identifier=best.identifier,
            team_id=best.team_id,
            requirements=CSSLOT_REQUIREMENTS in blobs.by_slot,
            entitlements=entitlements,
            der_entitlements=CSSLOT_DER_ENTITLEMENTS in blobs.by_slot,
            signers=signers,
            leaf_team_id=self.leaf_ou,
            signing_time=signing_time,
            cms_cdhashes=cms_cdhashes,
            verified=not self.problems,
            problems=tuple(self.problems),
        )

    def _slot_hash(self, cd: CodeDirectory, blob: bytes, index: int) -> bytes:
        """Hash slot `index` of a CodeDirectory (negative for special slots)."""
        hash_offset = struct.unpack_from(">I", blob, 16)[0]
        pos = hash_offset + index * cd.hash_size
        return blob[pos : pos + cd.hash_size]

    def _digest(self, cd: CodeDirectory, data: bytes) -> bytes:
        return hashlib.new(_HASHLIB[cd.hash_type], data).digest()[: cd.hash_size]

    def _check_pages(self, cd: CodeDirectory, blob: bytes) -> None:
        limit = cd.code_limit
        if limit > self.sig_offset or limit > len(self.data):
            self.problems.append(
                f"{self.location}: code limit {limit} reaches past the code ({self.sig_offset})"
            )
            return
        page = cd.page_size or limit
        expected_pages = (limit + page - 1) // page if page else 0
        if expected_pages != cd.code_slots:
            self.problems.append(
                f"{self.location}: {cd.code_slots} page hashes for {expected_pages} pages"
            )
            return
        bad = [
            i
            for i in range(cd.code_slots)
            if self._digest(cd, self.data[i * page : min((i + 1) * page, limit)])
            != self._slot_hash(cd, blob, i)
        ]
        if bad:
            shown = ", ".join(str(i) for i in bad[:5]) + (" …" if len(bad) > 5 else "")
            self.problems.append(
                f"{self.location}: {len(bad)} of {cd.code_slots} code pages do not match "
                f"their {cd.hash_type} hashes (pages {shown}): the executable was changed "
                "after signing"
            )

    def _check_special_slots(
        self,
        cd: CodeDirectory,
        blob: bytes,
        blobs: _Blobs,
        info_plist: bytes | None,
        code_resources: bytes | None,
    ) -> None:
        sources = {
            CSSLOT_INFO: ("Info.plist", info_plist),
            CSSLOT_REQUIREMENTS: ("requirements", blobs.by_slot.get(CSSLOT_REQUIREMENTS)),
            CSSLOT_RESOURCEDIR: ("CodeResources", code_resources),
            CSSLOT_ENTITLEMENTS: ("entitlements", blobs.by_slot.get(CSSLOT_ENTITLEMENTS)),
            CSSLOT_DER_ENTITLEMENTS: (
                "DER entitlements",
                blobs.by_slot.get(CSSLOT_DER_ENTITLEMENTS),
            ),
        }
        for slot, (what, content) in sources.items():
            if slot > cd.special_slots:
                if content is not None and slot in (CSSLOT_ENTITLEMENTS, CSSLOT_DER_ENTITLEMENTS):
                    self.problems.append(f"{self.location}: {what} present but not sealed")
                continue
            stored = self._slot_hash(cd, blob, -slot)
            if content is None:
                if slot in (CSSLOT_INFO, CSSLOT_RESOURCEDIR):
                    continue  # not given to us; cannot check
                if any(stored):
                    self.problems.append(f"{self.location}: sealed {what} blob is missing")
                continue
            if not any(stored):
                self.problems.append(f"{self.location}: {what} present but not sealed")
            elif self._digest(cd, content) != stored:
                self.problems.append(
                    f"{self.location}: {what} does not match its hash in the CodeDirectory "
                    f"(slot -{slot}): changed after signing"
                )

    def _entitlements(self, blobs: _Blobs) -> dict[str, Any] | None:
        body = blobs.by_slot.get(CSSLOT_ENTITLEMENTS)
        if body is None:
            return None
        try:
            return load_dict(body[8:], f"{self.location} entitlements")
        except ScannerError as exc:
            self.problems.append(str(exc))
            return None

    def _cms(
        self, blobs: _Blobs, cds: list[CodeDirectory]
    ) -> tuple[tuple[Signer, ...], str | None, tuple[str, ...]]:
        if not blobs.cms:
            return (), None, ()  # ad hoc: an empty wrapper, or none at all
        where = f"{self.location} CMS signature"
        try:
            info = cms.ContentInfo.load(blobs.cms)
            signed = info["content"]
            certs = [c.chosen.dump() for c in signed["certificates"] or []]
            signer_infos = list(signed["signer_infos"])
        except (ValueError, TypeError, KeyError) as exc:
            self.problems.append(f"{where}: not readable CMS ({exc})")
            return (), None, ()
        if not signer_infos or not certs:
            self.problems.append(f"{where}: no signer or no certificate")
            return (), None, ()
        si = signer_infos[0]
        leaf = signer_certificate(si, certs)
        # The CMS signs the CodeDirectory in slot 0 (the one old systems know).
        first_cd = dict(blobs.code_directories).get(0, blobs.code_directories[0][1])
        ok = leaf is not None and verify_signer_info(si, leaf, first_cd)
        if not ok:
            self.problems.append(
                f"{where}: does not verify over the CodeDirectory (digest or signature)"
            )
        ordered = ([leaf] if leaf else []) + [c for c in certs if c != leaf]
        signers = []
        for i, der in enumerate(ordered):
            try:
                signers.append(signer_from_der(der, "codesign", verified=ok if i == 0 else None))
            except (ValueError, TypeError, KeyError) as exc:
                self.problems.append(f"{where}: certificate {i} unreadable ({exc})")
        cms_cdhashes = self._cms_cdhashes(si, cds)
        self.leaf_ou = organizational_unit(leaf) if leaf else None
        return tuple(signers), _signing_time(si), cms_cdhashes

    def _cms_cdhashes(self, si: cms.SignerInfo, cds: list[CodeDirectory]) -> tuple[str, ...]:
        """Apple's signed attribute listing each CodeDirectory's cdhash (first 20 bytes)."""
        for attr in si["signed_attrs"] or []:
            if attr["type"].dotted != OID_CDHASHES_PLIST:
                continue
            try:
                raw = attr["values"][0].native
                plist = load_dict(raw if isinstance(raw, bytes) else b"", "cdhashes attribute")
            except ScannerError as exc:
                self.problems.append(f"{self.location}: {exc}")
                return ()
            listed = tuple(h.hex() for h in plist.get("cdhashes", []) if isinstance(h, bytes))
            ours = tuple(cd.cdhash[:40] for cd in cds)
            if listed != ours:
                self.problems.append(
                    f"{self.location}: CMS lists cdhashes {listed}, CodeDirectories hash {ours}"
                )
            return listed
        return ()


_DIGESTS: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


def signer_certificate(si: cms.SignerInfo, certs: list[bytes]) -> bytes | None:
    """The certificate a SignerInfo names (issuer and serial, or key id)."""
    try:
        return _signer_cert(si, certs)
    except (ValueError, TypeError, KeyError):
        return None


def verify_signer_info(si: cms.SignerInfo, cert_der: bytes, content: bytes) -> bool:
    """A CMS signer's signature over detached or encapsulated `content`.

    Unlike a full parse of the signed attributes, only messageDigest is decoded: Apple's
    profiles carry a Microsoft attribute (1.3.6.1.4.1.311.16.4) asn1crypto cannot read, and
    what matters is that the DER of the attributes, as signed, verifies."""
    try:
        digest_name = si["digest_algorithm"]["algorithm"].native
        hash_cls = _DIGESTS.get(digest_name)
        if hash_cls is None:
            return False
        data = content
        attrs = si["signed_attrs"]
        if len(attrs):
            md = next(
                (a["values"][0].native for a in attrs if a["type"].native == "message_digest"),
                None,
            )
            if md != hashlib.new(digest_name, content).digest():
                return False
            data = b"\x31" + attrs.dump()[1:]  # signed as a SET, stored [0] IMPLICIT
        spki = x509.Certificate.load(cert_der)["tbs_certificate"]["subject_public_key_info"]
        kind = {"rsa": "rsa-pkcs1", "ec": "ecdsa", "dsa": "dsa"}.get(spki.algorithm, "")
        return _verify_spki(spki.dump(), kind, hash_cls, si["signature"].native, data)
    except (ValueError, TypeError, KeyError):
        return False


def _signing_time(si: cms.SignerInfo) -> str | None:
    for attr in si["signed_attrs"] or []:
        if attr["type"].native == "signing_time":
            try:
                return str(attr["values"][0].native.strftime("%Y-%m-%dT%H:%M:%SZ"))
            except (ValueError, AttributeError):
                return None
    return None


def organizational_unit(der: bytes) -> str | None:
    """The team id Apple puts in the OU of every development and distribution certificate."""
    value = x509.Certificate.load(der).subject.native.get("organizational_unit_name")
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value else None


# ---------------------------------------------------------------------------- bundles


def check_bundle(
    contents: IpaContents,
    bundle: Bundle,
    *,
    verify_pages: bool = True,
    data: bytes | None = None,
) -> BundleSignature:
    """How a bundle's executable is signed and whether the seal covers the bundle as shipped:
    a missing executable or resource seal, or a changed Info.plist, is reported here."""
    problems = [p for p in bundle.problems if "Info.plist" in p]
    if bundle.executable is None:
        what = repr(bundle.executable_name) if bundle.executable_name else "none named"
        problems.append(
            f"{contents.location(bundle.path)}: no executable ({what}), so nothing signed to check"
        )
        if bundle.kind != "dylib" and not bundle.has_code_resources:
            problems.append(f"{contents.location(bundle.path)}: no _CodeSignature/CodeResources")
        return BundleSignature(
            bundle=bundle.path, executable=None, state="broken", problems=tuple(problems)
        )
    if data is None:  # the caller may have read the executable already: inflate it once
        data = contents.read(bundle.executable)
    info = contents.read(bundle.info_path) if bundle.info_path else None
    resources = contents.read(bundle.code_resources_path) if bundle.code_resources_path else None
    try:
        slices = read_code_signatures(
            contents.location(bundle.executable),
            data,
            info_plist=info,
            code_resources=resources,
            verify_pages=verify_pages,
        )
    except CorruptPackage as exc:
        problems.append(str(exc))
        return BundleSignature(
            bundle=bundle.path,
            executable=bundle.executable,
            state="broken",
            problems=tuple(problems),
        )
    for s in slices:
        problems.extend(s.problems)
    states = {s.state for s in slices}
    if states == {"unsigned"}:
        state = "unsigned"
    elif "malformed" in states or "unsigned" in states:
        state = "broken"
    else:
        state = "signed" if "signed" in states else "adhoc"
    if state in ("signed", "adhoc") and bundle.kind != "dylib" and not bundle.has_code_resources:
        problems.append(
            f"{contents.location(bundle.path)}: signed, but _CodeSignature/CodeResources "
            "(the seal of the bundle's other files) is missing"
        )
    if problems and state in ("signed", "adhoc"):
        state = "broken"
    return BundleSignature(
        bundle=bundle.path,
        executable=bundle.executable,
        state=state,
        slices=slices,
        problems=tuple(dict.fromkeys(problems)),
    )
