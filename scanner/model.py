"""The data model shared by every layer: immutable, typed, and free of I/O."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Platform(StrEnum):
    ANDROID = "android"
    IOS = "ios"


class Severity(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def lowered(self, steps: int = 1) -> Severity:
        """The severity `steps` levels lower, never below INFO."""
        return _BY_RANK[max(0, self.rank - steps)]


_SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}
_BY_RANK = dict(enumerate(Severity))


class Verdict(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"


class EvidenceLevel(StrEnum):
    """How strongly the code proves a behaviour (DOMAIN.md, reachability/corroboration)."""

    E1 = "E1"  # keyword only
    E2 = "E2"  # API or SDK referenced
    E3 = "E3"  # reachable from an entry point
    E4 = "E4"  # reachable and corroborated


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """A string in both report languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A catalogue entry; metadata lives only here, never in analyzer code."""

    id: str
    title: Text
    severity: Severity
    category: str
    platforms: tuple[Platform, ...]
    rationale: Text
    remediation: Text
    basis: tuple[str, ...] = ()
    cwe: tuple[int, ...] = ()
    masvs: tuple[str, ...] = ()
    needs_review: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where in the package a finding was seen.

    `location` is a path inside the package (`app.apk!lib/arm64-v8a/libx.so`); `symbol` names the
    thing found there (a rule, a component, a class); `path` is a call path for code evidence.
    """

    location: str
    symbol: str = ""
    excerpt: str = ""
    offset: int | None = None
    path: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    rule_id: str
    severity: Severity
    message: Text
    evidence_level: EvidenceLevel | None = None
    evidence: tuple[Evidence, ...] = ()
    needs_review: bool = False

    @property
    def fingerprint(self) -> str:
        """Stable across rebuilds and file names: rule, locations inside the package, symbols
        and excerpts, never offsets (a CI baseline must survive `app-1.2.apk` -> `app-1.3.apk`)."""
        h = hashlib.sha256(self.rule_id.encode())
        for ev in sorted(self.evidence, key=lambda e: (e.location, e.symbol, e.excerpt)):
            inside = ev.location.partition("!")[2] or ev.location  # without `file.apk!`
            h.update(b"\0" + inside.encode() + b"\0" + ev.symbol.encode())
            h.update(b"\0" + hashlib.sha256(ev.excerpt.encode()).digest())
        return h.hexdigest()

    def sort_key(self) -> tuple[int, str, str]:
        first = self.evidence[0].location if self.evidence else ""
        return (-self.severity.rank, self.rule_id, first)


@dataclass(frozen=True, slots=True, kw_only=True)
class Signer:
    """One signing certificate, with the values app filing (备案) asks for."""

    scheme: str  # v1, v2, v3, v3.1, lineage, (ios) codesign, provision
    subject: str
    issuer: str
    serial: str
    not_before: str
    not_after: str
    md5: str
    sha1: str
    sha256: str
    public_key_algorithm: str
    public_key_bits: int
    public_key: str  # hex RSA modulus, or hex DER SubjectPublicKeyInfo for EC/DSA
    signature_algorithm: str
    verified: bool | None = None  # None: not checked for this scheme


@dataclass(frozen=True, slots=True, kw_only=True)
class Permission:
    name: str
    protection_level: str
    description: Text | None = None
    max_sdk: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SdkMatch:
    """A third-party SDK found in the code, with a few classes that prove it."""

    id: str
    name: str
    categories: tuple[str, ...]
    source: str  # which table: exodus or fingertip
    vendor: str = ""
    evidence: tuple[Evidence, ...] = ()
    # The disclosure list ("third-party SDK list"): what the table says the SDK can collect,
    # and the privacy APIs its own code calls in this app (rule id: API), from the call graph.
    personal_data: tuple[str, ...] = ()
    calls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    partial: bool = False
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class BundleSummary:
    """One bundle of an iOS app (the app, an extension, a watch app, a framework), as the
    reports list it: each has its own identity and signature."""

    path: str  # in the package: Payload/App.app/PlugIns/Widget.appex/
    kind: str  # app | appex | watch | framework | dylib
    parent: str | None
    identifier: str | None
    name: str | None
    version: str | None  # CFBundleShortVersionString
    build: str | None  # CFBundleVersion
    min_os: str | None
    executable: str | None
    archs: tuple[str, ...]
    encrypted: bool
    signature: str  # signed | adhoc | unsigned | broken | none
    team_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class App:
    """The identity of a scanned package: what filing records, and what a reader sees first."""

    platform: Platform
    path: str
    file_name: str
    size: int
    sha256: str
    identifier: str | None = None
    name: str | None = None
    names: tuple[tuple[str, str], ...] = ()  # (locale, label) pairs where resources localise it
    version_name: str | None = None
    version_code: int | None = None
    min_sdk: int | None = None
    target_sdk: int | None = None
    signers: tuple[Signer, ...] = ()
    signature_schemes: tuple[str, ...] = ()
    permissions: tuple[Permission, ...] = ()
    sdks: tuple[SdkMatch, ...] = ()
    # iOS: the minimum OS (a version string), CFBundleVersion, and the bundle tree.
    min_os: str | None = None
    build_version: str | None = None
    bundles: tuple[BundleSummary, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInfo:
    name: str
    version: str
    ruleset_sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanResult:
    tool: ToolInfo
    app: App
    findings: tuple[Finding, ...]
    evaluated_rule_ids: tuple[str, ...]
    score: int
    verdict: Verdict
    coverage: Coverage = field(default_factory=Coverage)
    errors: tuple[str, ...] = ()
    facts: dict[str, object] = field(default_factory=dict)
