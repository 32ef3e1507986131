"""Facts of iOS Mach-O executables: hardening, linkage, Objective-C metadata, strings, and a
per-function reference map for reachability.

lief reads the load commands, symbols and bindings (imported lazily: it costs 0.6 s). The rest is
read from the bytes here: Objective-C class and method lists, selector and class references,
C, UTF-16 and CF strings, and, for arm64, the references each function makes, found by decoding
the few instructions that load addresses (ADRP with LDR/ADD, ADR, LDR literal) and calls (BL, and
B out of the function). The linker often rewrites `ADRP+LDR` into `NOP; LDR literal` and
`ADRP+ADD` into `NOP; ADR`, so those forms are decoded too.

Everything is bounded (`MachOLimits`). When a slice is FairPlay-encrypted (cryptid ≠ 0) no byte of
the encrypted file range is read: its strings, selectors and code are unknown, not empty, and
`MachOSlice.encrypted` says so.
"""

from __future__ import annotations

import re
import struct
import sys
import warnings
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scanner.errors import CorruptPackage

if TYPE_CHECKING:
    import lief

FAT_MAGIC = 0xCAFEBABE
FAT_MAGIC_64 = 0xCAFEBABF
MH_MAGIC = 0xFEEDFACE
MH_MAGIC_64 = 0xFEEDFACF
LC_CODE_SIGNATURE = 0x1D

CPU_TYPE_X86 = 7
CPU_TYPE_ARM = 12
CPU_ARCH_ABI64 = 0x01000000
CPU_ARCH_ABI64_32 = 0x02000000

MH_ALLOW_STACK_EXECUTION = 0x20000
MH_PIE = 0x200000
MH_NO_HEAP_EXECUTION = 0x1000000

_ARM_SUBTYPES = {
    5: "armv4t",
    6: "armv6",
    7: "armv5",
    9: "armv7",
    10: "armv7f",
    11: "armv7s",
    12: "armv7k",
    13: "armv8",
    14: "armv6m",
    15: "armv7m",
    16: "armv7em",
}
_ARM64_SUBTYPES = {0: "arm64", 1: "arm64v8", 2: "arm64e"}
_FILETYPES = {
    1: "MH_OBJECT",
    2: "MH_EXECUTE",
    6: "MH_DYLIB",
    7: "MH_DYLINKER",
    8: "MH_BUNDLE",
    10: "MH_DSYM",
    11: "MH_KEXT_BUNDLE",
}
_CANARY = frozenset({"___stack_chk_guard", "___stack_chk_fail"})
# Calls the compiler emits only under ARC (manual retain/release sends -retain/-release).
_ARC = frozenset(
    {
        "_objc_release",
        "_objc_retain",
        "_objc_autoreleaseReturnValue",
        "_objc_retainAutoreleasedReturnValue",
        "_objc_storeStrong",
        "_objc_retainAutorelease",
        "_objc_retainAutoreleaseReturnValue",
        "_objc_unsafeClaimAutoreleasedReturnValue",
        "_objc_claimAutoreleasedReturnValue",
        "_swift_release",
        "_swift_retain",
    }
)
_SWIFT_PREFIXES = ("_$s", "$s", "_$S", "$S", "_T0", "_$e")
_OBJC_CLASS = "_OBJC_CLASS_$_"
_NO: frozenset[Any] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class MachOLimits:
    """Caps on what one slice may cost; the defaults hold the largest real iOS apps."""

    max_strings: int = 300_000  # per kind: C strings, UTF-16, CFStrings, selectors
    max_string_chars: int = 4096  # longer strings are cut
    max_symbols: int = 1_000_000
    max_classes: int = 200_000
    max_methods: int = 2_000_000
    max_list_entries: int = 100_000  # entries in one method list
    max_code_bytes: int = 512 * 1024**2  # __text decoded for references
    max_functions: int = 2_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkedLibrary:
    name: str
    kind: str  # load | weak | reexport | lazy | upward
    weak: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Encryption:
    cryptid: int
    cryptoff: int
    cryptsize: int

    @property
    def encrypted(self) -> bool:
        return self.cryptid != 0


@dataclass(frozen=True, slots=True, kw_only=True)
class FunctionRefs:
    """What one function of `__text` refers to (arm64 slices)."""

    address: int
    end: int  # first address past the function
    name: str | None  # "-[Class selector]" for ObjC methods, the symbol when not stripped
    selectors: frozenset[str] = _NO  # selectors loaded from __objc_selrefs (or objc stubs)
    classes: frozenset[str] = _NO  # classes loaded from __objc_classrefs
    strings: frozenset[str] = _NO  # C strings and CFStrings whose address is taken
    calls: frozenset[int] = _NO  # BL targets and tail-call B targets (stubs included)
    imports: frozenset[str] = _NO  # imported symbols called through stubs or loaded from GOT
    code_refs: frozenset[int] = _NO  # code addresses taken: blocks, callbacks, IMPs


@dataclass(frozen=True, slots=True, kw_only=True)
class MachOSlice:
    location: str
    arch: str
    cputype: int
    cpusubtype: int
    offset: int  # of the slice in the file
    size: int
    filetype: str
    flags: int
    pie: bool
    allow_stack_execution: bool
    no_heap_execution: bool
    canary: bool
    arc: bool
    encryption: Encryption | None
    rpaths: tuple[str, ...]
    libraries: tuple[LinkedLibrary, ...]
    stripped: bool
    platform: str | None  # ios, watchos, … (from LC_BUILD_VERSION / LC_VERSION_MIN_*)
    min_os: str | None
    sdk: str | None
    uuid: str | None
    code_signature: tuple[int, int] | None  # (dataoff, datasize) of LC_CODE_SIGNATURE
    imported_symbols: tuple[str, ...]
    imported_classes: tuple[str, ...]
    defined_classes: tuple[str, ...]
    selectors: tuple[str, ...]  # __objc_methname
    cstrings: tuple[str, ...]  # __cstring
    ustrings: tuple[str, ...]  # __ustring (UTF-16: where Chinese literals live)
    cfstrings: tuple[str, ...]
    swift_symbols: tuple[str, ...]
    swift_typerefs: tuple[str, ...]
    functions: dict[int, FunctionRefs] = field(default_factory=dict)
    methods: dict[tuple[str, str, bool], int] = field(default_factory=dict)
    stubs: dict[int, str] = field(default_factory=dict)  # stub address → imported symbol
    notes: tuple[str, ...] = ()

    @property
    def encrypted(self) -> bool:
        return self.encryption is not None and self.encryption.encrypted


