"""Filing identity (ID-FILING-001) and signing weaknesses (SEC-SIGN-001…005)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, Finding, Platform, Signer, Text

JANUS_FIXED_SDK = 24  # Android 7.0 verifies v2 and ignores v1 when v2 is present
MIN_RSA_BITS = 2048
MIN_DSA_BITS = 2048


def _cert_location(inputs: AndroidInputs, scheme: str) -> str:
    if scheme in ("v1",):
        sig = next(
            (
                n
                for n in inputs.entry_names
                if n.upper().startswith("META-INF/") and n.upper().endswith((".RSA", ".DSA", ".EC"))
            ),
            "META-INF/",
        )
        return f"{inputs.package_label}!{sig}"
    return f"{inputs.package_label}!APK Signing Block ({scheme})"


def _signer_evidence(inputs: AndroidInputs, s: Signer) -> Evidence:
    return Evidence(
        location=_cert_location(inputs, s.scheme),
        symbol=s.subject,
        excerpt=f"MD5 {s.md5} SHA-1 {s.sha1} SHA-256 {s.sha256}",
    )


def _is_debug(s: Signer) -> bool:
    return "CN=Android Debug" in s.subject


class SigningAnalyzer:
    id: ClassVar[str] = "signing"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (
        "ID-FILING-001",
        "SEC-SIGN-001",
        "SEC-SIGN-002",
        "SEC-SIGN-003",
        "SEC-SIGN-004",
        "SEC-SIGN-005",
    )

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        signing = inputs.signing
        facts = inputs.facts
        signers = signing.all_signers()
        if not signing.signed:
            yield ctx.finding(
                "SEC-SIGN-005",
                Text(
                    zh="安装包没有任何签名（v1/v2/v3）。",
                    en="The package carries no v1, v2 or v3 signature.",
                ),
                Evidence(location=f"{inputs.package_label}!META-INF/", symbol="no signature"),
            )
            return
        unique = {s.sha256: s for s in signers}
        yield ctx.finding(
            "ID-FILING-001",
            Text(
                zh=f"包名 {facts.package}；签名证书 {len(unique)} 个"
                f"（方案：{', '.join(signing.schemes)}）。",
                en=f"Package {facts.package}; {len(unique)} signing certificate(s) "
                f"(schemes: {', '.join(signing.schemes)}).",
            ),
            Evidence(
                location=inputs.facts.manifest_location, symbol="package", excerpt=facts.package
            ),
            *(_signer_evidence(inputs, s) for s in unique.values()),
        )
        problems = [p for r in signing.schemes.values() for p in r.problems]
        if problems or not signing.verified:
            yield ctx.finding(
                "SEC-SIGN-004",
                Text(
                    zh="签名校验失败：" + "；".join(problems),
                    en="The signature does not verify: " + "; ".join(problems),
                ),
                *(
                    Evidence(location=_cert_location(inputs, p.split(":")[0]), excerpt=p)
                    for p in problems
                ),
            )
        min_sdk = facts.min_sdk or 1
        only_v1 = set(signing.schemes) == {"v1"}
        if only_v1 and min_sdk < JANUS_FIXED_SDK:
            yield ctx.finding(
                "SEC-SIGN-001",
                Text(
                    zh=f"仅有v1签名且minSdk={min_sdk}<24，Android 5.0–8.0设备可被Janus漏洞利用。",
                    en=f"Only a v1 signature and minSdk {min_sdk} < 24: "
                    "Android 5.0–8.0 devices are exposed to Janus.",
                ),
                Evidence(
                    location=_cert_location(inputs, "v1"),
                    symbol="v1 only",
                    excerpt=f"minSdkVersion={min_sdk}",
                ),
            )
        debug = [s for s in unique.values() if _is_debug(s)]
        if debug:
            yield ctx.finding(
                "SEC-SIGN-002",
                Text(
                    zh="签名证书为Android调试证书。",
                    en="Signed with the Android debug certificate.",
                ),
                *(_signer_evidence(inputs, s) for s in debug),
            )
        weak = [
            s
            for s in unique.values()
            if (s.public_key_algorithm == "RSA" and 0 < s.public_key_bits < MIN_RSA_BITS)
            or (s.public_key_algorithm == "DSA" and 0 < s.public_key_bits < MIN_DSA_BITS)
        ]
        if weak:
            yield ctx.finding(
                "SEC-SIGN-003",
                Text(
                    zh="签名密钥强度不足："
                    + "，".join(f"{s.public_key_algorithm} {s.public_key_bits}位" for s in weak),
                    en="Weak signing key: "
                    + ", ".join(f"{s.public_key_algorithm} {s.public_key_bits}-bit" for s in weak),
                ),
                *(
                    Evidence(
                        location=_cert_location(inputs, s.scheme),
                        symbol=s.subject,
                        excerpt=f"{s.public_key_algorithm} {s.public_key_bits} bits",
                    )
                    for s in weak
                ),
            )
