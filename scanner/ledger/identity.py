"""What stays the same across versions: a finding's normalised identity, an app's signing keys.

DOMAIN.md §3: "Same finding across versions = (check_id, normalised evidence: API
signature/SDK/keyword set, ignoring obfuscated names)". A finding's `fingerprint`
(scanner.model.Finding) hashes the exact evidence (locations, symbols, excerpts), so a rebuild
that renames `a.b.c` to `a.b.d` or moves a keyword changes it. The identity here keeps only
the rule id and the set of evidence symbols (the API called, the SDK class, the keyword set
`KW-…`), with the name segments an obfuscator produces replaced by `?`; evidence without a
symbol falls back to its location inside the package. Call paths, excerpts and offsets are
left out: they move between builds while the behaviour stays.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

# Framework namespaces are never obfuscated: `android.os` must stay `android.os`.
_FRAMEWORK = (
    "android.",
    "androidx.",
    "java.",
    "javax.",
    "kotlin.",
    "kotlinx.",
    "dalvik.",
    "org.json.",
    "org.xml.",
    "org.w3c.",
    "org.apache.",
    "com.google.android.",
)
# ProGuard/R8 names: one or two letters (`a`, `bc`), optionally with digits (`a1`).
_OBFUSCATED = re.compile(r"^[A-Za-z]{1,2}\d{0,2}$")
_SPLIT = re.compile(r"([.$/#:()\[\];, ])")


def normalise_symbol(symbol: str) -> str:
    """`cn.gov.x.a.b.doWork` -> `cn.gov.x.?.?.doWork`; framework names stay as they are."""
    if symbol.startswith(_FRAMEWORK) or symbol.startswith("KW-"):
        return symbol
    parts = _SPLIT.split(symbol)
    return "".join("?" if _OBFUSCATED.match(p) and p not in ("cn", "io") else p for p in parts)


def identity_text(rule_id: str, evidence: Iterable[Mapping[str, Any]]) -> str:
    """The readable identity: `RULE symbol|symbol|…` (sorted, duplicates removed)."""
    keys: set[str] = set()
    for ev in evidence:
        symbol = str(ev.get("symbol") or "")
        if symbol:
            keys.add(normalise_symbol(symbol))
        else:
            location = str(ev.get("location") or "")
            inside = location.partition("!")[2] or location  # without `file.apk!`
            keys.add("@" + normalise_symbol(inside))
    return f"{rule_id} {'|'.join(sorted(keys))}".strip()


def normalised_identity(rule_id: str, evidence: Iterable[Mapping[str, Any]]) -> tuple[str, str]:
    """(sha256 hex, readable text) of the finding's identity across versions."""
    text = identity_text(rule_id, evidence)
    return hashlib.sha256(text.encode()).hexdigest(), text


def leaf_certificates(signers: Iterable[Mapping[str, Any]]) -> list[str]:
    """SHA-256 of the certificates the package is signed with now, sorted.

    Left out: an APK v3 rotation `lineage` (former keys) and CA certificates of a chain (an iOS
    code signature carries Apple's intermediate), recognised as the issuer of another
    certificate in the list. What remains is the key the filing (备案) records.
    """
    current = [s for s in signers if s.get("scheme") != "lineage" and s.get("sha256")]
    issuers = {
        (s.get("issuer"), str(s["sha256"]).lower())
        for s in current
        if s.get("issuer") != s.get("subject")
    }
    leaves = set()
    for s in current:
        sha = str(s["sha256"]).lower()
        is_ca = any(issuer == s.get("subject") and other != sha for issuer, other in issuers)
        if not is_ca:
            leaves.add(sha)
    return sorted(leaves)