@dataclass(frozen=True, slots=True, kw_only=True)
class MachOFile:
    location: str
    fat: bool
    slices: tuple[MachOSlice, ...]


# ----------------------------------------------------------------------- fat and thin slicing


@dataclass(frozen=True, slots=True)
class SliceRef:
    cputype: int
    cpusubtype: int
    offset: int
    size: int

    @property
    def arch(self) -> str:
        return arch_name(self.cputype, self.cpusubtype)


def arch_name(cputype: int, cpusubtype: int) -> str:
    sub = cpusubtype & 0x00FFFFFF
    if cputype == CPU_TYPE_ARM:
        return _ARM_SUBTYPES.get(sub, f"arm(sub {sub})")
    if cputype == CPU_TYPE_ARM | CPU_ARCH_ABI64:
        return _ARM64_SUBTYPES.get(sub, f"arm64(sub {sub})")
    if cputype == CPU_TYPE_ARM | CPU_ARCH_ABI64_32:
        return "arm64_32"
    if cputype == CPU_TYPE_X86:
        return "i386"
    if cputype == CPU_TYPE_X86 | CPU_ARCH_ABI64:
        return "x86_64h" if sub == 8 else "x86_64"
    return f"cpu {cputype:#x}"


def is_macho(data: bytes) -> bool:
    if len(data) < 8:
        return False
    le = struct.unpack_from("<I", data)[0]
    be = struct.unpack_from(">I", data)[0]
    return le in (MH_MAGIC, MH_MAGIC_64) or (
        be in (FAT_MAGIC, FAT_MAGIC_64) and _fat_count(data) > 0
    )


def _fat_count(data: bytes) -> int:
    # Java class files share the fat magic; a real fat header counts a few architectures.
    n = struct.unpack_from(">I", data, 4)[0]
    return n if 0 < n <= 32 else 0


def slice_refs(data: bytes, where: str) -> list[SliceRef]:
    """The architectures of a fat file, or the one of a thin file, with where each lies."""
    if len(data) < 28:
        raise CorruptPackage(f"{where}: {len(data)} bytes, too short for a Mach-O header")
    magic = struct.unpack_from(">I", data)[0]
    if magic in (FAT_MAGIC, FAT_MAGIC_64):
        return _fat_slices(data, where, wide=magic == FAT_MAGIC_64)
    le = struct.unpack_from("<I", data)[0]
    if le not in (MH_MAGIC, MH_MAGIC_64):
        raise CorruptPackage(f"{where}: not a Mach-O file (magic {magic:#010x})")
    cputype, cpusubtype = struct.unpack_from("<iI", data, 4)
    return [SliceRef(cputype & 0xFFFFFFFF, cpusubtype, 0, len(data))]


def _fat_slices(data: bytes, where: str, *, wide: bool) -> list[SliceRef]:
    count = _fat_count(data)
    if not count:
        raise CorruptPackage(f"{where}: fat header with an implausible architecture count")
    entry = 32 if wide else 20
    if 8 + count * entry > len(data):
        raise CorruptPackage(f"{where}: fat header runs past the end of the file")
    out = []
    for i in range(count):
        pos = 8 + i * entry
        if wide:
            cputype, sub, offset, size = struct.unpack_from(">IIQQ", data, pos)
        else:
            cputype, sub, offset, size = struct.unpack_from(">IIII", data, pos)
        if offset + size > len(data) or size < 28 or offset < 8 + count * entry:
            raise CorruptPackage(
                f"{where}: fat slice {i} ({arch_name(cputype, sub)}) at {offset:#x}+{size:#x} "
                f"lies outside the {len(data)}-byte file"
            )
        out.append(SliceRef(cputype, sub, offset, size))
    return out


def load_commands(data: bytes, where: str) -> Iterator[tuple[int, int, int]]:
    """(cmd, offset, size) of each load command of a thin Mach-O, every bound checked."""
    magic = struct.unpack_from("<I", data)[0] if len(data) >= 4 else 0
    if magic not in (MH_MAGIC, MH_MAGIC_64):
        raise CorruptPackage(f"{where}: not a thin Mach-O (magic {magic:#x})")
    header = 32 if magic == MH_MAGIC_64 else 28
    if len(data) < header:
        raise CorruptPackage(f"{where}: truncated Mach-O header")
    ncmds, sizeofcmds = struct.unpack_from("<II", data, 16)
    end = header + sizeofcmds
    if end > len(data) or ncmds > sizeofcmds // 8 + 1:
        raise CorruptPackage(f"{where}: load commands run past the end of the file")
    pos = header
    for _ in range(ncmds):
        if pos + 8 > end:
            raise CorruptPackage(f"{where}: load command at {pos:#x} is truncated")
        cmd, size = struct.unpack_from("<II", data, pos)
        if size < 8 or pos + size > end:
            raise CorruptPackage(f"{where}: load command {cmd:#x} at {pos:#x} has bad size {size}")
        yield cmd, pos, size
        pos += size


def code_signature_range(data: bytes, where: str) -> tuple[int, int] | None:
    """(dataoff, datasize) of LC_CODE_SIGNATURE in a thin slice, checked against its size."""
    for cmd, pos, size in load_commands(data, where):
        if cmd == LC_CODE_SIGNATURE and size >= 16:
            off, length = struct.unpack_from("<II", data, pos + 8)
            if off + length > len(data):
                raise CorruptPackage(
                    f"{where}: code signature at {off:#x}+{length:#x} runs past the slice end"
                )
            return off, length
    return None


# ----------------------------------------------------------------------------- the image


@dataclass(frozen=True, slots=True)
class _Section:
    segment: str
    name: str
    addr: int
    size: int
    offset: int  # file offset in the slice; -1 when not backed by the file (zerofill)
    stub_size: int

    @property
    def end(self) -> int:
        return self.addr + self.size


