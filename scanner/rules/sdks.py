"""Third-party SDK and tracker tables, and matching them against the classes an app defines.

Tables use the Exodus format: `code_signature` is a `|`-separated list of class-name prefixes in
which `.` stands for any character (in practice `.` or `/`). Exodus runs each as a regex over
every class name; this matcher turns the prefixes into plain substring searches over one joined
string per dex, which gives the same answers (see BENCHMARKS.md, tracker agreement) at a fraction
of the time. Alternatives of three characters or fewer are skipped, as Exodus skips them, and so
are empty ones (a stray `|` would otherwise match every app).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scanner.model import Evidence, SdkMatch

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
        return cls(tuple(sigs), tuple(sources))

    def match(self, dex_classes: Iterable[tuple[str, list[str]]]) -> list[SdkMatch]:
        """SDKs whose signature matches a class some dex defines, with a few example classes.

        `dex_classes` yields (location of the dex, class descriptors it defines).
        """
        found: dict[str, list[Evidence]] = {}
        for location, descriptors in dex_classes:
            # One newline-joined string per dex: each prefix is then one C-speed find().
            text = "\n" + "\n".join(d[1:-1] for d in descriptors if d.startswith("L")) + "\n"
            for sig in self.signatures:
                examples = found.setdefault(sig.id, [])
                if len(examples) >= MAX_EXAMPLES:
                    continue
                for cls_name in _find(text, sig, MAX_EXAMPLES - len(examples)):
                    examples.append(Evidence(location=location, symbol=cls_name.replace("/", ".")))
        by_id = {s.id: s for s in self.signatures}
        out = []
        for sig_id, evidence in found.items():
            if not evidence:
                continue
            sig = by_id[sig_id]
            out.append(
                SdkMatch(
                    id=sig.id,
                    name=sig.name,
                    categories=sig.categories,
                    source=sig.source,
                    vendor=sig.vendor,
                    evidence=tuple(evidence),
                )
            )
        return sorted(out, key=lambda m: (m.name.lower(), m.id))


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end]


def _find(text: str, sig: SdkSignature, limit: int) -> list[str]:
    out: list[str] = []
    for prefix in sig.prefixes:
        pos = text.find(prefix)
        while pos >= 0 and len(out) < limit:
            line = _line_at(text, pos)
            if line not in out:
                out.append(line)
            nxt = text.find("\n", pos)
            pos = text.find(prefix, nxt) if nxt >= 0 else -1
        if len(out) >= limit:
            return out
    for pattern in sig.patterns:
        for m in pattern.finditer(text):
            line = _line_at(text, m.start())
            if line not in out:
                out.append(line)
            if len(out) >= limit:
                return out
    return out
