"""The rule catalogue (signatures/rules/*.toml) and the ruleset hash every report records."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.errors import RuleError
from scanner.model import Platform, Rule, Severity, Text

ID_PATTERN = re.compile(r"^(FORM|PRIV|SEC|ZOMB|FUNC|ID)-[A-Z]+-\d{3}$")
CATEGORIES = frozenset({"identity", "formalism", "privacy", "security", "zombie", "function"})


def _text(raw: Any, field: str, rule_id: str) -> Text:
    if not isinstance(raw, dict) or not raw.get("zh") or not raw.get("en"):
        raise RuleError(f"{rule_id}: `{field}` needs both zh and en text")
    return Text(zh=str(raw["zh"]), en=str(raw["en"]))


def _rule(raw: dict[str, Any]) -> Rule:
    rule_id = str(raw.get("id", ""))
    if not ID_PATTERN.match(rule_id):
        raise RuleError(f"catalogue: bad rule id {rule_id!r}")
    try:
        severity = Severity(raw["severity"])
        platforms = tuple(Platform(p) for p in raw["platforms"])
    except (KeyError, ValueError) as exc:
        raise RuleError(f"{rule_id}: bad or missing severity/platforms ({exc})") from exc
    category = raw.get("category")
    if category not in CATEGORIES:
        raise RuleError(f"{rule_id}: category {category!r} is not one of {sorted(CATEGORIES)}")
    return Rule(
        id=rule_id,
        title=_text(raw.get("title"), "title", rule_id),
        severity=severity,
        category=str(category),
        platforms=platforms,
        rationale=_text(raw.get("rationale"), "rationale", rule_id),
        remediation=_text(raw.get("remediation"), "remediation", rule_id),
        basis=tuple(str(b) for b in raw.get("basis", ())),
        cwe=tuple(int(c) for c in raw.get("cwe", ())),
        masvs=tuple(str(m) for m in raw.get("masvs", ())),
        needs_review=bool(raw.get("needs_review", False)),
    )


@dataclass(frozen=True, slots=True)
class Catalog:
    rules: dict[str, Rule]

    @classmethod
    def load(cls, signatures: Path) -> Catalog:
        rules: dict[str, Rule] = {}
        files = sorted((signatures / "rules").glob("*.toml"))
        if not files:
            raise RuleError(f"no rule catalogue in {signatures / 'rules'}")
        for path in files:
            try:
                doc = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise RuleError(f"{path.name}: {exc}") from exc
            for raw in doc.get("rule", []):
                rule = _rule(raw)
                if rule.id in rules:
                    raise RuleError(f"{path.name}: rule id {rule.id} defined twice")
                rules[rule.id] = rule
        return cls(dict(sorted(rules.items())))

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self.rules


def ruleset_sha256(signatures: Path) -> str:
    """One hash over every file that shapes results: rules, YARA sources and data tables."""
    h = hashlib.sha256()
    for path in sorted(p for p in signatures.rglob("*") if p.is_file()):
        rel = path.relative_to(signatures).as_posix()
        if "__pycache__" in rel:
            continue
        h.update(rel.encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()