class _Image:
    """Address arithmetic over one slice's bytes: sections, pointers, binds, strings."""

    def __init__(
        self,
        data: bytes,
        ptr_size: int,
        sections: list[_Section],
        segments: list[tuple[int, int, int, int]],
        binds: dict[int, str],
        chained: int | None,
        encrypted: tuple[int, int] | None,
        limits: MachOLimits,
    ) -> None:
        self.data = data
        self.ptr = ptr_size
        self.sections = sections
        self.by_name: dict[str, list[_Section]] = {}
        for s in sections:
            self.by_name.setdefault(s.name, []).append(s)
        self._by_addr = sorted((s for s in sections if s.size), key=lambda s: s.addr)
        self._sec_starts = [s.addr for s in self._by_addr]
        self.segments = sorted(segments)  # (vmaddr, vmsize, fileoff, filesize)
        self._seg_starts = [s[0] for s in self.segments]
        self.base = next((s[0] for s in self.segments if s[2] == 0 and s[3] > 0), 0)
        self.binds = binds
        self.chained = chained
        self.encrypted = encrypted  # (start, end) file offsets never to be read
        self.limits = limits
        self._cstr: dict[int, str | None] = {}

    def section(self, name: str, segment: str | None = None) -> _Section | None:
        for s in self.by_name.get(name, ()):
            if segment is None or s.segment == segment or s.segment.startswith(segment):
                return s
        return None

    def sections_named(self, *names: str) -> list[_Section]:
        """File-backed sections of these names (never longer than the file: see _sections)."""
        return [s for n in names for s in self.by_name.get(n, ()) if s.offset >= 0]

    def offset(self, addr: int) -> int | None:
        i = bisect_right(self._seg_starts, addr) - 1
        if i < 0:
            return None
        vmaddr, _vmsize, fileoff, filesize = self.segments[i]
        delta = addr - vmaddr
        if delta >= filesize:
            return None
        return fileoff + delta

    def readable(self, off: int, size: int) -> bool:
        if off < 0 or size < 0 or off + size > len(self.data):
            return False
        if self.encrypted is not None:
            start, end = self.encrypted
            if off < end and off + size > start:
                return False
        return True

    def read(self, addr: int, size: int) -> bytes | None:
        off = self.offset(addr)
        if off is None or not self.readable(off, size):
            return None
        return self.data[off : off + size]

    def section_bytes(self, s: _Section) -> bytes | None:
        if s.offset < 0 or not self.readable(s.offset, s.size):
            return None
        return self.data[s.offset : s.offset + s.size]

    def u32(self, addr: int) -> int | None:
        raw = self.read(addr, 4)
        return None if raw is None else int(struct.unpack("<I", raw)[0])

    def i32(self, addr: int) -> int | None:
        raw = self.read(addr, 4)
        return None if raw is None else int(struct.unpack("<i", raw)[0])

    def pointer(self, addr: int) -> int | None:
        """The address a pointer slot holds once loaded; None for a bind or unreadable slot."""
        if addr in self.binds:
            return None
        raw = self.read(addr, self.ptr)
        if raw is None:
            return None
        value = int.from_bytes(raw, "little")
        if self.chained is not None:
            return decode_chained(value, self.chained, self.base)
        return value

    def cstring(self, addr: int) -> str | None:
        if addr in self._cstr:
            return self._cstr[addr]
        text = None
        off = self.offset(addr)
        if off is not None and self.readable(off, 1):
            cap = self.limits.max_string_chars * 4
            end = self.data.find(b"\0", off, off + cap)
            stop = end if end >= 0 else min(off + cap, len(self.data))
            if self.readable(off, stop - off):
                text = _utf8(self.data[off:stop], self.limits.max_string_chars)
        self._cstr[addr] = text
        return text

    def cstring_ptr(self, slot: int) -> str | None:
        """The C string a pointer slot points to (selector and class names)."""
        target = self.pointer(slot)
        return None if not target else self.cstring(target)

    def utf16(self, addr: int, units: int) -> str | None:
        units = min(units, self.limits.max_string_chars)
        raw = self.read(addr, units * 2)
        return None if raw is None else raw.decode("utf-16-le", errors="replace")

    def section_at(self, addr: int) -> _Section | None:
        i = bisect_right(self._sec_starts, addr) - 1
        if i < 0:
            return None
        s = self._by_addr[i]
        return s if addr < s.end else None


def decode_chained(value: int, fmt: int, base: int) -> int | None:
    """The target of a chained-fixup pointer (dyld's DYLD_CHAINED_PTR_* formats); None for a
    bind. Rebase targets are either addresses or offsets from the image base depending on the
    format; an offset is recognised by being below the base."""
    if fmt in (1, 9, 12):  # ARM64E, ARM64E_USERLAND, ARM64E_USERLAND24
        auth, bind = value >> 63 & 1, value >> 62 & 1
        if bind:
            return None
        if auth:
            return base + (value & 0xFFFFFFFF)
        target = (value & 0x7FFFFFFFFFF) | ((value >> 43 & 0xFF) << 56)
    elif fmt in (3, 4, 5):  # 32-bit formats
        if value >> 31 & 1:
            return None
        target = value & 0x3FFFFFF
    else:  # 2 = DYLD_CHAINED_PTR_64, 6 = DYLD_CHAINED_PTR_64_OFFSET, and kernel caches
        if value >> 63 & 1:
            return None
        target = (value & 0xFFFFFFFFF) | ((value >> 36 & 0xFF) << 56)
    return target + base if target < base else target


def _utf8(raw: bytes, limit: int) -> str:
    return raw.decode("utf-8", errors="replace")[:limit]


# ----------------------------------------------------------------------------- entry point


def read_macho(location: str, data: bytes, limits: MachOLimits | None = None) -> MachOFile:
    """Every architecture of a fat or thin Mach-O; `location` names it in errors and facts."""
    limits = limits or MachOLimits()
    refs = slice_refs(data, location)
    fat = struct.unpack_from(">I", data)[0] in (FAT_MAGIC, FAT_MAGIC_64)
    slices = []
    for ref in refs:
        where = f"{location} ({ref.arch})" if fat else location
        slices.append(_read_slice(where, ref, data[ref.offset : ref.offset + ref.size], limits))
    return MachOFile(location=location, fat=fat, slices=tuple(slices))


def _parse(where: str, data: bytes) -> lief.MachO.Binary:
    import lief

    lief.logging.disable()
    config = lief.MachO.ParserConfig()
    config.parse_dyld_exports = False
    config.parse_dyld_rebases = False  # pointers are read from the bytes; rebases cost time
    try:
        fat = lief.MachO.parse(data, config)
    except (RuntimeError, ValueError, TypeError) as exc:
        raise CorruptPackage(f"{where}: Mach-O parser failed ({exc})") from exc
    if fat is None or fat.size < 1:
        raise CorruptPackage(f"{where}: not a parsable Mach-O file")
    binary = fat.at(0)
    if binary is None:
        raise CorruptPackage(f"{where}: not a parsable Mach-O file")
    return binary


