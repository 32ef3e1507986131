"""Info.plist checks: App Transport Security exceptions (SEC-NET-001), and usage descriptions
and the privacy manifest against what the binaries use: a used API without its key, a generic
description or an undeclared required-reason API (PRIV-IOS-001); a declared key no API of the
package needs (PRIV-PERM-001, "requested but unused", as on Android)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.apis import ApiIndex
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.ios import BundleFacts
from scanner.model import Evidence, Finding, Platform, Severity, Text

# A description this short tells the user nothing ("use", "需要"): Apple rejects them too.
MIN_DESCRIPTION_CHARS = 6
_WEAK_TLS = ("TLSv1.0", "TLSv1.1")
# Keys a page in a web view can use without any native API (navigator.geolocation,
# getUserMedia): with a web view in the binary, an absent native use proves nothing.
_WEB_USABLE = frozenset(
    {
        "NSLocationWhenInUseUsageDescription",
        "NSLocationAlwaysAndWhenInUseUsageDescription",
        "NSLocationAlwaysUsageDescription",
        "NSCameraUsageDescription",
        "NSMicrophoneUsageDescription",
    }
)
_WEB_VIEWS = ("WKWebView", "UIWebView")


def ats_exceptions(info: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(key path, value, whether it allows cleartext everywhere) for each weakening of ATS."""
    ats = info.get("NSAppTransportSecurity")
    if not isinstance(ats, dict):
        return []
    out: list[tuple[str, str, bool]] = []
    if ats.get("NSAllowsArbitraryLoads") is True:
        out.append(("NSAppTransportSecurity.NSAllowsArbitraryLoads", "true", True))
    out.extend(
        (f"NSAppTransportSecurity.{key}", "true", False)
        for key in ("NSAllowsArbitraryLoadsInWebContent", "NSAllowsArbitraryLoadsForMedia")
        if ats.get(key) is True
    )
    domains = ats.get("NSExceptionDomains")
    if isinstance(domains, dict):
        for domain, spec in sorted(domains.items()):
            if not isinstance(spec, dict):
                continue
            base = f"NSAppTransportSecurity.NSExceptionDomains.{domain}"
            for key in (
                "NSExceptionAllowsInsecureHTTPLoads",
                "NSTemporaryExceptionAllowsInsecureHTTPLoads",
                "NSThirdPartyExceptionAllowsInsecureHTTPLoads",
            ):
                if spec.get(key) is True:
                    sub = " (and subdomains)" if spec.get("NSIncludesSubdomains") is True else ""
                    out.append((f"{base}.{key}", f"true{sub}", False))
            out.extend(
                (f"{base}.{key}", str(spec.get(key)), False)
                for key in ("NSExceptionMinimumTLSVersion", "NSTemporaryExceptionMinimumTLSVersion")
                if spec.get(key) in _WEAK_TLS
            )
    return out


