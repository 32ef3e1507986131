"""The permission tables (signatures/data/permissions.toml): what shows that an app uses a
dangerous permission, the GB/T 41391 Annex E list, where permission requests repeat, which
broadcasts and intents start an app or another app, and the iOS location, camera/microphone
and app-probing APIs."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.errors import RuleError
from scanner.rules.ios_data import IosApi


@dataclass(frozen=True, slots=True)
class PermissionUse:
    """What in a package shows that a dangerous permission is used (any one suffices)."""

    name: str
    group: str
    apis: tuple[str, ...] = ()  # method prefixes a dex method calls
    strings: tuple[str, ...] = ()  # exact dex strings: types, intent actions, URIs
    native: tuple[str, ...] = ()  # libraries a bundled .so links against
    actions: tuple[str, ...] = ()  # manifest intent-filter actions


@dataclass(frozen=True, slots=True)
class RequestSpec:
    apis: tuple[str, ...]
    repeating: frozenset[str]  # lifecycle methods that run again on every return
    after_answer: frozenset[str]  # callbacks that run after the user answered
    max_hops: int


@dataclass(frozen=True, slots=True)
class ChainSpec:
    component: tuple[str, ...]  # APIs that aim an intent at a package or class
    start: tuple[str, ...]  # APIs that start or bind what the intent names
    system_prefixes: tuple[str, ...]  # platform and vendor packages: not another app


@dataclass(frozen=True, slots=True)
class IosPrivacySpec:
    """One iOS privacy rule proven by API use (permissions.toml [[ios]])."""

    rule: str
    apis: tuple[IosApi, ...]
    high_apis: tuple[IosApi, ...] = ()
    high_keys: tuple[str, ...] = ()
    outside_user_actions: bool = False
    min_schemes: int | None = None


@dataclass(frozen=True, slots=True)
class PermissionRules:
    uses: dict[str, PermissionUse]
    annex_e: tuple[str, ...]
    annex_e_source: str
    request: RequestSpec
    autostart: dict[str, int | None]  # broadcast action -> last targetSdk it reaches receivers
    chain: ChainSpec
    ios: tuple[IosPrivacySpec, ...] = ()

    @classmethod
    def load(cls, path: Path) -> PermissionRules:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RuleError(f"{path}: {exc}") from exc
        entries = {str(p["name"]): p for p in raw.get("permission", ())}
        uses = {name: _use(name, entries, path) for name in entries}
        req = raw["request"]
        chain = raw["chain"]
        return cls(
            uses=uses,
            annex_e=tuple(raw["annex_e"]["permissions"]),
            annex_e_source=str(raw["annex_e"]["source"]),
            request=RequestSpec(
                apis=tuple(req["apis"]),
                repeating=frozenset(req["repeating"]),
                after_answer=frozenset(req["after_answer"]),
                max_hops=int(req.get("max_hops", 6)),
            ),
            autostart={str(a["action"]): a.get("until_target") for a in raw.get("autostart", ())},
            chain=ChainSpec(
                component=tuple(chain["component"]),
                start=tuple(chain["start"]),
                system_prefixes=tuple(chain["system_prefixes"]),
            ),
            ios=tuple(
                IosPrivacySpec(
                    rule=str(r["rule"]),
                    apis=_ios_apis(r.get("apis")),
                    high_apis=_ios_apis(r.get("high_apis")),
                    high_keys=tuple(r.get("high_keys", ())),
                    outside_user_actions=bool(r.get("outside_user_actions", False)),
                    min_schemes=r.get("min_schemes"),
                )
                for r in raw.get("ios", ())
            ),
        )


def _ios_apis(values: Any) -> tuple[IosApi, ...]:
    return tuple(IosApi.parse(str(v)) for v in values or ())


def _use(name: str, entries: dict[str, Any], path: Path) -> PermissionUse:
    """An entry, or with `same_as` the entry it shares its uses with (READ/WRITE pairs)."""
    entry = entries[name]
    other = entry.get("same_as")
    if other is not None:
        if other not in entries or "same_as" in entries[other]:
            raise RuleError(f"{path}: {name} is the same as unknown or chained {other!r}")
        entry = entries[other]
    return PermissionUse(
        name=name,
        group=str(entry["group"]),
        apis=tuple(entry.get("apis", ())),
        strings=tuple(entry.get("strings", ())),
        native=tuple(entry.get("native", ())),
        actions=tuple(entry.get("actions", ())),
    )
