"""Zombie and shell apps (DOMAIN.md §2, ZOMB-*): 空壳 wrappers, stale builds, template residue.

ZOMB-SHELL-001: an app whose native part only opens a web page: few screens, few classes of
its own, a launcher that loads a constant URL, and no native feature (location, camera,
microphone, contacts, Bluetooth, NFC, sensors) used by its own code or its web pages. A hybrid
framework (Cordova, uni-app/HTML5+, APICloud) whose start page is a server URL is the same
shell built from a template. A hybrid app with a local web bundle or native features is not.

ZOMB-STALE-001: a targetSdk below what Chinese app stores accept (30, from the 2023 industry
convention; catalogue rationale), with the signing certificate's date as corroboration only (a
long-lived certificate is normal). Zip entry dates are not read: Gradle writes a fixed 1981
date into every entry, so they date nothing. "versionCode unchanged for 12 months" needs
the scan history (issue 6).

ZOMB-PLACEHOLDER-001: what a template leaves when nobody finishes the app: its default name
or package, "Hello World!" text, and endpoints on loopback or private networks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.graph.callgraph import CodeGraph
from scanner.graph.reach import Reach
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Signer, Text
from scanner.rules.yara_engine import YaraHit, decode_match

SHELL, STALE, PLACEHOLDER = "ZOMB-SHELL-001", "ZOMB-STALE-001", "ZOMB-PLACEHOLDER-001"
MAX_SHELL_ACTIVITIES = 3
MAX_SHELL_CLASSES = 50  # the app's own classes (SDKs and libraries excluded)
# 《移动应用软件高API等级预置与分发自律公约(2023)》: Xiaomi, OPPO, vivo and other stores
# accept only targetSdkVersion >= 30 from 2024-01-04; Huawei from 2023-10-31 (new apps).
STORE_MIN_TARGET_SDK = 30
OLD_CERTIFICATE_YEARS = 5
MAX_EVIDENCE = 6

# Names the IDE or framework gives a new project, compared case-insensitively.
PLACEHOLDER_NAMES = frozenset(
    {
        "hbuilder",
        "hbuilderx",
        "uni-app",
        "hello uni-app",
        "helloworld",
        "hello world",
        "hellouniapp",
        "hello h5+",
        "my application",
        "myapplication",
        "app",
        "test",
        "demo",
    }
)
PLACEHOLDER_NAME_PREFIXES = ("hbuilder", "hello world", "helloworld", "hello uni", "hello-")
PLACEHOLDER_PACKAGE = re.compile(
    r"^(com\.example(\.|$)|io\.dcloud\.HBuilder$|io\.dcloud\.(UNI|H5)[0-9A-F]{6,}$)"
)
# In code, only private-network hosts: a loopback URL there is usually a local server the
# app runs on purpose (an offline H5 cache, a test agent), not a forgotten dev endpoint.
PRIVATE_URL = re.compile(
    r"https?://(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}"
    r"|172\.(1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3})(:\d{2,5})?([/?#]|$)"
)
LOCAL_URL = re.compile(
    r"https?://(127\.0\.0\.1|localhost|10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}"
    r"|172\.(1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3})(:\d{2,5})?([/?#]|$)"
)
WEBVIEW_LOADS = (
    "Landroid/webkit/WebView;->loadUrl",
    "Lcom/tencent/smtt/sdk/WebView;->loadUrl",
)
# What a wrapper does not do: the framework APIs of native features (DOMAIN.md §2 signals).
NATIVE_FEATURES = {
    "location": (
        "Landroid/location/LocationManager;->requestLocationUpdates",
        "Landroid/location/LocationManager;->getLastKnownLocation",
        "Landroid/location/LocationManager;->getCurrentLocation",
        "Lcom/google/android/gms/location/FusedLocationProviderClient;->",
        "Lcom/amap/api/location/AMapLocationClient;->startLocation",
        "Lcom/baidu/location/LocationClient;->start",
    ),
    "camera": (
        "Landroid/hardware/Camera;->open",
        "Landroid/hardware/camera2/CameraManager;->openCamera",
        "Landroidx/camera/lifecycle/ProcessCameraProvider;->bindToLifecycle",
    ),
    "microphone": (
        "Landroid/media/AudioRecord;->startRecording",
        "Landroid/media/MediaRecorder;->start",
    ),
    "contacts": ("Landroid/provider/ContactsContract",),
    "bluetooth": ("Landroid/bluetooth/BluetoothAdapter;->", "Landroid/bluetooth/le/"),
    "nfc": ("Landroid/nfc/NfcAdapter;->",),
    "sensors": ("Landroid/hardware/SensorManager;->registerListener",),
}
# Hybrid frameworks: their classes, and the package entries that show their web bundle.
FRAMEWORKS = {
    "Cordova": ("Lorg/apache/cordova/",),
    "uni-app/HTML5+ (DCloud)": ("Lio/dcloud/",),
    "APICloud": ("Lcom/uzmap/",),
}


def own_classes(g: CodeGraph, ctx: Context) -> list[str]:
    """The app's own classes (scanner/graph/own_code.py)."""
    return g.own_classes(ctx.sdk_table.owner)


