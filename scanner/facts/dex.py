"""A minimal, fast dex reader: the class names a dex file defines.

SDK fingerprinting needs only the class list, so this reads the header, the string, type and
class-def tables, and decodes just the strings that name defined classes. The full code graph
(a later layer) reads more of the same format.
"""

from __future__ import annotations

import struct

from scanner.errors import CorruptPackage

_HEADER = struct.Struct("<8s I 20s I I I I I I I I I I I I I I I I I I I I")


def _uleb128(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data):
            raise CorruptPackage("dex: string data runs past the end of the file")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80 or shift > 28:
            return result, pos
        shift += 7


def _mutf8(data: bytes, pos: int) -> str:
    end = data.index(b"\0", pos)
    raw = data[pos:end]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Modified UTF-8 (surrogate pairs, encoded NUL): decode leniently, class names are ASCII.
        return raw.decode("utf-8", "replace")


def defined_classes(data: bytes, where: str = "dex") -> list[str]:
    """Descriptors (`Lcom/example/Foo;`) of the classes this dex defines, in file order."""
    if len(data) < 0x70 or not data.startswith(b"dex\n"):
        raise CorruptPackage(f"{where}: not a dex file")
    fields = _HEADER.unpack_from(data, 0)
    string_ids_size, string_ids_off = fields[9], fields[10]
    type_ids_size, type_ids_off = fields[11], fields[12]
    class_defs_size, class_defs_off = fields[19], fields[20]
    size = len(data)
    if (
        string_ids_off + 4 * string_ids_size > size
        or type_ids_off + 4 * type_ids_size > size
        or class_defs_off + 32 * class_defs_size > size
    ):
        raise CorruptPackage(f"{where}: header tables run past the end of the file")
    out = []
    for i in range(class_defs_size):
        (type_idx,) = struct.unpack_from("<I", data, class_defs_off + 32 * i)
        if type_idx >= type_ids_size:
            raise CorruptPackage(f"{where}: class_def {i} names a type out of range")
        (string_idx,) = struct.unpack_from("<I", data, type_ids_off + 4 * type_idx)
        if string_idx >= string_ids_size:
            raise CorruptPackage(f"{where}: type {type_idx} names a string out of range")
        (str_off,) = struct.unpack_from("<I", data, string_ids_off + 4 * string_idx)
        if str_off >= size:
            raise CorruptPackage(f"{where}: string {string_idx} lies past the end of the file")
        _, pos = _uleb128(data, str_off)
        try:
            out.append(_mutf8(data, pos))
        except ValueError as exc:
            raise CorruptPackage(f"{where}: unterminated string {string_idx}") from exc
    return out


def java_name(descriptor: str) -> str:
    """`Lcom/example/Foo$Bar;` -> `com.example.Foo$Bar`."""
    if descriptor.startswith("L") and descriptor.endswith(";"):
        descriptor = descriptor[1:-1]
    return descriptor.replace("/", ".")
