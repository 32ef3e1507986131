"""ID-FILING-002: the package or its signing certificate differs from what was filed (备案).

The filing (MIIT APP备案, 2023-08) records the package name (iOS: bundle id), the signing
certificate's fingerprint (Android MD5, iOS SHA-1) and its public key. Given the lab's copy of
those values (`--filed-identity`), a package whose name is not filed, or whose current signing
certificate matches none of the filed values, is not the app that was filed: a re-keyed build,
a repackaged copy, or an app filed under another name.

The ledger half (a certificate that changed since the previous version scanned) is issue 6.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.filed_identity import FiledIdentities, FiledIdentity
from scanner.model import Evidence, Finding, Platform, Severity, Signer, Text

RULE = "ID-FILING-002"
_FIELD_NAMES = {"md5": "MD5", "sha1": "SHA-1", "sha256": "SHA-256", "public_key": "公钥/public key"}
# Apple re-signs what the App Store delivers: such an IPA never carries the filed certificate.
APPLE_STORE_SIGNER = "Apple iPhone OS Application Signing"


def _short(value: str) -> str:
    return value if len(value) <= 24 else f"{value[:12]}…{value[-8:]}"


def compare_identity(
    *,
    rule_ctx: Context,
    filed: FiledIdentities,
    platform: str,
    identifier: str | None,
    current: Sequence[Signer],
    former: Sequence[Signer],
    location: str,
    signer_location: str,
) -> Iterator[Finding]:
    """The findings of one package against the filed list (shared by Android and iOS).

    `current`: the certificates the package is signed with now; `former`: older keys it names
    (an APK v3 rotation lineage), which explain a mismatch but do not satisfy the filing.
    """
    entry = filed.find(identifier, platform)
    if entry is None:
        # Not a proven mismatch: the lab's list may be incomplete. Medium, one below the
        # rule's high, until someone checks the filing (README.md, "Filed identity").
        yield rule_ctx.finding(
            RULE,
            Text(
                zh=f"包名 {identifier or '（无）'} 不在备案清单 {filed.source} 中："
                "可能未备案，或以其他包名备案，需人工核对",
                en=f"package {identifier or '(none)'} is not in the filed list {filed.source}: "
                "possibly unfiled, or filed under another name; check by hand",
            ),
            Evidence(location=location, symbol="package", excerpt=identifier or ""),
            severity=Severity.MEDIUM,
        )
        return
    yield from _mismatches(rule_ctx, filed, entry, current, former, signer_location)


def _mismatches(
    ctx: Context,
    filed: FiledIdentities,
    entry: FiledIdentity,
    current: Sequence[Signer],
    former: Sequence[Signer],
    location: str,
) -> Iterator[Finding]:
    wanted = entry.values()
    if not wanted:
        return  # the filing gives only the package name, and it matches
    if not current:
        yield ctx.finding(
            RULE,
            Text(
                zh=f"备案清单 {filed.source} 记录了 {entry.package} 的签名证书，"
                "但安装包没有可比对的签名证书",
                en=f"{filed.source} records a signing certificate for {entry.package}, "
                "but the package has no certificate to compare",
            ),
            Evidence(location=location, symbol="signature", excerpt="no signing certificate"),
        )
        return
    differing = [
        field
        for field, value in wanted.items()
        if not any(getattr(s, field).lower() == value for s in current)
    ]
    if not differing:
        return
    zh_parts, en_parts, evidence = [], [], []
    for field in differing:
        name = _FIELD_NAMES[field]
        actual = sorted({getattr(s, field).lower() for s in current})
        was_former = any(getattr(s, field).lower() == wanted[field] for s in former)
        zh_parts.append(
            f"{name} 备案为 {_short(wanted[field])}，实际为 {'、'.join(_short(a) for a in actual)}"
            + ("（备案值是轮换前的旧密钥）" if was_former else "")
        )
        en_parts.append(
            f"{name} filed {_short(wanted[field])}, found {', '.join(_short(a) for a in actual)}"
            + (" (the filed value is the key before rotation)" if was_former else "")
        )
        evidence.append(
            Evidence(
                location=location,
                symbol=f"{field} ({current[0].scheme})",
                excerpt=f"filed {wanted[field]}; found {', '.join(actual)}"[:200],
            )
        )
    store = any(APPLE_STORE_SIGNER in s.subject for s in current)
    note_zh = "；该IPA由App Store重签名，请使用上架前导出的安装包" if store else ""
    note_en = (
        "; this IPA is re-signed by the App Store: scan the build exported before upload"
        if store
        else ""
    )
    yield ctx.finding(
        RULE,
        Text(
            zh=f"签名证书与备案不一致（{entry.package}，{filed.source}）："
            + "；".join(zh_parts)
            + note_zh,
            en=f"signing certificate differs from the filing ({entry.package}, {filed.source}): "
            + "; ".join(en_parts)
            + note_en,
        ),
        *evidence,
    )


class FiledIdentityAnalyzer:
    id: ClassVar[str] = "filed-identity"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        if ctx.filed is None:
            ctx.skipped.add(RULE)  # nothing to compare with: not a pass
            return
        signing = inputs.signing
        current = [s for r in signing.schemes.values() for s in r.signers]
        schemes = sorted(signing.schemes)
        where = (
            "META-INF/ (v1)"
            if schemes == ["v1"]
            else "APK Signing Block (" + ", ".join(schemes) + ")"
        )
        yield from compare_identity(
            rule_ctx=ctx,
            filed=ctx.filed,
            platform="android",
            identifier=inputs.facts.package or None,
            current=current,
            former=signing.lineage,
            location=inputs.facts.manifest_location or inputs.package_label,
            signer_location=f"{inputs.package_label}!{where}",
        )