class IosPlistAnalyzer:
    id: ClassVar[str] = "ios-plist"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("SEC-NET-001", "PRIV-IOS-001", "PRIV-PERM-001")

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        yield from self._ats(inputs, ctx)
        yield from self._usage(inputs, ctx)

    def _ats(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        found = [
            (b, key, value, everywhere)
            for b in inputs.bundles
            for key, value, everywhere in ats_exceptions(b.bundle.info)
        ]
        if not found:
            return
        everywhere = any(e for *_, e in found)
        keys = ", ".join(dict.fromkeys(k.rsplit(".", 1)[-1] for _, k, _, _ in found))
        yield ctx.finding(
            "SEC-NET-001",
            Text(
                zh=(
                    "App Transport Security 被全局关闭（NSAllowsArbitraryLoads），允许明文HTTP。"
                    if everywhere
                    else "App Transport Security 对部分域名或内容放开明文或旧版TLS："
                )
                + keys,
                en=(
                    "App Transport Security is switched off (NSAllowsArbitraryLoads): cleartext "
                    "HTTP is allowed. "
                    if everywhere
                    else "App Transport Security allows cleartext or old TLS for some domains or "
                    "content: "
                )
                + keys,
            ),
            *(
                Evidence(location=b.info_location, symbol=key, excerpt=value)
                for b, key, value, _ in found
            ),
            # Exceptions for named domains are a narrower risk than switching ATS off.
            severity=None if everywhere else Severity.MEDIUM,
        )

    def _usage(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        table = inputs.table
        app = inputs.app
        coded = [(b, b.code_slice) for b in inputs.bundles if b.code_slice and not b.encrypted]
        declared = {k: v for k, v in app.bundle.info.items() if k.endswith("UsageDescription")}
        if not coded:
            if declared:
                ctx.skipped.add("PRIV-PERM-001")
            return  # nothing readable to compare the keys with (FairPlay, or no executable)
        indexes = [(b, ApiIndex(s)) for b, s in coded if s is not None]
        problems: list[tuple[str, Evidence]] = []
        unused: list[str] = []
        for key, apis in sorted(table.usage.items()):
            users = [(b, api) for b, idx in indexes for api in idx.any_referenced(apis)]
            has_key = key in declared or any(
                alt in declared for alt in table.usage_alternatives.get(key, ())
            )
            if users and not has_key:
                b, api = users[0]
                problems.append(
                    (
                        f"missing {key}",
                        Evidence(
                            location=b.code_slice.location if b.code_slice else b.location,
                            symbol=api.text,
                            excerpt=f"used, but Info.plist has no {key}",
                        ),
                    )
                )
            if (
                key in declared
                and not users
                and not any(
                    key in table.usage_alternatives.get(other, ()) and other in declared
                    for other in table.usage
                )
            ):
                unused.append(key)
        for key, text in sorted(declared.items()):
            if isinstance(text, str) and len(text.strip()) < MIN_DESCRIPTION_CHARS:
                problems.append(
                    (
                        f"empty {key}",
                        Evidence(location=app.info_location, symbol=key, excerpt=repr(text)),
                    )
                )
        problems.extend(self._privacy_manifest(inputs, indexes))
        # The app's own executable unread (FairPlay) but a framework read: a use in the app
        # cannot be ruled out.
        if (app.code_slice is None or app.encrypted) and declared:
            ctx.skipped.add("PRIV-PERM-001")
        elif unused:
            yield from self._unused(inputs, ctx, indexes, unused)
        if not problems:
            return
        yield ctx.finding(
            "PRIV-IOS-001",
            Text(
                zh="用途说明或隐私清单与实际使用不符：" + "；".join(p for p, _ in problems[:8]),
                en="Usage descriptions or the privacy manifest do not match what the app uses: "
                + "; ".join(p for p, _ in problems[:8]),
            ),
            *(e for _, e in problems),
        )

    def _unused(
        self,
        inputs: IosInputs,
        ctx: Context,
        indexes: list[tuple[BundleFacts, ApiIndex]],
        unused: list[str],
    ) -> Iterator[Finding]:
        web = any(v in idx.classes for _, idx in indexes for v in _WEB_VIEWS)
        keys = [k for k in unused if not (web and k in _WEB_USABLE)]
        if not keys:
            return
        rule = ctx.catalog["PRIV-PERM-001"]
        names = "、".join(keys)
        yield ctx.finding(
            "PRIV-PERM-001",
            Text(
                zh=f"{rule.title.zh}：Info.plist 声明了 {names}，但包内没有任何需要它的接口"
                "（仅依据静态代码：运行时加载或网页中的调用可能未被发现）",
                en=f"{rule.title.en}: Info.plist declares {', '.join(keys)}, but no API of the "
                "package needs it (static code only: code loaded at run time or web pages may "
                "be missed)",
            ),
            *(
                Evidence(
                    location=inputs.app.info_location,
                    symbol=k,
                    excerpt="declared; no use of: "
                    + ", ".join(a.text for a in inputs.table.usage[k][:4]),
                )
                for k in keys
            ),
        )

    def _privacy_manifest(
        self, inputs: IosInputs, indexes: list[tuple[BundleFacts, ApiIndex]]
    ) -> Iterator[tuple[str, Evidence]]:
        app = inputs.app
        declared: set[str] = set()
        manifest = app.bundle.privacy_manifest
        if isinstance(manifest, dict):
            for entry in manifest.get("NSPrivacyAccessedAPITypes") or ():
                if isinstance(entry, dict) and isinstance(
                    entry.get("NSPrivacyAccessedAPIType"), str
                ):
                    declared.add(entry["NSPrivacyAccessedAPIType"])
        for category, apis in sorted(inputs.table.required_reason.items()):
            users = [(b, api) for b, idx in indexes for api in idx.any_referenced(apis)]
            if users and category not in declared:
                b, api = users[0]
                what = "no PrivacyInfo.xcprivacy" if manifest is None else f"{category} undeclared"
                yield (
                    f"{what} ({api.text})",
                    Evidence(
                        location=b.code_slice.location if b.code_slice else b.location,
                        symbol=api.text,
                        excerpt="required-reason API; PrivacyInfo.xcprivacy does not declare "
                        + category,
                    ),
                )
