"""The iOS signal tables (signatures/data/ios_behaviours.toml): which Objective-C messages,
classes and C symbols make each iOS feature, and which Info.plist keys they need."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.errors import RuleError


@dataclass(frozen=True, slots=True)
class IosApi:
    """One API: a class, a message to a class, or an imported C symbol."""

    text: str  # as written in the table
    cls: str = ""
    selector: str = ""
    symbol: str = ""

    @classmethod
    def parse(cls, text: str) -> IosApi:
        text = text.strip()
        if not text:
            raise RuleError("empty iOS API in ios_behaviours.toml")
        if text.startswith("_"):
            return cls(text, symbol=text)
        name, _, selector = text.partition(" ")
        return cls(text, cls=name, selector=selector.strip())


@dataclass(frozen=True, slots=True)
class IosBehaviour:
    rule: str
    keywords: tuple[str, ...]
    apis: tuple[IosApi, ...] = ()
    all_of: tuple[tuple[IosApi, ...], ...] = ()
    classes: tuple[str, ...] = ()  # substrings of the app's own class names
    sinks: str | None = None
    background_mode: str | None = None
    component_keywords: bool = False  # E3+ needs the words on the path itself


@dataclass(frozen=True, slots=True)
class IosApiRule:
    rule: str
    apis: tuple[IosApi, ...]


@dataclass(frozen=True, slots=True)
class IosPreconsent:
    rule: str
    launch: frozenset[str]  # selectors of the launch entry points
    apis: tuple[IosApi, ...]
    consent_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IosUrlHandlers:
    """SEC-EXPORT-001 on iOS: what an app's URL-scheme handler does with the URL."""

    handlers: frozenset[str]  # delegate selectors the system calls with an opened URL
    reads: frozenset[str]  # selectors that read a part of the URL
    sinks: frozenset[str]  # navigation and web loads
    checks: frozenset[str]  # comparisons and caller checks: a validation step
    check_symbols: frozenset[str]  # imported constants that mean a caller check
    max_hops: int
    # Scheme prefixes that carry a platform's app id (`wx<appid>`): an SDK's callback, whose
    # URL the SDK parses (signatures/data/similarity.toml url_scheme_keys, shared).
    sdk_scheme_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IosAuthRequests:
    """PRIV-PERM-002 on iOS: authorization requests and the methods that run on every
    return to a screen or to the app."""

    apis: tuple[IosApi, ...]
    repeating: frozenset[str]
    status_checks: frozenset[str]  # selectors that read the authorization status first
    max_hops: int


@dataclass(frozen=True, slots=True)
class IosTable:
    sinks: dict[str, tuple[IosApi, ...]]
    behaviours: tuple[IosBehaviour, ...]
    api_rules: tuple[IosApiRule, ...]
    usage: dict[str, tuple[IosApi, ...]]  # NS*UsageDescription -> APIs that need it
    usage_alternatives: dict[str, tuple[str, ...]]
    required_reason: dict[str, tuple[IosApi, ...]]  # xcprivacy category -> APIs
    preconsent: IosPreconsent
    url_handlers: IosUrlHandlers | None = None
    auth_requests: IosAuthRequests | None = None

    @classmethod
    def load(cls, path: Path) -> IosTable:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RuleError(f"{path}: {exc}") from exc

        def apis(values: object) -> tuple[IosApi, ...]:
            return tuple(IosApi.parse(str(v)) for v in values or ())  # type: ignore[attr-defined]

        behaviours = tuple(
            IosBehaviour(
                rule=str(b["rule"]),
                keywords=tuple(b.get("keywords", ())),
                apis=apis(b.get("apis")),
                all_of=tuple(apis(group) for group in b.get("all_of", ())),
                classes=tuple(b.get("classes", ())),
                sinks=b.get("sinks"),
                background_mode=b.get("background_mode"),
                component_keywords=bool(b.get("component_keywords", False)),
            )
            for b in raw.get("behaviour", ())
        )
        sinks = {name: apis(values) for name, values in raw.get("sinks", {}).items()}
        for b in behaviours:
            if b.sinks is not None and b.sinks not in sinks:
                raise RuleError(f"{path}: {b.rule} names unknown sinks {b.sinks!r}")
        return cls(
            sinks=sinks,
            behaviours=behaviours,
            api_rules=tuple(
                IosApiRule(str(r["rule"]), apis(r.get("apis"))) for r in raw.get("api_rule", ())
            ),
            usage={k: apis(v) for k, v in raw.get("usage", {}).items()},
            usage_alternatives={k: tuple(v) for k, v in raw.get("usage_alternatives", {}).items()},
            required_reason={k: apis(v) for k, v in raw.get("required_reason", {}).items()},
            preconsent=IosPreconsent(
                rule=str(raw["preconsent"]["rule"]),
                launch=frozenset(raw["preconsent"].get("launch", ())),
                apis=apis(raw["preconsent"].get("apis")),
                consent_words=tuple(raw["preconsent"].get("consent_words", ())),
            ),
            url_handlers=_url_handlers(raw.get("url_handler"), path),
            auth_requests=_auth_requests(raw.get("auth_request"), apis),
        )

    def rule_ids(self) -> tuple[str, ...]:
        rules = {b.rule for b in self.behaviours} | {r.rule for r in self.api_rules}
        return tuple(sorted(rules | {self.preconsent.rule}))


def _url_handlers(raw: dict[str, Any] | None, path: Path) -> IosUrlHandlers | None:
    if raw is None:
        return None
    # The SDK callback prefixes are the similarity table's, beside this file: one list.
    shared = path.with_name("similarity.toml")
    try:
        prefixes = tuple(tomllib.loads(shared.read_text(encoding="utf-8"))["url_scheme_keys"])
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{shared}: url_scheme_keys: {exc}") from exc
    return IosUrlHandlers(
        handlers=frozenset(raw.get("handlers", ())),
        reads=frozenset(raw.get("reads", ())),
        sinks=frozenset(raw.get("sinks", ())),
        checks=frozenset(raw.get("checks", ())),
        check_symbols=frozenset(raw.get("check_symbols", ())),
        max_hops=int(raw.get("max_hops", 3)),
        sdk_scheme_prefixes=prefixes,
    )


def _auth_requests(
    raw: dict[str, Any] | None, apis: Callable[[object], tuple[IosApi, ...]]
) -> IosAuthRequests | None:
    if raw is None:
        return None
    return IosAuthRequests(
        apis=apis(raw.get("apis")),
        repeating=frozenset(raw.get("repeating", ())),
        status_checks=frozenset(raw.get("status_checks", ())),
        max_hops=int(raw.get("max_hops", 6)),
    )