def _read_slice(where: str, ref: SliceRef, data: bytes, limits: MachOLimits) -> MachOSlice:
    # lief warns (RuntimeWarning) for every enum value it does not know, which hostile files
    # are full of; the values are handled here, the warnings would only reach the terminal.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return _read_slice_quietly(where, ref, data, limits)


def _read_slice_quietly(where: str, ref: SliceRef, data: bytes, limits: MachOLimits) -> MachOSlice:
    signature = code_signature_range(data, where)
    binary = _parse(where, data)
    notes: list[str] = []
    ptr = 8 if binary.header.magic == _lief_magic64() else 4
    encryption = _encryption(binary)
    encrypted = None
    if encryption is not None and encryption.encrypted:
        encrypted = (encryption.cryptoff, encryption.cryptoff + encryption.cryptsize)
        notes.append(
            f"encrypted (FairPlay, cryptid {encryption.cryptid}): file range "
            f"{encrypted[0]:#x}-{encrypted[1]:#x} unread; strings, selectors and code there "
            "are unknown. Ask for a decrypted build (exported from Xcode, not the App Store)."
        )
    symbols = _symbols(binary, limits)
    image = _Image(
        data,
        ptr,
        _sections(binary, len(data), notes),
        _segments(binary),
        _binds(binary),
        _chained_format(binary),
        encrypted,
        limits,
    )
    objc = _ObjC(image, limits, notes)
    imported = sorted(symbols.imported | {n for n in image.binds.values() if n})
    defined_classes = sorted(objc.class_names | symbols.defined_classes)
    arm64 = ref.cputype == CPU_TYPE_ARM | CPU_ARCH_ABI64
    functions, stubs = (
        _CodeScan(image, objc, symbols, binary, limits, notes).run() if arm64 else ({}, {})
    )
    flags = int(binary.header.flags)
    platform, min_os, sdk = _versions(binary)
    imported_set = set(imported)
    return MachOSlice(
        location=where,
        arch=ref.arch,
        cputype=ref.cputype,
        cpusubtype=ref.cpusubtype,
        offset=ref.offset,
        size=ref.size,
        filetype=_filetype(binary),
        flags=flags,
        pie=bool(flags & MH_PIE),
        allow_stack_execution=bool(flags & MH_ALLOW_STACK_EXECUTION),
        no_heap_execution=bool(flags & MH_NO_HEAP_EXECUTION),
        canary=bool(imported_set & _CANARY),
        arc=bool(imported_set & _ARC),
        encryption=encryption,
        rpaths=tuple(_text(r, "path") for r in binary.rpaths),
        libraries=_libraries(binary),
        stripped=symbols.stripped,
        platform=platform,
        min_os=min_os,
        sdk=sdk,
        uuid=_uuid(binary),
        code_signature=signature,
        imported_symbols=tuple(imported),
        imported_classes=tuple(
            sorted({n[len(_OBJC_CLASS) :] for n in imported if n.startswith(_OBJC_CLASS)})
        ),
        defined_classes=tuple(defined_classes),
        selectors=_strings_of(image, ("__objc_methname",), limits),
        cstrings=_strings_of(image, ("__cstring",), limits),
        ustrings=_ustrings(image, limits),
        cfstrings=tuple(list(dict.fromkeys(objc.cfstrings.values()))[: limits.max_strings]),
        swift_symbols=tuple(symbols.swift),
        swift_typerefs=_swift_typerefs(image, limits),
        functions=functions,
        methods=objc.methods,
        stubs=stubs,
        notes=tuple(notes),
    )


def _text(obj: object, attr: str) -> str:
    """A name lief reads from the file; names that are not UTF-8 (hostile or obfuscated
    binaries) make lief raise, and are kept as a marker instead."""
    try:
        return str(getattr(obj, attr))
    except UnicodeDecodeError:
        return "\ufffd(not UTF-8)"


def _enum_int(value: object) -> int:
    """lief gives an enum member, or a bare int for a value its enum does not know."""
    raw: Any = getattr(value, "value", value)
    return int(raw)


def _filetype(binary: lief.MachO.Binary) -> str:
    code = _enum_int(binary.header.file_type)
    return _FILETYPES.get(code, f"MH_{code:#x}")


def _lief_magic64() -> Any:
    import lief

    return lief.MachO.MACHO_TYPES.MAGIC_64


def _encryption(binary: lief.MachO.Binary) -> Encryption | None:
    info = binary.encryption_info if binary.has_encryption_info else None
    if info is None:
        return None
    return Encryption(
        cryptid=int(info.crypt_id), cryptoff=int(info.crypt_offset), cryptsize=int(info.crypt_size)
    )


def _sections(binary: lief.MachO.Binary, size: int, notes: list[str]) -> list[_Section]:
    import lief

    zerofill = {
        lief.MachO.Section.TYPE.ZEROFILL,
        lief.MachO.Section.TYPE.GB_ZEROFILL,
        lief.MachO.Section.TYPE.THREAD_LOCAL_ZEROFILL,
    }
    out = []
    for s in binary.sections:
        segment, name = _text(s, "segment_name"), _text(s, "name")
        offset = int(s.offset)
        length = int(s.size)
        if s.type in zerofill or length == 0:
            offset = -1
        elif offset + length > size:
            notes.append(f"section {segment},{name} runs past the slice end; not read")
            offset = -1
        out.append(
            _Section(segment, name, int(s.virtual_address), length, offset, int(s.reserved2))
        )
    return out


def _segments(binary: lief.MachO.Binary) -> list[tuple[int, int, int, int]]:
    return [
        (int(s.virtual_address), int(s.virtual_size), int(s.file_offset), int(s.file_size))
        for s in binary.segments
        if s.file_size > 0
    ]


def _binds(binary: lief.MachO.Binary) -> dict[int, str]:
    out: dict[int, str] = {}
    for b in binary.bindings:
        symbol = b.symbol if b.has_symbol else None
        if symbol is not None:
            out.setdefault(int(b.address), _text(symbol, "name"))
    return out


