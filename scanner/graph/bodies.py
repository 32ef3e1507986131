"""The instructions of a few methods, decoded in full.

The call graph keeps what every rule needs (calls, strings, fields) and skips the rest of the
bytecode to stay fast. A handful of security rules need more of a method: whether
`checkServerTrusted` does anything at all, which constant a call's `mode` argument is, which
string becomes a `SecretKeySpec` key. This module decodes exactly those methods, on demand,
from the same dex buffers: a few dozen methods per app, never the whole file.

Register tracing here is linear (the nearest earlier write of a register), not a data-flow
analysis: it matches what javac, d8 and kotlinc emit for an argument computed right before a
call, and answers "unknown" (None) for anything else.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from scanner.errors import CorruptPackage
from scanner.graph.dex import ClassDef, DexFile, MethodRef

# Instruction widths in 16-bit code units, by opcode ("Dalvik bytecode", instruction formats);
# 0 marks nop, whose payload forms (switch tables, array data) carry their own size.
_WIDTH: Final = (
    [0, 1, 2, 3, 1, 2, 3, 1, 2, 3]  # 0x00-0x09: nop, move*
    + [1] * 8  # 0x0a-0x11: move-result*, move-exception, return*
    + [1, 2, 3, 2, 2, 3, 5, 2]  # 0x12-0x19: const/4 … const-wide/high16
    + [2, 3, 2, 1, 1, 2, 2, 1, 2, 2, 3, 3, 3, 1, 1, 2, 3, 3, 3]  # 0x1a-0x2c
    + [2] * 17  # 0x2d-0x3d: cmp*, if-*
    + [1] * 6  # 0x3e-0x43: unused
    + [2] * 42  # 0x44-0x6d: aget/aput, iget/iput, sget/sput
    + [3] * 5  # 0x6e-0x72: invoke-*
    + [1]  # 0x73: unused
    + [3] * 5  # 0x74-0x78: invoke-*/range
    + [1, 1]  # 0x79-0x7a: unused
    + [1] * 21  # 0x7b-0x8f: unary ops
    + [2] * 32  # 0x90-0xaf: binop
    + [1] * 32  # 0xb0-0xcf: binop/2addr
    + [2] * 19  # 0xd0-0xe2: binop/lit16, binop/lit8
    + [1] * 23  # 0xe3-0xf9: unused
    + [4, 4, 3, 3, 2, 2]  # 0xfa-0xff: invoke-polymorphic*, invoke-custom*, const-method-*
)
assert len(_WIDTH) == 256

RETURN_VOID: Final = 0x0E
RETURN: Final = 0x0F
THROW: Final = 0x27
CONST_4: Final = 0x12
_INVOKES: Final = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79))
_CONSTS: Final = frozenset({0x12, 0x13, 0x14, 0x15})
_CONST_STRINGS: Final = frozenset({0x1A, 0x1B})
MOVE_RESULT_OBJECT: Final = 0x0C
NEW_ARRAY: Final = 0x23
FILL_ARRAY_DATA: Final = 0x26
IGET_OBJECT: Final = 0x54
SGET_OBJECT: Final = 0x62
IPUT_OBJECT: Final = 0x5B
SPUT_OBJECT: Final = 0x69
# Instructions that write no register: nop/payloads, returns, monitors, throw, branches,
# switches, fill-array-data, array/instance/static puts, invokes (their result is taken by
# the move-result that follows).
_NO_DEST: Final = (
    frozenset({0x00, 0x0E, 0x0F, 0x10, 0x11, 0x1D, 0x1E, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29})
    | frozenset({0x2A, 0x2B, 0x2C})
    | frozenset(range(0x32, 0x3E))  # if-*
    | frozenset(range(0x4B, 0x52))  # aput*
    | frozenset(range(0x59, 0x60))  # iput*
    | frozenset(range(0x67, 0x6E))  # sput*
    | _INVOKES
    | frozenset(range(0xFA, 0xFE))
)
# 12x/22x/22c/22t/11n/12x-style formats keep the destination in the low nibble of the high
# byte (vA, 4 bits); the others use the whole high byte (vAA).
_NIBBLE_DEST: Final = (
    frozenset({0x01, 0x04, 0x07, 0x12, 0x20, 0x21, 0x23})
    | frozenset(range(0x52, 0x59))  # iget*
    | frozenset(range(0x7B, 0x90))  # unary ops
    | frozenset(range(0xB0, 0xD0))  # binop/2addr
    | frozenset(range(0xD0, 0xD8))  # binop/lit16
)


class Insn(NamedTuple):
    """One instruction: its position in the method (code units) and its code units."""

    pc: int
    units: tuple[int, ...]

    @property
    def op(self) -> int:
        return self.units[0] & 0xFF

    @property
    def is_invoke(self) -> bool:
        """invoke-virtual/super/direct/static/interface (and /range): units[1] is a method."""
        return self.op in _INVOKES

    def dest(self) -> int | None:
        """The register this instruction writes, or None."""
        op = self.op
        if op in _NO_DEST:
            return None
        if op in (0x03, 0x06, 0x09):  # move*/16: vAAAA in the second unit
            return self.units[1]
        if op in _NIBBLE_DEST:
            return (self.units[0] >> 8) & 0xF
        return self.units[0] >> 8

    def literal(self) -> int | None:
        """The value of a 32-bit const instruction (const/4, /16, const, /high16)."""
        op, u = self.op, self.units
        if op == 0x12:
            b = u[0] >> 12
            return b - 16 if b & 0x8 else b
        if op == 0x13:
            return u[1] - 0x10000 if u[1] & 0x8000 else u[1]
        if op == 0x14:
            value = u[1] | u[2] << 16
            return value - (1 << 32) if value & 0x80000000 else value
        if op == 0x15:
            value = u[1] << 16
            return value - (1 << 32) if value & 0x80000000 else value
        return None

    def args(self) -> tuple[int, ...]:
        """An invoke's argument registers (the receiver first for instance calls)."""
        u = self.units
        if 0x6E <= self.op <= 0x72:
            count = u[0] >> 12
            regs = (u[2] & 0xF, (u[2] >> 4) & 0xF, (u[2] >> 8) & 0xF, u[2] >> 12, (u[0] >> 8) & 0xF)
            return regs[:count]
        return tuple(range(u[2], u[2] + (u[0] >> 8)))


