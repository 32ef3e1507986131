"""ID-FILING-002 through the ledger: a silent re-key, or the same app under a new package id.

DOMAIN.md §2 ID-FILING-002: "pkg/cert ≠ filed values or ≠ previous version (silent re-key)".
The filed-values half is scanner/analyzers/filing.py (`--filed-identity`); this is the other
half, which needs the scan history:

- re-key: the latest recorded scan of the same (platform, package/bundle id) was signed with
  other leaf certificates (identity.leaf_certificates) than this package. When this APK's v3
  rotation lineage names the previous key the rotation is declared, not silent, but the filing
  still holds the old key, so it is reported with that note.
- package id changed: a package id new to the ledger whose signing certificate AND app name
  were recorded under another package id, with a lower version code there (a renamed app
  carries its version numbers on). The certificate alone is not enough: one vendor key often
  signs several government apps, and DOMAIN.md §4 treats a shared key as a vendor signal only.
  Even with the name and the version it is a likelihood, not a proof (a vendor may ship
  same-named apps for several regions), so it is medium, "check by hand", as filing.py does
  for a package missing from the filed list; one finding names every earlier package id.

Both are events between two scans: the next version signed like this one is compared with
this one and raises nothing, while a mismatch with the filing itself (`--filed-identity`)
stays until fixed. The findings have the shape of filing.py's, so reports, SARIF and the
rating treat both halves alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scanner.model import Evidence, Finding, Severity, Text

RULE = "ID-FILING-002"


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviousScan:
    identifier: str
    name: str | None
    version: str
    code: str | None  # version code (Android) or CFBundleVersion (iOS)
    scanned_at: dt.datetime
    certificates: tuple[str, ...]


def _short(value: str) -> str:
    return value if len(value) <= 24 else f"{value[:12]}…{value[-8:]}"


def _signer_location(app: Mapping[str, Any]) -> str:
    label = str(app.get("file_name") or "package")
    if app.get("platform") == "ios":
        return f"{label}!code signature"
    schemes = sorted(s for s in app.get("signature_schemes") or [] if s != "lineage")
    where = "META-INF/ (v1)" if schemes == ["v1"] else f"APK Signing Block ({', '.join(schemes)})"
    return f"{label}!{where}"


def _code_key(code: object) -> tuple[int, ...] | None:
    """`3` -> (3,), `1.2.10` -> (1, 2, 10); None when it is not numeric."""
    parts = str(code).split(".") if code is not None else []
    if not parts or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def _later(code: object, other: str | None) -> bool:
    new, old = _code_key(code), _code_key(other)
    return new is None or old is None or new > old


def _names(app: Mapping[str, Any]) -> set[str]:
    names = {str(n) for n in (app.get("names") or {}).values() if n}
    if app.get("name"):
        names.add(str(app["name"]))
    return names


def rekey_findings(
    report: Mapping[str, Any],
    certificates: Sequence[str],
    same_app: PreviousScan | None,
    others: Sequence[PreviousScan],
) -> list[Finding]:
    app = report.get("app") or {}
    identifier = str(app.get("identifier") or "")
    where = _signer_location(app)
    found: list[Finding] = []
    current = sorted(certificates)
    if (
        same_app is not None
        and same_app.certificates
        and set(same_app.certificates) != set(current)
    ):
        lineage = {
            str(s.get("sha256") or "").lower()
            for s in app.get("signers") or []
            if s.get("scheme") == "lineage"
        }
        declared = bool(lineage & set(same_app.certificates))
        before = ", ".join(_short(c) for c in same_app.certificates)
        now = ", ".join(_short(c) for c in current)
        day = same_app.scanned_at.date().isoformat()
        found.append(
            Finding(
                rule_id=RULE,
                severity=Severity.HIGH,
                message=Text(
                    zh=f"签名证书与上一版本不一致（{identifier}）：上一版本 {same_app.version}"
                    f"（{day} 扫描）证书 SHA-256 为 {before}，本版本为 {now}"
                    + (
                        "；签名轮换记录包含旧证书（已声明的轮换），但备案仍为旧证书，需办理备案变更"
                        if declared
                        else "（静默换签）"
                    ),
                    en=f"signing certificate differs from the previous version ({identifier}): "
                    f"version {same_app.version} (scanned {day}) had SHA-256 {before}, this "
                    f"one has {now}"
                    + (
                        "; the rotation lineage names the old key (a declared rotation), but "
                        "the filing still holds it: update the filing"
                        if declared
                        else " (silent re-key)"
                    ),
                ),
                evidence=(
                    Evidence(
                        location=where,
                        symbol="sha256 (ledger: previous version)",
                        excerpt=(
                            f"previous {','.join(same_app.certificates)}; found {','.join(current)}"
                        )[:200],
                    ),
                ),
            )
        )
    names = _names(app)
    code = app.get("version_code") if app.get("platform") != "ios" else app.get("build_version")
    # A shared key alone is a vendor signal (module docstring): the name must match too.
    renamed = sorted(
        (o for o in others if o.name and o.name in names and _later(code, o.code)),
        key=lambda o: (o.scanned_at, o.identifier),
        reverse=True,
    )
    if renamed:
        found.append(_renamed(identifier, where, renamed, current))
    return found


def _renamed(
    identifier: str, where: str, renamed: Sequence[PreviousScan], current: Sequence[str]
) -> Finding:
    latest = renamed[0]
    day = latest.scanned_at.date().isoformat()
    more = len(renamed) - 1
    ids = ", ".join(o.identifier for o in renamed[:5]) + (" …" if len(renamed) > 5 else "")
    shared = sorted(set(latest.certificates) & set(current))
    return Finding(
        rule_id=RULE,
        severity=Severity.MEDIUM,
        message=Text(
            zh=f"疑似包名变更：同一签名证书与应用名称“{latest.name}”此前以包名 "
            f"{latest.identifier} 记录（版本 {latest.version}，{day} 扫描）"
            + (f"，另有 {more} 个包名同样如此" if more else "")
            + f"；本安装包包名为 {identifier}。若为同一应用，包名变更需办理备案变更；"
            "若为同一开发者的不同应用，可忽略（需人工核对）",
            en=f"package id possibly changed: the same signing certificate and app name "
            f"“{latest.name}” were recorded as {latest.identifier} (version {latest.version}, "
            f"scanned {day})"
            + (f", and under {more} more package id(s)" if more else "")
            + f"; this package is {identifier}. If it is the same app, a new package id needs "
            "a filing update; if it is another app of the same vendor, ignore (check by hand)",
        ),
        evidence=(
            Evidence(
                location=where,
                symbol="package (ledger: same certificate and name)",
                excerpt=f"previous {ids}; found {identifier}; sha256 {','.join(shared)}"[:200],
            ),
        ),
    )
