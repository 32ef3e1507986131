"""Mutants of a package for the fuzzer: truncations, bit flips, entry renames, header corruption
and zip bombs, each a pure function of a seed.

Independent of the scanner: it parses the zip itself (scripts/fuzz_zip.py) and finds the
structures a scanner reads (classes.dex, the binary AndroidManifest.xml, Mach-O executables,
plists, the APK signing block) by their names and magic numbers, so that a mutation can land
inside one of them rather than only at random. A content mutation rewrites the entry with sizes
and CRC made right again, so the corruption reaches the parser of that format instead of being
stopped by the zip reader.
"""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from scripts.fuzz_zip import (
    CENTRAL,
    CENTRAL_FIELDS,
    DEFLATED,
    EOCD,
    EOCD_FIELDS,
    LOCAL,
    LOCAL_FIELDS,
    Archive,
    Layout,
    Member,
    NotAZip,
    parse,
)

MACHO_MAGICS = {b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa\xcf"}
SIG_BLOCK_MAGIC = b"APK Sig Block 42"
BOMB_BYTES = 64 * 1024**2  # ratio ~1000 once deflated: far past the scanner's 200
DEX_NAME = re.compile(rb"classes\d*\.dex")


@dataclass(frozen=True, slots=True)
class Mutant:
    seed: int
    sample: Path
    kind: str  # family.target, e.g. "truncate.dex"
    detail: str  # what exactly was done, enough to recognise it in a report
    data: bytes

    @property
    def family(self) -> str:
        return self.kind.split(".", 1)[0]


Result = tuple[bytes, str] | None  # (mutant bytes, detail); None: does not apply to this package
Mutation = Callable[[random.Random, bytes, Archive], Result]


# --- where things are ------------------------------------------------------------------------


def _members(arc: Archive, match: Callable[[Member], bool]) -> list[int]:
    return [i for i, m in enumerate(arc.members) if match(m)]


def _content(m: Member) -> bytes:
    try:
        return m.content()
    except zlib.error:
        return b""


def dex_members(arc: Archive) -> list[int]:
    return _members(arc, lambda m: bool(DEX_NAME.fullmatch(m.name)))


def manifest_members(arc: Archive) -> list[int]:
    return _members(arc, lambda m: m.name == b"AndroidManifest.xml")


def macho_members(arc: Archive) -> list[int]:
    return _members(arc, lambda m: m.usize >= 32 and _content(m)[:4] in MACHO_MAGICS)


def plist_members(arc: Archive) -> list[int]:
    return _members(arc, lambda m: m.name.endswith(b".plist") and m.usize > 0)


def key_members(arc: Archive) -> list[int]:
    """The entries a scanner cannot do without: manifest and dex, or Info.plist and executables."""
    return sorted(
        {*dex_members(arc), *manifest_members(arc), *macho_members(arc)}
        | {i for i in plist_members(arc) if arc.members[i].name.endswith(b".app/Info.plist")}
    )


def dex_ranges(dex: bytes) -> list[tuple[int, int]]:
    """The dex header and its map list."""
    ranges = [(0, min(0x70, len(dex)))]
    if len(dex) >= 0x38:
        (map_off,) = struct.unpack_from("<I", dex, 0x34)
        if map_off + 4 <= len(dex):
            (n,) = struct.unpack_from("<I", dex, map_off)
            ranges.append((map_off, min(len(dex), map_off + 4 + 12 * n)))
    return ranges


def axml_chunk_headers(xml: bytes) -> list[tuple[int, int]]:
    """Each chunk header of a binary XML file: the file header, string pool, resource map, nodes."""
    ranges = [(0, min(8, len(xml)))]
    pos = 8
    while pos + 8 <= len(xml) and len(ranges) < 10_000:
        _, header_size, size = struct.unpack_from("<HHI", xml, pos)
        ranges.append((pos, min(len(xml), pos + max(8, header_size))))
        if size < 8:
            break
        pos += size
    return ranges


def macho_load_commands(binary: bytes) -> tuple[int, int]:
    """The Mach-O header and load commands (of the first slice of a fat binary)."""
    base = 0
    if binary[:4] == b"\xca\xfe\xba\xbe" and len(binary) >= 16:
        (base,) = struct.unpack_from(">I", binary, 16)  # first fat_arch's offset
    header = 32 if binary[base : base + 4] in (b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xcf") else 28
    if base + 24 > len(binary):
        return 0, min(len(binary), 32)
    (sizeofcmds,) = struct.unpack_from("<I", binary, base + 20)
    return base, min(len(binary), base + header + sizeofcmds)


# --- primitives ------------------------------------------------------------------------------


def flip_bits(data: bytes, rng: random.Random, lo: int, hi: int, count: int) -> tuple[bytes, str]:
    out = bytearray(data)
    hi = max(lo + 1, min(hi, len(out)))
    places = []
    for _ in range(count):
        at = rng.randrange(lo, hi)
        bit = rng.randrange(8)
        out[at] ^= 1 << bit
        places.append(f"{at}:{bit}")
    return bytes(out), "bits " + ",".join(places)


def _put(data: bytes, at: int, fmt: str, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into(fmt, out, at, value)
    return bytes(out)


def _edit(arc: Archive, i: int, content: bytes) -> bytes:
    members = list(arc.members)
    members[i] = members[i].with_content(content)
    return Archive(members, arc.gap, arc.comment).write()[0]


def _rename(arc: Archive, i: int, name: bytes, *, local_only: bool = False) -> bytes:
    members = list(arc.members)
    m = members[i]
    members[i] = (
        replace(m, local_name=name) if local_only else replace(m, name=name, local_name=None)
    )
    return Archive(members, arc.gap, arc.comment).write()[0]


def _label(name: bytes) -> str:
    text = name.decode("utf-8", "backslashreplace")
    return text if len(text) <= 60 else f"{text[:28]}…({len(text)} chars)…{text[-20:]}"


def _cut_point(rng: random.Random, size: int, structural: Sequence[int] = ()) -> int:
    """A random cut, or one just before/after a structural offset."""
    if structural and rng.random() < 0.5:
        at = rng.choice(list(structural)) + rng.randint(-2, 2)
        return max(0, min(size - 1, at))
    return rng.randrange(max(1, size))


# --- truncation ------------------------------------------------------------------------------


def truncate_random(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    cut = rng.randrange(len(raw))
    return raw[:cut], f"file cut to {cut} of {len(raw)} bytes"


def truncate_cd(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    lo, hi = lay.cd
    cut = _cut_point(rng, hi - lo, [c - lo for c in lay.central]) + lo
    return raw[:cut], f"cut at {cut}, inside the central directory [{lo},{hi})"


def truncate_eocd(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    cut = rng.randrange(lay.eocd, len(raw))
    return raw[:cut], f"cut at {cut}, inside the end record at {lay.eocd}"


def truncate_entry(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    i = rng.randrange(len(arc.members))
    lo, hi = lay.local[i], lay.data[i][1]
    cut = rng.randrange(lo, max(lo + 1, hi))
    return raw[:cut], f"cut at {cut}, inside entry {_label(arc.members[i].name)} [{lo},{hi})"


def _truncate_content(
    kind: str, pick: Callable[[Archive], list[int]], marks: Callable[[bytes], list[int]]
) -> Mutation:
    def mutate(rng: random.Random, raw: bytes, arc: Archive) -> Result:
        found = pick(arc)
        if not found:
            return None
        i = rng.choice(found)
        content = arc.members[i].content()
        cut = _cut_point(rng, len(content), marks(content))
        detail = f"{_label(arc.members[i].name)} content cut to {cut} of {len(content)} bytes"
        return _edit(arc, i, content[:cut]), detail

    mutate.__name__ = f"truncate_{kind}"
    return mutate


def _dex_marks(dex: bytes) -> list[int]:
    return [b for r in dex_ranges(dex) for b in r]


def _axml_marks(xml: bytes) -> list[int]:
    return [b for r in axml_chunk_headers(xml) for b in r]


def _macho_marks(binary: bytes) -> list[int]:
    return list(macho_load_commands(binary))


# --- bit flips -------------------------------------------------------------------------------


def bitflip_random(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    data, detail = flip_bits(raw, rng, 0, len(raw), rng.randint(1, 16))
    return data, detail


def bitflip_zip_headers(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    spans = [(at, at + 30) for at in lay.local] + [(at, at + 46) for at in lay.central]
    spans.append((lay.eocd, lay.eocd + 22))
    lo, hi = rng.choice(spans)
    data, detail = flip_bits(raw, rng, lo, hi, rng.randint(1, 4))
    return data, f"header at {lo}: {detail}"


def _bitflip_content(
    kind: str, pick: Callable[[Archive], list[int]], spans: Callable[[bytes], list[tuple[int, int]]]
) -> Mutation:
    def mutate(rng: random.Random, raw: bytes, arc: Archive) -> Result:
        found = pick(arc)
        if not found:
            return None
        i = rng.choice(found)
        content = arc.members[i].content()
        lo, hi = rng.choice(spans(content))
        if hi <= lo:
            return None
        data, detail = flip_bits(content, rng, lo, hi, rng.randint(1, 4))
        return _edit(arc, i, data), f"{_label(arc.members[i].name)} [{lo},{hi}): {detail}"

    mutate.__name__ = f"bitflip_{kind}"
    return mutate


def _plist_spans(plist: bytes) -> list[tuple[int, int]]:
    whole = (0, len(plist))
    if plist.startswith(b"bplist") and len(plist) > 40:
        return [whole, (len(plist) - 32, len(plist))]  # the trailer: offset size, counts, top
    return [whole]


def bitflip_signing_block(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    if SIG_BLOCK_MAGIC not in arc.gap:
        return None
    _, lay = arc.write()
    lo, hi = lay.gap
    if rng.random() < 0.3:  # the size fields and magic at both ends
        lo, hi = rng.choice([(lo, lo + 8), (hi - 24, hi)])
    data, detail = flip_bits(raw, rng, lo, hi, rng.randint(1, 4))
    return data, f"APK signing block [{lo},{hi}): {detail}"


# --- renames ---------------------------------------------------------------------------------

TRAVERSALS = [b"../evil", b"../../evil.txt", b"Payload/../../evil", b"assets/../../x", b"..\\evil"]
ABSOLUTES = [b"/tmp/evil", b"/etc/passwd", b"C:\\evil", b"C:/evil", b"\\\\server\\share\\x"]


def rename_key(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """classes.dex -> classes.dx, AndroidManifest.xml -> AndroidManifest.xl, Info.plist.bak..."""
    found = key_members(arc)
    if not found:
        return None
    i = rng.choice(found)
    old = arc.members[i].name
    new = rng.choice(
        [
            n
            for n in (old[:-2] + old[-1:], old + b".bak", old.upper(), old.replace(b"/", b"//", 1))
            if n != old
        ]
    )
    return _rename(arc, i, new), f"{_label(old)} -> {_label(new)}"


def _rename_to(kind: str, names: list[bytes]) -> Mutation:
    def mutate(rng: random.Random, raw: bytes, arc: Archive) -> Result:
        i = rng.randrange(len(arc.members))
        new = rng.choice(names)
        return _rename(arc, i, new), f"{_label(arc.members[i].name)} -> {_label(new)}"

    mutate.__name__ = f"rename_{kind}"
    return mutate


def rename_duplicate(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    if len(arc.members) < 2:
        return None
    target = rng.choice(key_members(arc) or range(len(arc.members)))
    i = rng.choice([j for j in range(len(arc.members)) if j != target])
    name = arc.members[target].name
    return _rename(arc, i, name), f"{_label(arc.members[i].name)} -> duplicate {_label(name)}"


def rename_long(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    i = rng.randrange(len(arc.members))
    length = rng.choice([256, 4096, 65_535])
    old = arc.members[i].name
    new = (b"a/" * length)[: length - len(old)] + old if length > len(old) else old
    return _rename(arc, i, new[:65_535]), f"{_label(old)} -> a {len(new)}-byte name"


def rename_nul(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    i = rng.choice(key_members(arc) or range(len(arc.members)))
    old = arc.members[i].name
    at = rng.randrange(len(old) + 1)
    new = old[:at] + b"\x00" + old[at:]
    return _rename(arc, i, new), f"{_label(old)} -> NUL at {at}"


def rename_bytes(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """Not UTF-8, sometimes with the UTF-8 flag set anyway."""
    i = rng.randrange(len(arc.members))
    old = arc.members[i].name
    new = old + rng.choice([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\xe4\xb8"])
    members = list(arc.members)
    flags = members[i].flags | (0x800 if rng.random() < 0.5 else 0)
    members[i] = replace(members[i], name=new, flags=flags, local_name=None)
    return Archive(members, arc.gap, arc.comment).write()[0], f"{_label(old)} -> invalid UTF-8"


def rename_local_only(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """The local header names another file than the central directory does."""
    i = rng.choice(key_members(arc) or range(len(arc.members)))
    old = arc.members[i].name
    new = rng.choice([b"../evil", old[::-1], b"x" * len(old), b""])
    return _rename(arc, i, new, local_only=True), f"local name of {_label(old)} -> {_label(new)}"


# --- header corruption -----------------------------------------------------------------------

ODD_VALUES = [0, 1, 0x7FFF_FFFF, 0xFFFF_FFFF]


def _field(rng: random.Random, raw: bytes, at: int, fmt: str, old: int, where: str) -> Result:
    top = 0xFFFF if fmt == "<H" else 0xFFFF_FFFF
    choices = [v for v in (0, 1, old - 1, old + 1, top, rng.randrange(top + 1)) if 0 <= v <= top]
    value = rng.choice([v for v in choices if v != old] or [top])
    return _put(raw, at, fmt, value), f"{where} {old} -> {value}"


def _width(name: str) -> str:
    return (
        "<H"
        if name in ("flags", "method", "name_len", "extra_len")
        or name.endswith(("entries", "_len"))
        else "<I"
    )


def _entry_field(
    rng: random.Random, raw: bytes, lay: Layout, names: list[str], which: str
) -> Result:
    i = rng.randrange(len(lay.local))
    name = rng.choice(names)
    fields, base = (
        (LOCAL_FIELDS, lay.local[i]) if which == "local" else (CENTRAL_FIELDS, lay.central[i])
    )
    fmt = _width(name)
    at = base + fields[name]
    (old,) = struct.unpack_from(fmt, raw, at)
    return _field(rng, raw, at, fmt, old, f"{which} header {i} {name}")


def header_local_sizes(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    return _entry_field(rng, raw, lay, ["csize", "usize", "name_len"], "local")


def header_crc(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    return _entry_field(rng, raw, lay, ["crc"], rng.choice(["local", "central"]))


def _put_field(
    data: bytes, lay: Layout, i: int, field: str, places: tuple[str, ...], fmt: str, value: int
) -> bytes:
    """`value` into entry `i`'s `field` of its local header, central record, or both."""
    for where in places:
        base = (
            lay.local[i] + LOCAL_FIELDS[field]
            if where == "local"
            else lay.central[i] + CENTRAL_FIELDS[field]
        )
        data = _put(data, base, fmt, value)
    return data


def header_method(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    i = rng.randrange(len(lay.local))
    method = rng.choice([0, 1, 8, 9, 12, 14, 93, 99, 0xFFFF])
    places = rng.choice([("local",), ("central",), ("local", "central")])
    data = _put_field(raw, lay, i, "method", places, "<H", method)
    return data, f"entry {i} method -> {method} in {'+'.join(places)} header"


def header_flags(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    i = rng.randrange(len(lay.local))
    bit = rng.choice([0, 3, 6, 11, 13])
    data = raw
    for base in (lay.local[i] + LOCAL_FIELDS["flags"], lay.central[i] + CENTRAL_FIELDS["flags"]):
        (old,) = struct.unpack_from("<H", data, base)
        data = _put(data, base, "<H", old ^ (1 << bit))
    return data, f"entry {i} flag bit {bit} toggled"


def header_central(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """A central entry's sizes, name length or local-header offset."""
    _, lay = arc.write()
    return _entry_field(
        rng, raw, lay, ["csize", "usize", "name_len", "extra_len", "local_offset"], "central"
    )


def _eocd_field(names: list[str]) -> Mutation:
    def mutate(rng: random.Random, raw: bytes, arc: Archive) -> Result:
        _, lay = arc.write()
        name = rng.choice(names)
        fmt = "<I" if name in ("cd_size", "cd_offset") else "<H"
        at = lay.eocd + EOCD_FIELDS[name]
        (old,) = struct.unpack_from(fmt, raw, at)
        return _field(rng, raw, at, fmt, old, f"end record {name}")

    mutate.__name__ = "header_" + "_".join(names)
    return mutate


def header_eocd_comment(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    _, lay = arc.write()
    at = lay.eocd + EOCD_FIELDS["comment_len"]
    choice = rng.randrange(3)
    if choice == 0:  # a length with no comment behind it
        value = rng.choice([1, 22, 0xFFFF])
        return _put(raw, at, "<H", value), f"comment length -> {value}, no comment"
    if choice == 1:  # trailing bytes that the length does not cover
        tail = rng.randbytes(rng.randint(1, 64))
        return raw + tail, f"{len(tail)} bytes after the end record"
    # a comment that holds a second, fake end record
    fake = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, 46, 0, 0)
    data = _put(raw, at, "<H", len(fake)) + fake
    return data, "comment holding a fake end record"


# --- zip bombs -------------------------------------------------------------------------------


@functools.cache
def _deflated_zeros(size: int) -> tuple[bytes, int]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1024**2)
    out = [packer.compress(chunk) for _ in range(size // len(chunk))]
    out.append(packer.flush())
    return b"".join(out), zlib.crc32(bytes(size))


def bomb_declared(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """A small entry that claims to inflate to gigabytes."""
    _, lay = arc.write()
    i = rng.choice(key_members(arc) or range(len(arc.members)))
    size = rng.choice([0x7FFF_FFFF, 0xFFFF_FFFF, 3 * 1024**3])
    places = rng.choice([("central",), ("local", "central")])
    data = _put_field(raw, lay, i, "usize", places, "<I", size)
    return data, f"{_label(arc.members[i].name)} declares {size} bytes in {'+'.join(places)}"


def bomb_inflate(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """An entry that really inflates to 64 MiB of zeros, in place of a key entry or beside."""
    packed, crc = _deflated_zeros(BOMB_BYTES)
    found = key_members(arc)
    members = list(arc.members)
    if found and rng.random() < 0.5:
        i = rng.choice(found)
        name = members[i].name
        members[i] = replace(
            members[i], data=packed, method=DEFLATED, crc=crc, usize=BOMB_BYTES, flags=0
        )
    else:
        name = rng.choice([b"assets/bomb.bin", b"Payload/bomb.bin", b"lib/arm64-v8a/libbomb.so"])
        members.append(
            Member(name=name, data=packed, method=DEFLATED, flags=0, crc=crc, usize=BOMB_BYTES)
        )
    data, _ = Archive(members, arc.gap, arc.comment).write()
    return data, f"{_label(name)} inflates to {BOMB_BYTES} bytes from {len(packed)}"


@functools.cache
def _empty_entries(count: int) -> tuple[bytes, bytes]:
    """`count` empty stored entries: their local records, and their central records with
    local offsets counted from the first record (shifted into place per mutant)."""
    local, central = bytearray(), bytearray()
    for n in range(count):
        name = b"assets/e/%d" % n
        offset = len(local)
        local += LOCAL.pack(b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name
        central += (
            CENTRAL.pack(
                b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0, 0, 0, 0, 0, offset
            )
            + name
        )
    return bytes(local), bytes(central)


def bomb_entries(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """Many empty entries: a few thousand, or one past the scanner's limit of 100,000."""
    count = rng.choice([2_000, 100_001])
    written, lay = arc.write()
    local, central = _empty_entries(count)
    start = lay.gap[0]
    shifted = bytearray(central)
    pos = 0
    for _ in range(count):  # each central record: 46 bytes + name; its offset field at 42
        (name_len,) = struct.unpack_from("<H", shifted, pos + 28)
        (offset,) = struct.unpack_from("<I", shifted, pos + 42)
        struct.pack_into("<I", shifted, pos + 42, offset + start)
        pos += 46 + name_len
    cd = written[lay.cd[0] : lay.cd[1]] + bytes(shifted)
    total = len(arc.members) + count
    cd_offset = start + len(local) + len(arc.gap)
    eocd = EOCD.pack(
        b"PK\x05\x06", 0, 0, min(total, 0xFFFF), min(total, 0xFFFF), len(cd), cd_offset, 0
    )
    data = written[:start] + local + arc.gap + cd + eocd
    return data, f"{count} empty entries added"


def _nest(payload: bytes, name: str, depth: int) -> bytes:
    for level in range(depth):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(name if level == 0 else f"inner{level}.zip", payload)
        payload = buf.getvalue()
    return payload


@functools.cache
def _nested_bomb(depth: int) -> bytes:
    return _nest(bytes(16 * 1024**2), "zeros.bin", depth)


def bomb_nested(rng: random.Random, raw: bytes, arc: Archive) -> Result:
    """Zips inside zips (past the nesting limit), 16 MiB of zeros at the bottom."""
    depth = rng.choice([2, 5])
    inner = _nested_bomb(depth)
    name = rng.choice([b"assets/nested.zip", b"assets/nested.apk", b"Payload/nested.zip"])
    member = Member(name=name, data=b"", method=DEFLATED, flags=0, crc=0, usize=0)
    data, _ = Archive([*arc.members, member.with_content(inner)], arc.gap, arc.comment).write()
    return data, f"{_label(name)}: {depth} nested zips"


MUTATIONS: dict[str, Mutation] = {
    "truncate.random": truncate_random,
    "truncate.cd": truncate_cd,
    "truncate.eocd": truncate_eocd,
    "truncate.entry": truncate_entry,
    "truncate.dex": _truncate_content("dex", dex_members, _dex_marks),
    "truncate.manifest": _truncate_content("manifest", manifest_members, _axml_marks),
    "truncate.macho": _truncate_content("macho", macho_members, _macho_marks),
    "truncate.plist": _truncate_content("plist", plist_members, lambda _: []),
    "bitflip.random": bitflip_random,
    "bitflip.zip": bitflip_zip_headers,
    "bitflip.dex": _bitflip_content("dex", dex_members, dex_ranges),
    "bitflip.axml": _bitflip_content("axml", manifest_members, axml_chunk_headers),
    "bitflip.macho": _bitflip_content("macho", macho_members, lambda b: [macho_load_commands(b)]),
    "bitflip.plist": _bitflip_content("plist", plist_members, _plist_spans),
    "bitflip.sigblock": bitflip_signing_block,
    "rename.key": rename_key,
    "rename.traversal": _rename_to("traversal", TRAVERSALS),
    "rename.absolute": _rename_to("absolute", ABSOLUTES),
    "rename.duplicate": rename_duplicate,
    "rename.long": rename_long,
    "rename.nul": rename_nul,
    "rename.bytes": rename_bytes,
    "rename.local": rename_local_only,
    "header.local": header_local_sizes,
    "header.crc": header_crc,
    "header.method": header_method,
    "header.flags": header_flags,
    "header.central": header_central,
    "header.cd_count": _eocd_field(["disk_entries", "total_entries"]),
    "header.cd_offset": _eocd_field(["cd_offset"]),
    "header.cd_size": _eocd_field(["cd_size"]),
    "header.comment": header_eocd_comment,
    "bomb.declared": bomb_declared,
    "bomb.inflate": bomb_inflate,
    "bomb.entries": bomb_entries,
    "bomb.nested": bomb_nested,
}
FAMILIES = sorted({k.split(".", 1)[0] for k in MUTATIONS})


def samples(root: Path) -> list[Path]:
    """The packages mutants are made from: the project's own samples."""
    return sorted([*root.glob("*.apk"), *root.glob("*.ipa")])


@functools.cache
def _read(path: Path) -> tuple[bytes, Archive]:
    raw = path.read_bytes()
    return raw, parse(raw)


def mutate(
    seed: int,
    inputs: Sequence[Path],
    kind: str | None = None,
    exclude: frozenset[str] = frozenset(),
) -> Mutant:
    """The mutant numbered `seed`: the same package, mutation and bytes on every run (for the
    same list of samples). `kind` forces a mutation (tests); otherwise a family is drawn, then
    a mutation of it that applies to the package (none of `exclude`). With one input, the
    bytes depend only on the seed and that package, whatever else is in samples/ (so
    `--replay SEED:NAME` rebuilds a mutant after samples are added)."""
    sample = inputs[random.Random(f"fingertip-fuzz:{seed}").randrange(len(inputs))]
    rng = random.Random(f"fingertip-fuzz:{seed}:{sample.name}")
    raw, arc = _read(sample)
    if kind is not None:
        kinds = [kind]
    else:
        family = rng.choice(FAMILIES)
        kinds = sorted(k for k in MUTATIONS if k.startswith(family + ".") and k not in exclude)
        rng.shuffle(kinds)
    for name in kinds:
        # Each mutation works on a copy of the model: they never see another's change.
        copy = Archive(list(arc.members), arc.gap, arc.comment)
        try:
            result = MUTATIONS[name](rng, raw, copy)
        except (NotAZip, zlib.error):
            result = None
        if result is not None:
            data, detail = result
            return Mutant(seed, sample, name, detail, data)
    fallback = truncate_random(rng, raw, arc)  # nothing else applied
    assert fallback is not None
    return Mutant(seed, sample, "truncate.random", fallback[1], fallback[0])
