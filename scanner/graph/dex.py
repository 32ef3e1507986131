"""A fast dex reader for the whole-app call graph.

The call graph needs, for every method with code, whom it calls and which strings, fields and
types it touches, and for every class its place in the hierarchy. A general disassembler
(androguard) builds an object per instruction and costs tens of seconds and gigabytes on a large
app; this reader walks the bytecode in place instead: one table lookup gives each instruction's
width, and only the handful of opcodes the graph needs are decoded at all. Name tables (strings,
types, protos, field and method ids) are decoded on first use and cached.

Everything read from the file is bounds-checked: a malformed header or table is a
`CorruptPackage`; a malformed class or code item is recorded in `DexFile.errors` and skipped, so
one bad method does not hide the rest of the app.
"""

from __future__ import annotations

import array
import struct
import sys
from collections.abc import Iterator, Sequence
from itertools import accumulate, repeat
from typing import Final, Literal, NamedTuple

from scanner.errors import CorruptPackage

NO_INDEX: Final = 0xFFFFFFFF

InvokeKind = Literal["virtual", "super", "direct", "static", "interface", "polymorphic", "custom"]

_HEADER = struct.Struct("<8s I 20s I I I I I I I I I I I I I I I I I I I I")
_HEADER_SIZE: Final = 0x70
_ENDIAN_CONSTANT: Final = 0x12345678
_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")
_PROTO_ID = struct.Struct("<III")
_MEMBER_ID = struct.Struct("<HHI")  # field_id_item and method_id_item share this layout
_CLASS_DEF = struct.Struct("<IIIIIIII")
_MAP_ITEM = struct.Struct("<HHII")
_METHOD_HANDLE = struct.Struct("<HHHH")

_TYPE_CALL_SITE_ID: Final = 0x0007
_TYPE_METHOD_HANDLE: Final = 0x0008

# Method handle types 0-3 are field accessors; 4-8 invoke a method.
_FIRST_INVOKE_HANDLE: Final = 4

# encoded_value types (dex format, "Value formats").
_VALUE_METHOD_TYPE: Final = 0x15
_VALUE_METHOD_HANDLE: Final = 0x16
_VALUE_STRING: Final = 0x17
_VALUE_ARRAY: Final = 0x1C
_VALUE_ANNOTATION: Final = 0x1D
_VALUE_NULL: Final = 0x1E
_VALUE_BOOLEAN: Final = 0x1F
_SIZED_VALUES: Final = frozenset(
    {0x00, 0x02, 0x03, 0x04, 0x06, 0x10, 0x11, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B}
)
_MAX_VALUE_DEPTH: Final = 16


# --- The opcode table -------------------------------------------------------------------------
#
# Every one of the 256 opcodes maps to an action: a positive action is the instruction's width
# in 16-bit code units (nothing in it matters to the graph, so the walk just skips it); a
# non-positive action selects one of the few decoders below. Deciding both with one list lookup
# keeps the common path of the walk to a lookup, a comparison and an addition.

_NOP: Final = 0  # nop, or the ident of a switch / fill-array-data payload
_INVOKE: Final = -1  # 35c / 3rc: method index in unit 1, width 3
_FIELD_GET: Final = -2  # iget* (22c) / sget* (21c): field index in unit 1, width 2
_FIELD_PUT: Final = -3  # iput* / sput*
_CONST_STRING: Final = -4  # 21c: string index in unit 1, width 2
_NEW_INSTANCE: Final = -5  # 21c: type index in unit 1, width 2
_CONST_STRING_JUMBO: Final = -6  # 31c: 32-bit string index in units 1-2, width 3
_CONST_CLASS: Final = -7  # 21c: type index in unit 1, width 2
_INVOKE_POLYMORPHIC: Final = -8  # 45cc / 4rcc: method index in unit 1, width 4
_INVOKE_CUSTOM: Final = -9  # 35c / 3rc: call site index in unit 1, width 3
_UNUSED: Final = -10  # no instruction; format 10x, so width 1 if we go on
_CONST_LITERAL: Final = -11  # const (31i, width 3) / const/high16 (21h, width 2): resource ids


