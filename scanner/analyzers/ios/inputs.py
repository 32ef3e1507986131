"""What iOS analyzers see: the facts of every bundle of one IPA."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from scanner.analyzers.base import Context
from scanner.facts.ios import BundleFacts
from scanner.graph.ios import IosGraph
from scanner.model import Finding, Platform, SdkMatch
from scanner.rules.ios_data import IosTable
from scanner.rules.yara_engine import YaraHit


@dataclass(frozen=True, slots=True, kw_only=True)
class IosInputs:
    package_label: str  # the IPA's file name, the root of every location
    bundles: tuple[BundleFacts, ...]  # the app first, then its extensions, watch app, frameworks
    sdks: tuple[SdkMatch, ...]
    yara: tuple[YaraHit, ...]
    table: IosTable
    graphs: dict[str, IosGraph] = field(default_factory=dict)  # bundle path -> its code's graph
    scan_date: str = ""  # ISO date the scan ran: profiles and certificates expire

    @property
    def app(self) -> BundleFacts:
        return self.bundles[0]


class IosAnalyzer(Protocol):
    id: ClassVar[str]
    platforms: ClassVar[tuple[Platform, ...]]
    rule_ids: ClassVar[tuple[str, ...]]

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]: ...
