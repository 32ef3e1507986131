"""The filed (备案) identity of apps, as the lab has it from the filing materials.

`fingertip scan --filed-identity FILE` reads a JSON or TOML file (README.md, "Filed identity";
docs/filed-identity.example.json). Each entry names a package (Android) or bundle id (iOS)
and any of the signing certificate's MD5, SHA-1 and SHA-256 fingerprints and its public key
(the hex RSA modulus the filing form asks for). ID-FILING-002 compares the package against
them; this module only reads and normalises the file.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.errors import ScannerError

FINGERPRINTS = ("md5", "sha1", "sha256", "public_key")
_HEX_LENGTHS = {"md5": 32, "sha1": 40, "sha256": 64}
_PLATFORMS = ("android", "ios")


class FiledIdentityError(ScannerError):
    """The filed-identity file cannot be used (missing, malformed, or a bad value)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FiledIdentity:
    package: str  # package name (Android) or bundle id (iOS)
    platform: str | None = None  # None: either
    md5: str | None = None  # lower-case hex, no separators
    sha1: str | None = None
    sha256: str | None = None
    public_key: str | None = None  # hex RSA modulus (or DER SubjectPublicKeyInfo for EC)
    name: str | None = None  # the filed app name, shown in messages

    def values(self) -> dict[str, str]:
        """The fingerprints the filing gives, by field name."""
        return {f: v for f in FINGERPRINTS if (v := getattr(self, f))}


@dataclass(frozen=True, slots=True)
class FiledIdentities:
    source: str  # the file's name, for messages
    entries: tuple[FiledIdentity, ...]

    def find(self, package: str | None, platform: str) -> FiledIdentity | None:
        for entry in self.entries:
            if entry.package == package and entry.platform in (None, platform):
                return entry
        return None


def normalise_hex(value: str) -> str:
    """`AB:CD:…`, `ab cd …` and `0xabcd…` all as `abcd…`: labs copy fingerprints from keytool,
    jadx or a filing form, each with its own separators."""
    text = value.strip().lower().removeprefix("0x")
    return "".join(c for c in text if c not in ": -\n\t")


def _entry(raw: Any, where: str) -> FiledIdentity:
    if not isinstance(raw, dict):
        raise FiledIdentityError(f"{where}: expected a table/object, got {type(raw).__name__}")
    package = raw.get("package") or raw.get("bundle_id")
    if not isinstance(package, str) or not package.strip():
        raise FiledIdentityError(f"{where}: `package` (or `bundle_id`) is required")
    platform = raw.get("platform")
    if platform is not None and platform not in _PLATFORMS:
        raise FiledIdentityError(f"{where}: `platform` must be one of {', '.join(_PLATFORMS)}")
    values: dict[str, str] = {}
    for field in FINGERPRINTS:
        value = raw.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise FiledIdentityError(f"{where}: `{field}` must be a string")
        hexed = normalise_hex(value)
        if not hexed or any(c not in "0123456789abcdef" for c in hexed):
            raise FiledIdentityError(f"{where}: `{field}` is not hexadecimal: {value!r}")
        expected = _HEX_LENGTHS.get(field)
        if expected and len(hexed) != expected:
            raise FiledIdentityError(
                f"{where}: `{field}` has {len(hexed)} hex digits, expected {expected}"
            )
        values[field] = hexed
    name = raw.get("name")
    return FiledIdentity(
        package=package.strip(),
        platform=platform,
        name=name if isinstance(name, str) else None,
        **values,
    )


def load_filed_identities(path: Path) -> FiledIdentities:
    """Read the file; raises FiledIdentityError with the reason when it cannot be used.

    Accepted shapes: one identity at the top level, or `apps = [...]` (TOML `[[apps]]`, JSON
    `{"apps": [...]}`) for a batch; a JSON list of identities is accepted too.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FiledIdentityError(f"{path.name}: cannot read ({exc})") from exc
    try:
        if path.suffix.lower() == ".toml":
            doc: Any = tomllib.loads(text)
        else:
            doc = json.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FiledIdentityError(f"{path.name}: not valid JSON/TOML ({exc})") from exc
    if isinstance(doc, dict) and "apps" in doc:
        raw_entries = doc["apps"]
    elif isinstance(doc, dict):
        raw_entries = [doc]
    else:
        raw_entries = doc
    if not isinstance(raw_entries, list) or not raw_entries:
        raise FiledIdentityError(f"{path.name}: no filed identity (expected `apps` = a list)")
    entries = tuple(_entry(r, f"{path.name}: entry {i + 1}") for i, r in enumerate(raw_entries))
    seen: set[tuple[str, str | None]] = set()
    for e in entries:
        if (e.package, e.platform) in seen:
            raise FiledIdentityError(f"{path.name}: {e.package} is listed twice")
        seen.add((e.package, e.platform))
    return FiledIdentities(source=path.name, entries=entries)