def _opcode_tables() -> tuple[list[int], list[InvokeKind]]:
    action = [0] * 256
    # Only read for the invoke opcodes; the filler for the others is never used.
    kinds: list[InvokeKind] = ["virtual"] * 256

    def put(first: int, last: int, value: int) -> None:
        for op in range(first, last + 1):
            action[op] = value

    # Widths from the instruction formats in "Dalvik bytecode" (10x/11x/12x = 1 unit,
    # 2x = 2, 3x = 3, 51l = 5).
    put(0x00, 0x00, _NOP)
    put(0x01, 0x01, 1)  # move
    put(0x02, 0x02, 2)  # move/from16
    put(0x03, 0x03, 3)  # move/16
    put(0x04, 0x04, 1)
    put(0x05, 0x05, 2)
    put(0x06, 0x06, 3)
    put(0x07, 0x07, 1)
    put(0x08, 0x08, 2)
    put(0x09, 0x09, 3)
    put(0x0A, 0x11, 1)  # move-result*, move-exception, return*
    put(0x12, 0x12, 1)  # const/4
    put(0x13, 0x13, 2)  # const/16
    put(0x14, 0x14, _CONST_LITERAL)  # const
    put(0x15, 0x15, _CONST_LITERAL)  # const/high16
    put(0x16, 0x16, 2)  # const-wide/16
    put(0x17, 0x17, 3)  # const-wide/32
    put(0x18, 0x18, 5)  # const-wide
    put(0x19, 0x19, 2)  # const-wide/high16
    put(0x1A, 0x1A, _CONST_STRING)
    put(0x1B, 0x1B, _CONST_STRING_JUMBO)
    put(0x1C, 0x1C, _CONST_CLASS)
    put(0x1D, 0x1E, 1)  # monitor-enter/exit
    put(0x1F, 0x20, 2)  # check-cast, instance-of
    put(0x21, 0x21, 1)  # array-length
    put(0x22, 0x22, _NEW_INSTANCE)
    put(0x23, 0x23, 2)  # new-array
    put(0x24, 0x26, 3)  # filled-new-array(/range), fill-array-data
    put(0x27, 0x28, 1)  # throw, goto
    put(0x29, 0x29, 2)  # goto/16
    put(0x2A, 0x2C, 3)  # goto/32, packed-switch, sparse-switch
    put(0x2D, 0x3D, 2)  # cmp*, if-*
    put(0x3E, 0x43, _UNUSED)
    put(0x44, 0x51, 2)  # aget*, aput*
    put(0x52, 0x58, _FIELD_GET)  # iget*
    put(0x59, 0x5F, _FIELD_PUT)  # iput*
    put(0x60, 0x66, _FIELD_GET)  # sget*
    put(0x67, 0x6D, _FIELD_PUT)  # sput*
    put(0x6E, 0x72, _INVOKE)
    put(0x73, 0x73, _UNUSED)
    put(0x74, 0x78, _INVOKE)  # /range
    put(0x79, 0x7A, _UNUSED)
    put(0x7B, 0x8F, 1)  # unary ops and conversions
    put(0x90, 0xAF, 2)  # binop
    put(0xB0, 0xCF, 1)  # binop/2addr
    put(0xD0, 0xE2, 2)  # binop/lit16, binop/lit8
    put(0xE3, 0xF9, _UNUSED)
    put(0xFA, 0xFB, _INVOKE_POLYMORPHIC)
    put(0xFC, 0xFD, _INVOKE_CUSTOM)
    put(0xFE, 0xFF, 2)  # const-method-handle, const-method-type

    names: tuple[InvokeKind, ...] = ("virtual", "super", "direct", "static", "interface")
    for i, kind in enumerate(names):
        kinds[0x6E + i] = kind
        kinds[0x74 + i] = kind
    kinds[0xFA] = kinds[0xFB] = "polymorphic"
    kinds[0xFC] = kinds[0xFD] = "custom"
    return action, kinds


_ACTIONS, _INVOKE_KINDS = _opcode_tables()
# The same action for every 16-bit code unit (the opcode is its low byte): the walk then needs
# no mask on the path most instructions take.
_UNIT_ACTIONS: Final = _ACTIONS * 256


# --- What the reader returns ------------------------------------------------------------------


class MethodRef(NamedTuple):
    """A method_id: `("Ljava/lang/String;", "valueOf", "(I)Ljava/lang/String;")`."""

    cls: str
    name: str
    proto: str


class FieldRef(NamedTuple):
    """A field_id: defining class, field type and name, all as in the dex file."""

    cls: str
    type: str
    name: str


class Proto(NamedTuple):
    shorty: str
    return_type: str
    params: tuple[str, ...]

    @property
    def descriptor(self) -> str:
        return f"({''.join(self.params)}){self.return_type}"


class CallSite(NamedTuple):
    """What an invoke-custom links to: the bootstrap method and the method handles among its
    extra arguments (for a lambda, the method that implements it)."""

    bootstrap: MethodRef | None
    name: str
    proto: str
    method_handles: tuple[MethodRef, ...]


class EncodedMethod(NamedTuple):
    method_idx: int
    access_flags: int
    code_off: int  # 0: abstract or native, no code


class EncodedField(NamedTuple):
    field_idx: int
    access_flags: int


class CodeFacts(NamedTuple):
    """What one method's bytecode does that the graph cares about; all values are indexes into
    this dex file's tables (resolve with `method_ref`, `string`, `field_ref`, `type_name`)."""

    insns_size: int  # in 16-bit code units: how big the method is
    invokes: list[tuple[InvokeKind, int]]  # method index; call site index for "custom"
    strings: list[int]
    fields_read: list[int]
    fields_written: list[int]
    types_instantiated: list[int]  # new-instance
    classes_referenced: list[int]  # const-class
    resources: list[int]  # app resource ids (0x7f……) loaded as constants: R.layout.x …