def _chained_format(binary: lief.MachO.Binary) -> int | None:
    fixups = binary.dyld_chained_fixups if binary.has_dyld_chained_fixups else None
    if fixups is None:
        return None
    for start in fixups.chained_starts_in_segments:
        fmt = _enum_int(start.pointer_format)
        if fmt:
            return fmt
    return 6  # DYLD_CHAINED_PTR_64_OFFSET: what ld64 writes for arm64 apps


@dataclass(slots=True)
class _Symbols:
    imported: set[str] = field(default_factory=set)
    defined: dict[int, str] = field(default_factory=dict)  # address → local or external name
    defined_classes: set[str] = field(default_factory=set)
    swift: list[str] = field(default_factory=list)
    stripped: bool = True


def _symbols(binary: lief.MachO.Binary, limits: MachOLimits) -> _Symbols:
    out = _Symbols()
    seen_swift: set[str] = set()
    for count, sym in enumerate(binary.symbols):
        if count >= limits.max_symbols:
            break
        raw = int(sym.raw_type)
        name = _text(sym, "name")
        if raw & 0xE0:  # debugger (stab) entry, not a symbol
            continue
        kind = raw & 0x0E
        if kind == 0 and raw & 1:
            out.imported.add(name)
        elif kind == 0x0E:  # N_SECT: defined in this image
            out.defined.setdefault(int(sym.value), name)
            if not raw & 1:
                out.stripped = False
            if name.startswith(_OBJC_CLASS):
                out.defined_classes.add(name[len(_OBJC_CLASS) :])
        if name.startswith(_SWIFT_PREFIXES) and name not in seen_swift:
            seen_swift.add(name)
            if len(out.swift) < limits.max_strings:
                out.swift.append(name)
    return out


def _libraries(binary: lief.MachO.Binary) -> tuple[LinkedLibrary, ...]:
    import lief

    T = lief.MachO.LoadCommand.TYPE
    kinds = {
        T.LOAD_DYLIB: "load",
        T.LOAD_WEAK_DYLIB: "weak",
        T.REEXPORT_DYLIB: "reexport",
        T.LAZY_LOAD_DYLIB: "lazy",
        T.LOAD_UPWARD_DYLIB: "upward",
    }
    out = []
    for lib in binary.libraries:
        kind = kinds.get(lib.command)
        if kind is None:  # LC_ID_DYLIB: the library's own name, not a dependency
            continue
        out.append(LinkedLibrary(name=_text(lib, "name"), kind=kind, weak=kind == "weak"))
    return tuple(out)


def _version(parts: list[int]) -> str:
    major, minor, patch = [*parts, 0, 0, 0][:3]
    return f"{major}.{minor}.{patch}" if patch else f"{major}.{minor}"


def _versions(binary: lief.MachO.Binary) -> tuple[str | None, str | None, str | None]:
    import lief

    bv = binary.build_version if binary.has_build_version else None
    if bv is not None:
        return str(bv.platform).rsplit(".", 1)[-1].lower(), _version(bv.minos), _version(bv.sdk)
    vm = binary.version_min if binary.has_version_min else None
    if vm is not None:
        T = lief.MachO.LoadCommand.TYPE
        platform = {
            T.VERSION_MIN_IPHONEOS: "ios",
            T.VERSION_MIN_MACOSX: "macos",
            T.VERSION_MIN_TVOS: "tvos",
            T.VERSION_MIN_WATCHOS: "watchos",
        }.get(vm.command)
        return platform, _version(vm.version), _version(vm.sdk)
    return None, None, None


def _uuid(binary: lief.MachO.Binary) -> str | None:
    if not binary.has_uuid:
        return None
    command = binary.uuid
    if command is None:
        return None
    h = bytes(command.uuid).hex().upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# ------------------------------------------------------------------------------- strings


def _strings_of(image: _Image, names: tuple[str, ...], limits: MachOLimits) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for s in image.sections_named(*names):
        raw = image.section_bytes(s)
        if raw is None:
            continue
        for part in raw.split(b"\0"):
            if part:
                out.setdefault(_utf8(part, limits.max_string_chars))
                if len(out) >= limits.max_strings:
                    return tuple(out)
    return tuple(out)


