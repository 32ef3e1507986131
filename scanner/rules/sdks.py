"""Third-party SDK and tracker tables, and matching them against the classes an app defines.

Tables use the Exodus format: `code_signature` is a `|`-separated list of class-name prefixes in
which `.` stands for any character (in practice `.` or `/`). Exodus runs the whole signature as
one regex over every class name dexdump prints; this matcher finds all prefixes of all tables
in one YARA pass over the newline-joined names of the classes each dex defines. Measured
against exodus-core on the same table (BENCHMARKS.md, tracker agreement) the two differ where
exodus-core counts names that are only referenced (a field's type) and where it does not open
nested `.zip`/`.jar` archives. Alternatives of three characters or fewer, and empty ones (a
stray `|` would match every app), are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scanner.model import Evidence, SdkMatch
from scanner.rules.yara_engine import LiteralSet

_SIMPLE = re.compile(r"^[\w.$-]+$")
MAX_EXAMPLES = 3


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
    if not prefixes and not patterns:
        return None
    pd = entry.get("collects_personal_data")
    return SdkSignature(
        id=str(entry["id"]),
        name=str(entry["name"]),
        categories=tuple(str(c) for c in entry.get("categories") or ()),  # type: ignore[attr-defined]
        source=source,
        vendor=str(entry.get("vendor") or ""),
        prefixes=tuple(prefixes),
        patterns=tuple(patterns),
        collects_personal_data=pd if isinstance(pd, bool) else None,
    )


@dataclass(frozen=True, slots=True)
class SdkTable:
    signatures: tuple[SdkSignature, ...]
    sources: tuple[tuple[str, dict[str, object]], ...]
    _literals: LiteralSet

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
        return cls(tuple(sigs), tuple(sources), literals)

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
        by_id = {s.id: s for s in self.signatures}
        out = [
            SdkMatch(
                id=sig_id,
                name=by_id[sig_id].name,
                categories=by_id[sig_id].categories,
                source=by_id[sig_id].source,
                vendor=by_id[sig_id].vendor,
                evidence=tuple(evidence),
            )
            for sig_id, evidence in found.items()
            if evidence
        ]
        return sorted(out, key=lambda m: (m.name.lower(), m.id))

    def owner(self, class_descriptor: str) -> SdkSignature | None:
        """The SDK a class belongs to (by its signature prefixes), if any."""
        name = class_descriptor[1:-1] if class_descriptor.startswith("L") else class_descriptor
        best: SdkSignature | None = None
        best_len = 0
        for sig in self.signatures:
            for prefix in sig.prefixes:
                if name.startswith(prefix) and len(prefix) > best_len:
                    best, best_len = sig, len(prefix)
        return best


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