class ClassDef(NamedTuple):
    """A class_def with its class data (a named tuple: the reader makes one per class)."""

    descriptor: str
    access_flags: int
    superclass: str | None
    interfaces: tuple[str, ...]
    source_file: str | None
    static_fields: tuple[EncodedField, ...]
    instance_fields: tuple[EncodedField, ...]
    direct_methods: tuple[EncodedMethod, ...]
    virtual_methods: tuple[EncodedMethod, ...]

    @property
    def methods(self) -> tuple[EncodedMethod, ...]:
        return self.direct_methods + self.virtual_methods


class MethodInfo(NamedTuple):
    cls: str
    name: str
    proto: str
    access_flags: int
    method_idx: int
    code: CodeFacts | None  # None: no code (abstract/native) or a malformed code item


# `tuple.__new__(SomeNamedTuple, values)` makes the same named tuple as `SomeNamedTuple(*values)`
# without the Python-level `__new__` a named tuple class has: the reader makes several hundred
# thousand of them on a big app, and that call was a tenth of the call graph's build time.
_tuple_new = tuple.__new__


class _BadCode(Exception):
    """A code item that cannot be decoded; it is recorded and skipped, not fatal."""


# --- Small decoders ---------------------------------------------------------------------------


def _uleb128(data: bytes, pos: int) -> tuple[int, int]:
    """A uleb128 at `pos` and the position after it; at most 5 bytes, as the format allows."""
    try:
        byte = data[pos]
        if byte < 0x80:
            return byte, pos + 1
        result = byte & 0x7F
        for shift in (7, 14, 21, 28):
            pos += 1
            byte = data[pos]
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                break
    except IndexError:
        raise CorruptPackage("uleb128 value runs past the end of the file") from None
    # A fifth byte with its top bit set is malformed; ART ignores the bit, and so do we.
    return result & 0xFFFFFFFF, pos + 1


def _uleb128_run(data: bytes, pos: int, count: int) -> tuple[list[int], int]:
    """`count` consecutive uleb128 values from `pos`, and the position after them: one call per
    class_data_item instead of one per value, which is most of the cost of reading classes."""
    out: list[int] = []
    append = out.append
    # Iterating over a slice is a third cheaper than indexing `data` byte by byte; no run is
    # longer than 5 bytes a value. `extra` counts the bytes beyond the first of each value.
    step = iter(data[pos : pos + 5 * count])
    extra = 0
    try:
        for _ in range(count):
            byte = next(step)
            if byte < 0x80:
                append(byte)
                continue
            result = byte & 0x7F
            for shift in (7, 14, 21, 28):
                byte = next(step)
                extra += 1
                result |= (byte & 0x7F) << shift
                if byte < 0x80:
                    break
            append(result & 0xFFFFFFFF)
    except StopIteration:
        raise CorruptPackage("uleb128 value runs past the end of the file") from None
    return out, pos + count + extra