def _descriptor(java_name: str) -> str:
    return "L" + java_name.replace(".", "/") + ";"


@dataclass(frozen=True, slots=True)
class ShellSignals:
    activities: int
    classes: int | None  # None: no code graph
    url: str | None
    path: tuple[str, ...]
    where: str
    framework: str | None
    remote_start: str | None
    features: tuple[str, ...]


class ZombieAnalyzer:
    id: ClassVar[str] = "zombie"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (SHELL, STALE, PLACEHOLDER)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        yield from self._shell(inputs, ctx)
        yield from self._stale(inputs, ctx)
        yield from self._placeholder(inputs, ctx)

    # -- shell ------------------------------------------------------------------------------

    def _shell(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        s = self._shell_signals(inputs, ctx)
        if s is None:
            return
        if s.activities > MAX_SHELL_ACTIVITIES or s.features:
            return
        if s.classes is not None and s.classes >= MAX_SHELL_CLASSES:
            return
        counts_zh = f"{s.activities}个界面、{'未知' if s.classes is None else s.classes}个自有类"
        counts_en = (
            f"{s.activities} activities, "
            f"{'unknown' if s.classes is None else s.classes} own classes"
        )
        if s.url is not None:
            yield ctx.finding(
                SHELL,
                Text(
                    zh=f"套壳应用：启动界面只用WebView加载固定地址 {s.url}；{counts_zh}；"
                    "未发现定位、相机、麦克风、通讯录、蓝牙、NFC、传感器等原生功能",
                    en=f"WebView wrapper: the launcher only loads the constant URL {s.url}; "
                    f"{counts_en}; no native feature (location, camera, microphone, contacts, "
                    "Bluetooth, NFC, sensors) found",
                ),
                Evidence(
                    location=s.where,
                    symbol=s.path[-1] if s.path else "",
                    excerpt=s.url,
                    path=s.path,
                ),
                level=EvidenceLevel.E3,
            )
        elif s.framework is not None and s.remote_start is not None:
            yield ctx.finding(
                SHELL,
                Text(
                    zh=f"套壳应用：{s.framework} 框架，起始页为服务器地址 {s.remote_start}；"
                    f"{counts_zh}；未发现原生功能",
                    en=f"WebView wrapper: {s.framework} framework whose start page is the "
                    f"server URL {s.remote_start}; {counts_en}; no native feature found",
                ),
                Evidence(location=s.where, symbol="start page", excerpt=s.remote_start),
                level=EvidenceLevel.E2,
            )

    def _shell_signals(self, inputs: AndroidInputs, ctx: Context) -> ShellSignals | None:
        facts = inputs.facts
        launcher = next((c for c in facts.components if c.is_launcher), None)
        if launcher is None:
            return None
        framework_prefixes = tuple(
            p[1:].replace("/", ".") for ps in FRAMEWORKS.values() for p in ps
        )
        activities = sum(
            1
            for c in facts.components
            if c.kind in ("activity", "activity-alias")
            and not c.name.startswith(framework_prefixes)
            and ctx.sdk_table.owner(_descriptor(c.name)) is None
        )
        remote = [h for h in inputs.yara if h.signal == "shell_remote_start"]
        remote_start = None
        where = inputs.facts.manifest_location or inputs.package_label
        if remote:
            s = remote[0].strings[0]
            remote_start = _url_in(decode_match(s.data, s.identifier))
            where = remote[0].location
        code = inputs.code
        if code is None:
            return ShellSignals(activities, None, None, (), where, None, remote_start, ())
        g = code.graph
        framework = next(
            (name for name, ps in FRAMEWORKS.items() if any(c.startswith(ps) for c in g.classes)),
            None,
        )
        own = own_classes(g, ctx)
        own_set = set(own)
        url, path, url_where = self._launcher_url(
            code, _descriptor(launcher.target_activity or launcher.name)
        )
        features = self._features(code, own_set, inputs.yara)
        return ShellSignals(
            activities=activities,
            classes=len(own),
            url=url,
            path=path,
            where=url_where or where,
            framework=framework,
            remote_start=remote_start,
            features=features,
        )

    def _launcher_url(
        self, code: CodeEvidence, launcher: str
    ) -> tuple[str | None, tuple[str, ...], str | None]:
        """The constant URL a WebView loads on the launcher's own path, if any."""
        g = code.graph
        loads = g.matching(WEBVIEW_LOADS)
        if not loads:
            return None, (), None
        reach = Reach(g, only=lambda e: e.component == launcher)
        for target in sorted(loads):
            if not reach.reachable(target):
                continue
            path = reach.path(target)
            for caller in reversed(path[:-1]):
                # A page of the app's own assets (file:///android_asset/) is a hybrid app's
                # content, not a website it wraps.
                urls = [u for s in g.strings(caller) if (u := _url_in(s)) and u.startswith("http")]
                if urls:
                    return (
                        urls[0],
                        tuple(g.short(n) for n in path),
                        g.location.get(caller),
                    )
        return None, (), None

    def _features(
        self, code: CodeEvidence, own: set[str], yara: Iterable[YaraHit]
    ) -> tuple[str, ...]:
        """Native features the app's own code reaches, or its web pages call."""
        g = code.graph
        found = []
        for name, apis in NATIVE_FEATURES.items():
            for target in g.matching(apis):
                callers = g.graph.pred[target] if target in g.graph else ()
                if any(g.class_of(c) in own and code.reach.reachable(c) for c in callers):
                    found.append(name)
                    break
        if any(h.signal == "hybrid_api" for h in yara):
            found.append("web page API")
        return tuple(found)

    # -- stale ------------------------------------------------------------------------------

    def _stale(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        facts = inputs.facts
        target = facts.effective_target_sdk
        if target >= STORE_MIN_TARGET_SDK:
            return
        declared = "declared" if facts.target_sdk is not None else "defaulted from minSdk"
        signers = [s for r in inputs.signing.schemes.values() for s in r.signers]
        old = old_certificate(signers)
        cert_zh = cert_en = ""
        if old is not None:
            cert_zh = f"；签名证书签发于 {old}（{OLD_CERTIFICATE_YEARS}年以上，仅作佐证）"
            cert_en = (
                f"; the signing certificate dates from {old} "
                f"(over {OLD_CERTIFICATE_YEARS} years; corroboration only)"
            )
        yield ctx.finding(
            STALE,
            Text(
                zh=f"targetSdkVersion 为 {target}，低于国内主流应用商店上架要求的 "
                f"{STORE_MIN_TARGET_SDK}（《移动应用软件高API等级预置与分发自律公约(2023)》），"
                f"长期未更新的迹象{cert_zh}",
                en=f"targetSdkVersion {target} ({declared}) is below {STORE_MIN_TARGET_SDK}, "
                "what the main Chinese app stores accept (2023 high-API-level convention): a "
                f"sign the app has not been updated for years{cert_en}",
            ),
            Evidence(
                location=facts.manifest_location or inputs.package_label,
                symbol="uses-sdk targetSdkVersion",
                excerpt=str(target),
            ),
        )

    # -- placeholder ------------------------------------------------------------------------

    def _placeholder(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        facts = inputs.facts
        manifest = facts.manifest_location or inputs.package_label
        zh: list[str] = []
        en: list[str] = []
        evidence: list[Evidence] = []
        if facts.label and placeholder_name(facts.label):
            zh.append(f"应用名称为模板默认名 “{facts.label}”")
            en.append(f"the app name is a template default, “{facts.label}”")
            evidence.append(
                Evidence(location=manifest, symbol="application label", excerpt=facts.label)
            )
        if PLACEHOLDER_PACKAGE.match(facts.package):
            zh.append(f"包名为模板默认包名 {facts.package}")
            en.append(f"the package name is a template default, {facts.package}")
            evidence.append(Evidence(location=manifest, symbol="package", excerpt=facts.package))
        texts = [h for h in inputs.yara if h.signal == "template_text" and _ui_file(h.location)]
        if texts:
            zh.append("界面含模板文字 “Hello World!”等")
            en.append("UI files hold template text (“Hello World!”)")
            evidence.extend(_hit_evidence(texts, "template text"))
        local = local_endpoints(inputs, ctx)
        if local:
            shown = ", ".join(sorted({e.excerpt for e in local})[:3])
            zh.append(f"含本机或内网地址 {shown}")
            en.append(f"loopback or private-network endpoints {shown}")
            evidence.extend(local)
        if not zh:
            return
        yield ctx.finding(
            PLACEHOLDER,
            Text(zh="模板残留：" + "；".join(zh), en="Template residue: " + "; ".join(en)),
            *evidence[:MAX_EVIDENCE],
        )


def placeholder_name(label: str) -> bool:
    """A template's name, or one of its variants: "HBuilder-Hello", "HelloWorldJNI"."""
    name = label.strip().lower()
    return name in PLACEHOLDER_NAMES or name.startswith(PLACEHOLDER_NAME_PREFIXES)


def old_certificate(signers: Iterable[Signer], today: dt.date | None = None) -> str | None:
    """The issue date of the oldest certificate older than OLD_CERTIFICATE_YEARS, if any."""
    today = today or dt.date.today()
    dates = []
    for s in signers:
        try:
            issued = dt.date.fromisoformat(s.not_before[:10])
        except ValueError:
            continue
        if (today - issued).days > OLD_CERTIFICATE_YEARS * 365:
            dates.append(issued)
    return min(dates).isoformat() if dates else None


def _url_in(text: str) -> str | None:
    m = re.search(r"(https?://[^\s\"'<>]{3,200}|file:///android_asset/[^\s\"'<>]{1,200})", text)
    return m.group(1) if m else None


def _ui_file(location: str) -> bool:
    name = location.rsplit("!", 1)[-1]
    return name == "resources.arsc" or name.startswith(("res/", "assets/"))


def _hit_evidence(hits: list[YaraHit], symbol: str) -> list[Evidence]:
    return [
        Evidence(
            location=h.location,
            symbol=symbol,
            excerpt=decode_match(s.data, s.identifier)[:200],
            offset=s.offset,
        )
        for h in hits
        for s in h.strings[:1]
    ][:MAX_EVIDENCE]


def local_endpoints(inputs: AndroidInputs, ctx: Context) -> list[Evidence]:
    """Loopback and private-network URLs in UI files and assets (YARA), and private-network
    URLs in the string constants of the app's own code (the graph: an SDK's test URLs are the
    SDK's business)."""
    out = [
        Evidence(
            location=h.location,
            symbol="endpoint",
            excerpt=decode_match(s.data, s.identifier).rstrip("/\"' ?")[:200],
            offset=s.offset,
        )
        for h in inputs.yara
        if h.signal == "local_endpoint" and _ui_file(h.location)
        for s in h.strings[:1]
    ]
    code = inputs.code
    if code is not None:
        g = code.graph
        # The vendor's own code: its package's first two parts (an SDK under them is rare),
        # so that bundled libraries the SDK table does not know (netty, …) are not counted.
        vendor = "L" + "/".join(inputs.facts.package.split(".")[:2]) + "/"
        own = {c for c in own_classes(g, ctx) if c.startswith(vendor)}
        for cls in sorted(own):
            for node in g.classes[cls].methods.values():
                for s in g.strings(node):
                    m = PRIVATE_URL.search(s)
                    if m:
                        out.append(
                            Evidence(
                                location=g.location.get(node, inputs.package_label),
                                symbol=g.short(node),
                                excerpt=s[:200],
                            )
                        )
                        break
            if len(out) >= MAX_EVIDENCE:
                break
    return out[:MAX_EVIDENCE]