def _ustrings(image: _Image, limits: MachOLimits) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for s in image.sections_named("__ustring"):
        raw = image.section_bytes(s)
        if raw is None:
            continue
        text = raw[: len(raw) // 2 * 2].decode("utf-16-le", errors="replace")
        for part in text.split("\0"):
            if part:
                out.setdefault(part[: limits.max_string_chars])
                if len(out) >= limits.max_strings:
                    return tuple(out)
    return tuple(out)


def _swift_typerefs(image: _Image, limits: MachOLimits) -> tuple[str, ...]:
    """Mangled names of __swift5_typeref, raw. Symbolic references (a control byte and a
    relative offset, 0x01-0x17 + 4 bytes, 0x18-0x1f + a pointer) are cut out, and what stays
    readable is kept: `So17CLLocationManagerC` names the ObjC class CLLocationManager."""
    out: dict[str, None] = {}
    for s in image.sections_named("__swift5_typeref"):
        raw = image.section_bytes(s)
        if raw is None:
            continue
        pos, current = 0, bytearray()
        while pos < len(raw):
            b = raw[pos]
            if b == 0:
                if current:
                    out.setdefault(current.decode("ascii", errors="replace"))
                    if len(out) >= limits.max_strings:
                        return tuple(out)
                current = bytearray()
                pos += 1
            elif b <= 0x17:
                pos += 5
            elif b <= 0x1F:
                pos += 1 + image.ptr
            else:
                current.append(b)
                pos += 1
    return tuple(out)


# ------------------------------------------------------------------------------ Objective-C


class _ObjC:
    """Classes, categories and their method lists; selector, class and CFString references."""

    def __init__(self, image: _Image, limits: MachOLimits, notes: list[str]) -> None:
        self.image = image
        self.limits = limits
        self.notes = notes
        self.class_names: set[str] = set()
        self._class_at: dict[int, str | None] = {}
        self.methods: dict[tuple[str, str, bool], int] = {}
        self.selrefs: dict[int, str] = {}
        self.classrefs: dict[int, str] = {}
        self.cfstrings: dict[int, str] = {}
        self._method_budget = limits.max_methods
        self._read_classes()
        self._read_categories()
        self._read_selrefs()
        self._read_classrefs()
        self._read_cfstrings()

    # A class is named by its class_ro_t; the metaclass (its isa) holds the class methods.
    def class_name(self, addr: int) -> str | None:
        if addr in self._class_at:
            return self._class_at[addr]
        self._class_at[addr] = None  # guards against cycles in hostile input
        ro = self._class_ro(addr)
        name = self.image.cstring_ptr(ro + self._ro_name) if ro is not None else None
        self._class_at[addr] = name
        return name

    @property
    def _ro_name(self) -> int:
        return 24 if self.image.ptr == 8 else 16

    def _class_ro(self, cls: int) -> int | None:
        data = self.image.pointer(cls + 4 * self.image.ptr)
        if data is None:
            return None
        return data & ~7 if self.image.ptr == 8 else data & ~3

    def _pointers(self, section: str) -> Iterator[tuple[int, int | None]]:
        for s in self.image.sections_named(section):
            for slot in range(s.addr, s.end - self.image.ptr + 1, self.image.ptr):
                yield slot, self.image.pointer(slot)

    def _read_classes(self) -> None:
        for count, (_slot, cls) in enumerate(self._pointers("__objc_classlist")):
            if count >= self.limits.max_classes:
                self.notes.append(f"more than {self.limits.max_classes} classes; rest not read")
                break
            if cls is None:
                continue
            name = self.class_name(cls)
            if name is None:
                continue
            self.class_names.add(name)
            ro = self._class_ro(cls)
            if ro is not None:
                self._method_list(
                    self.image.pointer(ro + self._ro_name + self.image.ptr), name, is_class=False
                )
            meta = self.image.pointer(cls)
            meta_ro = self._class_ro(meta) if meta is not None else None
            if meta_ro is not None:
                self._method_list(
                    self.image.pointer(meta_ro + self._ro_name + self.image.ptr),
                    name,
                    is_class=True,
                )

    def _read_categories(self) -> None:
        p = self.image.ptr
        for _slot, cat in self._pointers("__objc_catlist"):
            if cat is None:
                continue
            bound = self.image.binds.get(cat + p)
            if bound is not None:
                owner = bound.removeprefix(_OBJC_CLASS)
            else:
                cls = self.image.pointer(cat + p)
                owner = (self.class_name(cls) if cls is not None else None) or "?"
            self._method_list(self.image.pointer(cat + 2 * p), owner, is_class=False)
            self._method_list(self.image.pointer(cat + 3 * p), owner, is_class=True)

    def _method_list(self, addr: int | None, owner: str, *, is_class: bool) -> None:
        if not addr:
            return
        header = self.image.read(addr, 8)
        if header is None:
            return
        flags, count = struct.unpack("<II", header)
        count = min(count, self.limits.max_list_entries, self._method_budget)
        if flags & 0x80000000:
            entries = self._relative_methods(addr + 8, count, direct=bool(flags & 0x40000000))
        else:
            entries = self._pointer_methods(addr + 8, count, flags & 0xFFFC)
        for selector, imp in entries:
            self._method_budget -= 1
            self.methods.setdefault((owner, selector, is_class), imp)

    def _relative_methods(
        self, first: int, count: int, *, direct: bool
    ) -> Iterator[tuple[str, int]]:
        raw = self.image.read(first, count * 12)
        if raw is None:
            return
        for i in range(count):
            name_off, _types, imp_off = struct.unpack_from("<iii", raw, i * 12)
            entry = first + i * 12
            if direct:
                selector = self.image.cstring(entry + name_off)
            else:
                selector = self.image.cstring_ptr(entry + name_off)
            if selector is not None:
                yield selector, entry + 8 + imp_off

    def _pointer_methods(self, first: int, count: int, entsize: int) -> Iterator[tuple[str, int]]:
        p = self.image.ptr
        if entsize < 3 * p:
            entsize = 3 * p
        for i in range(count):
            entry = first + i * entsize
            selector = self.image.cstring_ptr(entry)
            imp = self.image.pointer(entry + 2 * p)
            if selector is not None and imp:
                yield selector, imp & ~1  # thumb bit on armv7

    def _read_selrefs(self) -> None:
        for slot, target in self._pointers("__objc_selrefs"):
            if target is not None:
                sel = self.image.cstring(target)
                if sel is not None:
                    self.selrefs[slot] = sel

    def _read_classrefs(self) -> None:
        # Superclass references (`[super …]`) name the calling class; llvm-objdump counts them
        # as class references too.
        refs = [*self._pointers("__objc_classrefs"), *self._pointers("__objc_superrefs")]
        for slot, target in refs:
            bound = self.image.binds.get(slot)
            if bound is not None:
                if bound.startswith(_OBJC_CLASS):
                    self.classrefs[slot] = bound[len(_OBJC_CLASS) :]
            elif target:
                name = self.class_name(target)
                if name is not None:
                    self.classrefs[slot] = name

    def _read_cfstrings(self) -> None:
        p = self.image.ptr
        size = 4 * p
        ustring = self.image.sections_named("__ustring")
        for s in self.image.sections_named("__cfstring"):
            for entry in range(s.addr, s.end - size + 1, size):
                if len(self.cfstrings) >= self.limits.max_strings:
                    return
                target = self.image.pointer(entry + 2 * p)
                raw_len = self.image.read(entry + 3 * p, p)
                if target is None or raw_len is None:
                    continue
                length = int.from_bytes(raw_len, "little")
                if any(u.addr <= target < u.end for u in ustring):
                    text = self.image.utf16(target, length)
                else:
                    text = self.image.cstring(target)
                if text is not None:
                    self.cfstrings[entry] = text


# ------------------------------------------------------------------------- arm64 references

# Top bytes (bits 31-24) of the instructions worth a look: ADRP, ADR, LDR (literal, 64-bit),
# BL and B. One byte per instruction, so a regex over them finds candidates at C speed.
_CANDIDATES = re.compile(rb"[\x10\x30\x50\x70\x90\xb0\xd0\xf0\x58\x94-\x97\x14-\x17]")
_NOP = 0xD503201F
# Pointer slots whose address unoptimised code computes before loading them.
_SLOTS = frozenset(
    {
        "__objc_selrefs",
        "__objc_classrefs",
        "__objc_superrefs",
        "__got",
        "__auth_got",
        "__nl_symbol_ptr",
        "__la_symbol_ptr",
    }
)
_ADDRESSED = frozenset({"__cstring", "__text", "__const", "__ustring", *_SLOTS})
_WINDOW = 32  # instructions after an ADRP searched for the LDR/ADD that uses its register


def _sext(value: int, bits: int) -> int:
    return value - (1 << bits) if value >> (bits - 1) & 1 else value


def _adr_imm(w: int) -> int:
    return _sext(((w >> 5) & 0x7FFFF) << 2 | (w >> 29) & 3, 21)


def _writes(w: int, reg: int) -> bool:
    """Whether an instruction may overwrite `reg` (approximate: destination field, not stores
    or branches), which ends the search for users of an ADRP's page."""
    if (w & 31) != reg:
        return False
    if (w & 0x0A000000) == 0x08000000:  # loads and stores: bit 22 set for loads
        return bool(w & 0x00400000)
    return (w & 0x1C000000) != 0x14000000  # branches write no register


@dataclass(slots=True)
class _Refs:
    selectors: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)
    imports: set[str] = field(default_factory=set)
    code_refs: set[int] = field(default_factory=set)