def _mutf8(raw: bytes) -> str:
    """Decode dex "MUTF-8" leniently: almost every string is plain UTF-8, so try that first."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # MUTF-8 writes NUL as C0 80 and a supplementary character as two 3-byte surrogates.
    raw = raw.replace(b"\xc0\x80", b"\x00")
    try:
        text = raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        # Not even MUTF-8 (obfuscators do this): keep what is readable.
        text = raw.decode("utf-8", "replace")
    # The UTF-16 round trip joins surrogate pairs and turns a lone half into U+FFFD, so every
    # string this reader returns can be written out as UTF-8 later.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# --- The reader -------------------------------------------------------------------------------


class DexFile:
    """One dex file, read in place; tables are decoded on first use."""

    def __init__(self, data: bytes, location: str) -> None:
        self.location = location
        self.errors: list[str] = []
        if len(data) < _HEADER_SIZE or not data.startswith(b"dex\n") or data[7] != 0:
            raise CorruptPackage(f"{location}: not a dex file")
        (
            _magic,
            _checksum,
            _signature,
            file_size,
            header_size,
            endian_tag,
            _link_size,
            _link_off,
            map_off,
            self.n_strings,
            self._string_ids_off,
            self.n_types,
            self._type_ids_off,
            self.n_protos,
            self._proto_ids_off,
            self.n_fields,
            self._field_ids_off,
            self.n_methods,
            self._method_ids_off,
            self.n_classes,
            self._class_defs_off,
            _data_size,
            _data_off,
        ) = _HEADER.unpack_from(data, 0)
        if endian_tag != _ENDIAN_CONSTANT:
            # The format allows byte-swapped files but no tool emits them and ART rejects them.
            raise CorruptPackage(f"{location}: unsupported endian tag {endian_tag:#x}")
        if header_size < _HEADER_SIZE:
            raise CorruptPackage(f"{location}: header size {header_size} is too small")
        if file_size > len(data):
            raise CorruptPackage(
                f"{location}: truncated: header says {file_size} bytes, file has {len(data)}"
            )
        self._data = data
        size = len(data)
        if header_size >= _HEADER_SIZE + 8 and file_size < size and size >= _HEADER_SIZE + 8:
            # Dex 041 "containers" may hold several dex files back to back; this reads the
            # first, which is all d8 emits today.
            (container_size,) = _U32.unpack_from(data, _HEADER_SIZE)
            if container_size > file_size:
                self.errors.append(
                    f"{location}: dex container of {container_size} bytes: only the first "
                    f"dex ({file_size} bytes) is read"
                )
        for what, count, off, item in (
            ("string_ids", self.n_strings, self._string_ids_off, 4),
            ("type_ids", self.n_types, self._type_ids_off, 4),
            ("proto_ids", self.n_protos, self._proto_ids_off, 12),
            ("field_ids", self.n_fields, self._field_ids_off, 8),
            ("method_ids", self.n_methods, self._method_ids_off, 8),
            ("class_defs", self.n_classes, self._class_defs_off, 32),
        ):
            if count and (off < header_size or off + count * item > size):
                raise CorruptPackage(
                    f"{location}: {what} table ({count} items at {off:#x}) runs past the end "
                    f"of the file ({size} bytes)"
                )
        # Code units are read through a 16-bit view of the whole file; code items are 4-byte
        # aligned, so an instruction's index in this view is its byte offset / 2.
        self._u16: Sequence[int]
        if sys.byteorder == "little":
            self._u16 = memoryview(data)[: size & ~1].cast("H")
        else:
            swapped = array.array("H", data[: size & ~1])
            swapped.byteswap()
            self._u16 = swapped
        self._strings: list[str | None] = [None] * self.n_strings
        self._types: list[str | None] = [None] * self.n_types
        self._protos: list[Proto | None] = [None] * self.n_protos
        self._proto_descs: list[str | None] = [None] * self.n_protos
        self._method_refs: list[MethodRef | None] = [None] * self.n_methods
        self._method_keys: list[str | None] = [None] * self.n_methods
        self._type_lists: dict[int, tuple[str, ...]] = {}
        self._classes: tuple[ClassDef, ...] | None = None
        self._bad_code: set[int] = set()
        self._call_site_ids_off = self._method_handles_off = 0
        self.n_call_sites = self.n_method_handles = 0
        self._read_map(map_off)

    def _read_map(self, map_off: int) -> None:
        """Find the call-site and method-handle tables, which only the map list locates."""
        data, size = self._data, len(self._data)
        if map_off == 0 or map_off + 4 > size:
            self.errors.append(f"{self.location}: map list at {map_off:#x} is missing")
            return
        (count,) = _U32.unpack_from(data, map_off)
        if map_off + 4 + 12 * count > size:
            self.errors.append(f"{self.location}: map list runs past the end of the file")
            return
        for kind, _unused, n, off in _MAP_ITEM.iter_unpack(
            data[map_off + 4 : map_off + 4 + 12 * count]
        ):
            if kind == _TYPE_CALL_SITE_ID:
                if off + 4 * n > size:
                    self.errors.append(f"{self.location}: call site table runs past the end")
                    continue
                self._call_site_ids_off, self.n_call_sites = off, n
            elif kind == _TYPE_METHOD_HANDLE:
                if off + 8 * n > size:
                    self.errors.append(f"{self.location}: method handle table runs past the end")
                    continue
                self._method_handles_off, self.n_method_handles = off, n

    # --- Name tables ---------------------------------------------------------------------------

    @property
    def data(self) -> bytes:
        """The file's bytes (read-only; for readers of what the graph does not keep)."""
        return self._data

    @property
    def code_units(self) -> Sequence[int]:
        """The whole file as 16-bit code units: index = byte offset / 2."""
        return self._u16

    def string(self, idx: int) -> str:
        """The string at `idx` of string_ids, decoded from MUTF-8."""
        if not 0 <= idx < self.n_strings:
            raise CorruptPackage(f"{self.location}: string index {idx} out of range")
        cached = self._strings[idx]
        if cached is not None:
            return cached
        data = self._data
        (off,) = _U32.unpack_from(data, self._string_ids_off + 4 * idx)
        # The string starts after its uleb128 length in UTF-16 units, which we do not need.
        start = off + 1 if off < len(data) and data[off] < 0x80 else _uleb128(data, off)[1]
        end = data.find(b"\0", start)
        if end < 0:
            raise CorruptPackage(f"{self.location}: string {idx} is not terminated")
        text = _mutf8(data[start:end])
        self._strings[idx] = text
        return text

    def find_string(self, value: str) -> int | None:
        """The index of `value` in the string table, by binary search: dex files keep that table
        sorted (by UTF-16 code units, which orders ASCII names as Python does)."""
        lo, hi = 0, self.n_strings
        while lo < hi:
            mid = (lo + hi) // 2
            if self.string(mid) < value:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < self.n_strings and self.string(lo) == value else None

    def type_name(self, idx: int) -> str:
        """The descriptor of type `idx`: `Lcom/example/Foo;`, `[I`, `V`."""
        if not 0 <= idx < self.n_types:
            raise CorruptPackage(f"{self.location}: type index {idx} out of range")
        cached = self._types[idx]
        if cached is None:
            (string_idx,) = _U32.unpack_from(self._data, self._type_ids_off + 4 * idx)
            cached = self._types[idx] = self.string(string_idx)
        return cached

    def _type_list(self, off: int) -> tuple[str, ...]:
        if off == 0:
            return ()
        # A dex stores each distinct list once; protos and classes share them.
        cached = self._type_lists.get(off)
        if cached is not None:
            return cached
        data = self._data
        if off + 4 > len(data):
            raise CorruptPackage(f"{self.location}: type list at {off:#x} is past the end")
        (count,) = _U32.unpack_from(data, off)
        if off + 4 + 2 * count > len(data):
            raise CorruptPackage(f"{self.location}: type list at {off:#x} runs past the end")
        names = tuple(map(self.type_name, struct.unpack_from(f"<{count}H", data, off + 4)))
        self._type_lists[off] = names
        return names

    def proto(self, idx: int) -> Proto:
        if not 0 <= idx < self.n_protos:
            raise CorruptPackage(f"{self.location}: proto index {idx} out of range")
        cached = self._protos[idx]
        if cached is None:
            shorty, ret, params_off = _PROTO_ID.unpack_from(
                self._data, self._proto_ids_off + 12 * idx
            )
            cached = Proto(self.string(shorty), self.type_name(ret), self._type_list(params_off))
            self._protos[idx] = cached
        return cached

    def proto_descriptor(self, idx: int) -> str:
        """`(Ljava/lang/String;JF)V` for proto `idx`."""
        cached = self._proto_descs[idx] if 0 <= idx < self.n_protos else None
        if cached is None:
            cached = self._proto_descs[idx] = self.proto(idx).descriptor
        return cached

    def field_ref(self, idx: int) -> FieldRef:
        if not 0 <= idx < self.n_fields:
            raise CorruptPackage(f"{self.location}: field index {idx} out of range")
        cls, typ, name = _MEMBER_ID.unpack_from(self._data, self._field_ids_off + 8 * idx)
        return _tuple_new(FieldRef, (self.type_name(cls), self.type_name(typ), self.string(name)))

    def field_type_is_class(self, idx: int) -> str | None:
        """The class of field `idx` when the field's type is that class (`X.INSTANCE` of type X,
        as D8's singleton lambdas and Kotlin objects are), else None; without decoding the
        field's name, which the call graph asks this for 100,000+ field reads never needs."""
        if not 0 <= idx < self.n_fields:
            raise CorruptPackage(f"{self.location}: field index {idx} out of range")
        cls, typ, _ = _MEMBER_ID.unpack_from(self._data, self._field_ids_off + 8 * idx)
        return self.type_name(cls) if cls == typ else None

    def method_ref(self, idx: int) -> MethodRef:
        if not 0 <= idx < self.n_methods:
            raise CorruptPackage(f"{self.location}: method index {idx} out of range")
        cached = self._method_refs[idx]
        if cached is None:
            cls, proto, name = _MEMBER_ID.unpack_from(self._data, self._method_ids_off + 8 * idx)
            cached = _tuple_new(
                MethodRef, (self.type_name(cls), self.string(name), self.proto_descriptor(proto))
            )
            self._method_refs[idx] = cached
        return cached

    def method_key(self, idx: int) -> str:
        """`name(params)return` of method `idx`: what tells a method apart within its class.

        The call graph asks this once per defined and per called method (hundreds of thousands
        of times on a big app), so it is cached and skips the MethodRef."""
        if not 0 <= idx < self.n_methods:
            raise CorruptPackage(f"{self.location}: method index {idx} out of range")
        key = self._method_keys[idx]
        if key is None:
            _, proto, name = _MEMBER_ID.unpack_from(self._data, self._method_ids_off + 8 * idx)
            text = self._strings[name] if name < self.n_strings else None
            if text is None:
                text = self.string(name)  # decodes, or raises when out of range
            descriptor = self._proto_descs[proto] if proto < self.n_protos else None
            if descriptor is None:
                descriptor = self.proto_descriptor(proto)
            key = self._method_keys[idx] = text + descriptor
        return key

    def method_class(self, idx: int) -> str:
        """The descriptor of the class method `idx` is declared on (as the call names it)."""
        if not 0 <= idx < self.n_methods:
            raise CorruptPackage(f"{self.location}: method index {idx} out of range")
        (cls,) = _U16.unpack_from(self._data, self._method_ids_off + 8 * idx)
        return self.type_name(cls)

    def method_handle(self, idx: int) -> tuple[int, int]:
        """(method handle type, field or method index) of method handle `idx`."""
        if not 0 <= idx < self.n_method_handles:
            raise CorruptPackage(f"{self.location}: method handle index {idx} out of range")
        kind, _, target, _ = _METHOD_HANDLE.unpack_from(
            self._data, self._method_handles_off + 8 * idx
        )
        return kind, target

    def _invoked_handle(self, idx: int) -> MethodRef | None:
        kind, target = self.method_handle(idx)
        return self.method_ref(target) if kind >= _FIRST_INVOKE_HANDLE else None

    def call_site(self, idx: int) -> CallSite:
        """The call site an invoke-custom names: its bootstrap method, name, type and the method
        handles among its extra arguments."""
        if not 0 <= idx < self.n_call_sites:
            raise CorruptPackage(f"{self.location}: call site index {idx} out of range")
        (off,) = _U32.unpack_from(self._data, self._call_site_ids_off + 4 * idx)
        values = self._encoded_array(off)
        if (
            len(values) < 3
            or values[0][0] != _VALUE_METHOD_HANDLE
            or values[1][0] != _VALUE_STRING
            or values[2][0] != _VALUE_METHOD_TYPE
        ):
            raise CorruptPackage(f"{self.location}: call site {idx} is malformed")
        handles = tuple(
            ref
            for kind, value in values[3:]
            if kind == _VALUE_METHOD_HANDLE and (ref := self._invoked_handle(value)) is not None
        )
        return CallSite(
            self._invoked_handle(values[0][1]),
            self.string(values[1][1]),
            self.proto_descriptor(values[2][1]),
            handles,
        )

    def _encoded_array(self, off: int) -> list[tuple[int, int]]:
        """The top-level (type, value) pairs of an encoded_array; nested values are skipped."""
        data = self._data
        count, pos = _uleb128(data, off)
        if count > len(data) - pos:  # every value takes at least one byte
            raise CorruptPackage(f"{self.location}: encoded array at {off:#x} is too long")
        out = []
        for _ in range(count):
            kind, value, pos = self._encoded_value(pos, 0)
            out.append((kind, value))
        return out

    def _encoded_value(self, pos: int, depth: int) -> tuple[int, int, int]:
        data = self._data
        if pos >= len(data) or depth > _MAX_VALUE_DEPTH:
            raise CorruptPackage(f"{self.location}: encoded value at {pos:#x} is malformed")
        head = data[pos]
        kind, arg = head & 0x1F, head >> 5
        pos += 1
        if kind in _SIZED_VALUES:
            end = pos + arg + 1
            if end > len(data):
                raise CorruptPackage(f"{self.location}: encoded value runs past the end")
            return kind, int.from_bytes(data[pos:end], "little"), end
        if kind in (_VALUE_NULL, _VALUE_BOOLEAN):
            return kind, arg, pos
        if kind == _VALUE_ARRAY:
            count, pos = _uleb128(data, pos)
            for _ in range(min(count, len(data) - pos)):
                _, _, pos = self._encoded_value(pos, depth + 1)
            return kind, 0, pos
        if kind == _VALUE_ANNOTATION:
            _, pos = _uleb128(data, pos)
            count, pos = _uleb128(data, pos)
            for _ in range(min(count, len(data) - pos)):
                _, pos = _uleb128(data, pos)
                _, _, pos = self._encoded_value(pos, depth + 1)
            return kind, 0, pos
        raise CorruptPackage(f"{self.location}: unknown encoded value type {kind:#x}")

    # --- Classes -------------------------------------------------------------------------------

    def class_descriptors(self) -> list[str]:
        """Descriptors of the classes this dex defines, from the class_def table alone: what
        SDK matching needs, without reading any class data (a tenth of `classes`' cost)."""
        out = []
        for i in range(self.n_classes):
            (type_idx,) = _U32.unpack_from(self._data, self._class_defs_off + 32 * i)
            if type_idx >= self.n_types:
                raise CorruptPackage(f"{self.location}: class_def {i} names a type out of range")
            out.append(self.type_name(type_idx))
        return out

    @property
    def classes(self) -> tuple[ClassDef, ...]:
        """The classes this dex defines, in file order; a malformed one is recorded and left
        out."""
        if self._classes is None:
            out = []
            for i in range(self.n_classes):
                try:
                    out.append(self._class_def(i))
                except CorruptPackage as exc:
                    self.errors.append(f"{self.location}: class_def {i} skipped: {exc}")
            self._classes = tuple(out)
        return self._classes

    def _class_def(self, i: int) -> ClassDef:
        (
            class_idx,
            access_flags,
            superclass_idx,
            interfaces_off,
            source_file_idx,
            _annotations_off,
            class_data_off,
            _static_values_off,
        ) = _CLASS_DEF.unpack_from(self._data, self._class_defs_off + 32 * i)
        descriptor = self.type_name(class_idx)
        fields: tuple[tuple[EncodedField, ...], tuple[EncodedField, ...]] = ((), ())
        methods: tuple[tuple[EncodedMethod, ...], tuple[EncodedMethod, ...]] = ((), ())
        if class_data_off:
            try:
                fields, methods = self._class_data(class_data_off)
            except CorruptPackage as exc:
                raise CorruptPackage(f"{descriptor}: class data: {exc}") from None
        return _tuple_new(
            ClassDef,
            (
                descriptor,
                access_flags,
                None if superclass_idx == NO_INDEX else self.type_name(superclass_idx),
                self._type_list(interfaces_off),
                None if source_file_idx == NO_INDEX else self.string(source_file_idx),
                fields[0],
                fields[1],
                methods[0],
                methods[1],
            ),
        )

    def _class_data(
        self, off: int
    ) -> tuple[
        tuple[tuple[EncodedField, ...], tuple[EncodedField, ...]],
        tuple[tuple[EncodedMethod, ...], tuple[EncodedMethod, ...]],
    ]:
        data, size = self._data, len(self._data)
        if off >= size:
            raise CorruptPackage(f"offset {off:#x} is past the end of the file")
        (n_static, n_instance, n_direct, n_virtual), pos = _uleb128_run(data, off, 4)
        # An encoded field takes at least 2 bytes and a method 3: reject counts the rest of the
        # file cannot hold before looping over them.
        n_fields, n_methods = n_static + n_instance, n_direct + n_virtual
        if 2 * n_fields + 3 * n_methods > size - pos:
            raise CorruptPackage("member counts exceed the file size")
        values, _ = _uleb128_run(data, pos, 2 * n_fields + 3 * n_methods)
        # Member indexes are delta-encoded within each list: the first diff is the index itself.
        lists: list[tuple[EncodedField, ...] | tuple[EncodedMethod, ...]] = []
        for first, count, width, limit in (
            (0, n_static, 2, self.n_fields),
            (2 * n_static, n_instance, 2, self.n_fields),
            (2 * n_fields, n_direct, 3, self.n_methods),
            (2 * n_fields + 3 * n_direct, n_virtual, 3, self.n_methods),
        ):
            if not count:
                lists.append(())
                continue
            chunk = values[first : first + width * count]
            indexes = list(accumulate(chunk[0::width]))
            if indexes[-1] >= limit:  # deltas are unsigned, so the last index is the largest
                raise CorruptPackage(f"member index {indexes[-1]} out of range")
            if width == 2:
                fields = zip(indexes, chunk[1::2], strict=True)
                lists.append(tuple(map(_tuple_new, repeat(EncodedField), fields)))
            else:
                members = zip(indexes, chunk[1::3], chunk[2::3], strict=True)
                lists.append(tuple(map(_tuple_new, repeat(EncodedMethod), members)))
        return (lists[0], lists[1]), (lists[2], lists[3])  # type: ignore[return-value]

    # --- Code ----------------------------------------------------------------------------------

    def code(self, method: EncodedMethod) -> CodeFacts | None:
        """The graph facts of a method's bytecode; None when it has none or it is malformed
        (then the reason is in `errors`)."""
        if method.code_off == 0:
            return None
        try:
            return self._decode(method.code_off)
        except (_BadCode, CorruptPackage, IndexError) as exc:
            if method.code_off not in self._bad_code:
                self._bad_code.add(method.code_off)
                try:
                    name = "{}->{}{}".format(*self.method_ref(method.method_idx))
                except CorruptPackage:
                    name = f"method {method.method_idx}"
                reason = str(exc) if not isinstance(exc, IndexError) else "runs past the file"
                self.errors.append(f"{self.location}: {name}: code skipped: {reason}")
            return None

    def _decode(self, code_off: int) -> CodeFacts:
        data = self._data
        # code_item: registers, ins, outs, tries (u16 each), debug_info_off, insns_size (u32).
        if code_off & 1 or code_off + 16 > len(data):
            raise _BadCode(f"code item offset {code_off:#x} is invalid")
        (insns_size,) = _U32.unpack_from(data, code_off + 12)
        pc = (code_off + 16) >> 1
        end = pc + insns_size
        if end > len(self._u16):
            raise _BadCode(f"{insns_size} code units run past the end of the file")

        invokes: list[tuple[InvokeKind, int]] = []
        strings: list[int] = []
        reads: list[int] = []
        writes: list[int] = []
        news: list[int] = []
        classes: list[int] = []
        resources: list[int] = []
        u16 = self._u16
        actions = _UNIT_ACTIONS
        kinds = _INVOKE_KINDS
        n_methods, n_fields, n_strings, n_types = (
            self.n_methods,
            self.n_fields,
            self.n_strings,
            self.n_types,
        )
        invoke, field_get, field_put, const_string, new_instance = (
            _INVOKE,
            _FIELD_GET,
            _FIELD_PUT,
            _CONST_STRING,
            _NEW_INSTANCE,
        )
        # The hot loop: most instructions take only the first branch. Indexes are checked as
        # they are read so that every index in the result resolves.
        while pc < end:
            act = actions[u16[pc]]
            if act > 0:
                pc += act
            elif act == invoke:
                idx = u16[pc + 1]
                if idx >= n_methods:
                    raise _BadCode(f"invoke of method index {idx} out of range")
                invokes.append((kinds[u16[pc] & 0xFF], idx))
                pc += 3
            elif act == field_get:
                idx = u16[pc + 1]
                if idx >= n_fields:
                    raise _BadCode(f"field index {idx} out of range")
                reads.append(idx)
                pc += 2
            elif act == field_put:
                idx = u16[pc + 1]
                if idx >= n_fields:
                    raise _BadCode(f"field index {idx} out of range")
                writes.append(idx)
                pc += 2
            elif act == const_string:
                idx = u16[pc + 1]
                if idx >= n_strings:
                    raise _BadCode(f"string index {idx} out of range")
                strings.append(idx)
                pc += 2
            elif act == new_instance:
                idx = u16[pc + 1]
                if idx >= n_types:
                    raise _BadCode(f"type index {idx} out of range")
                news.append(idx)
                pc += 2
            else:
                pc = self._decode_rare(u16[pc], pc, invokes, strings, classes, resources)
        if pc != end:
            raise _BadCode("the last instruction runs past the end of the method")
        return _tuple_new(
            CodeFacts, (insns_size, invokes, strings, reads, writes, news, classes, resources)
        )

    def _decode_rare(
        self,
        unit: int,
        pc: int,
        invokes: list[tuple[InvokeKind, int]],
        strings: list[int],
        classes: list[int],
        resources: list[int],
    ) -> int:
        """Decode one of the less common instructions at `pc`; return the next pc."""
        u16 = self._u16
        op = unit & 0xFF
        act = _ACTIONS[op]
        if act == _NOP:
            ident = unit >> 8
            if ident == 0:
                return pc + 1
            # Switch and array data tables live in the instruction stream behind a nop opcode;
            # skip them by their encoded size.
            if ident == 1:  # packed-switch-payload: size, first_key (2), targets (2 each)
                return pc + 4 + 2 * u16[pc + 1]
            if ident == 2:  # sparse-switch-payload: size, keys and targets (2 each)
                return pc + 2 + 4 * u16[pc + 1]
            if ident == 3:  # fill-array-data-payload: element_width, size (2), data
                count = u16[pc + 2] | u16[pc + 3] << 16
                return pc + 4 + (u16[pc + 1] * count + 1) // 2
            raise _BadCode(f"unknown payload {unit:#06x} at code unit {pc}")
        if act == _CONST_STRING_JUMBO:
            idx = u16[pc + 1] | u16[pc + 2] << 16
            if idx >= self.n_strings:
                raise _BadCode(f"string index {idx} out of range")
            strings.append(idx)
            return pc + 3
        if act == _CONST_LITERAL:
            if op == 0x14:
                value = u16[pc + 1] | u16[pc + 2] << 16
                width = 3
            else:
                value = u16[pc + 1] << 16
                width = 2
            # Only the app's own resource ids (package 0x7f) say which layout or string a
            # method shows; other literals are numbers.
            if value >> 24 == 0x7F:
                resources.append(value)
            return pc + width
        if act == _CONST_CLASS:
            idx = u16[pc + 1]
            if idx >= self.n_types:
                raise _BadCode(f"type index {idx} out of range")
            classes.append(idx)
            return pc + 2
        if act == _INVOKE_POLYMORPHIC:
            idx = u16[pc + 1]
            if idx >= self.n_methods:
                raise _BadCode(f"invoke of method index {idx} out of range")
            invokes.append(("polymorphic", idx))
            return pc + 4
        if act == _INVOKE_CUSTOM:
            idx = u16[pc + 1]
            if idx >= self.n_call_sites:
                raise _BadCode(f"invoke-custom of call site {idx} out of range")
            invokes.append(("custom", idx))
            return pc + 3
        # An unused opcode: the verifier rejects the method, so its facts would be fiction.
        raise _BadCode(f"unused opcode {op:#04x} at code unit {pc}")

    def iter_methods(self) -> Iterator[MethodInfo]:
        """Every method defined here (direct, then virtual, class by class) with its code facts,
        decoded as it is reached so only one method's facts are alive at a time."""
        for cls in self.classes:
            for method in cls.direct_methods + cls.virtual_methods:
                try:
                    _, name, proto = self.method_ref(method.method_idx)
                except CorruptPackage as exc:
                    self.errors.append(f"{self.location}: {cls.descriptor}: method skipped: {exc}")
                    continue
                yield MethodInfo(
                    cls.descriptor,
                    name,
                    proto,
                    method.access_flags,
                    method.method_idx,
                    self.code(method),
                )
