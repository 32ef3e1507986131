"""A small reader of resources.arsc: resolve one resource id to its value in every configuration.

Reports need a handful of values (the app label, the network security config's file), so this
walks the table once to index type chunks and decodes only the entries asked for. androguard's
ARSCParser decodes the whole table, which costs most of a scan on apps with large resources.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from scanner.errors import CorruptPackage

RES_STRING_POOL = 0x0001
RES_TABLE = 0x0002
RES_TABLE_PACKAGE = 0x0200
RES_TABLE_TYPE = 0x0201
TYPE_REFERENCE = 0x01
TYPE_STRING = 0x03
FLAG_SPARSE = 0x01
FLAG_OFFSET16 = 0x02
NO_ENTRY = 0xFFFFFFFF
MAX_REFERENCE_DEPTH = 8


class StringPool:
    def __init__(self, data: bytes, offset: int) -> None:
        _, header_size, size = struct.unpack_from("<HHI", data, offset)
        count, _styles, flags, strings_start, _ = struct.unpack_from("<IIIII", data, offset + 8)
        if offset + size > len(data) or offset + header_size + 4 * count > len(data):
            raise CorruptPackage("resources.arsc: string pool runs past the end")
        self._data = data
        self._utf8 = bool(flags & 0x100)
        self._offsets = struct.unpack_from(f"<{count}I", data, offset + header_size)
        self._base = offset + strings_start
        self._end = offset + size
        self._cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._offsets)

    def get(self, index: int) -> str:
        if index in self._cache:
            return self._cache[index]
        if not 0 <= index < len(self._offsets):
            return ""
        pos = self._base + self._offsets[index]
        d = self._data
        if pos >= self._end:
            return ""
        if self._utf8:
            pos += 2 if d[pos] & 0x80 else 1  # length in characters
            n = d[pos]
            if n & 0x80:
                n = ((n & 0x7F) << 8) | d[pos + 1]
                pos += 1
            pos += 1
            text = d[pos : min(pos + n, self._end)].decode("utf-8", "replace")
        else:
            (n,) = struct.unpack_from("<H", d, pos)
            pos += 2
            if n & 0x8000:
                (low,) = struct.unpack_from("<H", d, pos)
                n = ((n & 0x7FFF) << 16) | low
                pos += 2
            text = d[pos : min(pos + 2 * n, self._end)].decode("utf-16-le", "replace")
        self._cache[index] = text
        return text


def _locale(config: bytes) -> str:
    """`zh-rCN` style qualifier from a ResTable_config's language and country fields."""
    if len(config) < 12:
        return ""
    lang, country = config[8:10], config[10:12]

    def unpack(two: bytes, base: int) -> str:
        if two == b"\0\0":
            return ""
        if two[0] & 0x80:  # packed three-letter code
            v = (two[1] << 8) | two[0]
            return "".join(chr(base + ((v >> s) & 0x1F)) for s in (0, 5, 10))
        return two.decode("ascii", "replace")

    lang_s, country_s = unpack(lang, ord("a")), unpack(country, ord("0"))
    return f"{lang_s}-r{country_s}" if lang_s and country_s else lang_s


@dataclass(slots=True)
class _Package:
    id: int
    name: str
    type_names: StringPool | None = None
    key_names: StringPool | None = None
    # type id -> list of (locale, type chunk offset)
    types: dict[int, list[tuple[str, int]]] = field(default_factory=dict)


