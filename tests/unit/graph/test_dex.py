"""The graph dex reader, against androguard's disassembler and against hostile input.

androguard (pinned in pyproject) is the independent reference: on the same dex file both must
find the same classes, hierarchy, members and, for every method with code, the same multiset of
invoked methods, const-strings, field accesses and instantiated types.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import struct
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from scanner.errors import CorruptPackage
from scanner.graph.dex import CallSite, CodeFacts, DexFile, MethodRef, _mutf8
from tests.conftest import SAMPLES, shared

# --- A tiny dex written by hand -----------------------------------------------------------------
#
# Real samples never use invoke-custom or call sites, and rarely switch payloads next to the
# instructions we decode, so this builder lays out a minimal but well-formed dex with one class
# whose `run` method holds whatever code units a test gives it.

_STRINGS = ["LFoo;", "Ljava/lang/Object;", "V", "run", "hello"]  # 0-4
_STRINGS += ["boot", "impl", "x", "I", "Foo.java"]  # 5-9
_TYPES = [0, 1, 2, 8]  # LFoo;  Ljava/lang/Object;  V  I
_METHODS = [(0, 0, 3), (0, 0, 5), (0, 0, 6)]  # (class, proto, name): LFoo;->run/boot/impl ()V
_IMPL_CODE = [0x0071, 1, 0, 0x000E]  # invoke-static {}, LFoo;->boot()V; return-void
_RUN, _BOOT, _IMPL = 0, 1, 2


def _uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _build_dex(run: list[int], *, run_insns_size: int | None = None) -> bytes:
    ids_end = 0x70 + 4 * len(_STRINGS) + 4 * len(_TYPES) + 12 + 8 + 8 * len(_METHODS) + 32 + 4 + 16
    data = bytearray()

    def here() -> int:
        return ids_end + len(data)

    def align() -> None:
        data.extend(b"\0" * (-here() % 4))

    string_offs = []
    for text in _STRINGS:
        string_offs.append(here())
        data += _uleb(len(text)) + text.encode() + b"\0"
    code_offs = []
    for insns, size in ((run, run_insns_size), (_IMPL_CODE, None)):
        align()
        code_offs.append(here())
        data += struct.pack("<HHHHII", 2, 0, 1, 0, 0, len(insns) if size is None else size)
        data += struct.pack(f"<{len(insns)}H", *insns)
    class_data_off = here()
    data += b"".join(_uleb(v) for v in (0, 1, 2, 1))  # static, instance fields; direct, virtual
    data += _uleb(0) + _uleb(0x2)  # private int x
    data += _uleb(_RUN) + _uleb(0x1) + _uleb(code_offs[0])  # public void run()
    data += _uleb(_BOOT - _RUN) + _uleb(0x108) + _uleb(0)  # static native void boot()
    data += _uleb(_IMPL) + _uleb(0x1) + _uleb(code_offs[1])  # public void impl() (virtual)
    call_site_off = here()
    # encoded_array: 4 values: method handle 0, string "run", method type ()V, method handle 1.
    data += bytes([4, 0x16, 0, 0x17, 3, 0x15, 0, 0x16, 1])
    align()
    map_off = here()
    call_site_ids_off = ids_end - 20
    method_handles_off = ids_end - 16
    data += struct.pack("<I", 2)
    data += struct.pack("<HHII", 0x0007, 0, 1, call_site_ids_off)
    data += struct.pack("<HHII", 0x0008, 0, 2, method_handles_off)

    ids = bytearray()
    string_ids_off = 0x70
    ids += struct.pack(f"<{len(string_offs)}I", *string_offs)
    type_ids_off = 0x70 + len(ids)
    ids += struct.pack(f"<{len(_TYPES)}I", *_TYPES)
    proto_ids_off = 0x70 + len(ids)
    ids += struct.pack("<III", 2, 2, 0)  # shorty "V", returns V, no parameters
    field_ids_off = 0x70 + len(ids)
    ids += struct.pack("<HHI", 0, 3, 7)  # LFoo;->x:I
    method_ids_off = 0x70 + len(ids)
    for method in _METHODS:
        ids += struct.pack("<HHI", *method)
    class_defs_off = 0x70 + len(ids)
    ids += struct.pack("<8I", 0, 0x1, 1, 0, 9, 0, class_data_off, 0)
    ids += struct.pack("<I", call_site_off)
    ids += struct.pack("<4H", 4, 0, _BOOT, 0) + struct.pack("<4H", 4, 0, _IMPL, 0)
    assert 0x70 + len(ids) == ids_end
    size = ids_end + len(data)
    header = struct.pack(
        "<8sI20s20I",
        b"dex\n035\0",
        0,
        b"\0" * 20,
        size,
        0x70,
        0x12345678,
        0,
        0,
        map_off,
        len(_STRINGS),
        string_ids_off,
        len(_TYPES),
        type_ids_off,
        1,
        proto_ids_off,
        1,
        field_ids_off,
        len(_METHODS),
        method_ids_off,
        1,
        class_defs_off,
        len(data),
        ids_end,
    )
    return header + bytes(ids) + bytes(data)


def _run_facts(dex: DexFile) -> CodeFacts | None:
    return next(m.code for m in dex.iter_methods() if m.name == "run")


# Every kind of instruction the reader decodes, with a payload of each kind and a const-wide
# whose literal looks like invokes in between: a reader that loses step would report them.
_ALL_KINDS = [
    *(0x001A, 4),  # const-string v0, "hello"
    *(0x001B, 4, 0),  # const-string/jumbo v0, "hello"
    *(0x001C, 0),  # const-class v0, LFoo;
    *(0x0014, 0x0001, 0x7F0B),  # const v0, #0x7f0b0001: a resource id (R.layout.x)
    *(0x0014, 0x0001, 0x0000),  # const v0, #1: a number, not kept
    *(0x0015, 0x7F02),  # const/high16 v0, #0x7f020000: a resource id
    *(0x0022, 0),  # new-instance v0, LFoo;
    *(0x1052, 0),  # iget v0, v1, LFoo;->x:I
    *(0x1059, 0),  # iput v0, v1, LFoo;->x:I
    *(0x0060, 0),  # sget v0, LFoo;->x:I
    *(0x0067, 0),  # sput v0, LFoo;->x:I
    *(0x106E, _RUN, 0),  # invoke-virtual {v0}, LFoo;->run()V
    *(0x0275, _IMPL, 0),  # invoke-super/range {v0 .. v1}, LFoo;->impl()V
    *(0x10FA, _BOOT, 0, 0),  # invoke-polymorphic {v0}, LFoo;->boot()V, ()V
    *(0x00FC, 0, 0),  # invoke-custom {}, call_site@0
    *(0x0018, 0x006E, 0x006E, 0x006E, 0x006E),  # const-wide v0, #0x006e006e006e006e
    *(0x000E,),  # return-void
    *(0x0100, 2, 0, 0, 0x006E, 0, 0x006E, 0),  # packed-switch-payload, 2 targets
    *(0x0200, 1, 0x006E, 0, 0x006E, 0),  # sparse-switch-payload, 1 key
    *(0x0300, 1, 3, 0, 0x6E6E, 0x006E),  # fill-array-data-payload, 3 bytes
]


def test_synthetic_dex_tables_and_classes() -> None:
    dex = DexFile(_build_dex(_ALL_KINDS), "synthetic.dex")
    assert dex.errors == []
    assert [dex.string(i) for i in range(dex.n_strings)] == _STRINGS
    assert dex.method_ref(_IMPL) == MethodRef("LFoo;", "impl", "()V")
    assert dex.field_ref(0) == ("LFoo;", "I", "x")
    assert dex.proto(0).descriptor == "()V"
    (cls,) = dex.classes
    assert (cls.descriptor, cls.superclass, cls.interfaces, cls.source_file) == (
        "LFoo;",
        "Ljava/lang/Object;",
        (),
        "Foo.java",
    )
    assert [f.field_idx for f in cls.instance_fields] == [0]
    assert [(m.method_idx, m.access_flags) for m in cls.direct_methods] == [(0, 0x1), (1, 0x108)]
    assert [m.method_idx for m in cls.virtual_methods] == [_IMPL]
    methods = {m.name: m for m in dex.iter_methods()}
    assert methods["boot"].code is None  # native: no code
    assert methods["impl"].code is not None
    assert methods["impl"].code.invokes == [("static", _BOOT)]


def test_every_decoded_instruction_kind_and_payloads_are_skipped() -> None:
    dex = DexFile(_build_dex(_ALL_KINDS), "synthetic.dex")
    facts = _run_facts(dex)
    assert facts == CodeFacts(
        insns_size=len(_ALL_KINDS),
        invokes=[("virtual", _RUN), ("super", _IMPL), ("polymorphic", _BOOT), ("custom", 0)],
        strings=[4, 4],
        fields_read=[0, 0],
        fields_written=[0, 0],
        types_instantiated=[0],
        classes_referenced=[0],
        resources=[0x7F0B0001, 0x7F020000],
    )
    assert dex.errors == []


def test_instruction_widths_match_androguards_formats() -> None:
    """Every opcode's width, against androguard's table of instruction formats.

    Each instruction is followed by a const-string marker. Operand units of instructions the
    reader skips are filled with the const-string opcode: a reader that took the instruction as
    too short would decode them as strings with an out-of-range index, one that took it as too
    long would swallow the marker.
    """
    from androguard.core.dex import DALVIK_OPCODES_FORMAT

    marker = [0x001A, 4, 0x000E]  # const-string v0, "hello"; return-void
    for op in range(1, 256):
        cls, (name, *_) = DALVIK_OPCODES_FORMAT[op]
        units = cls.length // 2
        dex = DexFile(_build_dex([op, *[0x001A] * (units - 1), *marker]), "w.dex")
        facts = _run_facts(dex)
        if units == 0:  # unused opcode
            assert facts is None
            assert f"unused opcode {op:#04x}" in dex.errors[0]
            continue
        decoded = name.startswith(("invoke", "const-string", "const-class", "new-instance"))
        decoded |= name[:4] in ("iget", "iput", "sget", "sput")
        if decoded:  # operands are indexes here: zero is valid for every table
            dex = DexFile(_build_dex([op, *[0] * (units - 1), *marker]), "w.dex")
            facts = _run_facts(dex)
        assert dex.errors == [], name
        assert facts is not None
        assert facts.strings[-1:] == [4], name
        assert len(facts.strings) == (2 if name.startswith("const-string") else 1), name


def test_call_site_resolves_bootstrap_and_lambda_implementation() -> None:
    dex = DexFile(_build_dex(_ALL_KINDS), "synthetic.dex")
    assert dex.call_site(0) == CallSite(
        bootstrap=MethodRef("LFoo;", "boot", "()V"),
        name="run",
        proto="()V",
        method_handles=(MethodRef("LFoo;", "impl", "()V"),),
    )
    with pytest.raises(CorruptPackage, match="call site index 1"):
        dex.call_site(1)


def test_mutf8_nul_surrogate_pairs_and_garbage() -> None:
    assert _mutf8(b"a\xc0\x80b") == "a\x00b"
    # U+1F600 as MUTF-8: each UTF-16 surrogate as its own 3-byte sequence.
    assert _mutf8(b"\xed\xa0\xbd\xed\xb8\x80!") == "\U0001f600!"
    assert _mutf8(b"lone \xed\xa0\xbd") == "lone \ufffd"
    assert _mutf8(b"bad \xff") == "bad \ufffd"
    assert _mutf8("汉字".encode()) == "汉字"


# --- Hostile input ----------------------------------------------------------------------------


def _checkin_dex() -> bytes:
    with zipfile.ZipFile(SAMPLES / "fingertip-checkin.apk") as zf:
        return zf.read("classes.dex")


@pytest.mark.parametrize("cut", [0, 0x20, 0x6F, 0x70, 200, 3000, -1])
def test_truncated_dex_is_a_clear_error(cut: int) -> None:
    data = _checkin_dex()
    with pytest.raises(CorruptPackage, match=r"not a dex file|truncated"):
        DexFile(data[:cut], "cut.dex")


@pytest.mark.parametrize(
    ("offset", "table"),
    [
        (0x3C, "string_ids"),
        (0x44, "type_ids"),
        (0x4C, "proto_ids"),
        (0x54, "field_ids"),
        (0x5C, "method_ids"),
        (0x64, "class_defs"),
    ],
)
def test_header_table_offset_past_eof_is_a_clear_error(offset: int, table: str) -> None:
    data = bytearray(_checkin_dex())
    struct.pack_into("<I", data, offset, len(data) - 4)
    with pytest.raises(CorruptPackage, match=f"{table} table .* runs past the end"):
        DexFile(bytes(data), "bad.dex")


def test_huge_table_count_is_a_clear_error() -> None:
    data = bytearray(_checkin_dex())
    struct.pack_into("<I", data, 0x60, 0xFFFFFFFF)  # class_defs_size
    with pytest.raises(CorruptPackage, match="class_defs"):
        DexFile(bytes(data), "bad.dex")


def test_not_a_dex_and_foreign_endianness() -> None:
    with pytest.raises(CorruptPackage, match="not a dex file"):
        DexFile(b"PK\3\4" + bytes(200), "x.dex")
    data = bytearray(_checkin_dex())
    struct.pack_into("<I", data, 0x28, 0x78563412)
    with pytest.raises(CorruptPackage, match="endian"):
        DexFile(bytes(data), "swapped.dex")


@pytest.mark.parametrize(
    ("run", "insns_size", "reason"),
    [
        ([0x000E], 0x7FFFFFFF, "run past the end of the file"),
        ([0x106E, 0], None, "runs past the end of the method"),  # invoke cut short
        ([0x0300, 0xFFFF, 0xFFFF, 0xFFFF], None, "runs past the end of the method"),
        ([0x0100, 0xFFFF, 0, 0], None, "runs past the end of the method"),
        ([0x003E, 0x000E], None, "unused opcode 0x3e"),
        ([0x0400, 0x000E], None, "unknown payload"),
        ([0x106E, 99, 0, 0x000E], None, "method index 99 out of range"),
        ([0x0060, 5, 0x000E], None, "field index 5 out of range"),
        ([0x001B, 0, 1, 0x000E], None, "string index 65536 out of range"),
        ([0x00FC, 3, 0, 0x000E], None, "call site 3 out of range"),
    ],
)
def test_malformed_code_is_recorded_and_the_rest_still_decodes(
    run: list[int], insns_size: int | None, reason: str
) -> None:
    dex = DexFile(_build_dex(run, run_insns_size=insns_size), "app.apk!classes.dex")
    methods = {m.name: m for m in dex.iter_methods()}
    assert methods["run"].code is None
    assert methods["impl"].code is not None  # one bad method does not hide the others
    assert methods["impl"].code.invokes == [("static", _BOOT)]
    (error,) = dex.errors
    assert error.startswith("app.apk!classes.dex: LFoo;->run()V: code skipped")
    assert reason in error
    list(dex.iter_methods())
    assert len(dex.errors) == 1  # decoding again does not repeat the error


def test_huge_class_data_counts_skip_the_class() -> None:
    data = bytearray(_build_dex(_ALL_KINDS))
    (class_defs_off,) = struct.unpack_from("<I", data, 0x64)
    (class_data_off,) = struct.unpack_from("<I", data, class_defs_off + 24)
    data[class_data_off : class_data_off + 5] = b"\xff\xff\xff\xff\x0f"  # 2^32-1 static fields
    dex = DexFile(bytes(data), "x.dex")
    assert dex.classes == ()
    assert "member counts exceed the file size" in dex.errors[-1]


def _exercise(dex: DexFile) -> None:
    """Read everything a graph builder would; only CorruptPackage may come out."""
    for method in dex.iter_methods():
        if method.code is None:
            continue
        for kind, idx in method.code.invokes:
            dex.call_site(idx) if kind == "custom" else dex.method_ref(idx)
        for idx in method.code.strings:
            dex.string(idx)
        for idx in method.code.fields_read + method.code.fields_written:
            dex.field_ref(idx)
        for idx in method.code.types_instantiated + method.code.classes_referenced:
            dex.type_name(idx)


@pytest.mark.parametrize("source", ["synthetic", "checkin"])
def test_random_corruption_raises_only_corrupt_package(source: str) -> None:
    original = _build_dex(_ALL_KINDS) if source == "synthetic" else _checkin_dex()
    rng = random.Random(20240611)
    for _ in range(300):
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(data))
            data[pos] = rng.choice((0x00, 0x7F, 0x80, 0xFF, rng.randrange(256)))
        with contextlib.suppress(CorruptPackage):
            _exercise(DexFile(bytes(data), "fuzz.dex"))


# --- Agreement with androguard ----------------------------------------------------------------

Facts = Counter[tuple[Any, ...]]


def _normal(text: str) -> str:
    # androguard keeps a lone surrogate; this reader writes U+FFFD (see _mutf8).
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _ours(data: bytes) -> tuple[dict[str, tuple[Any, ...]], dict[tuple[str, ...], Any]]:
    dex = DexFile(data, "ours.dex")
    classes: dict[str, tuple[Any, ...]] = {}
    methods: dict[tuple[str, ...], Any] = {}
    for cls in dex.classes:
        fields = Counter(
            (dex.field_ref(f.field_idx).name, dex.field_ref(f.field_idx).type, f.access_flags)
            for f in cls.static_fields + cls.instance_fields
        )
        classes[cls.descriptor] = (
            cls.access_flags,
            cls.superclass,
            cls.interfaces,
            cls.source_file,
            fields,
        )
        for method in cls.methods:
            ref = dex.method_ref(method.method_idx)
            facts: Facts | str | None = None
            if method.code_off:
                code = dex.code(method)
                facts = "invalid" if code is None else _our_facts(dex, code)
            methods[tuple(ref)] = (method.access_flags, facts)
    return classes, methods


def _our_facts(dex: DexFile, code: CodeFacts) -> Facts:
    facts: Facts = Counter()
    for kind, idx in code.invokes:
        facts["invoke", kind, *(() if kind == "custom" else dex.method_ref(idx))] += 1
    facts.update(("string", dex.string(i)) for i in code.strings)
    facts.update(("read", *dex.field_ref(i)) for i in code.fields_read)
    facts.update(("write", *dex.field_ref(i)) for i in code.fields_written)
    facts.update(("new", dex.type_name(i)) for i in code.types_instantiated)
    facts.update(("class", dex.type_name(i)) for i in code.classes_referenced)
    return facts


def _androguard(data: bytes) -> tuple[dict[str, tuple[Any, ...]], dict[tuple[str, ...], Any]]:
    from androguard.core.dex import DEX, InvalidInstruction
    from loguru import logger

    logger.remove()
    dex = DEX(data)
    classes: dict[str, tuple[Any, ...]] = {}
    methods: dict[tuple[str, ...], Any] = {}
    for cls in dex.get_classes():
        source = cls.get_source_file_idx()
        classes[cls.get_name()] = (
            cls.get_access_flags(),
            None if cls.get_superclass_idx() == 0xFFFFFFFF else cls.get_superclassname(),
            tuple(cls.get_interfaces()),
            None if source in (-1, 0xFFFFFFFF) else _normal(dex.get_cm_string(source)),
            Counter(
                (_normal(f.get_name()), f.get_descriptor(), f.get_access_flags())
                for f in cls.get_fields()
            ),
        )
        for method in cls.get_methods():
            key = (method.get_class_name(), method.get_name(), _proto(method.get_descriptor()))
            facts: Facts | str | None = None
            if method.get_code() is not None:
                try:
                    facts = _androguard_facts(dex, method)
                except InvalidInstruction:
                    facts = "invalid"
            methods[key] = (method.get_access_flags(), facts)
    return classes, methods


def _proto(descriptor: str) -> str:
    # androguard writes parameters space-separated: "(Ljava/lang/String; I)V".
    return descriptor.replace(" ", "")


def _androguard_facts(dex: Any, method: Any) -> Facts:
    facts: Facts = Counter()
    for ins in method.get_instructions():
        name = ins.get_name()
        if name.startswith("invoke"):
            kind = name.split("-", 1)[1].split("/")[0]
            # invoke-polymorphic (45cc/4rcc) has no get_ref_kind in androguard 4.1.4.
            idx = ins.BBBB if kind == "polymorphic" else ins.get_ref_kind()
            if kind == "custom":
                facts["invoke", kind] += 1
            else:
                cls, meth, (params, ret) = dex.get_cm_method(idx)
                facts["invoke", kind, cls, _normal(meth), _proto(params + ret)] += 1
        elif name in ("const-string", "const-string/jumbo"):
            facts["string", _normal(dex.get_cm_string(ins.get_ref_kind()))] += 1
        elif name[:4] in ("iget", "sget", "iput", "sput"):
            access = "read" if name[1:4] == "get" else "write"
            cls, typ, field = dex.get_cm_field(ins.get_ref_kind())
            facts[access, cls, typ, _normal(field)] += 1
        elif name == "new-instance":
            facts["new", dex.get_cm_type(ins.get_ref_kind())] += 1
        elif name == "const-class":
            facts["class", dex.get_cm_type(ins.get_ref_kind())] += 1
    return facts


def _differences(ours: dict[Any, Any], theirs: dict[Any, Any]) -> list[str]:
    out = [f"only ours: {k}" for k in ours.keys() - theirs.keys()]
    out += [f"only androguard: {k}" for k in theirs.keys() - ours.keys()]
    out += [
        f"{k}: ours {ours[k]} androguard {theirs[k]}"
        for k in ours.keys() & theirs.keys()
        if ours[k] != theirs[k]
    ]
    return out[:10]


def _dex_files(apk: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(apk) as zf:
        names = [n for n in zf.namelist() if re.fullmatch(r"classes\d*\.dex", n)]
        return [(n, zf.read(n)) for n in sorted(names)]


def _agree_with_androguard(apk: Path) -> None:
    for name, data in _dex_files(apk):
        our_classes, our_methods = _ours(data)
        their_classes, their_methods = _androguard(data)
        assert our_classes, f"{name}: no classes read"
        assert _differences(our_classes, their_classes) == [], name
        assert _differences(our_methods, their_methods) == [], name
        with_code = [f for _, f in our_methods.values() if isinstance(f, Counter)]
        assert with_code, f"{name}: no code compared"


def test_agrees_with_androguard_on_the_checkin_sample() -> None:
    _agree_with_androguard(SAMPLES / "fingertip-checkin.apk")


@pytest.mark.parametrize(
    "relative",
    [
        "owasp-mastg/UnCrackable-Level1.apk",
        "androguard/com.teleca.jamendo_35.apk",
        "amap-demo/locationServiceDemo.apk",
    ],
)
def test_agrees_with_androguard_on_real_apps(relative: str) -> None:
    _agree_with_androguard(shared(relative))


# androguard needs about 9 s on InsecureBankv2's 6 MB dex, too slow for every run.
@pytest.mark.skipif(
    not os.environ.get("FINGERTIP_SLOW_TESTS"),
    reason="slow androguard comparison (~10 s): set FINGERTIP_SLOW_TESTS=1 to run it",
)
def test_agrees_with_androguard_on_insecurebankv2() -> None:
    _agree_with_androguard(shared("insecurebankv2/InsecureBankv2.apk"))
