"""SEC-SECRET-001 on iOS, hard-coded secrets: private keys, cloud access key ids and JWTs in
the `__cstring`/`__cfstring` strings of the app's own executables, and those plus `password=`
values in its plist and JSON files. Android's candidates and checks: YARA
(signatures/yara/android/secrets.yar, run over IPA executables and text files too) finds
them, scanner/facts/secrets.py keeps the real ones and redacts them.

Only the app's own bundles (scanner/analyzers/ios/own_bundles.py): the app, its extensions and
frameworks with its organisation's bundle-id prefix; not Apple's or third-party SDK
frameworks (a vendor's test key in `org.cocoapods.X` is not the app's credential). A static
SDK in the app's executable is named in the excerpt.

A string in an executable is traced to the functions that load it: E3 when an entry point
reaches one (with the path), E2 one level lower when only dead code does, no level when no
function is seen loading it (a string in a data table). A secret in a file keeps the
catalogue's severity with no code level: anyone who unzips the IPA reads it. `password=`
counts in config files only (plist, JSON, .conf/.ini/.env/.properties/.yaml), and in the
bundles' Info.plist, read as `key=value` lines; not in UI strings.

No secret is ever written whole: every message and excerpt carries `redact(value)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Final

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.own_bundles import class_of, own_bundles
from scanner.analyzers.secrets import ranked_finding
from scanner.facts.ios import BundleFacts
from scanner.facts.macho import MachOSlice
from scanner.facts.secrets import KIND_NAMES, Secret, find_secrets, match_text, shown_in_file
from scanner.graph.ios import IosGraph
from scanner.model import Evidence, Finding, Platform

RULE = "SEC-SECRET-001"
MAX_EVIDENCE = 5
CONFIG_FILE: Final = re.compile(
    r"\.(?:plist|json|properties|ini|cfg|conf|env|ya?ml)$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Seen:
    secret: Secret
    location: str
    shown: str
    slice: MachOSlice | None = None
    graph: IosGraph | None = None
    functions: tuple[int, ...] = ()


class IosSecretAnalyzer:
    id: ClassVar[str] = "ios-secrets"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        own = own_bundles(inputs)
        seen = [*_in_executables(inputs, own), *_in_files(inputs, own), *_in_info(own)]
        by_kind: dict[str, list[_Seen]] = {}
        for s in seen:
            by_kind.setdefault(s.secret.kind, []).append(s)
        for kind, found in by_kind.items():
            yield _finding(kind, _unique(found), ctx)


def _unique(found: list[_Seen]) -> list[_Seen]:
    """One per secret and place (a plist is both a YARA'd file and an Info.plist)."""
    return list({(s.secret, s.location): s for s in reversed(found)}.values())[::-1]


def _in_executables(inputs: IosInputs, own: list[BundleFacts]) -> Iterator[_Seen]:
    slices = {b.code_slice.location: b for b in own if b.code_slice and not b.encrypted}
    candidates: dict[str, set[str]] = {}
    for hit in inputs.yara:
        if hit.rule_id == RULE and hit.signal == "secret" and hit.location in slices:
            candidates.setdefault(hit.location, set()).update(
                match_text(m.data) for m in hit.strings
            )
    for location, texts in candidates.items():
        b = slices[location]
        s = b.code_slice
        assert s is not None
        strings = (*s.cstrings, *s.cfstrings)
        for text in sorted(texts):
            # The whole string: YARA's match of a PEM key stops after its first body line.
            for whole in [w for w in strings if text in w] or [text]:
                for secret in find_secrets(whole):
                    users = tuple(a for a, f in s.functions.items() if whole in f.strings)
                    shown = secret.redacted if whole != text else shown_in_file(secret)
                    graph = inputs.graphs.get(b.bundle.path)
                    yield _Seen(secret, location, shown, s, graph, users)


def _bundle_of(path: str, bundles: list[BundleFacts]) -> BundleFacts | None:
    """The innermost bundle holding the zip entry `path`."""
    holders = [b for b in bundles if path.startswith(b.bundle.path)]
    return max(holders, key=lambda b: len(b.bundle.path)) if holders else None


def _in_files(inputs: IosInputs, own: list[BundleFacts]) -> Iterator[_Seen]:
    executables = {b.code_slice.location for b in inputs.bundles if b.code_slice}
    own_paths = {b.bundle.path for b in own}
    for hit in inputs.yara:
        if hit.rule_id != RULE or hit.location in executables or "!" not in hit.location:
            continue
        holder = _bundle_of(hit.location.split("!", 1)[1], list(inputs.bundles))
        if holder is None or holder.bundle.path not in own_paths:
            continue
        config = hit.signal == "secret_config"
        if config and not CONFIG_FILE.search(hit.location):
            continue
        for match in hit.strings:
            for secret in find_secrets(match_text(match.data), config=config):
                yield _Seen(secret, hit.location, shown_in_file(secret))


def _flatten(value: object, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _flatten(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _flatten(v, key)
    elif isinstance(value, str):
        yield f"{key}={value}"


def _in_info(own: list[BundleFacts]) -> Iterator[_Seen]:
    """Info.plist as `key=value` lines: `<key>password</key><string>…</string>` is a
    password= line that YARA's text pattern does not see (nor a binary plist)."""
    for b in own:
        if not b.bundle.info_path:
            continue
        location = f"{b.location.split('!', 1)[0]}!{b.bundle.info_path}"
        text = "\n".join(_flatten(b.bundle.info))
        for secret in find_secrets(text, config=True):
            yield _Seen(secret, location, secret.redacted)


def _finding(kind: str, found: list[_Seen], ctx: Context) -> Finding:
    en_name = KIND_NAMES[kind][1]
    ranked: list[tuple[int, Evidence, str]] = []  # (reached 0, code 1, file 2; ev; value)
    for s in found:
        if s.slice is not None and s.functions:
            g = s.graph
            reached = [a for a in s.functions if g is not None and g.reachable(a)]
            if g is not None and reached:
                node = min(reached, key=lambda a: (len(g.path(a)), a))
                path = tuple(g.name(n) for n in g.path(node))
            else:
                node, path = min(s.functions), ()
            f = s.slice.functions[node]
            name = f.name or f"sub_{node:x}"
            owner = ctx.sdk_table.owner(class_of(name)) if class_of(name) else None
            note = f"; inside {owner.name}" if owner else ""
            ev = Evidence(
                location=s.location,
                symbol=name,
                excerpt=f"{en_name}: {s.shown}{note}",
                path=path,
            )
            ranked.append((0 if path else 1, ev, s.shown))
        else:
            ranked.append(
                (2, Evidence(location=s.location, excerpt=f"{en_name}: {s.shown}"), s.shown)
            )
    return ranked_finding(ranked, len(found), kind, ctx)