@dataclass(frozen=True, slots=True)
class MethodBody:
    """A decoded method; indexes in it resolve through `dex`."""

    dex: DexFile
    cls: str
    name: str
    proto: str
    insns: tuple[Insn, ...]
    registers: int = 0
    ins: int = 0  # parameter registers, `this` included: the last `ins` of `registers`

    @property
    def signature(self) -> str:
        return f"{self.cls}->{self.name}{self.proto}"

    def parameter(self, reg: int) -> int | None:
        """Which argument register of a call to this method `reg` is on entry (0 is `this`
        for an instance method, wide values taking two), if `reg` is a parameter."""
        first = self.registers - self.ins
        return reg - first if first <= reg < self.registers else None

    def ops(self) -> tuple[int, ...]:
        return tuple(i.op for i in self.insns)

    def calls(self) -> Iterator[tuple[int, MethodRef]]:
        """(instruction index, callee) for each invoke-virtual/super/direct/static/interface."""
        for n, insn in enumerate(self.insns):
            if insn.op in _INVOKES:
                try:
                    yield n, self.dex.method_ref(insn.units[1])
                except CorruptPackage:
                    continue

    def string(self, insn: Insn) -> str | None:
        """The constant of a const-string instruction."""
        if insn.op not in _CONST_STRINGS:
            return None
        idx = insn.units[1] if insn.op == 0x1A else insn.units[1] | insn.units[2] << 16
        try:
            return self.dex.string(idx)
        except CorruptPackage:
            return None

    def strings(self) -> tuple[str, ...]:
        return tuple(s for i in self.insns if (s := self.string(i)) is not None)

    def writer(self, before: int, reg: int) -> int | None:
        """The index of the nearest instruction before `before` that writes `reg`; None when
        the register is a parameter or set on another path the linear walk cannot see."""
        for n in range(before - 1, -1, -1):
            if self.insns[n].dest() == reg:
                return n
        return None


