"""Rating settings: DOMAIN.md §3's numbers as defaults, overridable by a TOML file or options.

A TOML file has one `[rating]` table whose keys are the field names below, e.g.

    [rating]
    window_days = 45
    zombie_threshold = 3
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.errors import ScannerError
from scanner.model import Severity


class RatingConfigError(ScannerError):
    """The rating configuration file cannot be used."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RatingConfig:
    # Rectification window W (DOMAIN.md §3: 30 days, configurable): a blocking finding must be
    # fixed within W of its first scan; past W it turns the code red.
    window_days: int = 30
    # "Blocking anomaly = finding ≥H in FORM-*, PRIV-PRECONSENT/CONTACT, SEC-NET-002, SEC-DEBUG,
    # ID-FILING-002, or ZOMB score ≥ threshold": the severity floor and the rule id prefixes.
    # ID-FILING-002 is not listed: any ID-FILING-002 finding, whatever its severity, is the
    # identity condition of the three codes ("filed identity matches", "identity mismatch
    # first seen", "unfiled/mismatched identity > W"), handled on its own in rating.py.
    blocking_severity: str = "high"
    blocking_rules: tuple[str, ...] = (
        "FORM-",
        "PRIV-PRECONSENT-",
        "PRIV-CONTACT-",
        "SEC-NET-002",
        "SEC-DEBUG-",
    )
    # "… or ZOMB score ≥ threshold": the score adds these points per ZOMB-* finding by
    # severity, so the default 2 is one medium ZOMB finding (a shell or stale app) or two low.
    zombie_threshold: int = 2
    zombie_points: tuple[tuple[str, int], ...] = (
        ("info", 0),
        ("low", 1),
        ("medium", 2),
        ("high", 3),
        ("critical", 4),
    )
    # BLUE: "no new version >12 months with targetSdk below store minimum" (30: the 2023 store
    # convention, as ZOMB-STALE-001 uses).
    stale_days: int = 365
    store_min_target_sdk: int = 30
    # RED: "≥3 BLUE episodes in 12 months", "a finding re-introduced twice after fixes".
    red_blue_episodes: int = 3
    episode_period_days: int = 365
    red_reintroductions: int = 2
    # Hysteresis: "BLUE→GREEN after two clean scans ≥14 d apart".
    green_clean_scans: int = 2
    green_spacing_days: int = 14

    def __post_init__(self) -> None:
        Severity(self.blocking_severity)  # a ValueError names the bad value
        for name in ("window_days", "stale_days", "episode_period_days", "green_spacing_days"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        for name in ("zombie_threshold", "red_blue_episodes", "red_reintroductions"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.green_clean_scans < 1:
            raise ValueError("green_clean_scans must be at least 1")

    def points(self, severity: str) -> int:
        return dict(self.zombie_points).get(severity, 0)

    def to_dict(self) -> dict[str, Any]:
        """For the audit trail: the settings a code was computed with."""
        out = dataclasses.asdict(self)
        out["blocking_rules"] = list(self.blocking_rules)
        out["zombie_points"] = dict(self.zombie_points)
        return out


def load_rating_config(path: Path | None = None, **overrides: Any) -> RatingConfig:
    """The defaults, then the file's `[rating]` table, then `overrides` that are not None."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise RatingConfigError(f"{path.name}: cannot read ({exc})") from exc
        table = doc.get("rating", {})
        if not isinstance(table, dict):
            raise RatingConfigError(f"{path.name}: [rating] must be a table")
        values.update(table)
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in dataclasses.fields(RatingConfig)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise RatingConfigError(f"unknown rating setting(s): {', '.join(unknown)}")
    if "blocking_rules" in values:
        values["blocking_rules"] = tuple(values["blocking_rules"])
    if "zombie_points" in values:
        points = values["zombie_points"]
        if not isinstance(points, dict):
            raise RatingConfigError("zombie_points must be a table of severity = points")
        values["zombie_points"] = tuple(sorted(points.items()))
    try:
        return RatingConfig(**values)
    except (TypeError, ValueError) as exc:
        raise RatingConfigError(f"bad rating setting: {exc}") from exc
