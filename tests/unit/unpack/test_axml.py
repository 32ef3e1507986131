"""The binary XML decoder, against androguard's AXMLPrinter and against hostile input.

androguard 4.1.4 (pinned in pyproject) is the reference: the facts and the golden reports were
written against the trees its `AXMLPrinter(data).get_xml_obj()` builds, so on every binary XML
of the samples, and on hand-written files exercising each value type and packer trick, both
decoders must build the same tree. "Same" is checked twice: `etree.tostring` (tags, attribute
keys, order and values, text, nesting, and where each namespace is declared under which prefix)
and the C14N canonical form. Where androguard refuses a file, the decoder must raise
CorruptPackage; the deliberate differences are listed in scanner/unpack/axml.py and tested here.
"""

from __future__ import annotations

import random
import re
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from lxml import etree

from scanner.errors import CorruptPackage
from scanner.unpack import axml
from tests.conftest import ROOT, SAMPLES, SHARED

ANDROID = "http://schemas.android.com/apk/res/android"
A = "{" + ANDROID + "}"
NO = 0xFFFFFFFF
AXML_MAGIC = b"\x03\x00\x08\x00"

T_REFERENCE, T_ATTRIBUTE, T_STRING, T_FLOAT, T_DIMENSION, T_FRACTION = 1, 2, 3, 4, 5, 6
T_DYNAMIC_REFERENCE, T_INT_DEC, T_INT_HEX, T_BOOLEAN = 7, 0x10, 0x11, 0x12
T_ARGB8, T_RGB8, T_ARGB4, T_RGB4 = 0x1C, 0x1D, 0x1E, 0x1F

# Seeds for the mutation tests: the project's own samples, always present.
SEED_APPS = ("fingertip-clean.apk", "fingertip-packed.apk", "func-complete.apk")


# --- The two decoders -------------------------------------------------------------------------


def _androguard(data: bytes) -> bytes | None:
    """androguard's tree, serialised; None where it refuses the file (as decode_axml did)."""
    from loguru import logger

    logger.remove()  # androguard logs every oddity; the tests need none of it
    from androguard.core.axml import AXMLPrinter

    try:
        printer = AXMLPrinter(data)
        root = printer.get_xml_obj() if printer.is_valid() else None
    except Exception:
        return None
    return None if root is None else bytes(etree.tostring(root))


def _assert_same(data: bytes, where: str = "test.xml") -> bytes | None:
    """Both decoders agree on `data`: the same tree, or both refuse it."""
    theirs = _androguard(data)
    try:
        root = axml.decode(data, where)
    except CorruptPackage as exc:
        assert theirs is None, f"{where}: androguard decodes what we refuse ({exc})"
        return None
    ours = bytes(etree.tostring(root))
    assert theirs is not None, f"{where}: androguard refuses what we decode"
    assert ours == theirs, where
    canonical = etree.tostring(etree.fromstring(theirs), method="c14n")
    assert etree.tostring(root, method="c14n") == canonical, where
    return ours


# --- Every binary XML of the samples ----------------------------------------------------------


