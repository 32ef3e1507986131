"""SEC-SECRET-001, hard-coded secrets: private keys, cloud access keys, JWTs and passwords in
the package, and encryption keys made from a literal.

Candidates come from YARA (signatures/yara/android/secrets.yar) over the dex files, native
libraries, resources and text assets; scanner/facts/secrets.py keeps the real ones and
redacts them. A dex string is traced to the methods that load it: E3 when an entry point
reaches one (with the path), E2 when only dead code does; a secret in a file or a native
library has no code level. A credential in a file is there for anyone who unzips the
package, so it keeps the catalogue's severity; dead code takes one level lower (a constant
key nothing uses protects nothing, and a credential only dead code names is mostly a
library's own, such as netty's probe key pair).

Constants read from method bodies (scanner/graph/bodies.py):

- keys: the key argument of `new SecretKeySpec(key, …)` (and DESKeySpec, DESedeKeySpec,
  PBEKeySpec) traced back through `String.getBytes`, `Base64.decode`, pure hex/Base64 helpers,
  a byte-array literal, a field its class sets to one, or the callers' argument when the key
  is a parameter;
- password checks: text read from an EditText/TextView compared (`equals`) with a constant
  that looks like a password (mixed character classes, not a name, URL or phrase).

No secret is ever written whole: every message and excerpt carries `redact(value)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Final

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.errors import CorruptPackage
from scanner.facts.secrets import CONFIG_FILE, KIND_NAMES, Secret, find_secrets, redact
from scanner.graph.bodies import (
    FILL_ARRAY_DATA,
    IGET_OBJECT,
    MOVE_RESULT_OBJECT,
    NEW_ARRAY,
    SGET_OBJECT,
    BodyReader,
    MethodBody,
    string_at,
)
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.yara_engine import YaraHit

RULE = "SEC-SECRET-001"
MAX_EVIDENCE = 5
MAX_TRACE = 4
_APUT_BYTE: Final = 0x4F
_MOVE_OBJECTS: Final = frozenset({0x07, 0x08, 0x09})
_FIELD_PUTS: Final = {0x5B: "instance", 0x69: "static"}  # iput-object, sput-object


@dataclass(frozen=True, slots=True)
class _Seen:
    """One secret at one place: a file, or the methods loading a dex string."""

    secret: Secret
    location: str
    nodes: tuple[int, ...] = ()  # methods using it (dex strings, key specs, comparisons)
    shown: str = ""  # what the excerpt shows (redacted)


def _text(data: bytes) -> str:
    """A YARA match as text: UTF-16LE (binary XML, `wide`) or UTF-8."""
    if len(data) > 1 and data[1] == 0:
        return data.decode("utf-16-le", "replace")
    return data.decode("utf-8", "replace")


class SecretAnalyzer:
    id: ClassVar[str] = "secrets"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        code = inputs.code
        seen = _from_yara(inputs.yara, code)
        if code is not None and code.dexes:
            tracer = _Tracer(BodyReader(code.dexes), code)
            seen.extend(_cipher_keys(code, tracer))
            seen.extend(_compared_constants(code, tracer))
        by_kind: dict[str, list[_Seen]] = {}
        for s in dict.fromkeys(seen):  # YARA reports a file's repeated match more than once
            by_kind.setdefault(s.secret.kind, []).append(s)
        for kind, found in by_kind.items():
            yield _finding(kind, found, code, ctx)


def _shown(secret: Secret) -> str:
    """The redacted value of a match in a file. YARA's PEM match stops after the first
    line of the key body, so its length says nothing: only the header is shown."""
    if secret.value.startswith("-----BEGIN"):
        return "-----" + secret.value.split("-----", 2)[1] + "-----…"
    return secret.redacted


def _from_yara(hits: tuple[YaraHit, ...], code: CodeEvidence | None) -> list[_Seen]:
    dexes = {d.location: d for d in code.dexes} if code is not None else {}
    in_dex: dict[str, list[tuple[str, Secret]]] = {}  # dex string -> (dex location, secret)
    out: list[_Seen] = []
    for hit in hits:
        if hit.rule_id != RULE:
            continue
        config = hit.signal == "secret_config"
        if config and not CONFIG_FILE.search(hit.location):
            continue
        dex = dexes.get(hit.location)
        for match in hit.strings:
            whole = string_at(dex, match.offset) if dex is not None else None
            text = whole if whole is not None else _text(match.data)
            for secret in find_secrets(text, config=config):
                if whole is not None:
                    in_dex.setdefault(whole, []).append((hit.location, secret))
                else:
                    out.append(_Seen(secret, hit.location, shown=_shown(secret)))
    if in_dex and code is not None:
        users = _string_users(code, set(in_dex))
        for text, found in in_dex.items():
            for location, secret in dict.fromkeys(found):
                out.append(_Seen(secret, location, users.get(text, ()), secret.redacted))
    return out


def _string_users(code: CodeEvidence, texts: set[str]) -> dict[str, tuple[int, ...]]:
    """The methods that load each of `texts` (const-string): asked only when a dex holds a
    secret, so the decoding of every method's strings is paid by few apps."""
    g = code.graph
    out: dict[str, list[int]] = {}
    for node in g.location:
        for s in g.strings(node):
            if s in texts:
                out.setdefault(s, []).append(node)
    return {t: tuple(nodes) for t, nodes in out.items()}


