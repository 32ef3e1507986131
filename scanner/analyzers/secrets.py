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
from scanner.facts.secrets import (
    CONFIG_FILE,
    KIND_NAMES,
    Secret,
    find_secrets,
    match_text,
    redact,
    shown_in_file,
)
from scanner.graph.bodies import string_at
from scanner.graph.constants import BYTE_ARRAY, ConstantTracer
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.yara_engine import YaraHit

RULE = "SEC-SECRET-001"
MAX_EVIDENCE = 5


@dataclass(frozen=True, slots=True)
class _Seen:
    """One secret at one place: a file, or the methods loading a dex string."""

    secret: Secret
    location: str
    nodes: tuple[int, ...] = ()  # methods using it (dex strings, key specs, comparisons)
    shown: str = ""  # what the excerpt shows (redacted)


class SecretAnalyzer:
    id: ClassVar[str] = "secrets"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        code = inputs.code
        seen = _from_yara(inputs.yara, code)
        if code is not None and code.dexes:
            tracer = ConstantTracer(code.bodies, code.graph)
            seen.extend(_cipher_keys(code, tracer))
            seen.extend(_compared_constants(code, tracer))
        by_kind: dict[str, list[_Seen]] = {}
        for s in dict.fromkeys(seen):  # YARA reports a file's repeated match more than once
            by_kind.setdefault(s.secret.kind, []).append(s)
        for kind, found in by_kind.items():
            yield _finding(kind, found, code, ctx)


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
            text = whole if whole is not None else match_text(match.data)
            for secret in find_secrets(text, config=config):
                if whole is not None:
                    in_dex.setdefault(whole, []).append((hit.location, secret))
                else:
                    out.append(_Seen(secret, hit.location, shown=shown_in_file(secret)))
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
MIN_COMPARED = 4  # shorter constants compared with input are flags and codes, not secrets


def _shown_constant(value: str) -> str:
    return "byte[] literal" if value == BYTE_ARRAY else redact(value)


def _cipher_keys(code: CodeEvidence, tracer: ConstantTracer) -> Iterator[_Seen]:
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


def _compared_constants(code: CodeEvidence, tracer: ConstantTracer) -> Iterator[_Seen]:
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
                if value and value != BYTE_ARRAY and _password_like(value):
                    secret = Secret("compared", value)
                    yield _Seen(secret, body.dex.location, (caller,), secret.redacted)
                    break
            else:
                continue
            break


def _finding(kind: str, found: list[_Seen], code: CodeEvidence | None, ctx: Context) -> Finding:
    en_name = KIND_NAMES[kind][1]
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
    return ranked_finding(evidence, len(found), kind, ctx)


def ranked_finding(
    ranked: list[tuple[int, Evidence, str]], places: int, kind: str, ctx: Context
) -> Finding:
    """The SEC-SECRET-001 finding from its places ranked (0 code an entry point reaches, 1 code
    none reaches, 2 a file; the evidence; the redacted value), on either platform."""
    rule = ctx.catalog[RULE]
    zh_name, en_name = KIND_NAMES[kind]
    ranked.sort(key=lambda e: (e[0], e[1].location, e[1].symbol))
    best, first, value = ranked[0]
    shown = [e for _, e, _ in ranked[:MAX_EVIDENCE]]
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
    if places > 1:
        zh += f"，共{places}处"
        en += f"; {places} places in all"
    # Dead code: a key nothing uses protects nothing, and a credential only dead code names
    # is mostly a library's (netty's probe key): one level lower. Files stay as they are.
    severity: Severity = rule.severity.lowered() if best == 1 else rule.severity
    return ctx.finding(RULE, Text(zh=zh, en=en), *shown, level=level, severity=severity)
