"""Mach-O facts from a synthetic arm64 executable built here byte by byte.

`build_macho` lays out what a clang/ld64 build of a small ObjC app holds: segments and sections,
binds (dyld bind opcodes) for the GOT, a class reference and the CFString isa, an Objective-C
class with a pointer method list and a metaclass with a relative one, C, UTF-16 and CF strings,
stubs, LC_FUNCTION_STARTS and the instructions whose references are decoded: ADRP+LDR,
ADRP+ADD, ADR, LDR literal, BL, a tail-call B. Every expected value is written by hand below.
"""

from __future__ import annotations

import contextlib
import random
import struct
from dataclasses import dataclass, field

import pytest

from scanner.errors import CorruptPackage, ScannerError
from scanner.facts.macho import (
    MachOLimits,
    arch_name,
    code_signature_range,
    decode_chained,
    is_macho,
    read_macho,
    slice_refs,
)

BASE = 0x100000000
TEXT_OFF, DATA_OFF, LINKEDIT_OFF = 0x0, 0x4000, 0x8000
# Section placement (file offset == vmaddr - BASE).
TEXT, STUBS, METHNAME, CLASSNAME, CSTRING, USTRING, TYPEREF = (
    0x1000,
    0x1800,
    0x2000,
    0x2100,
    0x2200,
    0x2300,
    0x2400,
)
GOT, CLASSLIST, SELREFS, CLASSREFS, CFSTRING, CONST, OBJC_DATA = (
    0x4000,
    0x4100,
    0x4200,
    0x4280,
    0x4300,
    0x4500,
    0x4600,
)
FUNC1, FUNC2, FUNC3 = BASE + TEXT, BASE + TEXT + 0x40, BASE + TEXT + 0x80
STUB0, STUB1 = BASE + STUBS, BASE + STUBS + 12
SELECTORS = ["viewDidLoad", "startUpdatingLocation", "alloc"]
CSTRINGS = ["checkin/upload", "打卡"]
USTRING_TEXT = "考勤打卡"


# ------------------------------------------------------------------------------- encoders


def adrp(rd: int, pc: int, target: int) -> int:
    imm = ((target & ~0xFFF) - (pc & ~0xFFF)) >> 12
    imm &= 0x1FFFFF
    return 0x90000000 | (imm & 3) << 29 | (imm >> 2) << 5 | rd


def adr(rd: int, pc: int, target: int) -> int:
    imm = (target - pc) & 0x1FFFFF
    return 0x10000000 | (imm & 3) << 29 | (imm >> 2) << 5 | rd