# Key and password specs built from their first argument: a constant there is a hard-coded
# key (PBEKeySpec: a hard-coded password).
_KEY_SPECS: Final = frozenset(
    {
        "Ljavax/crypto/spec/SecretKeySpec;",
        "Ljavax/crypto/spec/DESKeySpec;",
        "Ljavax/crypto/spec/DESedeKeySpec;",
        "Ljavax/crypto/spec/PBEKeySpec;",
    }
)
_BYTE_ARRAY: Final = "\0byte[]"  # what the tracer returns for a byte-array literal
MIN_COMPARED = 4  # shorter constants compared with input are flags and codes, not secrets


def _shown_constant(value: str) -> str:
    return "byte[] literal" if value == _BYTE_ARRAY else redact(value)


def _cipher_keys(code: CodeEvidence, tracer: _Tracer) -> Iterator[_Seen]:
    """`new SecretKeySpec(key, alg)` (and the DES and PBE specs) where the key is a literal."""
    g = code.graph
    specs = [f"{cls}-><init>" for cls in sorted(_KEY_SPECS)]
    callers = {c for api in g.matching(specs) for c in g.graph.pred[api]}
    for caller in sorted(callers & g.defined):
        body = tracer.reader.node_body(g.names[caller])
        if body is None:
            continue
        for n, ref in body.calls():
            if ref.cls not in _KEY_SPECS or ref.name != "<init>":
                continue
            args = body.insns[n].args()
            literal = tracer.safe(body, n, args[1]) if len(args) > 1 else None
            if literal:
                shown = _shown_constant(literal)
                yield _Seen(Secret("cipher-key", literal), body.dex.location, (caller,), shown)
                break


_INPUT: Final = ("Landroid/widget/EditText;->getText", "Landroid/widget/TextView;->getText")
_EQUALS: Final = (
    "Ljava/lang/String;->equals",
    "Ljava/lang/String;->equalsIgnoreCase",
    "Ljava/lang/String;->contentEquals",
    "Lkotlin/jvm/internal/Intrinsics;->areEqual",
)


# What input is compared with that is not a secret: names (intent actions, package and
# class names, CONSTANT_NAMES), URLs, and phrases (anything with a space).
_NOT_PASSWORD: Final = re.compile(r"^[\w$]+(?:\.[\w$]+)+$|^[A-Z][A-Z0-9_]*$|://|\s")


def _password_like(value: str) -> bool:
    """A constant worth calling a hard-coded password: long enough, not a name, URL or phrase,
    and mixing at least two of lower case, upper case, digits and symbols ("admin123",
    "0n3_F1ag"; not "admin" or "CONSOLE_OUTPUT")."""
    if len(value) < MIN_COMPARED or _NOT_PASSWORD.search(value):
        return False
    classes = (
        any(c.islower() for c in value),
        any(c.isupper() for c in value),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    )
    return sum(classes) >= 2


