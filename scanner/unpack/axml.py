"""Android binary XML (AXML): AndroidManifest.xml and compiled res/**.xml, decoded into lxml.

The tree is the one androguard 4.1.4's `AXMLPrinter(data).get_xml_obj()` builds (same tags,
attribute keys and value strings, text, nesting and namespace declarations), because the facts
and the golden reports were written against it; tests/unit/unpack/test_axml.py compares the two
on every binary XML of the samples. The reader is our own because importing androguard's costs
0.1-0.2 s per process (loguru, asyncio, a public.xml parsed at import) and it reads field by field.

Packages are hostile input. Every read is bounds-checked and whatever cannot be decoded raises
`CorruptPackage` saying what and at which offset. androguard's leniency is kept where it decides
what a packed or obfuscated file decodes to: bytes that make no plausible chunk header are
skipped one at a time, unknown chunks are skipped, a declared file size smaller than the data
ends the document there, a packer's bogus type on the file header is ignored, inconsistent string
pool counts are read as androguard reads them, and attribute names that are blank or scrambled in
the string pool are named from the resource map's android attribute ids
(signatures/data/android_attributes.json, loaded on first need). Where androguard raises or gives
up on a file, this raises `CorruptPackage`.

Deliberate differences from androguard, all on malformed files only:
- an element's attributes must lie inside its chunk. Android refuses the file otherwise
  (ResXMLTree::validateNode); androguard reads on into the following chunks, so a few bytes
  claiming 65,535 attributes each could make it decode billions of them;
- a nameless attribute without a resource id is named UNKNOWN_SYSTEM_ATTRIBUTE_<string index>,
  where androguard draws a random number (two scans of one app would disagree);
- nesting deeper than MAX_DEPTH, more than MAX_NAMESPACES open namespace declarations, a tree
  of more than MAX_OUTPUT characters, and strings that overlap so that decoding them would cost
  more than twice the string pool's size are refused: these bound the time and memory a file
  of a given size can cost. So is a document without any element (androguard returns None).
"""

from __future__ import annotations

import array
import json
import re
import struct
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final, NoReturn

from lxml import etree

from scanner.errors import CorruptPackage
from scanner.resources import signatures_dir

RES_STRING_POOL: Final = 0x0001
XML_START_NAMESPACE: Final = 0x0100
XML_END_NAMESPACE: Final = 0x0101
XML_START_ELEMENT: Final = 0x0102
XML_END_ELEMENT: Final = 0x0103
XML_CDATA: Final = 0x0104
XML_LAST_NODE: Final = 0x017F
XML_RESOURCE_MAP: Final = 0x0180
NO_INDEX: Final = 0xFFFFFFFF
UTF8_FLAG: Final = 0x100

# Real layouts nest a few dozen deep and manifests six; 256 is libxml2's own default limit, so
# the text manifests lxml parses (unpack/apk.py) are held to the same.
MAX_DEPTH: Final = 256
# Real files open a handful of namespaces; every element is created with all of them, so their
# number multiplies the work per element.
MAX_NAMESPACES: Final = 256

# What the tree may hold in all (characters of names, values, text and namespace maps handed
# to lxml). A large real manifest makes a few hundred thousand; without a cap, a few bytes
# referring again and again to one long string would be copied into the tree each time.
MAX_OUTPUT: Final = 16 * 1024 * 1024
# Extra string-decoding allowance beyond twice the pool's size (see _Strings).
DECODE_SLACK: Final = 64 * 1024

ATTRIBUTE_TABLE: Final = Path("data") / "android_attributes.json"

_HEADER = struct.Struct("<HHI")
_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")
_PAIR = struct.Struct("<II")
_POOL = struct.Struct("<IIIII")  # string count, style count, flags, strings start, styles start
_ELEMENT = struct.Struct("<IIHHII")  # ns, name, attribute start, size, count, class/style index
_ATTRIBUTE = struct.Struct("<IIIII")  # ns, name, raw string, value size/type, value data
_F32 = struct.Struct("<f")

