"""What every analyzer sees, and the one way it makes a finding.

Analyzers are stateless: they read typed facts (never the archive) and yield findings through
`Context.finding`, which takes severity and titles from the catalogue so that rule metadata
never lives in code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from scanner.facts.android import AndroidFacts
from scanner.facts.native import NativeLibrary
from scanner.facts.signing import SigningInfo
from scanner.filed_identity import FiledIdentities
from scanner.graph.bodies import BodyReader
from scanner.graph.callgraph import CodeGraph
from scanner.graph.dex import DexFile
from scanner.graph.reach import Reach
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, SdkMatch, Severity, Text
from scanner.rules.catalog import Catalog
from scanner.rules.data import BehaviourTable, PackerTable
from scanner.rules.permissions import PermissionRules
from scanner.rules.sdks import SdkTable
from scanner.rules.yara_engine import YaraHit


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeEvidence:
    """The call graph of the app and what explains its paths."""

    graph: CodeGraph
    reach: Reach
    texts: Callable[[int], tuple[str, ...]]  # resource id -> the strings a user sees
    # The dex files the graph was built from, for rules that read a few methods' bodies
    # (scanner/graph/bodies.py): the graph keeps only what every rule needs.
    dexes: tuple[DexFile, ...] = ()
    # One reader of those bodies per scan, shared by the rules (its class index is built once).
    bodies: BodyReader = field(default_factory=lambda: BodyReader(()))


@dataclass(frozen=True, slots=True, kw_only=True)
class AndroidInputs:
    """The facts of one APK that analyzers read."""

    package_label: str  # the package's file name, the root of every location
    facts: AndroidFacts
    signing: SigningInfo
    native: tuple[NativeLibrary, ...]
    sdks: tuple[SdkMatch, ...]
    yara: tuple[YaraHit, ...]
    entry_names: tuple[str, ...]
    code: CodeEvidence | None = None


@dataclass(slots=True)
class Context:
    catalog: Catalog
    packers: PackerTable
    behaviours: BehaviourTable
    sdk_table: SdkTable
    coverage_reasons: list[str] = field(default_factory=list)
    # signatures/data/permissions.toml (PRIV-PERM-*, PRIV-AUTOSTART-001); None: rules not run
    permission_rules: PermissionRules | None = None
    # What the filing recorded (--filed-identity), for ID-FILING-002; None: not given.
    filed: FiledIdentities | None = None
    # Rules an analyzer could not evaluate in this scan (no input for them): not reported as
    # passed.
    skipped: set[str] = field(default_factory=set)

    def finding(
        self,
        rule_id: str,
        message: Text,
        *evidence: Evidence,
        level: EvidenceLevel | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        rule = self.catalog[rule_id]
        return Finding(
            rule_id=rule_id,
            severity=severity or rule.severity,
            message=message,
            evidence_level=level,
            evidence=tuple(evidence),
            needs_review=rule.needs_review,
        )


def run_analyzers(
    analyzers: Iterable[type[Any]], inputs: object, ctx: Context
) -> tuple[list[Finding], list[str]]:
    """Every analyzer over the inputs of its platform: the findings, sorted, and the rule ids
    evaluated (a rule evaluated with no finding is a pass, which the report says)."""
    findings: list[Finding] = []
    evaluated: list[str] = []
    for analyzer_cls in analyzers:
        analyzer = analyzer_cls()
        evaluated.extend(analyzer.rule_ids)
        findings.extend(analyzer.analyze(inputs, ctx))
    findings.sort(key=Finding.sort_key)
    return findings, [r for r in evaluated if r not in ctx.skipped]


class Analyzer(Protocol):
    id: ClassVar[str]
    platforms: ClassVar[tuple[Platform, ...]]
    rule_ids: ClassVar[tuple[str, ...]]

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]: ...
