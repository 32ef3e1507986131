"""YARA: compiled once per process from signatures/yara/**/*.yar; the only module importing yara.

A YARA rule names the catalogue id it feeds (`meta: id`) and the kind of signal it is
(`meta: signal` = api | keyword | packer …). Analyzers turn signals into findings, so a rule's
severity and wording never live in a .yar file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yara

from scanner.errors import RuleError

MAX_INSTANCES = 5  # per string per file: enough for evidence, bounded for huge files
_TIMEOUT_S = 60


@dataclass(frozen=True, slots=True)
class StringHit:
    identifier: str
    offset: int
    data: bytes


@dataclass(frozen=True, slots=True)
class YaraHit:
    rule: str
    namespace: str
    meta: dict[str, str]
    location: str
    strings: tuple[StringHit, ...]

    @property
    def rule_id(self) -> str:
        return self.meta.get("id", "")

    @property
    def signal(self) -> str:
        return self.meta.get("signal", "")


_cache: dict[Path, YaraEngine] = {}
_lock = threading.Lock()


class YaraEngine:
    def __init__(self, rules: yara.Rules, sources: tuple[Path, ...]) -> None:
        self._rules = rules
        self.sources = sources

    @classmethod
    def load(cls, signatures: Path) -> YaraEngine:
        root = (signatures / "yara").resolve()
        with _lock:
            if root not in _cache:
                files = tuple(sorted(root.rglob("*.yar")))
                rule_files = tuple(p for p in files if not p.name.startswith("_"))
                if not rule_files:
                    raise RuleError(f"no YARA rules under {root}")
                try:
                    compiled = yara.compile(
                        filepaths={p.relative_to(root).as_posix(): str(p) for p in rule_files}
                    )
                except yara.Error as exc:
                    raise RuleError(f"YARA rules do not compile: {exc}") from exc
                _cache[root] = cls(compiled, rule_files)
            return _cache[root]

    def scan(self, files: Iterable[tuple[str, bytes]]) -> list[YaraHit]:
        hits: list[YaraHit] = []
        for location, data in files:
            try:
                matches = self._rules.match(data=data, timeout=_TIMEOUT_S)
            except yara.TimeoutError as exc:
                raise RuleError(f"{location}: YARA timed out ({exc})") from exc
            for m in matches:
                strings = tuple(
                    StringHit(s.identifier, inst.offset, bytes(inst.matched_data))
                    for s in m.strings
                    for inst in s.instances[:MAX_INSTANCES]
                )
                meta = {str(k): str(v) for k, v in m.meta.items()}
                hits.append(YaraHit(m.rule, m.namespace, meta, location, strings))
        return hits


class LiteralSet:
    """Many plain strings, in named groups, found in one pass (YARA's Aho-Corasick).

    Used for SDK class-name prefixes: hundreds of them against every class name of an app.
    """

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self._names: list[str] = []
        rules = []
        for name, literals in sorted(groups.items()):
            if not literals:
                continue
            # Hex strings: exact bytes, whatever characters a literal holds.
            strings = "\n".join(
                f"        $s{j} = {{ {lit.encode('utf-8').hex(' ')} }}"
                for j, lit in enumerate(literals)
            )
            rules.append(
                f"rule g{len(self._names)} {{\n    strings:\n{strings}\n"
                "    condition:\n        any of them\n}"
            )
            self._names.append(name)
        try:
            self._rules = yara.compile(source="\n".join(rules)) if rules else None
        except yara.Error as exc:
            raise RuleError(f"literal set does not compile: {exc}") from exc

    def find(self, data: bytes, limit: int) -> dict[str, list[int]]:
        """Group name -> offsets of its literals in `data` (at most `limit` per literal)."""
        if self._rules is None:
            return {}
        out: dict[str, list[int]] = {}
        for m in self._rules.match(data=data, timeout=_TIMEOUT_S):
            name = self._names[int(m.rule[1:])]
            out[name] = sorted(inst.offset for s in m.strings for inst in s.instances[:limit])
        return out


def decode_match(data: bytes, identifier: str = "") -> str:
    """Matched bytes as readable text. Strings whose identifier ends in `_utf16` are UTF-16LE
    patterns (binary XML); everything else is read as UTF-8. Control bytes (a dex string's NUL
    terminator, say) are shown escaped, never as raw characters."""
    encoding = "utf-16-le" if identifier.endswith("_utf16") else "utf-8"
    text = data.decode(encoding, "replace")
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