# Typed values (Res_value::dataType) and how androguard writes them.
_TYPE_REFERENCE: Final = 0x01
_TYPE_ATTRIBUTE: Final = 0x02
_TYPE_STRING: Final = 0x03
_TYPE_FLOAT: Final = 0x04
_TYPE_DIMENSION: Final = 0x05
_TYPE_FRACTION: Final = 0x06
_TYPE_INT_HEX: Final = 0x11
_TYPE_INT_BOOLEAN: Final = 0x12
_TYPE_FIRST_COLOR: Final = 0x1C
_TYPE_FIRST_INT: Final = 0x10
_TYPE_LAST_INT: Final = 0x1F
# The complex-number radix multipliers exactly as androguard rounds them: a dimension's text
# ("16.000000dip") depends on the last digits.
_RADIX_MULTS: Final = (0.00390625, 3.051758e-005, 1.192093e-007, 4.656613e-010)
_DIMENSION_UNITS: Final = ("px", "dip", "sp", "pt", "in", "mm")
_FRACTION_UNITS: Final = ("%", "%p")

# XML names androguard lets through, and what it replaces. `$` also matches before a final
# newline, as androguard's re.match does (lxml then refuses the name, and so do we).
_NAME_OK = re.compile(r"[a-zA-Z0-9._-]*$")
_NAME_BAD = re.compile(r"[^a-zA-Z0-9._-]")


@cache
def _value_bad() -> re.Pattern[str]:
    """Characters outside XML's Char production, which become "_" in attribute values.
    Compiled on first need: its BMP-wide class costs a millisecond or more."""
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def decode(data: bytes, where: str) -> Any:
    """The root element of a binary XML file; `CorruptPackage` when it cannot be decoded."""
    try:
        return _Decoder(data, where).run()
    except ValueError as exc:
        # lxml refuses a name, namespace, comment or text the file holds (as it does for
        # androguard, which gives up on the file then too).
        raise CorruptPackage(f"{where}: binary XML holds what XML cannot ({exc})") from exc


@cache
def android_attributes() -> dict[int, str]:
    """Public android attribute id -> name (scripts/gen_android_attributes.py says whence)."""
    package = Path(__file__).resolve().parents[1]
    # A FINGERTIP_SIGNATURES directory of one's own rules need not carry the decoder's table:
    # the one shipped with the scanner (in a wheel, then in a checkout) is the same for all.
    candidates = [signatures_dir(), package / "_data" / "signatures", package.parent / "signatures"]
    path = next((c / ATTRIBUTE_TABLE for c in candidates if (c / ATTRIBUTE_TABLE).is_file()), None)
    if path is None:
        raise FileNotFoundError(f"{ATTRIBUTE_TABLE} is missing from the scanner's signatures/")
    raw = json.loads(path.read_text(encoding="utf-8"))["attributes"]
    return {int(key, 16): name for key, name in raw.items()}


_U32_ARRAY: Final = "I" if array.array("I").itemsize == 4 else "L"


def _u32_array(data: bytes, offset: int, count: int) -> array.array[int]:
    """`count` little-endian u32 values from `offset` (bounds checked by the caller)."""
    out = array.array(_U32_ARRAY)
    out.frombytes(data[offset : offset + 4 * count])
    if sys.byteorder == "big":
        out.byteswap()
    return out


def _wrap(uri: str) -> str:
    return "{" + uri + "}" if uri else ""


def _complex(value: int) -> float:
    # androguard masks without sign extension, so a negative dimension reads as a huge one.
    return float(value & 0xFFFFFF00) * _RADIX_MULTS[(value >> 4) & 3]


