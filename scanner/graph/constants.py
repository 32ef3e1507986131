"""Tracing a register of a method body back to a constant (scanner/graph/bodies.py reads the
bodies): a string, a byte-array literal, or a zero-filled array, followed within the method,
into the callers when it is a parameter, through fields set once, and through pure helpers
(hex or Base64 decoding).

Hard-coded keys (SEC-SECRET-001) and static IVs (SEC-CRYPTO-001) are both "a constant reaches
this constructor argument".
"""

from __future__ import annotations

from typing import Final

from scanner.errors import CorruptPackage
from scanner.graph.bodies import (
    FILL_ARRAY_DATA,
    IGET_OBJECT,
    MOVE_RESULT_OBJECT,
    NEW_ARRAY,
    SGET_OBJECT,
    BodyReader,
    MethodBody,
)
from scanner.graph.callgraph import CodeGraph

BYTE_ARRAY: Final = "\0byte[]"  # what the tracer returns for a byte-array literal
ZERO_ARRAY: Final = "\0byte[0…]"  # and for an array nothing fills (all zeros)
MAX_TRACE = 4
_APUT_BYTE: Final = 0x4F
_MOVE_OBJECTS: Final = frozenset({0x07, 0x08, 0x09})
_FIELD_PUTS: Final = {0x5B: "instance", 0x69: "static"}  # iput-object, sput-object

# Calls a key-decoding helper may make and stay a pure function of its arguments (hex and
# Base64 decoders): a helper that reads a key store, a file or preferences is not.
_PURE_CLASSES: Final = (
    "Ljava/lang/String;",
    "Ljava/lang/StringBuilder;",
    "Ljava/lang/Character;",
    "Ljava/lang/Integer;",
    "Ljava/lang/Byte;",
    "Ljava/lang/Math;",
    "Ljava/lang/System;",
    "Landroid/util/Base64;",
    "Ljava/util/Base64",
    "Ljava/nio/charset/",
    "Lkotlin/jvm/internal/Intrinsics;",
)
MAX_CALLERS = 8


class ConstantTracer:
    """Traces a register back to a constant: within a method, into the callers of a method
    whose parameter it is, and through pure helpers (hex or Base64 decoding)."""

    def __init__(self, reader: BodyReader, graph: CodeGraph, *, zero_arrays: bool = False) -> None:
        self.reader = reader
        self.g = graph
        # A `new byte[n]` that nothing fills before the call is all zeros: a constant too
        # (an IV of zeros), unless a call takes it first (SecureRandom.nextBytes fills it).
        self.zero_arrays = zero_arrays

    def safe(self, body: MethodBody, at: int, reg: int) -> str | None:
        """`literal`, with a malformed method (an index out of its tables, a register the
        code does not have) read as "not a constant" rather than ending the scan."""
        try:
            return self.literal(body, at, reg, 0)
        except (CorruptPackage, IndexError):
            return None

    def literal(self, body: MethodBody, at: int, reg: int, depth: int) -> str | None:
        """What `reg` holds before instruction `at`, when it is a constant: the string, or
        `BYTE_ARRAY` for an array literal; None when computed, unknown, or not traceable."""
        if depth > MAX_TRACE:
            return None
        w = body.writer(at, reg)
        if w is None:
            return self._argument(body, reg, depth + 1)
        insn = body.insns[w]
        op = insn.op
        text = body.string(insn)
        if text is not None:
            return text or None
        if op in _MOVE_OBJECTS:
            # move-object vA, vB (12x) / move-object/from16 (22x) / move-object/16 (32x)
            src = insn.units[0] >> 12 if op == 0x07 else insn.units[-1]
            return self.literal(body, w, src, depth + 1)
        if op == NEW_ARRAY:
            # Filled in place by fill-array-data or aput-byte before the call: a literal.
            for later in body.insns[w + 1 : at]:
                if later.op == FILL_ARRAY_DATA and later.units[0] >> 8 == reg:
                    return BYTE_ARRAY
                if later.op == _APUT_BYTE and (later.units[1] & 0xFF) == reg:
                    return BYTE_ARRAY
                if later.is_invoke and reg in later.args():
                    return None  # filled by the call (SecureRandom.nextBytes, arraycopy …)
            return ZERO_ARRAY if self.zero_arrays else None
        if op == MOVE_RESULT_OBJECT and w > 0:
            return self._result(body, w - 1, depth + 1)
        if op in (IGET_OBJECT, SGET_OBJECT):
            return self._field(body, insn.units[1], depth + 1)
        return None

    def _result(self, body: MethodBody, at: int, depth: int) -> str | None:
        """The result of the call at `at`: a constant when a String/Base64/hex conversion of
        a constant."""
        call = body.insns[at]
        if not call.is_invoke:  # filled-new-array also feeds move-result-object
            return None
        try:
            ref = body.dex.method_ref(call.units[1])
        except (CorruptPackage, IndexError):
            return None
        args = call.args()
        if ref.cls == "Ljava/lang/String;" and ref.name in ("getBytes", "toCharArray") and args:
            return self.literal(body, at, args[0], depth)
        if ref.name == "decode" and "Base64" in ref.cls and args:
            # android.util.Base64.decode(String, int) is static; java.util.Base64$Decoder
            # .decode(String) takes the decoder first.
            first = args[0] if ref.cls == "Landroid/util/Base64;" else args[-1]
            return self.literal(body, at, first, depth)
        helper = self.reader.method(ref.cls, ref.name, ref.proto)
        if helper is not None and all(r.cls.startswith(_PURE_CLASSES) for _, r in helper.calls()):
            for arg in args:
                found = self.literal(body, at, arg, depth)
                if found is not None:
                    return found
        return None

    def _argument(self, body: MethodBody, reg: int, depth: int) -> str | None:
        """A parameter: what the method's callers pass, when one passes a constant."""
        position = body.parameter(reg)
        node = self.g.index.get(body.signature)
        if position is None or node is None:
            return None
        callers = [c for c in self.g.graph.pred[node] if c in self.g.defined][:MAX_CALLERS]
        for caller in callers:
            outer = self.reader.node_body(self.g.names[caller])
            if outer is None:
                continue
            for n, ref in outer.calls():
                if ref.name != body.name or ref.proto != body.proto:
                    continue
                args = outer.insns[n].args()
                if position < len(args):
                    found = self.literal(outer, n, args[position], depth)
                    if found is not None:
                        return found
        return None

    def _field(self, body: MethodBody, field_idx: int, depth: int) -> str | None:
        """A field its class sets to a constant in a constructor or static initialiser."""
        try:
            field = body.dex.field_ref(field_idx)
        except CorruptPackage:
            return None
        for init in self.reader.methods(field.cls):
            if init.name not in ("<init>", "<clinit>"):
                continue
            for n, insn in enumerate(init.insns):
                if insn.op not in _FIELD_PUTS:
                    continue
                try:
                    if init.dex.field_ref(insn.units[1]) != field:
                        continue
                except CorruptPackage:
                    continue
                src = insn.units[0] >> 8 if insn.op == 0x69 else (insn.units[0] >> 8) & 0xF
                value = self.literal(init, n, src, depth)
                if value is not None:
                    return value
        return None