def _compared_constants(code: CodeEvidence, tracer: _Tracer) -> Iterator[_Seen]:
    """Text the user typed compared with a constant: a password, PIN or code checked in the
    app itself (`password.getText().toString().equals("…")`), where anyone can read it."""
    g = code.graph
    readers = {c for api in g.matching(_INPUT) for c in g.graph.pred[api]}
    equals = g.matching(_EQUALS)
    for caller in sorted(readers & g.defined):
        if not any(n in equals for n in g.graph.adj[caller]):
            continue
        body = tracer.reader.node_body(g.names[caller])
        if body is None:
            continue
        for n, ref in body.calls():
            if f"{ref.cls}->{ref.name}" not in _EQUALS:
                continue
            for arg in body.insns[n].args():
                value = tracer.safe(body, n, arg)
                if value and value != _BYTE_ARRAY and _password_like(value):
                    secret = Secret("compared", value)
                    yield _Seen(secret, body.dex.location, (caller,), secret.redacted)
                    break
            else:
                continue
            break


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


class _Tracer:
    """Traces a register back to a constant: within a method, into the callers of a method
    whose parameter it is, and through pure helpers (hex or Base64 decoding)."""

    def __init__(self, reader: BodyReader, code: CodeEvidence) -> None:
        self.reader = reader
        self.g = code.graph

    def safe(self, body: MethodBody, at: int, reg: int) -> str | None:
        """`literal`, with a malformed method (an index out of its tables, a register the
        code does not have) read as "not a constant" rather than ending the scan."""
        try:
            return self.literal(body, at, reg, 0)
        except (CorruptPackage, IndexError):
            return None

    def literal(self, body: MethodBody, at: int, reg: int, depth: int) -> str | None:
        """What `reg` holds before instruction `at`, when it is a constant: the string, or
        `_BYTE_ARRAY` for an array literal; None when computed, unknown, or not traceable."""
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
                    return _BYTE_ARRAY
                if later.op == _APUT_BYTE and (later.units[1] & 0xFF) == reg:
                    return _BYTE_ARRAY
            return None
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


def _finding(kind: str, found: list[_Seen], code: CodeEvidence | None, ctx: Context) -> Finding:
    rule = ctx.catalog[RULE]
    zh_name, en_name = KIND_NAMES[kind]
    evidence: list[tuple[int, Evidence, str]] = []  # (reached 0, code 1, file 2; ev; value)
    for s in found:
        if code is not None and s.nodes:
            g, reach = code.graph, code.reach
            reached = [n for n in s.nodes if reach.reachable(n)]
            node = min(reached, key=lambda n: len(reach.path(n))) if reached else s.nodes[0]
            owner = ctx.sdk_table.owner(g.class_of(node))
            note = f"; inside {owner.name}" if owner else ""
            evidence.append(
                (
                    0 if reached else 1,
                    Evidence(
                        location=s.location,
                        symbol=g.short(node),
                        excerpt=f"{en_name}: {s.shown}{note}",
                        path=tuple(g.short(n) for n in reach.path(node)) if reached else (),
                    ),
                    s.shown,
                )
            )
        else:
            where = Evidence(location=s.location, excerpt=f"{en_name}: {s.shown}")
            evidence.append((2, where, s.shown))
    evidence.sort(key=lambda e: (e[0], e[1].location, e[1].symbol))
    best, first, value = evidence[0]
    shown = [e for _, e, _ in evidence[:MAX_EVIDENCE]]
    where_en = first.symbol or first.location.rsplit("!", 1)[-1]
    if best == 0:
        level: EvidenceLevel | None = EvidenceLevel.E3
        zh = f"{rule.title.zh}（E3）：{first.path[0]} 可到达使用{zh_name}（{value}）的 {where_en}"
        en = (
            f"{rule.title.en} (E3): {first.path[0]} reaches {where_en}, which uses "
            f"{en_name} ({value})"
        )
    elif best == 1:
        level = EvidenceLevel.E2
        zh = f"{rule.title.zh}（E2）：{where_en} 使用{zh_name}（{value}），但没有入口点能到达"
        en = (
            f"{rule.title.en} (E2): {where_en} uses {en_name} ({value}), but no entry point "
            "reaches it"
        )
    else:
        level = None
        zh = f"{rule.title.zh}：安装包文件 {where_en} 含{zh_name}（{value}）"
        en = f"{rule.title.en}: the package file {where_en} holds {en_name} ({value})"
    if len(found) > 1:
        zh += f"，共{len(found)}处"
        en += f"; {len(found)} places in all"
    # Dead code: a key nothing uses protects nothing, and a credential only dead code names
    # is mostly a library's (netty's probe key): one level lower. Files stay as they are.
    severity: Severity = rule.severity.lowered() if best == 1 else rule.severity
    return ctx.finding(RULE, Text(zh=zh, en=en), *shown, level=level, severity=severity)