def _binary_xml(apk: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(apk) as zf:
        for info in zf.infolist():
            name = info.filename
            if name == "AndroidManifest.xml" or (name.startswith("res/") and name.endswith(".xml")):
                data = zf.read(info)
                if data.startswith(AXML_MAGIC):
                    yield name, data


def _compare_apps(apks: Sequence[Path]) -> tuple[int, int]:
    """(files compared, files both decoders refused) over the apps' binary XML files."""
    compared = refused = 0
    for apk in apks:
        for name, data in _binary_xml(apk):
            compared += 1
            if _assert_same(data, f"{apk.name}!{name}") is None:
                refused += 1
    return compared, refused


def test_same_tree_as_androguard_on_the_project_samples() -> None:
    apks = sorted(SAMPLES.glob("*.apk"))
    compared, refused = _compare_apps(apks)
    # 40 apps and 84 files when this was written: a manifest each, a few resource files.
    assert compared >= len(apks) >= 20
    assert refused == 0


@pytest.mark.shared
def test_same_tree_as_androguard_on_the_real_apps() -> None:
    """Every manifest and compiled resource XML of the real apps (3,300 files when written:
    Yosemite's and the uiautomator server's res/ trees make most of them)."""
    if not SHARED.is_dir():
        pytest.skip("../shared/samples is absent here: no real apps to compare on")
    compared, refused = _compare_apps(sorted(SHARED.rglob("*.apk")))
    assert compared > 3000
    assert refused == 0


# --- A binary XML file written by hand --------------------------------------------------------


def _len8(n: int) -> bytes:
    return bytes([n]) if n < 0x80 else bytes([0x80 | (n >> 8), n & 0xFF])


def _string_pool(strings: Sequence[str], utf8: bool) -> bytes:
    blobs = []
    for text in strings:
        if utf8:
            raw = text.encode("utf-8")
            units = len(text.encode("utf-16-le")) // 2
            blobs.append(_len8(units) + _len8(len(raw)) + raw + b"\0")
        else:
            raw = text.encode("utf-16-le")
            n = len(raw) // 2
            size = struct.pack("<H", n) if n < 0x8000 else struct.pack("<HH", 0x8000 | n >> 16, n)
            blobs.append(size + raw + b"\0\0")
    offsets, pos = [], 0
    for blob in blobs:
        offsets.append(pos)
        pos += len(blob)
    chars = b"".join(blobs)
    chars += b"\0" * (-len(chars) % 4)
    start = 28 + 4 * len(strings)
    header = struct.pack(
        "<HHIIIIII", 1, 28, start + len(chars), len(strings), 0, 0x100 if utf8 else 0, start, 0
    )
    return header + struct.pack(f"<{len(offsets)}I", *offsets) + chars


class Doc:
    """A binary XML file written chunk by chunk: what aapt writes, and what packers bend."""

    def __init__(self, *, utf8: bool = False, ids: Sequence[tuple[str, int]] = ()) -> None:
        # Attribute names with resource ids come first in the pool, as aapt lays them out.
        self.strings = [name for name, _ in ids]
        self.ids = [rid for _, rid in ids]
        self.utf8 = utf8
        self.chunks: list[bytes] = []

    def s(self, text: str) -> int:
        if text in self.strings[len(self.ids) :]:
            return self.strings.index(text, len(self.ids))
        self.strings.append(text)
        return len(self.strings) - 1

    def node(self, ctype: int, body: bytes, comment: int = NO) -> Doc:
        self.chunks.append(struct.pack("<HHIII", ctype, 16, 16 + len(body), 1, comment) + body)
        return self

    def ns(self, prefix: str = "android", uri: str = ANDROID, *, end: bool = False) -> Doc:
        return self.node(0x101 if end else 0x100, struct.pack("<II", self.s(prefix), self.s(uri)))

    def start(
        self,
        tag: str,
        *attrs: tuple[int, int, int, int, int],
        ns: str | None = None,
        comment: str | None = None,
    ) -> Doc:
        body = struct.pack(
            "<IIHHHHHH", self._ns(ns), self.s(tag), 20, 20, len(attrs), 0, 0, 0
        ) + b"".join(struct.pack("<IIIHBBI", a, b, c, 8, 0, t, d) for a, b, c, t, d in attrs)
        return self.node(0x102, body, NO if comment is None else self.s(comment))

    def end(self, tag: str, ns: str | None = None) -> Doc:
        return self.node(0x103, struct.pack("<II", self._ns(ns), self.s(tag)))

    def text(self, text: str) -> Doc:
        return self.node(0x104, struct.pack("<IHBBI", self.s(text), 8, 0, 0, 0))

    def attr(
        self, name: str | int, value: str | int, vtype: int = T_STRING, ns: str | None = ANDROID
    ) -> tuple[int, int, int, int, int]:
        """An attribute; `name` an int is a string index (an attribute with a resource id)."""
        index = name if isinstance(name, int) else self.s(name)
        if isinstance(value, str):
            raw = self.s(value)
            return (self._ns(ns), index, raw, T_STRING, raw)
        return (self._ns(ns), index, NO, vtype, value)

    def _ns(self, uri: str | None) -> int:
        return NO if uri is None else self.s(uri)

    def build(self, *, file_type: int = 3, between: bytes = b"") -> bytes:
        """The file; `between` goes between the string pool and the first node."""
        pool = _string_pool(self.strings, self.utf8)
        resmap = b""
        if self.ids:
            resmap = struct.pack(
                f"<HHI{len(self.ids)}I", 0x180, 8, 8 + 4 * len(self.ids), *self.ids
            )
        body = pool + between + resmap + b"".join(self.chunks)
        return struct.pack("<HHI", file_type, 8, 8 + len(body)) + body


def _manifest(doc: Doc, *attrs: tuple[int, int, int, int, int]) -> bytes:
    """A one-element document with `attrs` on the root, the android namespace declared."""
    doc.ns().start("manifest", *attrs).end("manifest").ns(end=True)
    return doc.build()


# --- Values, strings and names ----------------------------------------------------------------


@pytest.mark.parametrize("utf8", [False, True])
def test_every_value_type_is_written_as_androguard_writes_it(utf8: bool) -> None:
    d = Doc(utf8=utf8)
    values = [
        ("ref", 0x7F010203, T_REFERENCE, "@7F010203"),
        ("sysref", 0x01080001, T_REFERENCE, "@android:01080001"),
        ("attrref", 0x01010036, T_ATTRIBUTE, "?android:01010036"),
        ("appattr", 0x7F040001, T_ATTRIBUTE, "?7F040001"),
        ("yes", 1, T_BOOLEAN, "true"),
        ("yes2", 0xFFFFFFFF, T_BOOLEAN, "true"),
        ("no", 0, T_BOOLEAN, "false"),
        ("dec", 123, T_INT_DEC, "123"),
        ("negative", 0xFFFFFFFF, T_INT_DEC, "-1"),
        ("min", 0x80000000, T_INT_DEC, "-2147483648"),
        ("hex", 0x1A, T_INT_HEX, "0x0000001A"),
        ("float", 0x3FC00000, T_FLOAT, "1.500000"),
        ("nan", 0x7FC00000, T_FLOAT, "nan"),
        ("argb8", 0xFF112233, T_ARGB8, "#FF112233"),
        ("rgb8", 0xFF112233, T_RGB8, "#FF112233"),
        ("argb4", 0x11223344, T_ARGB4, "#11223344"),
        ("rgb4", 0x00ABCDEF, T_RGB4, "#00ABCDEF"),
        ("int13", 7, 0x13, "7"),
        ("dip", 0x00001001, T_DIMENSION, "16.000000dip"),
        ("px", 0x00000100 | 0x10 | 0, T_DIMENSION, "0.007813px"),  # radix 23p7
        ("sp", 0x00000C02, T_DIMENSION, "12.000000sp"),
        ("mm", 0x00000305, T_DIMENSION, "3.000000mm"),
        # androguard masks a negative dimension without its sign: a huge positive one.
        ("negdip", 0xFFFFF001, T_DIMENSION, "16777200.000000dip"),
        ("fraction", 0x00000100, T_FRACTION, "100.000000%"),
        ("fractionp", 0x00004000 | 0x10 | 0x01, T_FRACTION, "50.000003%p"),  # 0.5, radix 23p7
        ("null", 0, 0x00, "<0x0, type 0x00>"),
        ("dynamic", 0x7F010001, T_DYNAMIC_REFERENCE, "<0x7F010001, type 0x07>"),
    ]
    attrs = [d.attr(name, data, vtype) for name, data, vtype, _ in values]
    attrs.append(d.attr("label", "Plain ascii"))
    attrs.append(d.attr("long", "長" * 300 + "x" * 40000))  # two-unit lengths in both encodings
    attrs.append(d.attr("nul", "before\x00after"))
    attrs.append(d.attr("control", "a\x01b\x1fc"))
    root = etree.fromstring(_assert_same(_manifest(d, *attrs)) or b"")
    for name, _, _, written in values:
        assert root.get(A + name) == written, name
    assert root.get(A + "nul") == "before"  # aapt reads a string up to its first NUL
    assert root.get(A + "control") == "a_b_c"


def test_text_comments_and_nesting() -> None:
    d = Doc()
    d.ns().start("manifest", d.attr("package", "p", ns=None))
    d.start("application", comment="the app").start("activity", d.attr("name", ".Main"))
    d.text("first").text("second")  # the last text wins, as androguard keeps it
    d.start("intent-filter").end("intent-filter").end("activity").end("application")
    d.end("manifest").ns(end=True)
    root = etree.fromstring(_assert_same(d.build()) or b"")
    activity = root.find("application/activity")
    assert activity is not None and activity.text == "second"
    assert root[0].tag is etree.Comment


def test_obfuscated_attribute_names_come_from_the_resource_map() -> None:
    # A packer blanks or scrambles the names; the resource ids still say which attributes
    # they are (0x01010003 android:name, 0x010100f4 android:layout_width), as Android reads them.
    d = Doc(ids=[("", 0x01010003), ("\x01\x02", 0x010100F4), ("", 0x01011111), ("x", 0)])
    d.ns().start(
        "manifest",
        d.attr(0, "com.example.Name"),
        d.attr(1, "wrap"),
        d.attr(2, "unknown id"),
        d.attr(3, "id zero"),
        d.attr("android:label", "prefix in the name", ns=None),
        d.attr("9lives", "bad start"),
        d.attr("we ird", "bad chars"),
    )
    d.end("manifest").ns(end=True)
    root = etree.fromstring(_assert_same(d.build()) or b"")
    assert root.get(A + "name") == "com.example.Name"
    assert root.get(A + "layout_width") == "wrap"
    # androguard's "android:UNKNOWN_…" name, its ":" then made "_" as in any namespaced name.
    assert root.get(A + "android_UNKNOWN_SYSTEM_ATTRIBUTE_01011111") == "unknown id"
    assert root.get(A + "x") == "id zero"
    assert root.get(A + "label") == "prefix in the name"
    assert root.get(A + "_9lives") == "bad start"
    assert root.get(A + "we_ird") == "bad chars"


def test_a_nameless_attribute_without_an_id_gets_a_stable_name() -> None:
    """androguard names it after a random number; we after its string index (see axml.py)."""
    d = Doc()
    data = _manifest(d, d.attr("", "no id"))
    root = axml.decode(data, "m")
    assert dict(root.attrib) == {f"{A}android_UNKNOWN_SYSTEM_ATTRIBUTE_{d.s(''):08x}": "no id"}
    theirs = etree.fromstring(_androguard(data) or b"")
    assert list(theirs.attrib.values()) == ["no id"]
    assert all("UNKNOWN_SYSTEM_ATTRIBUTE_" in k for k in theirs.attrib)


def test_namespace_tricks() -> None:
    # No namespace declared at all: the attributes' uri still makes their key.
    d = Doc()
    d.start("manifest", d.attr("name", "x")).end("manifest")
    _assert_same(d.build())
    # Ends that match no start, a start never ended, a prefix declared twice.
    d = Doc()
    d.ns().ns("android", "urn:other").ns("app", "urn:app")
    d.start("manifest", d.attr("a", "1"), d.attr("b", "2", ns="urn:app")).end("manifest")
    d.ns("app", "urn:nothing", end=True)
    _assert_same(d.build())
    # A packer's prefix that XML refuses: androguard renames it "android".
    d = Doc()
    d.ns("<!--", ANDROID).start("manifest", d.attr("name", "x")).end("manifest")
    root = etree.fromstring(_assert_same(d.build()) or b"")
    assert root.nsmap == {"android": ANDROID}
    # An empty prefix or uri is left out of the map.
    d = Doc()
    d.ns("", ANDROID).ns("e", "").start("manifest", d.attr("name", "x")).end("manifest")
    _assert_same(d.build())


def test_packer_tricks_that_androguard_reads_through() -> None:
    def doc() -> Doc:
        d = Doc()
        d.ns().start("manifest", d.attr("name", "x")).start("application").end("application")
        return d.end("manifest").ns(end=True)

    plain = _assert_same(doc().build())
    assert plain is not None
    # A bogus file chunk type, unknown chunks of either kind, a node header of another size.
    assert _assert_same(doc().build(file_type=0x0000)) == plain
    assert _assert_same(doc().build(between=struct.pack("<HHI", 0x0777, 8, 12) + b"junk")) == plain
    unknown_node = struct.pack("<HHIII", 0x0150, 16, 24, 1, NO) + b"\0" * 8
    assert _assert_same(doc().build(between=unknown_node)) == plain
    odd_header = struct.pack("<HHI", 0x0102, 20, 24) + b"\0" * 16
    assert _assert_same(doc().build(between=odd_header)) == plain
    # Data appended past the declared file size is ignored.
    assert _assert_same(doc().build() + b"appended") == plain
    # A second root: androguard keeps the first and stops.
    d = doc()
    d.start("second").end("second")
    assert _assert_same(d.build()) == plain
    # A nameless element is left out, its children kept.
    d = Doc()
    d.ns().start("manifest").start("").start("kept").end("kept").end("").end("manifest")
    assert b"<kept/>" in (_assert_same(d.build()) or b"")


def test_junk_between_chunks_is_read_as_androguard_reads_it() -> None:
    """Bytes that make no chunk header are skipped one at a time, as androguard does. (Shifted
    by a byte, the next real header reads as a plausible chunk: that is what both find.)"""
    d = Doc()
    d.ns().start("manifest", d.attr("name", "x")).end("manifest").ns(end=True)
    for junk in (b"\0" * 3, b"\xff" * 5, b"\0" * 7, b"\x01\x02" * 500, b"\0" * 20_000):
        _assert_same(d.build(between=junk))
    # Offsets already scanned are remembered, so two megabytes of zeros cost a linear scan
    # (androguard would rescan them for every chunk it skips in them).
    with pytest.raises(CorruptPackage):
        axml.decode(d.build(between=b"\0" * 2_000_000), "m")


# --- Malformed files --------------------------------------------------------------------------


def _seed(app: str) -> bytes:
    with zipfile.ZipFile(SAMPLES / app) as zf:
        return zf.read("AndroidManifest.xml")


def _chunk_offsets(data: bytes) -> list[int]:
    offsets = [0, 8]
    pos = 8 + struct.unpack_from("<I", data, 12)[0]
    while pos + 8 <= len(data):
        offsets.append(pos)
        pos += struct.unpack_from("<I", data, pos + 4)[0]
    return offsets


@pytest.mark.parametrize("app", SEED_APPS)
def test_truncated_at_every_chunk_boundary(app: str) -> None:
    data = _seed(app)
    for cut in [*_chunk_offsets(data), *(o + 4 for o in _chunk_offsets(data))]:
        cut_data = data[:cut]
        with pytest.raises(CorruptPackage):
            axml.decode(cut_data, "m")  # its header still declares the whole size
        if cut >= 8:
            # With the size patched to fit, what is left either decodes as androguard reads it
            # (an unclosed element is fine) or is refused by both.
            _assert_same(cut_data[:4] + struct.pack("<I", cut) + cut_data[8:])


def _refused(data: bytes, match: str) -> None:
    with pytest.raises(CorruptPackage, match=match):
        axml.decode(data, "res/xml/bad.xml")


def test_malformed_headers_and_string_pools() -> None:
    d = Doc()
    good = _manifest(d, d.attr("name", "x"))
    _refused(b"", "too short")
    _refused(b"\x03\x00\x08\x00\xff\xff\xff\x7f", "declares")
    _refused(good[:2] + b"\x10\x00" + good[4:], "not binary XML")
    _refused(good[:8] + b"\x02" + good[9:], "no string pool")  # a table, not a string pool
    # A string count the file cannot hold: the offsets run past its end.
    huge = bytearray(good)
    struct.pack_into("<II", huge, 16, 0x1FFFFFFF, 0)
    struct.pack_into("<I", huge, 28, 28 + 4 * 0x1FFFFFFF)
    _refused(bytes(huge), "string offsets")
    # Every string offset pointing far past the string data.
    count = struct.unpack_from("<I", good, 16)[0]
    bad = bytearray(good)
    for i in range(count):
        struct.pack_into("<I", bad, 36 + 4 * i, 0x7FFFFFF0)
    _refused(bytes(bad), "starts past the string data")
    for data in (bytes(huge), bytes(bad)):
        assert _androguard(data) is None


def test_malformed_nodes() -> None:
    d = Doc()
    d.ns().start("manifest", d.attr("name", "x")).end("manifest").end("manifest")
    _refused(d.build(), "closes no element")
    d = Doc()
    d.text("orphan").start("manifest").end("manifest")
    _refused(d.build(), "outside any element")
    d = Doc()
    d.ns().start("manifest", d.attr("size", 0x0000100F, T_DIMENSION)).end("manifest")
    _refused(d.build(), "no unit")
    d = Doc()
    d.start("manifest").text("bad \x01 text").end("manifest")
    _refused(d.build(), "XML cannot")
    assert _androguard(d.build()) is None
    d = Doc()
    d.start("")
    _refused(d.build(), "no element")


def test_attributes_past_their_chunk_are_refused() -> None:
    """Android refuses these (ResXMLTree::validateNode); androguard reads the next chunks as
    attributes. One of our deliberate differences: it bounds the work on hostile files."""
    d = Doc()
    d.ns().start("manifest", d.attr("name", "x")).end("manifest").ns(end=True)
    data = bytearray(d.build())
    start = _chunk_offsets(bytes(data))[3]
    assert struct.unpack_from("<H", data, start)[0] == 0x0102
    struct.pack_into("<H", data, start + 28, 3)  # three attributes in a chunk holding one
    _refused(bytes(data), "run past its chunk")
    assert _androguard(bytes(data)) is not None


def test_deep_nesting_is_refused_without_recursion() -> None:
    def nested(depth: int) -> bytes:
        d = Doc()
        for _ in range(depth):
            d.start("v")
        for _ in range(depth):
            d.end("v")
        return d.build()

    root = axml.decode(nested(axml.MAX_DEPTH), "m")
    assert sum(1 for _ in root.iter()) == axml.MAX_DEPTH
    _refused(nested(100_000), "nest deeper")


def test_too_many_open_namespaces_are_refused() -> None:
    d = Doc()
    for i in range(axml.MAX_NAMESPACES + 1):
        d.ns(f"p{i}", f"urn:{i}")
    d.start("manifest").end("manifest")
    _refused(d.build(), "namespaces open")


def test_one_long_string_referenced_again_and_again_is_refused() -> None:
    d = Doc()
    long = d.s("x" * 60_000)
    attrs = [(NO, d.s(f"a{i}"), long, T_STRING, long) for i in range(400)]
    d.start("manifest", *attrs).end("manifest")
    _refused(d.build(), "characters of XML")


def test_overlapping_strings_are_decoded_at_most_twice_the_pool_over() -> None:
    """2,000 UTF-8 strings two bytes apart, each 32 KiB long (its lengths read 0x7f7f and a
    NUL ends it): 64 MiB to decode from a 40 KiB pool. androguard decodes them all."""
    count = 2000
    size = 0x7F7F
    chars = bytearray(b"\x01\x01n\0" + b"\xff\x7f" * count)  # string 0 is "n"
    chars += b"a" * (8 + size - len(chars)) + b"\0" * (2 * count)
    offsets = [0, *(4 + 2 * j for j in range(count))]
    start = 28 + 4 * len(offsets)
    pool = struct.pack("<HHIIIIII", 1, 28, start + len(chars), len(offsets), 0, 0x100, start, 0)
    pool += struct.pack(f"<{len(offsets)}I", *offsets) + chars
    attrs = b"".join(struct.pack("<IIIHBBI", NO, 0, j, 8, 0, T_STRING, j) for j in offsets[1:])
    element = struct.pack(
        "<HHIIIIIHHHHHH", 0x102, 16, 36 + len(attrs), 1, NO, NO, 0, 20, 20, count, 0, 0, 0
    )
    end = struct.pack("<HHIIIII", 0x103, 16, 24, 1, NO, NO, 0)
    body = pool + element + attrs + end
    data = struct.pack("<HHI", 3, 8, 8 + len(body)) + body
    _refused(data, "far more text")


# --- Mutants of real manifests ----------------------------------------------------------------


def _mutant(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    offsets = _chunk_offsets(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.choice(offsets)
        kind = rng.randrange(6)
        if kind == 0:  # a chunk's type, header size or size
            field = rng.choice([0, 2, 4])
            value = rng.choice([0, 7, 8, 16, 24, 28, 0x100, 0x102, 0xFFFF, rng.randrange(1 << 16)])
            out[at + field : at + field + 2] = value.to_bytes(2, "little")
        elif kind == 1:  # a field inside a chunk: an index, a count, a size
            pos = at + 8 + 2 * rng.randrange(20)
            value = rng.choice([0, 1, 19, 0xFFFF, 0xFFFFFFFF, rng.randrange(1 << 32)])
            out[pos : pos + 4] = value.to_bytes(4, "little")
        elif kind == 2:
            out[at:at] = rng.randbytes(rng.randint(1, 12))
        elif kind == 3:
            del out[at : at + rng.choice([1, 4, 8, 24])]
        elif kind == 4 and out:
            for _ in range(rng.randint(1, 4)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        else:
            del out[rng.randrange(len(out) + 1) :]
    if rng.random() < 0.6 and len(out) >= 8:
        out[4:8] = len(out).to_bytes(4, "little")  # keep the file size consistent, most often
    return bytes(out)


def test_mutants_raise_only_corrupt_package() -> None:
    rng = random.Random(20240611)
    seeds = [_seed(app) for app in SEED_APPS]
    decoded = 0
    for _ in range(3000):
        try:
            axml.decode(_mutant(rng, rng.choice(seeds)), "m")
            decoded += 1
        except CorruptPackage:
            pass
    assert decoded > 300  # the mutants reach deep into the decoder, not just its header check


# Our refusals androguard does not share, all deliberate (see scanner/unpack/axml.py).
_OUR_OWN_REFUSALS = re.compile(
    r"run past its chunk|nest deeper|namespaces open|characters of XML|far more text"
)


def test_mutants_decode_as_androguard_decodes_them() -> None:
    rng = random.Random(7)
    seeds = [_seed(app) for app in SEED_APPS]
    agreed = 0
    for _ in range(1000):
        data = _mutant(rng, rng.choice(seeds))
        theirs = _androguard(data)
        try:
            ours = bytes(etree.tostring(axml.decode(data, "m")))
        except CorruptPackage as exc:
            assert theirs is None or _OUR_OWN_REFUSALS.search(str(exc)), str(exc)
            continue
        assert theirs is not None
        # androguard names a nameless attribute without a resource id after a random number.
        unknown = re.compile(rb"UNKNOWN_SYSTEM_ATTRIBUTE_[0-9a-f]{8}")
        assert unknown.sub(b"U", ours) == unknown.sub(b"U", theirs)
        agreed += 1
    assert agreed > 80  # trees compared, besides the files both refuse


# --- The attribute table and the import -------------------------------------------------------


def test_the_attribute_table_is_androguards() -> None:
    from loguru import logger

    logger.remove()
    from androguard.core.resources import public

    assert axml.android_attributes() == public.SYSTEM_RESOURCES["attributes"]["inverse"]


def test_opening_an_apk_loads_neither_androguard_nor_the_table_until_needed() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from scanner.config import Limits\n"
        "from scanner.unpack import axml\n"
        "from scanner.unpack.apk import open_apk\n"
        "assert axml.android_attributes.cache_info().currsize == 0\n"
        f"c = open_apk(Path({str(SAMPLES / 'fingertip-clean.apk')!r}), Limits())\n"
        "c.view.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('androguard', 'loguru')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