class _CodeScan:
    """Functions of __text and what each refers to."""

    def __init__(
        self,
        image: _Image,
        objc: _ObjC,
        symbols: _Symbols,
        binary: lief.MachO.Binary,
        limits: MachOLimits,
        notes: list[str],
    ) -> None:
        self.image = image
        self.objc = objc
        self.symbols = symbols
        self.binary = binary
        self.limits = limits
        self.notes = notes
        self.text = image.section("__text", "__TEXT")
        self.stubs: dict[int, str] = {}
        self.objc_stubs: dict[int, str] = {}
        self.global_blocks: dict[int, int] = {}
        self.refs: dict[int, _Refs] = {}
        self.calls: dict[int, set[int]] = {}

    def run(self) -> tuple[dict[int, FunctionRefs], dict[int, str]]:
        text = self.text
        if text is None:
            return {}, {}
        self._read_stubs()
        starts, names = self._starts(text)
        code = self.image.section_bytes(text)
        if code is None:
            if self.image.encrypted is None:
                self.notes.append("__text unreadable; function references not read")
            return self._functions(starts, names, text), self.stubs
        if len(code) > self.limits.max_code_bytes:
            self.notes.append(
                f"__text is {len(code)} bytes; references read from the first "
                f"{self.limits.max_code_bytes} only"
            )
            code = code[: self.limits.max_code_bytes]
        self._scan(code, text.addr, starts)
        return self._functions(starts, names, text), self.stubs

    # -- function boundaries and names

    def _starts(self, text: _Section) -> tuple[list[int], dict[int, str]]:
        names: dict[int, str] = {}
        for (cls, sel, is_class), imp in self.objc.methods.items():
            names.setdefault(imp, f"{'+' if is_class else '-'}[{cls} {sel}]")
        for addr, name in self.symbols.defined.items():
            if text.addr <= addr < text.end:
                names.setdefault(addr, name)
        starts = set(names)
        function_starts = self.binary.function_starts if self.binary.has_function_starts else None
        if function_starts is not None:
            base = self.image.base
            starts.update(base + int(f) for f in function_starts.functions)
        inside = sorted(a for a in starts if text.addr <= a < text.end and not a & 3)
        if not inside or inside[0] != text.addr:
            inside.insert(0, text.addr)
        if len(inside) > self.limits.max_functions:
            self.notes.append(f"more than {self.limits.max_functions} functions; rest merged")
            inside = inside[: self.limits.max_functions]
        return inside, names

    def _functions(
        self, starts: list[int], names: dict[int, str], text: _Section
    ) -> dict[int, FunctionRefs]:
        out: dict[int, FunctionRefs] = {}
        ends = [*starts[1:], text.end]
        for start, end in zip(starts, ends, strict=True):
            calls = self.calls.get(start)
            if calls:
                self._resolve_calls(start, calls)
            r = self.refs.get(start)
            if r is None:
                out[start] = FunctionRefs(address=start, end=end, name=names.get(start))
                continue
            out[start] = FunctionRefs(
                address=start,
                end=end,
                name=names.get(start),
                selectors=frozenset(r.selectors) or _NO,
                classes=frozenset(r.classes) or _NO,
                strings=frozenset(r.strings) or _NO,
                calls=frozenset(calls) if calls else _NO,
                imports=frozenset(r.imports) or _NO,
                code_refs=frozenset(r.code_refs) or _NO,
            )
        return out

    # -- stubs: the imported function each __stubs entry jumps to, the selector of objc stubs

    def _read_stubs(self) -> None:
        for s in self.image.sections_named("__stubs", "__auth_stubs"):
            size = s.stub_size or 12
            for addr in range(s.addr, s.end - size + 1, size):
                slot = self._stub_slot(addr, size)
                name = self.image.binds.get(slot) if slot is not None else None
                if name:
                    self.stubs[addr] = name
        for s in self.image.sections_named("__objc_stubs"):
            raw = self.image.section_bytes(s)
            if raw is None:
                continue
            for i in range(0, len(raw) - 7, 4):
                w = int.from_bytes(raw[i : i + 4], "little")
                if (w & 0x9F00001F) != 0x90000001:  # adrp x1: each stub starts loading _cmd
                    continue
                pc = s.addr + i
                page = (pc & ~0xFFF) + (_adr_imm(w) << 12)
                w2 = int.from_bytes(raw[i + 4 : i + 8], "little")
                if (w2 & 0xFFC003FF) == 0xF9400021:  # ldr x1, [x1, #imm]
                    sel = self.objc.selrefs.get(page + ((w2 >> 10) & 0xFFF) * 8)
                    if sel is not None:
                        self.objc_stubs[pc] = sel

    def _stub_slot(self, addr: int, size: int) -> int | None:
        """The pointer slot a stub jumps through: `adrp x16; ldr x16, [x16, #off]`, the
        linker's relaxed `nop; ldr x16, literal`, or arm64e's `adrp x17; add x17, x17, #off`."""
        raw = self.image.read(addr, size)
        if raw is None or len(raw) < 8:
            return None
        words: tuple[int, ...] = struct.unpack_from(f"<{len(raw) // 4}I", raw)
        i = 0
        while i < len(words) and words[i] == _NOP:
            i += 1
        if i >= len(words):
            return None
        w, pc = words[i], addr + 4 * i
        if (w & 0xFF000000) == 0x58000000:  # LDR literal
            return pc + _sext(w >> 5 & 0x7FFFF, 19) * 4
        if (w & 0x9F000000) == 0x10000000:  # ADR
            return pc + _adr_imm(w)
        if (w & 0x9F000000) != 0x90000000 or i + 1 >= len(words):
            return None
        page = (pc & ~0xFFF) + (_adr_imm(w) << 12)
        w2 = words[i + 1]
        if (w2 & 0xFFC00000) == 0xF9400000:
            return page + ((w2 >> 10) & 0xFFF) * 8
        if (w2 & 0x7F800000) == 0x11000000:
            return page + ((w2 >> 10) & 0xFFF)
        return None

    # -- the scan

    def _scan(self, code: bytes, base: int, starts: list[int]) -> None:
        """One pass over the candidate instructions. This loop runs once per BL, B, ADRP, ADR
        and LDR literal of the app (millions in a large one): it is kept flat on purpose,
        with calls gathered per function and resolved to imports and selectors afterwards."""
        words = array("I")
        words.frombytes(code[: len(code) // 4 * 4])
        if sys.byteorder == "big":
            words.byteswap()
        top = code[3 : len(words) * 4 : 4]
        nfun, text_end = len(starts), base + 4 * len(words)
        fstart, fend = starts[0], starts[1] if nfun > 1 else text_end
        calls = self.calls
        fcalls = calls.setdefault(fstart, set())
        for m in _CANDIDATES.finditer(top):
            i = m.start()
            pc = base + 4 * i
            if pc >= fend:
                k = bisect_right(starts, pc) - 1
                fstart = starts[k]
                fend = starts[k + 1] if k + 1 < nfun else text_end
                fcalls = calls.get(fstart) or calls.setdefault(fstart, set())
            w = words[i]
            op = w >> 24
            if op & 0x7C == 0x14:  # BL (0x94-0x97) or B (0x14-0x17)
                off = w & 0x3FFFFFF
                target = pc + 4 * (off - 0x4000000 if off & 0x2000000 else off)
                if op & 0x80 or not fstart <= target < fend:  # B inside the function: a jump
                    fcalls.add(target)
            elif op & 0x9F == 0x90:  # ADRP
                self._adrp(words, i, w, pc, fstart, min((fend - base) // 4, i + 1 + _WINDOW))
            elif op & 0x9F == 0x10:  # ADR
                self._address(fstart, pc + _adr_imm(w))
            else:  # 0x58: LDR Xt, literal
                self._load(fstart, pc + _sext(w >> 5 & 0x7FFFF, 19) * 4)

    def _adrp(self, words: array[int], i: int, w: int, pc: int, fstart: int, stop: int) -> None:
        reg = w & 31
        page = (pc & ~0xFFF) + (_adr_imm(w) << 12)
        for j in range(i + 1, stop):
            w2 = words[j]
            if (w2 & 0xFFC00000) == 0xF9400000 and (w2 >> 5) & 31 == reg:  # LDR Xt, [Xn, #imm]
                self._load(fstart, page + ((w2 >> 10) & 0xFFF) * 8)
                if (w2 & 31) == reg:
                    return
                continue
            if (w2 & 0x7F800000) == 0x11000000 and (w2 >> 5) & 31 == reg:  # ADD Xd, Xn, #imm
                imm = (w2 >> 10) & 0xFFF
                self._address(fstart, page + (imm << 12 if w2 & 0x400000 else imm))
                if (w2 & 31) == reg:
                    return
                continue
            if (w2 & 0xFC000000) == 0x94000000 or (w2 & 0xFFFFFC1F) == 0xD63F0000:
                if not 19 <= reg <= 28:  # a call clobbers all but the callee-saved registers
                    return
                continue
            if (w2 & 0xFC000000) == 0x14000000 or (w2 & 0xFFFFFC1F) == 0xD65F0000:
                return  # B or RET: the straight line ends
            if _writes(w2, reg):
                return

    def _refs(self, fstart: int) -> _Refs:
        r = self.refs.get(fstart)
        if r is None:
            r = self.refs[fstart] = _Refs()
        return r

    def _load(self, fstart: int, slot: int) -> None:
        objc = self.objc
        sel = objc.selrefs.get(slot)
        if sel is not None:
            self._refs(fstart).selectors.add(sel)
            return
        cls = objc.classrefs.get(slot)
        if cls is not None:
            self._refs(fstart).classes.add(cls)
            return
        bound = self.image.binds.get(slot)
        if bound is not None:
            if bound.startswith(_OBJC_CLASS):
                self._refs(fstart).classes.add(bound[len(_OBJC_CLASS) :])
            else:
                self._refs(fstart).imports.add(bound)

    def _address(self, fstart: int, addr: int) -> None:
        text = self.objc.cfstrings.get(addr)
        if text is not None:
            self._refs(fstart).strings.add(text)
            return
        image = self.image
        section = image.section_at(addr)
        if section is None or section.name not in _ADDRESSED:
            return
        if section.name in _SLOTS:
            # Unoptimised code takes a slot's address (`add x9, x9, #off`) and loads it later.
            self._load(fstart, addr)
        elif section.name == "__cstring":
            s = image.cstring(addr)
            if s:
                self._refs(fstart).strings.add(s)
        elif section.name == "__text":
            self._refs(fstart).code_refs.add(addr)
        elif section.name == "__ustring":
            raw = image.read(addr, min(section.end - addr, image.limits.max_string_chars * 2))
            if raw:
                s = raw[: len(raw) // 2 * 2].decode("utf-16-le", errors="replace").split("\0")[0]
                if s:
                    self._refs(fstart).strings.add(s)
        else:
            invoke = self._global_block(addr)
            if invoke is not None:
                self._refs(fstart).code_refs.add(invoke)

    def _global_block(self, addr: int) -> int | None:
        """A block literal without captures lives in a __const section: isa bound to
        _NSConcreteGlobalBlock, its invoke function at +16."""
        if addr in self.global_blocks:
            known = self.global_blocks[addr]
            return known or None
        invoke = None
        if self.image.binds.get(addr) == "__NSConcreteGlobalBlock":
            invoke = self.image.pointer(addr + 16)
        self.global_blocks[addr] = invoke or 0
        return invoke

    def _resolve_calls(self, fstart: int, calls: set[int]) -> None:
        """Calls into __stubs name an imported function; into __objc_stubs, a selector."""
        for target in calls:
            name = self.stubs.get(target)
            if name is not None:
                self._refs(fstart).imports.add(name)
                continue
            sel = self.objc_stubs.get(target)
            if sel is not None:
                self._refs(fstart).selectors.add(sel)
