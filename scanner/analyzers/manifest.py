"""Manifest checks: debuggable/testOnly, backup, cleartext traffic, exported components."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.facts.android import Component
from scanner.model import Evidence, Finding, Platform, Severity, Text

CLEARTEXT_DEFAULT_OFF_SDK = 28  # Android 9 made cleartext opt-in
EXPLICIT_EXPORT_SDK = 31
# Permissions any app may hold: guarding a component with them protects nothing.
_WEAK_LEVELS = frozenset({"normal", "dangerous"})


def _guarded(c: Component, declared: dict[str, str]) -> bool:
    perms = [p for p in (c.permission, c.read_permission, c.write_permission) if p]
    if c.kind == "provider":
        # A provider is protected only when both reads and writes need a permission.
        read = c.read_permission or c.permission
        write = c.write_permission or c.permission
        perms = [p for p in (read, write) if p]
        if len(perms) < 2:
            return False
    # A permission the app itself declares at a weak level guards nothing; framework and
    # signature-level permissions do.
    return bool(perms) and all(declared.get(p, "signature") not in _WEAK_LEVELS for p in perms)


class ManifestAnalyzer:
    id: ClassVar[str] = "manifest"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (
        "SEC-DEBUG-001",
        "SEC-BACKUP-001",
        "SEC-NET-001",
        "SEC-EXPORT-001",
    )

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        f = inputs.facts
        where = f.manifest_location
        flags = []
        if f.debuggable:
            flags.append('android:debuggable="true"')
        if f.test_only:
            flags.append('android:testOnly="true"')
        if flags:
            yield ctx.finding(
                "SEC-DEBUG-001",
                Text(
                    zh="清单声明：" + "，".join(flags),
                    en="The manifest declares " + ", ".join(flags),
                ),
                *(Evidence(location=where, symbol="application", excerpt=x) for x in flags),
            )

        if (
            f.allow_backup is not False
            and not f.data_extraction_rules
            and not f.full_backup_content
        ):
            state = "true" if f.allow_backup else "unset (defaults to true)"
            state_zh = "true" if f.allow_backup else "未设置（默认 true）"
            yield ctx.finding(
                "SEC-BACKUP-001",
                Text(
                    zh=f"allowBackup 为 {state_zh}，且未配置备份规则。",
                    en=f"allowBackup is {state} and no backup rules restrict it.",
                ),
                Evidence(
                    location=where, symbol="application", excerpt=f"android:allowBackup={state}"
                ),
            )

        yield from self._cleartext(inputs, ctx)
        yield from self._exported(inputs, ctx)

    def _cleartext(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        f = inputs.facts
        evidence = []
        nsc = f.network_security_config
        nsc_decides = nsc is not None and nsc.base_cleartext is not None
        if nsc is not None and nsc.base_cleartext:
            evidence.append(
                Evidence(
                    location=nsc.location,
                    symbol="base-config",
                    excerpt='cleartextTrafficPermitted="true"',
                )
            )
        if nsc is not None and nsc.cleartext_domains:
            evidence.append(
                Evidence(
                    location=nsc.location,
                    symbol="domain-config",
                    excerpt="cleartext: " + ", ".join(nsc.cleartext_domains[:10]),
                )
            )
        if not nsc_decides:
            if f.uses_cleartext:
                evidence.append(
                    Evidence(
                        location=f.manifest_location,
                        symbol="application",
                        excerpt='android:usesCleartextTraffic="true"',
                    )
                )
            elif f.uses_cleartext is None and f.effective_target_sdk < CLEARTEXT_DEFAULT_OFF_SDK:
                evidence.append(
                    Evidence(
                        location=f.manifest_location,
                        symbol="uses-sdk",
                        excerpt=f"targetSdkVersion={f.effective_target_sdk} < 28: "
                        "cleartext allowed by default",
                    )
                )
        if evidence:
            yield ctx.finding(
                "SEC-NET-001",
                Text(
                    zh="应用允许HTTP明文传输：" + "；".join(e.excerpt for e in evidence),
                    en="The app allows cleartext HTTP: " + "; ".join(e.excerpt for e in evidence),
                ),
                *evidence,
            )

    def _exported(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        f = inputs.facts
        declared = {p.name: p.protection_level for p in f.declared_permissions}
        exposed = [
            c
            for c in f.components
            if c.exported and c.enabled and not c.is_launcher and not _guarded(c, declared)
        ]
        if not exposed:
            return
        # Providers hand out data directly: an open one is worse than an open activity.
        severity = Severity.HIGH if any(c.kind == "provider" for c in exposed) else None
        names = ", ".join(f"{c.kind} {c.name}" for c in exposed[:8])
        more = f" (+{len(exposed) - 8})" if len(exposed) > 8 else ""
        yield ctx.finding(
            "SEC-EXPORT-001",
            Text(
                zh=f"{len(exposed)} 个组件导出且无权限保护：{names}{more}",
                en=f"{len(exposed)} component(s) exported without a permission: {names}{more}",
            ),
            *(
                Evidence(
                    location=f.manifest_location,
                    symbol=f"{c.kind} {c.name}",
                    excerpt=(
                        'android:exported="true"'
                        if c.exported_attr
                        else "exported implicitly (intent-filter)"
                        if c.intent_filters
                        else "exported by default (provider, targetSdk <= 16)"
                    )
                    + (f"; authorities={c.authorities}" if c.authorities else ""),
                )
                for c in exposed
            ),
            severity=severity,
        )
