"""Third-party SDK and tracker tables, and matching them against the classes an app defines.

Tables use the Exodus format: `code_signature` is a `|`-separated list of class-name prefixes in
which `.` stands for any character (in practice `.` or `/`). Exodus runs the whole signature as
one regex over every class name dexdump prints; this matcher finds all prefixes of all tables
in one YARA pass over the newline-joined names of the classes each dex defines. Measured
against exodus-core on the same table (BENCHMARKS.md, tracker agreement) the two differ where
exodus-core counts names that are only referenced (a field's type) and where it does not open
nested `.zip`/`.jar` archives. Alternatives of three characters or fewer, and empty ones (a
stray `|` would match every app), are skipped.

iOS: an entry may also carry `ios` = {frameworks, classes, class_prefixes, source} (Fingertip's
own tables; Exodus entries are Android class prefixes and have none). `SdkTable.match_ios` finds
an SDK by a framework the binary links or embeds, or by an Objective-C class the binary defines
(static libraries are linked in) or imports from a dynamic framework (`_OBJC_CLASS_$_X`): a class
matches a listed name exactly, or starts with a listed prefix at a word boundary (`IFly` matches
`IFlySpeechRecognizer`, not `IFlyerView`). Class names are found in one YARA pass, like the
Android prefixes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scanner.model import Evidence, SdkMatch
from scanner.rules.yara_engine import LiteralSet

_SIMPLE = re.compile(r"^[\w.$-]+$")
MAX_EXAMPLES = 3
# Instances YARA reports per iOS literal: a prefix may first hit names that fail the word-boundary
# check, so keep more than the examples shown.
_IOS_HIT_LIMIT = 256
_FRAMEWORK = re.compile(r"([^/]+)\.framework(?:/|$)")
_OBJC_CLASS_SYMBOL = re.compile(r"^_?OBJC_(?:META)?CLASS_\$_(.+)$")

# The categories and personal-data kinds of Fingertip's own tables (tests hold the tables to them;
# Exodus entries keep Exodus's own categories).
CATEGORIES = (
    "location",
    "push",
    "analytics",
    "crash",
    "share/login",
    "ads",
    "payment",
    "OAID",
    "browser kernel",
    "face/OCR",
    "hot-fix",
    "app framework",
)
PERSONAL_DATA_KINDS = (
    "location",
    "device identifiers",
    "network information",
    "installed apps",
    "phone number",
    "account identifiers",
    "app usage",
    "crash and device state",
    "message content",
    "payment information",
    "biometrics",
    "camera images",
    "microphone audio",
    "identity documents",
)

# Evidence.excerpt of an iOS match: which kind of name proved it.
FRAMEWORK = "framework"
CLASS = "class"
IMPORTED_CLASS = "imported class"


@dataclass(frozen=True, slots=True)
class IosSignature:
    frameworks: tuple[str, ...]  # AMapLocationKit (as in @rpath/AMapLocationKit.framework/...)
    classes: tuple[str, ...]  # exact Objective-C class names
    class_prefixes: tuple[str, ...]  # class-name prefixes, matched at a word boundary
    source: str

    def matches_class(self, name: str) -> bool:
        return name in self.classes or any(_prefix_matches(name, p) for p in self.class_prefixes)


@dataclass(frozen=True, slots=True)
class SdkSignature:
    id: str
    name: str
    categories: tuple[str, ...]
    source: str
    vendor: str
    prefixes: tuple[str, ...]  # slash form: com/amap/api/location/
    patterns: tuple[re.Pattern[str], ...]  # alternatives that are real regexes
    collects_personal_data: bool | None
    name_zh: str = ""
    personal_data: tuple[str, ...] = ()
    ios: IosSignature | None = None


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str) and v)


def _compile_ios(raw: object) -> IosSignature | None:
    if not isinstance(raw, dict):
        return None
    sig = IosSignature(
        frameworks=_strings(raw.get("frameworks")),
        classes=_strings(raw.get("classes")),
        # A prefix of two characters would match half of an app's classes.
        class_prefixes=tuple(p for p in _strings(raw.get("class_prefixes")) if len(p) > 2),
        source=str(raw.get("source") or ""),
    )
    return sig if sig.frameworks or sig.classes or sig.class_prefixes else None


def _compile(entry: dict[str, object], source: str) -> SdkSignature | None:
    sig = str(entry.get("code_signature") or "")
    prefixes: list[str] = []
    patterns: list[re.Pattern[str]] = []
    for alt in sig.split("|"):
        alt = alt.strip()
        if len(alt) <= 3:
            continue
        if _SIMPLE.match(alt):
            prefixes.append(alt.replace("\\.", ".").replace(".", "/"))
        else:
            patterns.append(re.compile(alt.replace("\\.", "/").replace(".", "[./]")))
    ios = _compile_ios(entry.get("ios"))
    if not prefixes and not patterns and ios is None:
        return None
    pd = entry.get("collects_personal_data")
    return SdkSignature(
        id=str(entry["id"]),
        name=str(entry["name"]),
        categories=_strings(entry.get("categories")),
        source=source,
        vendor=str(entry.get("vendor") or ""),
        prefixes=tuple(prefixes),
        patterns=tuple(patterns),
        collects_personal_data=pd if isinstance(pd, bool) else None,
        name_zh=str(entry.get("name_zh") or ""),
        personal_data=_strings(entry.get("personal_data")),
        ios=ios,
    )


@dataclass(frozen=True, slots=True)
class SdkTable:
    signatures: tuple[SdkSignature, ...]
    sources: tuple[tuple[str, dict[str, object]], ...]
    _literals: LiteralSet
    # iOS: class literals per signature id, compiled on the first `match_ios` (an APK scan never
    # pays for them), and the signature ids of each framework name.
    _ios_groups: dict[str, list[str]] = field(default_factory=dict)
    _ios_frameworks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _ios_compiled: list[LiteralSet] = field(default_factory=list)
    # `owner`'s index, built on first use: prefix -> the first signature naming it, and the
    # lengths of all prefixes (a lookup tries only those cuts of the name, longest first).
    _by_prefix: dict[str, SdkSignature] = field(default_factory=dict)
    _prefix_lengths: list[int] = field(default_factory=list)

    @classmethod
    def load(cls, directory: Path) -> SdkTable:
        sigs: list[SdkSignature] = []
        sources = []
        for path in sorted(directory.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            source = path.stem
            sources.append((source, dict(doc.get("source") or {})))
            for entry in doc["trackers"]:
                compiled = _compile(entry, source)
                if compiled is not None:
                    sigs.append(compiled)
        literals = LiteralSet({s.id: list(s.prefixes) for s in sigs})
        ios_groups: dict[str, list[str]] = {}
        frameworks: dict[str, list[str]] = {}
        for s in sigs:
            if s.ios is None:
                continue
            # Anchored at the start of a line of the newline-joined class names: an exact name
            # ends with the newline too; a prefix's word boundary is checked after the hit.
            ios_groups[s.id] = [f"\n{c}\n" for c in s.ios.classes] + [
                f"\n{p}" for p in s.ios.class_prefixes
            ]
            for fw in s.ios.frameworks:
                frameworks.setdefault(fw, []).append(s.id)
        return cls(
            tuple(sigs),
            tuple(sources),
            literals,
            ios_groups,
            {fw: tuple(ids) for fw, ids in frameworks.items()},
        )

    def match(self, dex_classes: Iterable[tuple[str, list[str]]]) -> list[SdkMatch]:
        """SDKs whose signature matches a class some dex defines, with a few example classes.

        `dex_classes` yields (location of the dex, class descriptors it defines).
        """
        found: dict[str, list[Evidence]] = {}
        for location, descriptors in dex_classes:
            # One newline-joined text per dex: every prefix is then found in a single pass.
            text = "\n" + "\n".join(d[1:-1] for d in descriptors if d.startswith("L")) + "\n"
            raw = text.encode("utf-8", "surrogatepass")
            hits = self._literals.find(raw, MAX_EXAMPLES * 4)
            for sig in self.signatures:
                examples = found.setdefault(sig.id, [])
                lines = [_line_at(raw, off) for off in hits.get(sig.id, ())]
                lines += _regex_lines(text, sig)
                for line in dict.fromkeys(lines):
                    if len(examples) >= MAX_EXAMPLES:
                        break
                    if all(e.symbol != line.replace("/", ".") for e in examples):
                        examples.append(Evidence(location=location, symbol=line.replace("/", ".")))
        return self._matches(found)

    def match_ios(
        self,
        location: str,
        *,
        frameworks: Iterable[str],
        classes: Iterable[str],
        imported_classes: Iterable[str],
        symbols: Iterable[str] = (),
    ) -> list[SdkMatch]:
        """SDKs found in one iOS binary, each with up to three examples.

        `frameworks`: the frameworks it links or embeds, as a load command names them
        (`@rpath/X.framework/X`), as a bundle path (`Frameworks/X.framework`) or as a bare name.
        `classes`: Objective-C classes it defines. `imported_classes`: classes it imports from
        dynamic frameworks (`X` or `_OBJC_CLASS_$_X`). `symbols`: any imported symbols; the
        Objective-C class references among them count as imported classes.
        Each example's `excerpt` says what proved it: framework, class or imported class.
        """
        found: dict[str, list[Evidence]] = {}

        def add(sig_id: str, symbol: str, kind: str) -> None:
            examples = found.setdefault(sig_id, [])
            if len(examples) < MAX_EXAMPLES and all(e.symbol != symbol for e in examples):
                examples.append(Evidence(location=location, symbol=symbol, excerpt=kind))

        for ref in frameworks:
            name = _framework_name(ref)
            for sig_id in self._ios_frameworks.get(name, ()):
                add(sig_id, f"{name}.framework", FRAMEWORK)
        for sig_id, names in self._class_hits(classes).items():
            for name in names:
                add(sig_id, name, CLASS)
        imported = [_imported_class(c) or c for c in imported_classes]
        imported += [c for s in symbols if (c := _imported_class(s))]
        for sig_id, names in self._class_hits(imported).items():
            for name in names:
                add(sig_id, name, IMPORTED_CLASS)
        return self._matches(found)

    def owner(self, class_descriptor: str) -> SdkSignature | None:
        """The SDK a class belongs to (by its signature prefixes), if any."""
        name = class_descriptor[1:-1] if class_descriptor.startswith("L") else class_descriptor
        if not self._prefix_lengths:
            # Analyzers ask for hundreds of classes; a scan of every prefix per question cost
            # 0.25 ms each. The longest prefix wins, and of equal ones the first signature, as
            # that scan decided.
            for sig in self.signatures:
                for prefix in sig.prefixes:
                    if prefix:
                        self._by_prefix.setdefault(prefix, sig)
            self._prefix_lengths.extend(sorted({len(p) for p in self._by_prefix}, reverse=True))
        for length in self._prefix_lengths:
            if length <= len(name):
                found = self._by_prefix.get(name[:length])
                if found is not None:
                    return found
        return None

    def _class_hits(self, names: Iterable[str]) -> dict[str, list[str]]:
        """Signature id -> the given class names that match its iOS classes, in input order."""
        unique = list(dict.fromkeys(n for n in names if n and "\n" not in n))
        if not unique or not self._ios_groups:
            return {}
        if not self._ios_compiled:
            self._ios_compiled.append(LiteralSet(self._ios_groups))
        raw = ("\n" + "\n".join(unique) + "\n").encode("utf-8", "surrogatepass")
        by_id = {s.id: s for s in self.signatures}
        out: dict[str, list[str]] = {}
        for sig_id, offsets in self._ios_compiled[0].find(raw, _IOS_HIT_LIMIT).items():
            ios = by_id[sig_id].ios
            # The hit starts at the newline before the name.
            names_hit = dict.fromkeys(_line_at(raw, off + 1) for off in offsets)
            matching = [n for n in names_hit if ios is not None and ios.matches_class(n)]
            if matching:
                out[sig_id] = matching
        return out

    def _matches(self, found: dict[str, list[Evidence]]) -> list[SdkMatch]:
        by_id = {s.id: s for s in self.signatures}
        out = [
            SdkMatch(
                id=sig_id,
                name=by_id[sig_id].name,
                categories=by_id[sig_id].categories,
                source=by_id[sig_id].source,
                vendor=by_id[sig_id].vendor,
                evidence=tuple(evidence),
                personal_data=tuple(by_id[sig_id].personal_data),
            )
            for sig_id, evidence in found.items()
            if evidence
        ]
        return sorted(out, key=lambda m: (m.name.lower(), m.id))


def _prefix_matches(name: str, prefix: str) -> bool:
    """`name` starts with `prefix` and the prefix ends a word: what follows is nothing, an
    upper-case letter, a digit or `_` (ObjC names are CamelCase)."""
    if not name.startswith(prefix):
        return False
    rest = name[len(prefix) :]
    return not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] == "_"


def _framework_name(ref: str) -> str:
    m = _FRAMEWORK.search(ref)
    return m.group(1) if m else ref.rstrip("/").rsplit("/", 1)[-1]


def _imported_class(symbol: str) -> str | None:
    m = _OBJC_CLASS_SYMBOL.match(symbol)
    return m.group(1) if m else None


def _line_at(raw: bytes, pos: int) -> str:
    start = raw.rfind(b"\n", 0, pos) + 1
    end = raw.find(b"\n", pos)
    return raw[start:end].decode("utf-8", "replace")


def _regex_lines(text: str, sig: SdkSignature) -> list[str]:
    out: list[str] = []
    for pattern in sig.patterns:
        for m in pattern.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            out.append(text[start : text.find("\n", m.start())])
            if len(out) >= MAX_EXAMPLES:
                return out
    return out
