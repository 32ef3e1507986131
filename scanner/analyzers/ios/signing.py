"""iOS filing identity (ID-FILING-001), signing (SEC-SIGN-004…007) and get-task-allow
(SEC-DEBUG-001), from each bundle's code signature and the app's provisioning profile."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.ios import BundleFacts
from scanner.model import Evidence, Finding, Platform, Signer, Text

PROFILE_TYPE_ZH = {
    "development": "开发",
    "ad-hoc": "Ad Hoc",
    "enterprise": "企业（In-House）",
    "app-store": "App Store",
}


def signer_evidence(location: str, s: Signer) -> Evidence:
    return Evidence(
        location=location,
        symbol=s.subject,
        excerpt=f"MD5 {s.md5} SHA-1 {s.sha1} SHA-256 {s.sha256}",
    )


def code_signers(b: BundleFacts) -> list[Signer]:
    """The certificates of the executable's CMS signature (leaf first), once per certificate
    however many slices carry them."""
    out: dict[str, Signer] = {}
    if b.signature is not None:
        for s in b.signature.slices:
            for signer in s.signers:
                out.setdefault(signer.sha256, signer)
    return list(out.values())


def _signature_location(b: BundleFacts) -> str:
    executable = b.bundle.executable or b.bundle.path
    return f"{b.location.split('!', 1)[0]}!{executable} (LC_CODE_SIGNATURE)"


class IosSigningAnalyzer:
    id: ClassVar[str] = "ios-signing"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = (
        "ID-FILING-001",
        "SEC-SIGN-004",
        "SEC-SIGN-005",
        "SEC-SIGN-006",
        "SEC-SIGN-007",
        "SEC-DEBUG-001",
    )

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        app = inputs.app
        yield from self._identity(inputs, ctx)
        yield from self._unsigned_or_broken(inputs, ctx)
        profile = app.profile
        if profile is not None and profile.profile_type != "app-store":
            kind = profile.profile_type
            yield ctx.finding(
                "SEC-SIGN-006",
                Text(
                    zh=f"应用以{PROFILE_TYPE_ZH.get(kind, kind)}描述文件签名"
                    f"（{profile.name or profile.uuid}，设备数 {profile.devices_count}"
                    + ("，全部设备" if profile.provisions_all_devices else "")
                    + "），不经App Store审核即可安装。",
                    en=f"The app is signed with a provisioning profile of type {kind} "
                    f"({profile.name or profile.uuid}, {profile.devices_count} device(s)"
                    + (", all devices" if profile.provisions_all_devices else "")
                    + "): it installs without App Store review.",
                ),
                Evidence(location=profile.location, symbol=kind, excerpt=profile.uuid or ""),
            )
        expired = self._expired(inputs)
        if expired:
            yield ctx.finding(
                "SEC-SIGN-007",
                Text(
                    zh="已过期：" + "；".join(f"{what} 于 {when}" for what, when, _ in expired),
                    en="Expired: " + "; ".join(f"{what} on {when}" for what, when, _ in expired),
                ),
                *(Evidence(location=loc, symbol=what, excerpt=when) for what, when, loc in expired),
            )
        debuggable = [
            (b, source)
            for b in inputs.bundles
            for source, ents in (
                ("code signature", b.entitlements),
                ("provisioning profile", b.profile.entitlements if b.profile else {}),
            )
            if ents.get("get-task-allow") is True
        ]
        if debuggable:
            yield ctx.finding(
                "SEC-DEBUG-001",
                Text(
                    zh="权限 get-task-allow=true：调试器可附加到应用进程（开发版签名）。",
                    en="Entitlement get-task-allow=true: a debugger may attach to the app "
                    "(a development signature).",
                ),
                *(
                    Evidence(
                        location=b.profile.location
                        if source == "provisioning profile" and b.profile
                        else _signature_location(b),
                        symbol="get-task-allow",
                        excerpt=f"true ({source})",
                    )
                    for b, source in debuggable
                ),
            )

    def _identity(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        app = inputs.app
        bundle_id = app.bundle.bundle_id or "?"
        signers = code_signers(app)
        profile = app.profile
        if not signers and (profile is None or not profile.developer_certificates):
            # As on Android: without any certificate there is no filing identity to record;
            # SEC-SIGN-005 says the package is unsigned.
            return
        team = next(
            (
                s.leaf_team_id or s.team_id
                for s in (app.signature.slices if app.signature else ())
                if s.leaf_team_id or s.team_id
            ),
            None,
        ) or (profile.team_ids[0] if profile and profile.team_ids else None)
        evidence = [signer_evidence(_signature_location(app), s) for s in signers]
        if profile is not None:
            evidence.extend(
                signer_evidence(profile.location, s) for s in profile.developer_certificates
            )
        leaf = signers[0] if signers else None
        zh = f"Bundle ID {bundle_id}，团队 {team or '无'}；" + (
            f"签名证书 {leaf.subject}，MD5 {leaf.md5}，SHA-1 {leaf.sha1}。"
            if leaf
            else "可执行文件无CMS签名证书。"
        )
        en = f"Bundle ID {bundle_id}, team {team or 'none'}; " + (
            f"signing certificate {leaf.subject}, MD5 {leaf.md5}, SHA-1 {leaf.sha1}."
            if leaf
            else "the executable carries no CMS signing certificate."
        )
        yield ctx.finding("ID-FILING-001", Text(zh=zh, en=en), *evidence)

    def _unsigned_or_broken(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        app = inputs.app
        if app.signature is not None and app.signature.state == "unsigned":
            yield ctx.finding(
                "SEC-SIGN-005",
                Text(
                    zh="主程序没有代码签名（LC_CODE_SIGNATURE），也无法读取备案所需的证书。",
                    en="The main executable has no code signature (LC_CODE_SIGNATURE), so no "
                    "certificate can be read for filing.",
                ),
                Evidence(location=_signature_location(app), symbol="LC_CODE_SIGNATURE"),
            )
        broken = [
            (b, problem)
            for b in inputs.bundles
            if b.signature is not None and b.signature.state == "broken"
            for problem in b.signature.problems
        ]
        if broken:
            n_bundles = len({b.bundle.path for b, _ in broken})
            yield ctx.finding(
                "SEC-SIGN-004",
                Text(
                    zh=f"{n_bundles} 个包的代码签名校验失败：{broken[0][1]}",
                    en=f"The code signature of {n_bundles} bundle(s) does not verify: "
                    f"{broken[0][1]}",
                ),
                *(
                    Evidence(location=_signature_location(b), excerpt=problem)
                    for b, problem in broken[:10]
                ),
            )

    def _expired(self, inputs: IosInputs) -> list[tuple[str, str, str]]:
        today = inputs.scan_date
        if not today:
            return []
        out = []
        app = inputs.app
        if app.profile and app.profile.expiration_date and app.profile.expiration_date[:10] < today:
            out.append(
                ("provisioning profile", app.profile.expiration_date[:10], app.profile.location)
            )
        leaf = next(iter(code_signers(app)), None)
        if leaf is not None and leaf.not_after and leaf.not_after[:10] < today:
            out.append(("signing certificate", leaf.not_after[:10], _signature_location(app)))
        return out
