"""Typed loaders for the reference tables in signatures/data/."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from scanner.model import Text


@dataclass(frozen=True, slots=True)
class PackerTable:
    """File names (or path prefixes, when they contain `/`) each packer leaves in an APK."""

    files: tuple[tuple[str, str], ...]  # (file name or path prefix, packer name)

    @classmethod
    def load(cls, path: Path) -> PackerTable:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple((f, p["name"]) for p in doc["packers"] for f in p["files"]))

    def match(self, entry: str) -> list[tuple[str, str]]:
        base = entry.rsplit("/", 1)[-1]
        return [
            (pattern, packer)
            for pattern, packer in self.files
            if (entry.startswith(pattern) if "/" in pattern else base == pattern)
        ]


@dataclass(frozen=True, slots=True)
class PermissionInfo:
    name: str
    protection_level: str
    label: Text
    description: Text


@dataclass(frozen=True, slots=True)
class PermissionTable:
    """Platform permissions with protection level and the platform's own zh/en wording."""

    entries: dict[str, PermissionInfo]

    @classmethod
    def load(cls, path: Path) -> PermissionTable:
        doc = json.loads(path.read_text(encoding="utf-8"))
        entries = {
            name: PermissionInfo(
                name=name,
                protection_level=str(raw["protection_level"]),
                label=Text(zh=raw["label"]["zh"], en=raw["label"]["en"]),
                description=Text(
                    zh=raw["description"]["zh"] or raw["label"]["zh"],
                    en=raw["description"]["en"] or raw["label"]["en"],
                ),
            )
            for name, raw in doc["permissions"].items()
        }
        return cls(entries)

    def get(self, name: str) -> PermissionInfo | None:
        return self.entries.get(name)


@dataclass(frozen=True, slots=True)
class BehaviourSpec:
    """One FORM rule's code signals (signatures/data/behaviours.toml explains each field)."""

    rule: str
    keywords: tuple[str, ...]
    apis: tuple[str, ...] = ()
    all_of: tuple[tuple[str, ...], ...] = ()
    classes: tuple[str, ...] = ()
    sinks: str | None = None
    entry_kinds: tuple[str, ...] = ()
    permissions_any: tuple[str, ...] = ()
    component_keywords: bool = False  # E3+ needs the words in the reaching component itself


@dataclass(frozen=True, slots=True)
class PreconsentSpec:
    rule: str
    apis: tuple[str, ...]
    user_actions: frozenset[str]


@dataclass(frozen=True, slots=True)
class ApiRuleSpec:
    """A privacy rule proven by an API call alone (behaviours.toml [[api_rule]])."""

    rule: str
    apis: tuple[str, ...]
    outside_user_actions: bool = False  # a path through a click handler is the user's choice
    high_with_permissions: tuple[str, ...] = ()  # any of these in the manifest: severity high
    # API -> a string constant its caller must use for the call to count (an argument):
    # Settings.Secure.getString is the Android ID only with "android_id".
    needs_string: dict[str, str] = field(default_factory=dict)
    # API prefix -> permissions of which the manifest must request one for the call to work
    # (AppCompat's night mode calls getLastKnownLocation, which fails without a permission).
    needs_permission: dict[str, tuple[str, ...]] = field(default_factory=dict)
    critical_below_min_sdk: int | None = None  # the JS bridge of Android < 4.2 runs any code
    # API prefix -> what the caller must also read for the call to count: `field:` a field
    # prefix (ContactsContract$Contacts;->CONTENT_URI) or `string:` a string prefix
    # (content://sms): a query is contacts only when it names the contacts provider.
    needs_reference: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # API prefix -> the argument (0 is `this` of a constructor) that must be a constant for the
    # call to count: a literal array, a string's bytes, or an array nothing fills (a static IV).
    needs_constant: dict[str, int] = field(default_factory=dict)
    # API prefix -> callee prefixes the caller must ALL call too for the call to count (a page
    # loaded with JavaScript on, from shared storage).
    needs_call: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Said after the message, when the APIs alone do not say what is wrong ("a constant IV").
    note: tuple[str, str] = ("", "")  # (zh, en)


@dataclass(frozen=True, slots=True)
class BehaviourTable:
    keywords: dict[str, tuple[str, ...]]
    sinks: dict[str, tuple[str, ...]]
    behaviours: tuple[BehaviourSpec, ...]
    preconsent: PreconsentSpec
    api_rules: tuple[ApiRuleSpec, ...] = ()

    @classmethod
    def load(cls, path: Path) -> BehaviourTable:
        import tomllib

        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        specs = tuple(
            BehaviourSpec(
                rule=b["rule"],
                keywords=tuple(b.get("keywords", ())),
                apis=tuple(b.get("apis", ())),
                all_of=tuple(tuple(group) for group in b.get("all_of", ())),
                classes=tuple(b.get("classes", ())),
                sinks=b.get("sinks"),
                entry_kinds=tuple(b.get("entry_kinds", ())),
                permissions_any=tuple(b.get("permissions_any", ())),
                component_keywords=bool(b.get("component_keywords", False)),
            )
            for b in doc.get("behaviour", ())
        )
        pre = doc["preconsent"]
        return cls(
            keywords={k: tuple(v) for k, v in doc["keywords"].items()},
            sinks={k: tuple(v) for k, v in doc["sinks"].items()},
            behaviours=specs,
            preconsent=PreconsentSpec(
                rule=pre["rule"],
                apis=tuple(pre["apis"]),
                user_actions=frozenset(pre["user_actions"]),
            ),
            api_rules=tuple(
                ApiRuleSpec(
                    rule=r["rule"],
                    apis=tuple(r["apis"]),
                    outside_user_actions=bool(r.get("outside_user_actions", False)),
                    high_with_permissions=tuple(r.get("high_with_permissions", ())),
                    needs_string=dict(r.get("needs_string", {})),
                    critical_below_min_sdk=r.get("critical_below_min_sdk"),
                    needs_reference={k: tuple(v) for k, v in r.get("needs_reference", {}).items()},
                    needs_permission={
                        k: tuple(v) for k, v in r.get("needs_permission", {}).items()
                    },
                    needs_constant={k: int(v) for k, v in r.get("needs_constant", {}).items()},
                    needs_call={k: tuple(v) for k, v in r.get("needs_call", {}).items()},
                    note=(r.get("note", {}).get("zh", ""), r.get("note", {}).get("en", "")),
                )
                for r in doc.get("api_rule", ())
            ),
        )
