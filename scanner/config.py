"""Scan settings: frozen, built once by the CLI, passed down."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scanner.filed_identity import FiledIdentities
from scanner.model import Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Caps that keep a hostile archive from exhausting the machine.

    The defaults fit the largest real government apps (a few hundred MB, tens of thousands of
    entries) with room to spare, and stop zip bombs long before memory runs out.
    """

    max_package_bytes: int = 2 * 1024**3
    max_entries: int = 100_000
    max_entry_bytes: int = 512 * 1024**2
    max_total_bytes: int = 4 * 1024**3
    max_ratio: int = 200  # uncompressed / compressed, for entries above ratio_floor_bytes
    ratio_floor_bytes: int = 1024**2
    max_nesting: int = 3
    max_nested_bytes: int = 256 * 1024**2


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanConfig:
    limits: Limits = field(default_factory=Limits)
    fail_on: Severity = Severity.HIGH
    signatures: Path | None = None
    lang: str = "zh"
    # The whole-app call graph: evidence levels E3/E4 and paths. Off: a faster scan whose
    # code findings stop at E2.
    code_graph: bool = True
    # --filed-identity: what the filing recorded, for ID-FILING-002; None: not checked.
    filed_identity: FiledIdentities | None = None