def ldr_imm(rt: int, rn: int, offset: int) -> int:
    return 0xF9400000 | (offset // 8) << 10 | rn << 5 | rt


def ldr_literal(rt: int, pc: int, target: int) -> int:
    return 0x58000000 | (((target - pc) // 4) & 0x7FFFF) << 5 | rt


def add_imm(rd: int, rn: int, imm: int) -> int:
    return 0x91000000 | imm << 10 | rn << 5 | rd


def bl(pc: int, target: int) -> int:
    return 0x94000000 | (((target - pc) // 4) & 0x3FFFFFF)


def b(pc: int, target: int) -> int:
    return 0x14000000 | (((target - pc) // 4) & 0x3FFFFFF)


NOP, RET, BR_X16 = 0xD503201F, 0xD65F03C0, 0xD61F0200


def uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def name16(text: str) -> bytes:
    return text.encode().ljust(16, b"\0")


# -------------------------------------------------------------------------------- builder


@dataclass
class Options:
    cryptid: int = 0
    stripped: bool = True
    pie: bool = True
    canary: bool = True
    code_signature: bytes | None = None
    relative_methods: bool = True
    extra_commands: list[bytes] = field(default_factory=list)


def _code() -> bytes:
    sel = [BASE + SELREFS + 8 * i for i in range(3)]
    words = [
        # FUNC1 = -[CheckinViewController viewDidLoad]
        adrp(8, FUNC1, sel[1]),
        ldr_imm(1, 8, sel[1] & 0xFFF),  # selector startUpdatingLocation
        adrp(9, FUNC1 + 8, BASE + CLASSREFS),
        ldr_imm(0, 9, CLASSREFS & 0xFFF),  # class CLLocationManager
        adr(2, FUNC1 + 16, BASE + CFSTRING),  # @"checkin/upload"
        bl(FUNC1 + 20, STUB0),  # objc_msgSend
        adrp(3, FUNC1 + 24, BASE + CSTRING),
        add_imm(3, 3, CSTRING & 0xFFF),  # "checkin/upload" (C string)
        RET,
    ]
    words += [NOP] * (16 - len(words))
    words += [
        # FUNC2: a C function known only from LC_FUNCTION_STARTS (and the symbol, unstripped)
        NOP,
        ldr_literal(1, FUNC2 + 4, sel[2]),  # selector alloc (linker-relaxed ADRP+LDR)
        adr(2, FUNC2 + 8, BASE + CFSTRING + 32),  # @"考勤打卡" (UTF-16)
        b(FUNC2 + 12, STUB1),  # tail call objc_release
    ]
    words += [NOP] * (32 - len(words))
    words += [
        # FUNC3 = +[CheckinViewController alloc] (relative method list)
        bl(FUNC3, FUNC2),
        adr(0, FUNC3 + 4, FUNC2),  # a code address taken (a block or callback)
        b(FUNC3 + 8, FUNC3),  # a loop: a jump inside the function, not a call
        RET,
    ]
    return struct.pack(f"<{len(words)}I", *words)


def _stubs() -> bytes:
    return struct.pack(
        "<6I",
        adrp(16, STUB0, BASE + GOT),
        ldr_imm(16, 16, GOT & 0xFFF),
        BR_X16,
        NOP,
        ldr_literal(16, STUB1 + 4, BASE + GOT + 8),
        BR_X16,
    )


def _objc_data(relative: bool) -> dict[int, bytes]:
    """class_t, metaclass, both class_ro_t, method lists, in __objc_const / __objc_data."""
    meta = BASE + OBJC_DATA + 0x28
    ro, meta_ro = BASE + CONST, BASE + CONST + 0x48
    methods, meta_methods = BASE + CONST + 0x90, BASE + CONST + 0xC0
    name = BASE + CLASSNAME
    meth = [BASE + METHNAME + sum(len(s) + 1 for s in SELECTORS[:i]) for i in range(3)]
    out = {
        OBJC_DATA: struct.pack("<5Q", meta, 0, 0, 0, ro),
        OBJC_DATA + 0x28: struct.pack("<5Q", 0, 0, 0, 0, meta_ro),
        CONST: struct.pack("<IIII6Q", 0x80, 8, 8, 0, 0, name, methods, 0, 0, 0)
        + struct.pack("<Q", 0),
        CONST + 0x48: struct.pack("<IIII6Q", 0x81, 40, 40, 0, 0, name, meta_methods, 0, 0, 0)
        + struct.pack("<Q", 0),
        # pointer list: entsize 24, one method: viewDidLoad → FUNC1
        CONST + 0x90: struct.pack("<II3Q", 24, 1, meth[0], meth[0], FUNC1),
    }
    if relative:
        # relative list: name → selref of "alloc", imp → FUNC3 (offsets from each field)
        entry = meta_methods + 8
        out[CONST + 0xC0] = struct.pack(
            "<IIiii",
            0x8000000C,
            1,
            (BASE + SELREFS + 16) - entry,
            0,
            FUNC3 - (entry + 8),
        )
    else:
        out[CONST + 0xC0] = struct.pack("<II3Q", 24, 1, meth[2], meth[2], FUNC3)
    return out


def _binds() -> bytes:
    """dyld bind opcodes: (segment index, offset in segment, dylib ordinal, symbol)."""
    binds = [
        (2, GOT - DATA_OFF, 1, "_objc_msgSend"),
        (2, GOT + 8 - DATA_OFF, 1, "_objc_release"),
        (2, CLASSREFS - DATA_OFF, 2, "_OBJC_CLASS_$_CLLocationManager"),
        (2, CFSTRING - DATA_OFF, 1, "___CFConstantStringClassReference"),
        (2, CFSTRING + 32 - DATA_OFF, 1, "___CFConstantStringClassReference"),
    ]
    out = bytearray()
    for seg, offset, ordinal, symbol in binds:
        out += bytes([0x10 | ordinal, 0x40]) + symbol.encode() + b"\0"
        out += bytes([0x51, 0x70 | seg]) + uleb(offset) + bytes([0x90])
    out += b"\0"
    return bytes(out)


def _symbols(options: Options) -> tuple[bytes, bytes, int]:
    undefined = [
        "_objc_msgSend",
        "_objc_release",
        "_OBJC_CLASS_$_CLLocationManager",
        "___CFConstantStringClassReference",
    ]
    if options.canary:
        undefined.append("___stack_chk_guard")
    strtab = bytearray(b"\0")
    entries = []

    def add(name: str, n_type: int, n_sect: int, value: int) -> None:
        entries.append(struct.pack("<IBBHQ", len(strtab), n_type, n_sect, 0, value))
        strtab.extend(name.encode() + b"\0")

    if not options.stripped:
        add("_helper", 0x0E, 1, FUNC2)  # local, in __text
    add("_OBJC_CLASS_$_CheckinViewController", 0x0F, 1, BASE + OBJC_DATA)
    add("_$s7Checkin4MainVMn", 0x0F, 1, FUNC3)
    for name in undefined:
        add(name, 0x01, 0, 0)
    return b"".join(entries), bytes(strtab), len(entries)


def _segment(
    name: str,
    vmaddr: int,
    vmsize: int,
    fileoff: int,
    filesize: int,
    prot: int,
    sections: list[tuple[str, int, int, int, int]],
) -> bytes:
    head = struct.pack(
        "<II16sQQQQiiII",
        0x19,
        72 + 80 * len(sections),
        name16(name),
        vmaddr,
        vmsize,
        fileoff,
        filesize,
        prot,
        prot,
        len(sections),
        0,
    )
    body = b"".join(
        struct.pack(
            "<16s16sQQIIIIIIII",
            name16(sect),
            name16(name),
            BASE + off,
            size,
            off,
            2,
            0,
            0,
            flags,
            0,
            reserved2,
            0,
        )
        for sect, off, size, flags, reserved2 in sections
    )
    return head + body


def _dylib(cmd: int, name: str) -> bytes:
    raw = name.encode() + b"\0"
    size = (24 + len(raw) + 7) // 8 * 8
    return struct.pack("<IIIIII", cmd, size, 24, 2, 0x10000, 0x10000) + raw.ljust(size - 24, b"\0")


def build_macho(options: Options | None = None) -> bytes:
    o = options or Options()
    data = bytearray(0xC000)

    def put(off: int, raw: bytes) -> None:
        data[off : off + len(raw)] = raw

    code = _code()
    put(TEXT, code)
    put(STUBS, _stubs())
    methname = b"".join(s.encode() + b"\0" for s in SELECTORS)
    put(METHNAME, methname)
    put(CLASSNAME, b"CheckinViewController\0")
    cstrings = b"".join(s.encode() + b"\0" for s in CSTRINGS)
    put(CSTRING, cstrings)
    ustring = USTRING_TEXT.encode("utf-16-le") + b"\0\0"
    put(USTRING, ustring)
    typeref = b"So17CLLocationManagerC\0" + b"\x01\x10\x20\x00\x00" + b"Sg\0"
    put(TYPEREF, typeref)
    put(CLASSLIST, struct.pack("<Q", BASE + OBJC_DATA))
    meth = [BASE + METHNAME + sum(len(s) + 1 for s in SELECTORS[:i]) for i in range(3)]
    put(SELREFS, struct.pack("<3Q", *meth))
    put(CFSTRING, struct.pack("<QIIQQ", 0, 0x7C8, 0, BASE + CSTRING, len(CSTRINGS[0])))
    put(CFSTRING + 32, struct.pack("<QIIQQ", 0, 0x7D0, 0, BASE + USTRING, len(USTRING_TEXT)))
    for off, raw in _objc_data(o.relative_methods).items():
        put(off, raw)
    binds = _binds()
    starts = uleb(TEXT) + uleb(0x40) + uleb(0x40) + b"\0"
    symtab, strtab, nsyms = _symbols(o)
    links = {
        "binds": LINKEDIT_OFF,
        "starts": LINKEDIT_OFF + 0x400,
        "symtab": LINKEDIT_OFF + 0x500,
        "strtab": LINKEDIT_OFF + 0x900,
    }
    put(links["binds"], binds)
    put(links["starts"], starts)
    put(links["symtab"], symtab)
    put(links["strtab"], strtab)
    sig_off = LINKEDIT_OFF + 0x1000
    if o.code_signature is not None:
        put(sig_off, o.code_signature)
    text_sections = [
        ("__text", TEXT, len(code), 0x80000400, 0),
        ("__stubs", STUBS, 24, 0x80000408, 12),
        ("__objc_methname", METHNAME, len(methname), 0x2, 0),
        ("__objc_classname", CLASSNAME, 22, 0x2, 0),
        ("__cstring", CSTRING, len(cstrings), 0x2, 0),
        ("__ustring", USTRING, len(ustring), 0, 0),
        ("__swift5_typeref", TYPEREF, len(typeref), 0, 0),
    ]
    data_sections = [
        ("__got", GOT, 16, 0x6, 0),
        ("__objc_classlist", CLASSLIST, 8, 0x10000000, 0),
        ("__objc_selrefs", SELREFS, 24, 0x10000005, 0),
        ("__objc_classrefs", CLASSREFS, 8, 0x10000000, 0),
        ("__cfstring", CFSTRING, 64, 0, 0),
        ("__objc_const", CONST, 0x100, 0, 0),
        ("__objc_data", OBJC_DATA, 0x50, 0, 0),
    ]
    commands = [
        _segment("__PAGEZERO", 0, BASE, 0, 0, 0, []),
        _segment("__TEXT", BASE, 0x4000, 0, 0x4000, 5, text_sections),
        _segment("__DATA", BASE + 0x4000, 0x4000, 0x4000, 0x4000, 3, data_sections),
        _segment("__LINKEDIT", BASE + 0x8000, 0x4000, 0x8000, 0x4000, 1, []),
        struct.pack("<12I", 0x80000022, 48, 0, 0, links["binds"], len(binds), 0, 0, 0, 0, 0, 0),
        struct.pack("<6I", 0x2, 24, links["symtab"], nsyms, links["strtab"], len(strtab)),
        struct.pack("<II16s", 0x1B, 24, bytes(range(16))),
        struct.pack("<8I", 0x32, 32, 2, 0x000C0000, 0x00100000, 1, 3, 0x03000000),
        struct.pack("<IIIIII", 0x2C, 24, 0x1000, 0x3000, o.cryptid, 0),
        _dylib(0xC, "/usr/lib/libobjc.A.dylib"),
        _dylib(0x80000018, "/System/Library/Frameworks/CoreLocation.framework/CoreLocation"),
        struct.pack("<III", 0x8000001C, 40, 12) + b"@executable_path/Frameworks".ljust(28, b"\0"),
        struct.pack("<IIII", 0x26, 16, links["starts"], len(starts)),
        *o.extra_commands,
    ]
    if o.code_signature is not None:
        commands.append(struct.pack("<IIII", 0x1D, 16, sig_off, len(o.code_signature)))
    blob = b"".join(commands)
    flags = 0x85 | (0x200000 if o.pie else 0)
    header = struct.pack(
        "<IiIIIIII", 0xFEEDFACF, 0x0100000C, 0, 2, len(commands), len(blob), flags, 0
    )
    assert len(header) + len(blob) < TEXT
    put(0, header + blob)
    return bytes(data)


def fat(*slices: tuple[int, int, bytes]) -> bytes:
    """A fat file of (cputype, cpusubtype, bytes) slices aligned at 16 KiB."""
    header = struct.pack(">II", 0xCAFEBABE, len(slices))
    offset = 0x4000
    entries, body = b"", b""
    for cputype, sub, raw in slices:
        entries += struct.pack(">IIIII", cputype, sub, offset, len(raw), 14)
        body += raw + b"\0" * (-len(raw) % 0x4000)
        offset += len(raw) + (-len(raw) % 0x4000)
    head = header + entries
    return head + b"\0" * (0x4000 - len(head)) + body


# ---------------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def slice_():  # type: ignore[no-untyped-def]
    return read_macho("App!bin", build_macho()).slices[0]


def test_header_flags_and_load_commands(slice_) -> None:  # type: ignore[no-untyped-def]
    assert (slice_.arch, slice_.filetype, slice_.offset) == ("arm64", "MH_EXECUTE", 0)
    assert slice_.pie and not slice_.allow_stack_execution and not slice_.no_heap_execution
    assert slice_.canary and slice_.arc  # ___stack_chk_guard, _objc_release imported
    assert (slice_.platform, slice_.min_os, slice_.sdk) == ("ios", "12.0", "16.0")
    assert slice_.uuid == "00010203-0405-0607-0809-0A0B0C0D0E0F"
    assert slice_.encryption is not None and not slice_.encrypted
    assert (slice_.encryption.cryptoff, slice_.encryption.cryptsize) == (0x1000, 0x3000)
    assert slice_.rpaths == ("@executable_path/Frameworks",)
    assert [(lib.name.rsplit("/", 1)[-1], lib.kind, lib.weak) for lib in slice_.libraries] == [
        ("libobjc.A.dylib", "load", False),
        ("CoreLocation", "weak", True),
    ]
    assert slice_.stripped
    assert slice_.code_signature is None


def test_symbols_classes_and_strings(slice_) -> None:  # type: ignore[no-untyped-def]
    assert "_OBJC_CLASS_$_CLLocationManager" in slice_.imported_symbols
    assert slice_.imported_classes == ("CLLocationManager",)
    assert slice_.defined_classes == ("CheckinViewController",)
    assert slice_.selectors == tuple(SELECTORS)
    assert slice_.cstrings == tuple(CSTRINGS)
    assert slice_.ustrings == (USTRING_TEXT,)
    assert slice_.cfstrings == ("checkin/upload", USTRING_TEXT)
    assert slice_.swift_symbols == ("_$s7Checkin4MainVMn",)
    assert slice_.swift_typerefs == ("So17CLLocationManagerC", "Sg")


def test_methods_from_pointer_and_relative_lists(slice_) -> None:  # type: ignore[no-untyped-def]
    assert slice_.methods == {
        ("CheckinViewController", "viewDidLoad", False): FUNC1,
        ("CheckinViewController", "alloc", True): FUNC3,
    }
    pointer_only = read_macho("bin", build_macho(Options(relative_methods=False))).slices[0]
    assert pointer_only.methods == slice_.methods


def test_stubs_resolve_to_imports(slice_) -> None:  # type: ignore[no-untyped-def]
    assert slice_.stubs == {STUB0: "_objc_msgSend", STUB1: "_objc_release"}


def test_function_references(slice_) -> None:  # type: ignore[no-untyped-def]
    functions = slice_.functions
    assert sorted(functions) == [FUNC1, FUNC2, FUNC3]
    f1 = functions[FUNC1]
    assert f1.name == "-[CheckinViewController viewDidLoad]"
    assert f1.end == FUNC2
    assert f1.selectors == {"startUpdatingLocation"}
    assert f1.classes == {"CLLocationManager"}
    assert f1.strings == {"checkin/upload"}
    assert f1.calls == {STUB0}
    assert f1.imports == {"_objc_msgSend"}
    f2 = functions[FUNC2]
    assert f2.name is None  # stripped: known only from LC_FUNCTION_STARTS
    assert f2.selectors == {"alloc"}
    assert f2.strings == {USTRING_TEXT}
    assert f2.calls == {STUB1}  # a B out of the function is a tail call
    assert f2.imports == {"_objc_release"}
    f3 = functions[FUNC3]
    assert f3.name == "+[CheckinViewController alloc]"
    assert f3.calls == {FUNC2}  # the B back to its own start is a loop, not a call
    assert f3.code_refs == {FUNC2}


def test_unstripped_symbols_name_functions() -> None:
    s = read_macho("bin", build_macho(Options(stripped=False))).slices[0]
    assert not s.stripped
    assert s.functions[FUNC2].name == "_helper"


def test_no_pie_no_canary() -> None:
    s = read_macho("bin", build_macho(Options(pie=False, canary=False))).slices[0]
    assert not s.pie and not s.canary


def test_encrypted_slice_reads_nothing_from_the_encrypted_range() -> None:
    s = read_macho("bin", build_macho(Options(cryptid=1))).slices[0]
    assert s.encrypted
    assert any("encrypted" in n for n in s.notes)
    assert s.selectors == () and s.cstrings == () and s.ustrings == ()
    assert s.methods == {}
    # The symbol table lies outside the encrypted range: it still names the class.
    assert s.defined_classes == ("CheckinViewController",)
    assert all(not f.selectors and not f.strings and not f.calls for f in s.functions.values())


def test_fat_file_has_one_slice_per_architecture() -> None:
    thin = build_macho()
    data = fat((0x0100000C, 0, thin), (0x0100000C, 2, thin))
    m = read_macho("bin", data)
    assert m.fat
    assert [(s.arch, s.offset, s.size) for s in m.slices] == [
        ("arm64", 0x4000, len(thin)),
        ("arm64e", 0x4000 + len(thin), len(thin)),
    ]
    assert m.slices[0].location == "bin (arm64)"
    assert m.slices[1].methods == m.slices[0].methods
    assert is_macho(data) and is_macho(thin) and not is_macho(b"\xca\xfe\xba\xbe\0\0\0\x41")


def test_arch_names() -> None:
    assert arch_name(12, 9) == "armv7"
    assert arch_name(12, 11) == "armv7s"
    assert arch_name(0x0100000C, 0x80000002) == "arm64e"  # capability bits ignored
    assert arch_name(0x0200000C, 1) == "arm64_32"
    assert arch_name(0x01000007, 3) == "x86_64"


def test_chained_fixup_pointers() -> None:
    base = BASE
    # DYLD_CHAINED_PTR_64_OFFSET rebase: target is an offset from the image base
    assert decode_chained(0x0010_0000_0000_4200 & 0x000F_FFFF_FFFF_FFFF, 6, base) == base + 0x4200
    # DYLD_CHAINED_PTR_64 rebase: target is an address, high8 in bits 36-43
    assert decode_chained(base + 0x4200, 2, base) == base + 0x4200
    assert decode_chained(1 << 63 | 5, 2, base) is None  # bind
    assert decode_chained(1 << 62 | 5, 9, base) is None  # arm64e bind
    assert decode_chained(1 << 63 | 0x4200, 9, base) == base + 0x4200  # arm64e auth rebase
    assert decode_chained(0x4200, 9, base) == base + 0x4200  # arm64e userland rebase


def test_limits_cut_strings() -> None:
    s = read_macho("bin", build_macho(), MachOLimits(max_strings=1, max_string_chars=5)).slices[0]
    assert s.cstrings == ("check",)
    assert len(s.selectors) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "too short"),
        (b"\x7fELF" + b"\0" * 60, "not a Mach-O"),
        (
            b"\xca\xfe\xba\xbe\0\0\0\x01"
            + struct.pack(">5I", 12, 9, 0x100000, 0x1000, 14)
            + b"\0" * 40,
            "outside",
        ),
        (b"\xca\xfe\xba\xbe\0\0\0\x02" + b"\0" * 24, "runs past"),
    ],
)
def test_hostile_headers_are_corrupt_package(data: bytes, message: str) -> None:
    with pytest.raises(CorruptPackage, match=message):
        read_macho("bin", data)


def test_truncated_load_commands() -> None:
    data = bytearray(build_macho())
    struct.pack_into("<I", data, 20, 0x100000)  # sizeofcmds past the end
    with pytest.raises(CorruptPackage, match="load commands run past"):
        read_macho("bin", bytes(data)[:0x2000])
    data = bytearray(build_macho())
    struct.pack_into("<I", data, 32 + 4, 0)  # first command's size 0
    with pytest.raises(CorruptPackage, match="bad size"):
        code_signature_range(bytes(data), "bin")


def test_mutated_binaries_never_leak_exceptions() -> None:
    """Bytes flipped in the header, load commands and ObjC data: a result or a ScannerError."""
    good = build_macho()
    rng = random.Random(7)
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            pos = rng.choice([rng.randrange(0, 0x600), rng.randrange(0x4000, 0x4700)])
            data[pos] = rng.randrange(256)
        with contextlib.suppress(ScannerError):
            read_macho("bin", bytes(data))


def test_slice_refs_of_thin_file() -> None:
    thin = build_macho()
    assert [(r.arch, r.offset, r.size) for r in slice_refs(thin, "bin")] == [
        ("arm64", 0, len(thin))
    ]