class _Strings:
    """The document's string pool, read the way androguard reads it.

    androguard takes the offset table's length from the strings' start offset rather than the
    count field, and the character data from right after the offset tables; a packer's
    inconsistent header decodes to whatever that gives, so this does the same.
    """

    def __init__(self, decoder: _Decoder, at: int, chunk_size: int) -> None:
        data = decoder.data
        decoder.need(at, 20, "string pool header")
        count, styles, flags, strings_start, styles_start = _POOL.unpack_from(data, at)
        implied = strings_start - (styles * 4 + 28)
        if implied / 4 != count:
            count = int(implied / 4)
        self._decoder = decoder
        self._count = count
        self._utf8 = bool(flags & UTF8_FLAG)
        self._cache: dict[int, str] = {}
        self._by_offset: dict[int, str] = {}
        pos = at + 20
        self._table = pos
        if count > 0:
            decoder.need(pos, 4 * count, "string offsets")
            pos += 4 * count
        if styles > 0:
            decoder.need(pos, 4 * styles, "style offsets")
            pos += 4 * styles
        with_styles = styles_start != 0 and styles != 0
        size = (styles_start if with_styles else chunk_size) - strings_start
        if size < -1:
            decoder.fail(f"string data at {pos:#x} has a negative size")
        # -1: androguard's read(-1), to the end of the file.
        self._chars = data[pos:] if size == -1 else data[pos : pos + size]
        pos += len(self._chars)
        # Strings may overlap, and each index is decoded on its own: without a budget, many
        # indices into one long string would cost the square of the pool's size.
        self._budget = 2 * len(self._chars) + DECODE_SLACK
        if with_styles and chunk_size - styles_start >= 4:
            decoder.need(pos, (chunk_size - styles_start) // 4 * 4, "style data")

    def get(self, index: int) -> str:
        text = self._cache.get(index)
        if text is not None:
            return text
        if index >= self._count:
            return ""
        (offset,) = _U32.unpack_from(self._decoder.data, self._table + 4 * index)
        text = self._by_offset.get(offset)
        if text is None:
            text = self._read8(index, offset) if self._utf8 else self._read16(index, offset)
            self._by_offset[offset] = text
        self._cache[index] = text
        return text

    def _spend(self, size: int) -> None:
        self._budget -= size
        if self._budget < 0:
            self._decoder.fail("string pool decodes to far more text than it holds")

    def _read8(self, index: int, offset: int) -> str:
        chars = self._chars
        if offset + 2 > len(chars):
            self._decoder.fail(f"string {index} starts past the string data (offset {offset})")
        offset += 2 if chars[offset] & 0x80 else 1  # the length in UTF-16 units: unused
        if offset + 2 > len(chars):
            self._decoder.fail(f"string {index} has a truncated length (offset {offset})")
        size = chars[offset]
        if size & 0x80:
            size = ((size & 0x7F) << 8) | chars[offset + 1]
            offset += 2
        else:
            offset += 1
        end = offset + size
        if end > len(chars) or (end < len(chars) and chars[end] != 0):
            return ""  # too long, or not NUL-terminated: androguard's empty string
        if end == len(chars):
            self._decoder.fail(f"string {index} ends at the end of the string data")
        self._spend(size)
        return chars[offset:end].decode("utf-8", "replace")

    def _read16(self, index: int, offset: int) -> str:
        chars = self._chars
        if offset + 4 > len(chars):
            self._decoder.fail(f"string {index} starts past the string data (offset {offset})")
        (size,) = _U16.unpack_from(chars, offset)
        if size & 0x8000:
            size = ((size & 0x7FFF) << 16) | _U16.unpack_from(chars, offset + 2)[0]
            offset += 4
        else:
            offset += 2
        end = offset + 2 * size
        if end > len(chars):
            return ""
        if chars[end : end + 2] != b"\0\0":
            self._decoder.fail(f"UTF-16 string {index} is not NUL-terminated")
        self._spend(2 * size)
        # "utf-16", not "utf-16-le": a leading byte-order mark is honoured, as androguard does.
        return chars[offset:end].decode("utf-16", "replace")


class _Decoder:
    def __init__(self, data: bytes, where: str) -> None:
        self.data = data
        self.n = len(data)
        self.where = where
        # [lo, hi): offsets a scan for a chunk header already found holding none (see _header).
        self._junk = (0, 0)

    def fail(self, what: str) -> NoReturn:
        raise CorruptPackage(f"{self.where}: binary XML: {what}")

    def need(self, at: int, size: int, what: str) -> None:
        if at + size > self.n:
            self.fail(f"{what} at {at:#x} runs past the end of the file ({self.n} bytes)")

    def _header(self, pos: int) -> tuple[int, int, int, int]:
        """(type, header size, size, offset after the 8 header bytes) of the chunk at `pos`.

        Packers put junk between chunks; like androguard, a header whose sizes are impossible
        is taken for junk and the next byte tried. Offsets already scanned are remembered:
        chunk offsets only grow, so the scanning is linear in the file, not quadratic.
        """
        data, n = self.data, self.n
        if pos + 8 > n:
            self.fail(f"chunk header at {pos:#x} runs past the end of the file ({n} bytes)")
        cur, lo = pos, pos
        if self._junk[0] <= pos < self._junk[1]:
            lo, cur = self._junk
        while True:
            if cur + 8 > n:
                self.fail(f"no chunk header after {pos:#x}, only junk to the end of the file")
            ctype, hsize, size = _HEADER.unpack_from(data, cur)
            if size < 8 and n == cur + hsize + 8:
                size = 24  # a packer's zero-sized final chunk, as androguard reads it
            if (hsize >= 8 and size >= hsize) or cur == 0:
                break
            cur += 1
        if cur > pos:
            self._junk = (lo, cur)
        if hsize < 8 or size < hsize:
            self.fail(f"chunk at {cur:#x} has impossible sizes (header {hsize}, chunk {size})")
        return ctype, hsize, size, cur + 8

    def run(self) -> Any:
        n = self.n
        if n < 8:
            self.fail(f"{n} bytes is too short")
        _type, hsize, file_size, _ = self._header(0)
        if hsize != 8:
            self.fail(f"file header is {hsize} bytes, not 8: not binary XML")
        if file_size > n:
            self.fail(f"file header declares {file_size} bytes, the file has {n}")
        # A file type other than RES_XML_TYPE is a packer's trick to stop parsers: androguard
        # reads on, and so do we.
        pool_type, pool_hsize, pool_size, pool_at = self._header(8)
        if pool_type != RES_STRING_POOL or pool_hsize != 28:
            self.fail(f"no string pool at 0x8 (chunk type {pool_type:#x}, header {pool_hsize})")
        strings = _Strings(self, pool_at, pool_size)
        return _Builder(self, strings).build(8 + pool_size, file_size)


class _Builder:
    """Walks the XML node chunks and builds the tree as androguard's AXMLPrinter does."""

    def __init__(self, decoder: _Decoder, strings: _Strings) -> None:
        self.d = decoder
        self.s = strings
        self.resource_ids: array.array[int] = _u32_array(b"", 0, 0)
        self.namespaces: list[tuple[int, int]] = []
        self._nsmap: dict[str, str] | None = None
        # (namespace string, name string) -> attribute key or tag, valid while the namespaces
        # (and, for attributes, the resource map) stay as they are.
        self._names: dict[tuple[int, int], str] = {}
        self._tags: dict[tuple[int, int], str] = {}
        self._texts: dict[int, str] = {}  # string index -> attribute value
        self._nsmap_size = 0
        self._left = MAX_OUTPUT  # see MAX_OUTPUT

    def spend(self, size: int) -> None:
        self._left -= size
        if self._left < 0:
            self.d.fail(f"the document makes more than {MAX_OUTPUT} characters of XML")

    def nsmap(self) -> dict[str, str]:
        """prefix -> uri of the open namespace declarations, as androguard picks them."""
        if self._nsmap is None:
            out: dict[str, str] = {}
            # androguard iterates a set of the (prefix, uri) index pairs, so when one prefix
            # is declared twice, the set's order decides which uri wins; building the same set
            # from the same list gives the same order.
            for prefix, uri in set(self.namespaces):
                p, u = self.s.get(prefix), self.s.get(uri)
                if p and u:
                    out[p] = u.strip()
            self._nsmap = out
            self._nsmap_size = sum(len(p) + len(u) for p, u in out.items())
        return self._nsmap

    def build(self, pos: int, file_size: int) -> Any:
        d, data, strings = self.d, self.d.data, self.s
        cur: list[Any] = []
        root: Any = None
        n = d.n
        while pos != file_size:
            if pos + 8 <= n:
                ctype, hsize, size = _HEADER.unpack_from(data, pos)
                at = pos + 8
                if hsize < 8 or size < hsize or (size < 8 and n == pos + hsize + 8):
                    ctype, hsize, size, at = d._header(pos)  # junk, or a packer's odd size
            else:
                ctype, hsize, size, at = d._header(pos)
            end = pos + size  # androguard's chunk end counts from before any junk it skipped
            if ctype == XML_RESOURCE_MAP:
                if size % 4:
                    d.fail(f"resource map at {at - 8:#x} has a size of {size}, not a multiple of 4")
                count = (size - hsize) // 4
                d.need(at, 4 * count, "resource map")
                self.resource_ids.extend(_u32_array(data, at, count))
                self._names.clear()
                pos = at + 4 * count  # not `end`: androguard reads on from there
                continue
            if not XML_START_NAMESPACE <= ctype <= XML_LAST_NODE or hsize != 16:
                pos = end  # not an XML node, or one of an unknown layout: skipped
                continue
            d.need(at, 8, "node header")
            (comment,) = _U32.unpack_from(data, at + 4)
            at += 8
            if ctype in (XML_START_NAMESPACE, XML_END_NAMESPACE):
                if comment != NO_INDEX:
                    strings.get(comment)  # androguard reads it (to log it): it must decode
                d.need(at, 8, "namespace node")
                pair = _PAIR.unpack_from(data, at)
                if ctype == XML_START_NAMESPACE:
                    strings.get(pair[0])
                    strings.get(pair[1])
                    self.namespaces.append(pair)
                    if len(self.namespaces) > MAX_NAMESPACES:
                        d.fail(f"more than {MAX_NAMESPACES} namespaces open at {at - 16:#x}")
                elif pair in self.namespaces:
                    self.namespaces.remove(pair)
                else:
                    pos = at + 8
                    continue
                self._nsmap = None
                self._names.clear()
                self._tags.clear()
                pos = at + 8  # not `end`, as androguard
                continue
            if ctype == XML_START_ELEMENT:
                elem = self._start(at, at - 16 + size, comment, root, cur)
                if elem is not None:
                    if root is None:
                        root = elem
                    elif not cur:
                        break  # a second root: androguard stops there and keeps the first
                    else:
                        cur[-1].append(elem)
                    cur.append(elem)
                    if len(cur) > MAX_DEPTH:
                        d.fail(f"elements nest deeper than {MAX_DEPTH} at {at - 16:#x}")
            elif ctype == XML_END_ELEMENT:
                d.need(at, 8, "element end")
                ns, name = _PAIR.unpack_from(data, at)
                if not cur:
                    d.fail(f"element end at {at - 16:#x} closes no element")
                if strings.get(name):  # a nameless element was never opened (see _start)
                    if ns != NO_INDEX:
                        strings.get(ns)
                    cur.pop()
            elif ctype == XML_CDATA:
                d.need(at, 12, "text node")
                (index,) = _U32.unpack_from(data, at)
                if not cur:
                    d.fail(f"text at {at - 16:#x} outside any element")
                # Text replaces the element's text (androguard keeps the last, never a tail).
                text = strings.get(index)
                self.spend(len(text))
                cur[-1].text = text
            pos = end
        if root is None:
            d.fail("no element in the document")
        return root

    def _start(self, at: int, chunk_end: int, comment: int, root: Any, cur: list[Any]) -> Any:
        """The element whose start node's fields begin at `at`; None for a nameless one."""
        d, data, strings = self.d, self.d.data, self.s
        d.need(at, 20, "element start")
        ns, name, _start, attr_size, count, _ = _ELEMENT.unpack_from(data, at)
        count &= 0xFFFF
        at += 20
        attrs: Sequence[int] = ()
        if count:
            # androguard reads attributes from right after these fields whatever attributeStart
            # says, `attributeSize` apart; 19 makes it read to the end of the file, less fails.
            if attr_size < 19 or (attr_size == 19 and count > 1):
                d.fail(f"element at {at - 36:#x} has attributes of {attr_size} bytes")
            stride = 20 if attr_size == 19 else attr_size
            last = at + stride * (count - 1) + 20
            if last > min(chunk_end, d.n):
                d.fail(f"attributes of the element at {at - 36:#x} run past its chunk")
            if stride == 20:
                attrs = _u32_array(data, at, 5 * count)
            else:
                fields = (_ATTRIBUTE.unpack_from(data, at + i * stride) for i in range(count))
                attrs = [v for attribute in fields for v in attribute]
        tag_name = strings.get(name)
        if not tag_name:
            return None  # androguard skips a nameless element (its end node then pops nothing)
        tag = self._tags.get((ns, name))
        if tag is None:
            uri = _wrap(strings.get(ns)) if ns != NO_INDEX else ""
            uri, local = self._fix_name(uri, tag_name)
            tag = self._tags[(ns, name)] = uri + local
        if comment != NO_INDEX:
            text = strings.get(comment)
            if text and root is not None:
                if not cur:
                    d.fail(f"comment at {at - 36:#x} after the root element closed")
                self.spend(len(text))
                cur[-1].append(etree.Comment(text))
        elem = self._element(tag)
        self.spend(len(tag) + self._nsmap_size)
        names, texts, values = self._names, self._texts, iter(attrs)
        for a_ns, a_name, a_raw, a_type, a_data in zip(*[values] * 5, strict=True):
            key = names.get((a_ns, a_name))
            if key is None:
                uri = _wrap(strings.get(a_ns)) if a_ns != NO_INDEX else ""
                uri, local = self._fix_name(uri, self._attribute_name(a_name))
                key = names[(a_ns, a_name)] = uri + local
            if a_type >> 24 == _TYPE_STRING:
                value = texts.get(a_raw)
                if value is None:
                    value = texts[a_raw] = self._text_value(a_raw)
            else:
                value = self._value(a_type >> 24, a_data)
            self._left -= len(key) + len(value)  # self.spend(), inlined on the hot path
            if self._left < 0:
                self.spend(0)
            elem.set(key, value)
        return elem

    def _element(self, tag: str) -> Any:
        nsmap = self._nsmap if self._nsmap is not None else self.nsmap()
        try:
            return etree.Element(tag, nsmap=nsmap)
        except ValueError as exc:
            parts = str(exc).split("'")
            if "Invalid namespace prefix" not in str(exc) or len(parts) < 2:
                raise
            # androguard's repair (its pull 1056): a packer's prefix such as "<!--" becomes
            # "android", found from lxml's message.
            bad = parts[1]
            fixed = {("android" if p.startswith(bad) else p): u for p, u in nsmap.items()}
            return etree.Element(tag, nsmap=fixed)

    def _attribute_name(self, index: int) -> str:
        name = self.s.get(index)
        rid = None
        if index < len(self.resource_ids):
            rid = self.resource_ids[index]
            public = android_attributes().get(rid)
            if public is not None:
                # androguard writes the platform's name with ":" for "_"; _fix_name turns them
                # back, unless "layout" (say) is a declared prefix.
                name = public.replace("_", ":")
        if not name or name == ":":
            name = f"android:UNKNOWN_SYSTEM_ATTRIBUTE_{rid if rid else index:08x}"
        return name

    def _fix_name(self, uri: str, name: str) -> tuple[str, str]:
        """androguard's repair of tag and attribute names: a prefix inside the name becomes
        the namespace when it is declared, and characters XML refuses become "_"."""
        if not name[0].isalpha() and name[0] != "_":
            name = "_" + name
        if ":" in name and uri == "":
            nsmap = self.nsmap()
            prefix, rest = name.split(":", 1)
            if prefix in nsmap:
                uri, name = _wrap(nsmap[prefix]), rest
        if not _NAME_OK.match(name):
            name = _NAME_BAD.sub("_", name)
        return uri, name

    def _text_value(self, index: int) -> str:
        """A string attribute value, cleaned as androguard does."""
        text = self.s.get(index)
        if "\x00" in text:
            text = text[: text.index("\x00")]  # aapt reads a string up to its first NUL
        # Printable text holds no control, surrogate or non-character code point: nothing to
        # replace (tabs, newlines and other spaces are not printable and take the long way).
        return text if text.isprintable() else _value_bad().sub("_", text)

    def _value(self, vtype: int, data: int) -> str:
        """A typed attribute value as androguard writes it (its format_value)."""
        if vtype == _TYPE_ATTRIBUTE:
            return f"?{'android:' if data >> 24 == 1 else ''}{data:08X}"
        if vtype == _TYPE_REFERENCE:
            return f"@{'android:' if data >> 24 == 1 else ''}{data:08X}"
        if vtype == _TYPE_FLOAT:
            return f"{_F32.unpack(_U32.pack(data))[0]:f}"
        if vtype == _TYPE_INT_HEX:
            return f"0x{data:08X}"
        if vtype == _TYPE_INT_BOOLEAN:
            return "false" if data == 0 else "true"
        if vtype == _TYPE_DIMENSION:
            unit = data & 0x0F
            if unit >= len(_DIMENSION_UNITS):
                self.d.fail(f"dimension {data:#x} has no unit {unit}")
            return f"{_complex(data):f}{_DIMENSION_UNITS[unit]}"
        if vtype == _TYPE_FRACTION:
            unit = data & 0x0F
            if unit >= len(_FRACTION_UNITS):
                self.d.fail(f"fraction {data:#x} has no unit {unit}")
            return f"{_complex(data) * 100:f}{_FRACTION_UNITS[unit]}"
        if _TYPE_FIRST_COLOR <= vtype <= _TYPE_LAST_INT:
            return f"#{data:08X}"
        if _TYPE_FIRST_INT <= vtype <= _TYPE_LAST_INT:
            return str(data - 0x100000000 if data > 0x7FFFFFFF else data)
        return f"<0x{data:X}, type 0x{vtype:02X}>"
