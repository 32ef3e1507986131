"""Typed facts read from an APK's manifest and resources: no rule logic here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from scanner.unpack.apk import ApkContents
from scanner.unpack.arsc import ResourceTable

ANDROID_NS = "{http://schemas.android.com/apk/res/android}"
COMPONENT_KINDS = ("activity", "activity-alias", "service", "receiver", "provider")
# foregroundServiceType flags (ServiceInfo.FOREGROUND_SERVICE_TYPE_*)
FGS_TYPES = {
    0x1: "dataSync",
    0x2: "mediaPlayback",
    0x4: "phoneCall",
    0x8: "location",
    0x10: "connectedDevice",
    0x20: "mediaProjection",
    0x40: "camera",
    0x80: "microphone",
    0x100: "health",
    0x200: "remoteMessaging",
    0x400: "systemExempted",
    0x800: "shortService",
    0x40000000: "specialUse",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class IntentFilter:
    actions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Component:
    kind: str
    name: str
    exported: bool
    exported_attr: bool | None
    permission: str | None
    read_permission: str | None = None
    write_permission: str | None = None
    enabled: bool = True
    intent_filters: tuple[IntentFilter, ...] = ()
    authorities: str | None = None
    grant_uri_permissions: bool = False
    foreground_service_types: tuple[str, ...] = ()
    target_activity: str | None = None

    @property
    def is_launcher(self) -> bool:
        return any(
            "android.intent.action.MAIN" in f.actions
            and "android.intent.category.LAUNCHER" in f.categories
            for f in self.intent_filters
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class DeclaredPermission:
    name: str
    protection_level: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkSecurityConfig:
    location: str
    base_cleartext: bool | None = None
    cleartext_domains: tuple[str, ...] = ()
    user_trust_anchors: bool = False
    debug_overrides: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class AndroidFacts:
    package: str
    version_code: int | None
    version_name: str | None
    min_sdk: int | None
    target_sdk: int | None
    label: str | None
    labels: tuple[tuple[str, str], ...]
    application_class: str | None
    debuggable: bool
    test_only: bool
    allow_backup: bool | None
    full_backup_content: bool
    data_extraction_rules: bool
    uses_cleartext: bool | None
    network_security_config: NetworkSecurityConfig | None
    permissions: tuple[tuple[str, int | None], ...]
    declared_permissions: tuple[DeclaredPermission, ...]
    components: tuple[Component, ...]
    meta_data: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    manifest_location: str = ""

    @property
    def effective_target_sdk(self) -> int:
        """targetSdk defaults to minSdk, and minSdk to 1, as the platform reads them."""
        return self.target_sdk or self.min_sdk or 1


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> list[Any]:
    """Child elements by local name: the platform ignores a namespace on element names, and
    some apps put one there (`<android:uses-permission>`) to hide entries from naive parsers."""
    if el is None:
        return []
    return [c for c in el if _local(c.tag) == name]


def _child(el: Any, name: str) -> Any:
    found = _children(el, name)
    return found[0] if found else None


def _attr(el: Any, name: str) -> str | None:
    value = el.get(ANDROID_NS + name)
    if value is None:
        value = el.get(name)
    return None if value is None else str(value)


def _bool(value: str | None) -> bool | None:
    if value is None:
        return None
    v = value.strip().lower()
    if v in ("true", "1", "0xffffffff", "-1"):
        return True
    if v in ("false", "0", "0x0"):
        return False
    return None  # resource reference: unknown statically


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value, 0)
    except ValueError:
        return None


def _qualify(package: str, name: str | None) -> str:
    if not name:
        return ""
    if name.startswith("."):
        return package + name
    if "." not in name:
        return f"{package}.{name}"
    return name


def _protection_level(value: str | None) -> str:
    if value is None:
        return "normal"
    n = _int(value)
    if n is None:
        return value
    base = {0: "normal", 1: "dangerous", 2: "signature", 3: "signatureOrSystem"}.get(
        n & 0xF, "normal"
    )
    return base


def _filters(el: Any) -> tuple[IntentFilter, ...]:
    return tuple(
        IntentFilter(
            actions=tuple(a for x in _children(f, "action") if (a := _attr(x, "name"))),
            categories=tuple(c for x in _children(f, "category") if (c := _attr(x, "name"))),
            schemes=tuple(s for x in _children(f, "data") if (s := _attr(x, "scheme"))),
            hosts=tuple(h for x in _children(f, "data") if (h := _attr(x, "host"))),
        )
        for f in _children(el, "intent-filter")
    )


def _fgs_types(value: str | None) -> tuple[str, ...]:
    n = _int(value)
    if n is None:
        return tuple(v for v in (value or "").split("|") if v)
    return tuple(name for bit, name in FGS_TYPES.items() if n & bit)


def _components(app: Any, package: str, target_sdk: int) -> tuple[Component, ...]:
    out = []
    if app is None:
        return ()
    for kind in COMPONENT_KINDS:
        for el in _children(app, kind):
            filters = _filters(el)
            exported_attr = _bool(_attr(el, "exported"))
            if exported_attr is not None:
                exported = exported_attr
            elif kind == "provider":
                # Providers were exported by default up to API 16.
                exported = target_sdk <= 16
            else:
                exported = bool(filters)
            out.append(
                Component(
                    kind=kind,
                    name=_qualify(package, _attr(el, "name")),
                    exported=exported,
                    exported_attr=exported_attr,
                    permission=_attr(el, "permission"),
                    read_permission=_attr(el, "readPermission"),
                    write_permission=_attr(el, "writePermission"),
                    enabled=_bool(_attr(el, "enabled")) is not False,
                    intent_filters=filters,
                    authorities=_attr(el, "authorities"),
                    grant_uri_permissions=bool(_bool(_attr(el, "grantUriPermissions"))),
                    foreground_service_types=_fgs_types(_attr(el, "foregroundServiceType")),
                    target_activity=_qualify(package, _attr(el, "targetActivity")) or None,
                )
            )
    return tuple(out)


_RES_REF = re.compile(
    r"^@(?:(?P<pkg>[\w.]+):)?(?P<type>[\w]+)/(?P<name>[\w.]+)$|^@(?P<hex>[0-9a-fA-F]{8})$"
)


def _resource_id(table: ResourceTable, ref: str) -> int | None:
    m = _RES_REF.match(ref)
    if not m:
        return None
    if m.group("hex"):
        return int(m.group("hex"), 16)
    if m.group("pkg") == "android":
        return None
    return table.find_id(m.group("type"), m.group("name"))


def resolve_all(contents: ApkContents, ref: str | None) -> list[tuple[str, str]]:
    """(locale, value) for every configuration of a resource reference; literals as ("", ref)."""
    if ref is None:
        return []
    if not ref.startswith("@"):
        return [("", ref)]
    table = contents.resources()
    rid = _resource_id(table, ref) if table is not None else None
    if rid is None or table is None:
        return [("", ref)]
    return table.resolve(rid) or [("", ref)]


def _pick_label(values: list[tuple[str, str]]) -> str | None:
    for locale, value in values:
        if locale == "":
            return value
    return values[0][1] if values else None


def _nsc(contents: ApkContents, ref: str | None) -> NetworkSecurityConfig | None:
    if not ref:
        return None
    values = resolve_all(contents, ref)
    path = next((v for _, v in values if v.startswith("res/")), None)
    if path is None:
        return NetworkSecurityConfig(location=contents.view.location("resources.arsc"))
    root = contents.xml(path)
    if root is None:
        return NetworkSecurityConfig(location=contents.view.location(path))
    base = _child(root, "base-config")
    domains: list[str] = []
    for dc in root.iter("domain-config"):
        if _bool(dc.get("cleartextTrafficPermitted")):
            domains.extend(d.text.strip() for d in _children(dc, "domain") if d.text)
    user = any(c.get("src") == "user" for c in root.iter("certificates"))
    return NetworkSecurityConfig(
        location=contents.view.location(path),
        base_cleartext=_bool(base.get("cleartextTrafficPermitted")) if base is not None else None,
        cleartext_domains=tuple(domains),
        user_trust_anchors=user,
        debug_overrides=_child(root, "debug-overrides") is not None,
    )


def read_android_facts(contents: ApkContents) -> AndroidFacts:
    m = contents.manifest
    package = m.get("package") or ""
    sdk = _child(m, "uses-sdk")
    min_sdk = _int(_attr(sdk, "minSdkVersion")) if sdk is not None else None
    target_sdk = _int(_attr(sdk, "targetSdkVersion")) if sdk is not None else None
    app = _child(m, "application")
    effective_target = target_sdk or min_sdk or 1
    components = _components(app, package, effective_target)

    label_ref = _attr(app, "label") if app is not None else None
    if label_ref is None:
        launcher = next((c for c in components if c.is_launcher), None)
        if launcher is not None and app is not None:
            for el in _children(app, launcher.kind):
                if _qualify(package, _attr(el, "name")) == launcher.name:
                    label_ref = _attr(el, "label")
    labels = resolve_all(contents, label_ref)
    label = _pick_label(labels)
    # Chinese labels are what filing records beside the default; other locales are noise here.
    localized = tuple(sorted({(loc, v) for loc, v in labels if loc.startswith("zh")}))

    def app_attr(name: str) -> str | None:
        return _attr(app, name) if app is not None else None

    permissions = []
    seen = set()
    for tag in ("uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m"):
        for el in _children(m, tag):
            name = _attr(el, "name")
            if name and name not in seen:
                seen.add(name)
                permissions.append((name, _int(_attr(el, "maxSdkVersion"))))
    declared = tuple(
        DeclaredPermission(name=n, protection_level=_protection_level(_attr(el, "protectionLevel")))
        for el in _children(m, "permission")
        if (n := _attr(el, "name"))
    )
    meta = tuple(
        (n, _attr(el, "value") or _attr(el, "resource") or "")
        for el in (_children(app, "meta-data") if app is not None else [])
        if (n := _attr(el, "name"))
    )
    return AndroidFacts(
        package=package,
        version_code=_int(_attr(m, "versionCode")),
        version_name=_attr(m, "versionName"),
        min_sdk=min_sdk,
        target_sdk=target_sdk,
        label=label,
        labels=localized,
        application_class=_qualify(package, app_attr("name")) or None,
        debuggable=bool(_bool(app_attr("debuggable"))),
        test_only=bool(_bool(app_attr("testOnly"))),
        allow_backup=_bool(app_attr("allowBackup")),
        full_backup_content=app_attr("fullBackupContent") is not None,
        data_extraction_rules=app_attr("dataExtractionRules") is not None,
        uses_cleartext=_bool(app_attr("usesCleartextTraffic")),
        network_security_config=_nsc(contents, app_attr("networkSecurityConfig")),
        permissions=tuple(permissions),
        declared_permissions=declared,
        components=components,
        meta_data=meta,
        manifest_location=contents.view.location("AndroidManifest.xml"),
    )
