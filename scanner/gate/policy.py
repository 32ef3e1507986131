"""The gate policy: which findings fail a CI run. Loaded from YAML, validated against the catalogue.

The file is read as a YAML node tree rather than plain data, so every error can name the key and
the line, duplicate keys are refused (plain loading keeps the last one silently), and YAML 1.1
surprises (`severity: no` read as a boolean) are caught as wrong types.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scanner.gate.errors import GateFileError
from scanner.gate.locate import compose, node_line
from scanner.model import EvidenceLevel, Severity

POLICY_VERSION = 1
NONE = "none"  # a threshold that never fails
_STR = "tag:yaml.org,2002:str"
_TOP_KEYS = ("version", "fail_on", "ignore_rules")
_FAIL_ON_KEYS = ("severity", "rules", "categories", "min_evidence")
_SEVERITIES = (*(s.value for s in Severity), NONE)
EVIDENCE_ORDER = tuple(EvidenceLevel)


@dataclass(frozen=True, slots=True, kw_only=True)
class Policy:
    """What fails the gate. A threshold of None never fails (`none` in the file)."""

    path: str
    severity: Severity | None = None
    rules: frozenset[str] = frozenset()
    categories: dict[str, Severity | None] = field(default_factory=dict)
    min_evidence: EvidenceLevel | None = None
    ignore_rules: frozenset[str] = frozenset()

    def threshold(self, category: str) -> tuple[str, Severity | None]:
        """The key that sets this category's threshold, and the threshold."""
        if category in self.categories:
            return f"fail_on.categories.{category}", self.categories[category]
        return "fail_on.severity", self.severity


class _Reader:
    """Typed access to the node tree; each failure raises a GateFileError with the line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, node: yaml.Node | None, message: str) -> GateFileError:
        return GateFileError(
            self.path, message, key=key, line=node_line(node) if node is not None else None
        )

    def mapping(
        self, key: str, node: yaml.Node, allowed: Collection[str] | None
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        label = key or "the policy"
        if not isinstance(node, yaml.MappingNode):
            raise self.error(key, node, f"{label} must be a mapping (key: value lines)")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for k, v in node.value:
            name = self.string(key, k, what="a key")
            sub = f"{key}.{name}" if key else name
            if name in out:
                first = node_line(out[name][0])
                raise self.error(sub, k, f"duplicate key (first given on line {first})")
            if allowed is not None and name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise self.error(sub, k, f"unknown key (allowed here: {', '.join(allowed)}){hint}")
            out[name] = (k, v)
        return out

    def string(self, key: str, node: yaml.Node, *, what: str = "a string") -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value.strip():
            return str(node.value).strip()
        shown = node.value if isinstance(node, yaml.ScalarNode) and node.value else "empty"
        raise self.error(key, node, f"expected {what}, got {shown!r}")

    def choice(self, key: str, node: yaml.Node, choices: Collection[str], what: str) -> str:
        value = self.string(key, node)
        if value not in choices:
            raise self.error(
                key, node, f"{value!r} is not {what} (choose from {', '.join(choices)})"
            )
        return value

    def strings(self, key: str, node: yaml.Node) -> Iterator[tuple[str, yaml.Node]]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(key, node, "expected a list, e.g. [SEC-DEBUG-001, ID-FILING-002]")
        for i, item in enumerate(node.value):
            yield self.string(f"{key}[{i}]", item, what="a rule id"), item


def _severity(value: str) -> Severity | None:
    return None if value == NONE else Severity(value)


def load_policy(path: Path, rule_ids: Collection[str], categories: Collection[str]) -> Policy:
    """Read and validate a policy; `rule_ids` and `categories` come from the rule catalogue,
    so that a typo cannot silently switch a check off."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GateFileError(path, f"cannot read the policy: {exc}") from exc
    try:
        root = compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise GateFileError(path, f"not valid YAML: {problem}", line=line) from exc
    if root is None:
        raise GateFileError(path, "the policy is empty; it needs at least a fail_on section")
    r = _Reader(path)
    top = r.mapping("", root, _TOP_KEYS)
    if "version" in top:
        v = top["version"][1]
        if not (isinstance(v, yaml.ScalarNode) and v.value == str(POLICY_VERSION)):
            raise r.error(
                "version", v, f"unsupported policy version (this tool reads {POLICY_VERSION})"
            )
    if "fail_on" not in top:
        raise GateFileError(path, "missing the fail_on section", key="fail_on", line=1)

    def rule_list(key: str, node: yaml.Node) -> frozenset[str]:
        out = set()
        for rule_id, item in r.strings(key, node):
            if rule_id not in rule_ids:
                close = difflib.get_close_matches(rule_id, list(rule_ids), n=1)
                hint = f"; did you mean {close[0]}?" if close else ""
                raise r.error(
                    key, item, f"unknown rule id {rule_id!r} (not in the catalogue){hint}"
                )
            out.add(rule_id)
        return frozenset(out)

    fail_key, fail_node = top["fail_on"]
    fail_on = r.mapping("fail_on", fail_node, _FAIL_ON_KEYS)
    severity = None
    if "severity" in fail_on:
        severity = _severity(
            r.choice("fail_on.severity", fail_on["severity"][1], _SEVERITIES, "a severity")
        )
    rules = rule_list("fail_on.rules", fail_on["rules"][1]) if "rules" in fail_on else frozenset()
    by_category: dict[str, Severity | None] = {}
    if "categories" in fail_on:
        cats = r.mapping("fail_on.categories", fail_on["categories"][1], None)
        for name, (k, v) in cats.items():
            key = f"fail_on.categories.{name}"
            if name not in categories:
                raise r.error(
                    key, k, f"unknown category (choose from {', '.join(sorted(categories))})"
                )
            by_category[name] = _severity(r.choice(key, v, _SEVERITIES, "a severity"))
    min_evidence = None
    if "min_evidence" in fail_on:
        levels = [e.value for e in EVIDENCE_ORDER]
        node = fail_on["min_evidence"][1]
        min_evidence = EvidenceLevel(
            r.choice("fail_on.min_evidence", node, levels, "an evidence level")
        )
    if severity is None and not rules and not any(v is not None for v in by_category.values()):
        raise r.error(
            "fail_on",
            fail_key,
            "sets no threshold, so nothing could ever fail: give severity, rules or categories",
        )
    ignored = (
        rule_list("ignore_rules", top["ignore_rules"][1]) if "ignore_rules" in top else frozenset()
    )
    if both := sorted(rules & ignored):
        raise r.error(
            "ignore_rules",
            top["ignore_rules"][1],
            f"{', '.join(both)} also listed in fail_on.rules: a rule cannot both always fail "
            "and be ignored",
        )
    return Policy(
        path=str(path),
        severity=severity,
        rules=rules,
        categories=by_category,
        min_evidence=min_evidence,
        ignore_rules=ignored,
    )