class ResourceTable:
    def __init__(self, data: bytes) -> None:
        if len(data) < 12:
            raise CorruptPackage("resources.arsc: too short")
        rtype, header_size, size = struct.unpack_from("<HHI", data, 0)
        if rtype != RES_TABLE:
            raise CorruptPackage("resources.arsc: not a resource table")
        self._data = data
        self.strings: StringPool | None = None
        self.packages: dict[int, _Package] = {}
        end = min(size, len(data))
        pos = header_size
        while pos + 8 <= end:
            ctype, chead, csize = struct.unpack_from("<HHI", data, pos)
            if csize < 8:
                raise CorruptPackage("resources.arsc: chunk with an impossible size")
            if ctype == RES_STRING_POOL and self.strings is None:
                self.strings = StringPool(data, pos)
            elif ctype == RES_TABLE_PACKAGE:
                self._read_package(pos, chead, min(pos + csize, end))
            pos += csize

    def _read_package(self, start: int, header_size: int, end: int) -> None:
        d = self._data
        (pkg_id,) = struct.unpack_from("<I", d, start + 8)
        name = d[start + 12 : start + 12 + 256].decode("utf-16-le", "replace").split("\0", 1)[0]
        type_strings, _, key_strings, _ = struct.unpack_from("<IIII", d, start + 268)
        pkg = _Package(pkg_id, name)
        if type_strings:
            pkg.type_names = StringPool(d, start + type_strings)
        if key_strings:
            pkg.key_names = StringPool(d, start + key_strings)
        pos = start + header_size
        while pos + 8 <= end:
            ctype, _chead, csize = struct.unpack_from("<HHI", d, pos)
            if csize < 8:
                raise CorruptPackage("resources.arsc: chunk with an impossible size")
            if ctype == RES_TABLE_TYPE:
                type_id = d[pos + 8]
                (config_size,) = struct.unpack_from("<I", d, pos + 20)
                locale = _locale(d[pos + 20 : pos + 20 + config_size])
                pkg.types.setdefault(type_id, []).append((locale, pos))
            pos += csize
        self.packages.setdefault(pkg_id, pkg)

    def _entry_value(self, chunk: int, entry_index: int) -> tuple[int, int] | None:
        """(data type, data) of one entry in one type chunk; None when the entry is absent."""
        d = self._data
        _, header_size, _ = struct.unpack_from("<HHI", d, chunk)
        flags = d[chunk + 9]
        count, entries_start = struct.unpack_from("<II", d, chunk + 12)
        index_base = chunk + header_size
        if flags & FLAG_SPARSE:
            offset = None
            for i in range(count):
                idx, off = struct.unpack_from("<HH", d, index_base + 4 * i)
                if idx == entry_index:
                    offset = off * 4
                    break
            if offset is None:
                return None
        elif entry_index >= count:
            return None
        elif flags & FLAG_OFFSET16:
            (off16,) = struct.unpack_from("<H", d, index_base + 2 * entry_index)
            if off16 == 0xFFFF:
                return None
            offset = off16 * 4
        else:
            (offset,) = struct.unpack_from("<I", d, index_base + 4 * entry_index)
            if offset == NO_ENTRY:
                return None
        pos = chunk + entries_start + offset
        if pos + 16 > len(d):
            return None
        _size, entry_flags = struct.unpack_from("<HH", d, pos)
        if entry_flags & 0x1:  # complex (bag) entries hold no single value
            return None
        _vsize, _res0, data_type, value = struct.unpack_from("<HBBI", d, pos + 8)
        return data_type, value

    def resolve(self, res_id: int, _depth: int = 0) -> list[tuple[str, str]]:
        """(locale, value) of a resource in each configuration, references followed."""
        pkg = self.packages.get(res_id >> 24)
        if pkg is None or _depth > MAX_REFERENCE_DEPTH:
            return []
        type_id, entry = (res_id >> 16) & 0xFF, res_id & 0xFFFF
        out: list[tuple[str, str]] = []
        for locale, chunk in pkg.types.get(type_id, []):
            try:
                value = self._entry_value(chunk, entry)
            except struct.error:
                continue
            if value is None:
                continue
            data_type, data = value
            if data_type == TYPE_STRING and self.strings is not None:
                out.append((locale, self.strings.get(data)))
            elif data_type == TYPE_REFERENCE:
                inner = self.resolve(data, _depth + 1)
                out.extend((locale or loc, v) for loc, v in inner if not locale or loc == "")
        return out

    def find_id(self, type_name: str, key: str) -> int | None:
        """The id of `@type/key`, searching every package."""
        for pkg in self.packages.values():
            if pkg.type_names is None or pkg.key_names is None:
                continue
            type_ids = [
                i + 1 for i in range(len(pkg.type_names)) if pkg.type_names.get(i) == type_name
            ]
            for type_id in type_ids:
                for _, chunk in pkg.types.get(type_id, []):
                    d = self._data
                    _, header_size, _ = struct.unpack_from("<HHI", d, chunk)
                    flags = d[chunk + 9]
                    if flags & (FLAG_SPARSE | FLAG_OFFSET16):
                        continue
                    count, entries_start = struct.unpack_from("<II", d, chunk + 12)
                    for i in range(count):
                        (off,) = struct.unpack_from("<I", d, chunk + header_size + 4 * i)
                        if off == NO_ENTRY:
                            continue
                        (key_index,) = struct.unpack_from("<I", d, chunk + entries_start + off + 4)
                        if pkg.key_names.get(key_index) == key:
                            return (pkg.id << 24) | (type_id << 16) | i
        return None
