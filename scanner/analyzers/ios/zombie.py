"""ZOMB-SHELL-001, ZOMB-STALE-001 and ZOMB-PLACEHOLDER-001 for iOS (scanner/analyzers/zombie.py
explains the rules).

Stale: Apple accepts uploads built with the iOS 17 SDK (Xcode 15) or later since 2024-04-29,
and iOS 18 (Xcode 16) since 2025-04-24; an app whose Info.plist says it was built with an
older SDK (DTPlatformVersion) has not been uploaded since. The minimum iOS version and an
expired provisioning profile corroborate.
Shell: one web view (WKWebView or UIWebView) in an executable with few classes of its own,
at most one view controller, no native-feature framework class, and a constant URL or a
bundled `www/` folder to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.zombie import (
    MAX_EVIDENCE,
    MAX_SHELL_CLASSES,
    PLACEHOLDER,
    PRIVATE_URL,
    SHELL,
    STALE,
    _hit_evidence,
    _url_in,
    placeholder_name,
)
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text

MIN_UPLOAD_SDK = 17  # Apple: Xcode 15 / iOS 17 SDK for uploads from 2024-04-29
MIN_UPLOAD_XCODE = 1500
OLD_MINIMUM_OS = 12
WEB_VIEWS = ("WKWebView", "UIWebView")
NATIVE_CLASSES = {
    "location": ("CLLocationManager", "AMapLocationManager", "BMKLocationManager"),
    "camera": ("AVCaptureSession", "AVCaptureDevice", "UIImagePickerController"),
    "microphone": ("AVAudioRecorder",),
    "contacts": ("CNContactStore", "ABAddressBook"),
    "bluetooth": ("CBCentralManager", "CBPeripheralManager"),
    "nfc": ("NFCNDEFReaderSession", "NFCTagReaderSession"),
    "sensors": ("CMMotionManager", "CMPedometer"),
}
PLACEHOLDER_BUNDLE_PREFIXES = ("com.example.", "com.yourcompany.", "org.reactjs.native.example.")


def _major(version: str | None) -> int | None:
    try:
        return int((version or "").split(".", 1)[0])
    except ValueError:
        return None


class IosZombieAnalyzer:
    id: ClassVar[str] = "ios-zombie"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = (SHELL, STALE, PLACEHOLDER)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        yield from self._shell(inputs, ctx)
        yield from self._stale(inputs, ctx)
        yield from self._placeholder(inputs, ctx)

    def _shell(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        app = inputs.app
        s = app.code_slice
        if s is None or s.encrypted:
            return
        imported = set(s.imported_classes)
        views = [v for v in WEB_VIEWS if v in imported]
        if not views:
            return
        features = [n for n, classes in NATIVE_CLASSES.items() if imported & set(classes)]
        own = list(s.defined_classes)
        controllers = [c for c in own if c.endswith("ViewController")]
        if features or len(own) >= MAX_SHELL_CLASSES or len(controllers) > 1:
            return
        urls = [u for t in (*s.cstrings, *s.cfstrings) if (u := _url_in(t))]
        app_dir = app.location.split("!", 1)[-1]
        www = sorted(
            {
                h.location
                for h in inputs.yara
                if h.location.split("!", 1)[-1].startswith(f"{app_dir}www/")
            }
        )
        if not urls and not www:
            return
        shown = urls[0] if urls else f"{app_dir}www/"
        executable = f"{app.location.split('!', 1)[0]}!{app.bundle.executable or app_dir}"
        evidence = [Evidence(location=executable, symbol=", ".join(views), excerpt=shown[:200])]
        evidence.extend(Evidence(location=loc, symbol="www") for loc in www[:2])
        yield ctx.finding(
            SHELL,
            Text(
                zh=f"套壳应用：仅 {len(controllers)} 个视图控制器与 {len(own)} 个自有类，使用 "
                f"{'、'.join(views)} 显示 {shown}；"
                "未引用定位、相机、麦克风、通讯录、蓝牙、NFC、传感器等原生功能类",
                en=f"WebView wrapper: {len(controllers)} view controller(s) and {len(own)} own "
                f"classes, showing {shown} in {', '.join(views)}; no native-feature class "
                "(location, camera, microphone, contacts, Bluetooth, NFC, sensors) imported",
            ),
            *evidence,
            level=EvidenceLevel.E2,
        )

    def _stale(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        b = inputs.app.bundle
        sdk = _major(b.platform_version)
        xcode = int(b.xcode) if b.xcode and b.xcode.isdigit() else None
        old_sdk = sdk is not None and sdk < MIN_UPLOAD_SDK
        old_xcode = sdk is None and xcode is not None and xcode < MIN_UPLOAD_XCODE
        if not (old_sdk or old_xcode):
            return
        zh = [f"DTPlatformVersion {b.platform_version}" if old_sdk else f"DTXcode {b.xcode}"]
        en = list(zh)
        if xcode is not None and old_sdk:
            zh.append(f"DTXcode {b.xcode}")
            en.append(f"DTXcode {b.xcode}")
        min_os = _major(b.min_os)
        if min_os is not None and min_os < OLD_MINIMUM_OS:
            zh.append(f"MinimumOSVersion {b.min_os}")
            en.append(f"MinimumOSVersion {b.min_os}")
        profile = inputs.app.profile
        when = dt.datetime.fromisoformat(inputs.scan_date) if inputs.scan_date else None
        if profile is not None and when is not None and profile.expired_at(when):
            zh.append(f"描述文件已于 {profile.expiration_date} 过期")
            en.append(f"provisioning profile expired {profile.expiration_date}")
        yield ctx.finding(
            STALE,
            Text(
                zh=f"长期未更新的迹象：{'，'.join(zh)}；App Store 自2024-04-29起只接受 iOS "
                f"{MIN_UPLOAD_SDK} SDK（Xcode 15）及以上构建的版本",
                en=f"signs of a stale build: {', '.join(en)}; the App Store accepts only builds "
                f"with the iOS {MIN_UPLOAD_SDK} SDK (Xcode 15) or later since 2024-04-29",
            ),
            Evidence(
                location=inputs.app.info_location,
                symbol="DTPlatformVersion" if old_sdk else "DTXcode",
                excerpt=(b.platform_version if old_sdk else b.xcode) or "",
            ),
        )

    def _placeholder(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        app = inputs.app
        b = app.bundle
        zh: list[str] = []
        en: list[str] = []
        evidence: list[Evidence] = []
        name = b.display_name or b.name
        if name and placeholder_name(name):
            zh.append(f"应用名称为模板默认名 “{name}”")
            en.append(f"the app name is a template default, “{name}”")
            evidence.append(
                Evidence(location=app.info_location, symbol="CFBundleDisplayName", excerpt=name)
            )
        if b.bundle_id and b.bundle_id.startswith(PLACEHOLDER_BUNDLE_PREFIXES):
            zh.append(f"Bundle ID 为模板默认值 {b.bundle_id}")
            en.append(f"the bundle id is a template default, {b.bundle_id}")
            evidence.append(
                Evidence(
                    location=app.info_location, symbol="CFBundleIdentifier", excerpt=b.bundle_id
                )
            )
        texts = [h for h in inputs.yara if h.signal == "template_text"]
        if texts:
            zh.append("界面含模板文字 “Hello World!”等")
            en.append("UI files hold template text (“Hello World!”)")
            evidence.extend(_hit_evidence(texts, "template text"))
        local = [
            Evidence(
                location=h.location, symbol="endpoint", excerpt=_hit_evidence([h], "")[0].excerpt
            )
            for h in inputs.yara
            if h.signal == "local_endpoint"
        ]
        s = app.code_slice
        if s is not None:
            where = f"{app.location.split('!', 1)[0]}!{b.executable or b.path}"
            local.extend(
                Evidence(location=where, symbol="__cstring", excerpt=t[:200])
                for t in (*s.cstrings, *s.cfstrings)
                if PRIVATE_URL.search(t)
            )
        if local:
            shown = ", ".join(sorted({e.excerpt for e in local})[:3])
            zh.append(f"含本机或内网地址 {shown}")
            en.append(f"loopback or private-network endpoints {shown}")
            evidence.extend(local[:MAX_EVIDENCE])
        if zh:
            yield ctx.finding(
                PLACEHOLDER,
                Text(zh="模板残留：" + "；".join(zh), en="Template residue: " + "; ".join(en)),
                *evidence[:MAX_EVIDENCE],
            )