def decode(dex: DexFile, code_off: int, u16: Sequence[int]) -> tuple[Insn, ...]:
    """Every instruction of the code item at `code_off` (payloads skipped)."""
    if code_off & 1 or code_off + 16 > 2 * len(u16):
        raise CorruptPackage(f"{dex.location}: code item offset {code_off:#x} is invalid")
    size = u16[(code_off + 12) >> 1] | u16[(code_off + 14) >> 1] << 16
    start = (code_off + 16) >> 1
    end = start + size
    if end > len(u16):
        raise CorruptPackage(f"{dex.location}: code item at {code_off:#x} runs past the file")
    out = []
    pc = start
    while pc < end:
        unit = u16[pc]
        op = unit & 0xFF
        width = _WIDTH[op]
        if width == 0:  # nop, or a payload behind it
            ident = unit >> 8
            if ident == 1:
                width = 4 + 2 * u16[pc + 1]
            elif ident == 2:
                width = 2 + 4 * u16[pc + 1]
            elif ident == 3:
                count = u16[pc + 2] | u16[pc + 3] << 16
                width = 4 + (u16[pc + 1] * count + 1) // 2
            else:
                width = 1
            pc += width
            continue
        if pc + width > end:
            raise CorruptPackage(f"{dex.location}: instruction runs past its method")
        out.append(Insn(pc - start, tuple(u16[pc : pc + width])))
        pc += width
    return tuple(out)


class BodyReader:
    """Finds classes in the dex files (first definition wins, as in the class loader) and
    decodes their methods on request."""

    def __init__(self, dexes: Sequence[DexFile]) -> None:
        self._dexes = tuple(dexes)
        self._classes: dict[str, tuple[DexFile, ClassDef]] | None = None

    def _index(self) -> dict[str, tuple[DexFile, ClassDef]]:
        if self._classes is None:
            self._classes = {}
            for dex in self._dexes:
                for cls in dex.classes:
                    self._classes.setdefault(cls.descriptor, (dex, cls))
        return self._classes

    def class_def(self, descriptor: str) -> ClassDef | None:
        found = self._index().get(descriptor)
        return found[1] if found else None

    def methods(self, descriptor: str) -> Iterator[MethodBody]:
        """The methods of a class that have code, decoded."""
        return self._bodies(descriptor, None, None)

    def method(self, descriptor: str, name: str, proto: str | None = None) -> MethodBody | None:
        """One method's body; only that method is decoded."""
        return next(self._bodies(descriptor, name, proto), None)

    def _bodies(self, descriptor: str, name: str | None, proto: str | None) -> Iterator[MethodBody]:
        found = self._index().get(descriptor)
        if found is None:
            return
        dex, cls = found
        units = dex.code_units
        for method in cls.methods:
            if not method.code_off:
                continue
            try:
                ref = dex.method_ref(method.method_idx)
                if (name is not None and ref.name != name) or (
                    proto is not None and ref.proto != proto
                ):
                    continue
                insns = decode(dex, method.code_off, units)
            except (CorruptPackage, IndexError):
                continue
            head = method.code_off >> 1
            yield MethodBody(
                dex, descriptor, ref.name, ref.proto, insns, units[head], units[head + 1]
            )

    def node_body(self, signature: str) -> MethodBody | None:
        """The body of a graph node (`Lcls;->name(proto)ret`)."""
        cls, _, rest = signature.partition("->")
        name, paren, proto = rest.partition("(")
        return self.method(cls, name, paren + proto) if paren else None


def string_at(dex: DexFile, offset: int) -> str | None:
    """The dex string whose data holds byte `offset` (a YARA match), if it is one of the
    string table's strings: string data is a uleb128 length, MUTF-8 bytes and a NUL, and no
    string holds a NUL byte, so the string starts after the previous NUL and its length."""
    data = dex.data
    if not 0 <= offset < len(data):
        return None
    start = data.rfind(b"\0", 0, offset) + 1
    pos = start
    while pos < offset and data[pos] & 0x80:  # the uleb128 length
        pos += 1
    end = data.find(b"\0", offset)
    if pos >= offset or end < 0:
        return None
    text = data[pos + 1 : end].decode("utf-8", "replace")
    return text if dex.find_string(text) is not None else None
