"""An IPA opened for scanning: its zip view, the app bundle and the bundles nested in it.

An IPA is a zip holding `Payload/<Name>.app/`. Inside the app sit app extensions
(`PlugIns/*.appex`, `Extensions/*.appex`), a watch app (`Watch/*.app`, with plug-ins of its own),
embedded frameworks (`Frameworks/*.framework`) and loose dylibs (`Frameworks/*.dylib`). Each
becomes a `Bundle` with its Info.plist identity; executables are read only when asked for, through
the zip view's caps. Nothing is extracted.

Some tools zip the folder around `Payload/` rather than its contents (fastlane's test fixtures are
`Sample/Payload/Sample.app/…`, often with a macOS `__MACOSX/` shadow tree); such an archive is
read as if `Payload/` were at its root, and the report says so in `notes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from scanner.config import Limits
from scanner.errors import CorruptPackage, ScannerError, UnsupportedPackage
from scanner.facts.plist import MAX_PLIST_BYTES, load_dict, load_strings
from scanner.unpack.archive import ZipView

BundleKind = Literal["app", "appex", "watch", "framework", "dylib"]

_APP = re.compile(r"^(?P<root>(?:[^/]+/)?)Payload/(?P<app>[^/]+\.app)/")
# Locales whose InfoPlist.strings give the Chinese name, most wanted first.
ZH_LOCALES = (
    "zh-Hans",
    "zh_CN",
    "zh-CN",
    "zh_Hans",
    "zh",
    "zh-Hant",
    "zh_TW",
    "zh-TW",
    "zh-HK",
    "zh_HK",
    "zh_Hant",
)
_NESTING = 3  # app → watch app → its plug-ins: deeper than that no real app goes
_MAX_BUNDLES = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class Bundle:
    """One bundle (or loose dylib) in the IPA, identified by its Info.plist."""

    path: str  # the bundle folder in the zip, with a trailing slash; for a dylib, the file
    kind: BundleKind
    parent: str | None  # path of the enclosing bundle; None for the app itself
    info: dict[str, Any]  # parsed Info.plist; {} when absent (dylib, broken framework)
    info_path: str | None  # zip entry of the Info.plist read, None when there is none
    executable: str | None  # zip entry of the executable, None when it is missing
    executable_name: str | None  # CFBundleExecutable (or the name it defaults to)
    bundle_id: str | None = None
    name: str | None = None  # CFBundleName
    display_name: str | None = None  # CFBundleDisplayName
    localized_names: dict[str, str] = field(default_factory=dict)  # locale → shown name
    short_version: str | None = None  # CFBundleShortVersionString
    build_version: str | None = None  # CFBundleVersion
    min_os: str | None = None  # MinimumOSVersion
    platform_name: str | None = None  # DTPlatformName
    platform_version: str | None = None  # DTPlatformVersion
    sdk_name: str | None = None  # DTSDKName
    xcode: str | None = None  # DTXcode
    xcode_build: str | None = None  # DTXcodeBuild
    compiler: str | None = None  # DTCompiler
    device_family: tuple[int, ...] = ()  # UIDeviceFamily: 1 iPhone, 2 iPad, 4 watch, …
    provision_path: str | None = None  # embedded.mobileprovision
    code_resources_path: str | None = None  # _CodeSignature/CodeResources
    privacy_manifest_path: str | None = None  # PrivacyInfo.xcprivacy
    privacy_manifest: dict[str, Any] | None = None
    problems: tuple[str, ...] = ()

    @property
    def has_provision(self) -> bool:
        return self.provision_path is not None

    @property
    def has_code_resources(self) -> bool:
        return self.code_resources_path is not None

    @property
    def zh_name(self) -> str | None:
        """The name a Chinese-language device shows: zh-Hans first, then other zh locales."""
        for locale in ZH_LOCALES:
            if locale in self.localized_names:
                return self.localized_names[locale]
        return None


@dataclass(slots=True)
class IpaContents:
    view: ZipView
    root: str  # "" or the folder wrapping Payload/ ("Sample/")
    app: Bundle
    bundles: list[Bundle]  # the app first, then nested bundles in discovery order
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def read(self, entry: str) -> bytes:
        """One entry's bytes, capped by the view's limits."""
        return self.view.read(entry)

    def location(self, entry: str) -> str:
        return self.view.location(entry)

    def files(self, bundle: Bundle) -> list[str]:
        """File entries inside a bundle folder (nested bundles included)."""
        if bundle.kind == "dylib":
            return [bundle.path]
        return [n for n in self.view.names() if n.startswith(bundle.path) and not n.endswith("/")]

    def close(self) -> None:
        self.view.close()

    def __enter__(self) -> IpaContents:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_ipa(path: Path, limits: Limits) -> IpaContents:
    view = ZipView.open_file(path, limits)
    try:
        return _open(view, path.name)
    except BaseException:
        view.close()
        raise


def _open(view: ZipView, filename: str) -> IpaContents:
    names = [n for n in view.names() if not n.startswith("__MACOSX/")]
    root, app_dir, notes = _find_app(names, filename)
    index = _Index(view, names)
    app = _read_bundle(index, f"{root}Payload/{app_dir}/", "app", None, required=True)
    contents = IpaContents(view=view, root=root, app=app, bundles=[app], notes=notes)
    _nested(index, app, contents, depth=1)
    return contents


def _find_app(names: list[str], filename: str) -> tuple[str, str, list[str]]:
    found: dict[tuple[str, str], None] = {}
    for name in names:
        m = _APP.match(name)
        if m:
            found.setdefault((m.group("root"), m.group("app")), None)
    if not found:
        has_payload = any(n == "Payload/" or n.startswith("Payload/") for n in names)
        where = (
            "its Payload/ folder holds no .app bundle"
            if has_payload
            else "it has no Payload/<Name>.app/ folder"
        )
        raise UnsupportedPackage(
            f"{filename}: not an iOS app package: {where}. An IPA is a zip of "
            "Payload/<Name>.app/; export it again from Xcode (Archive, then Distribute App)."
        )
    roots = sorted({r for r, _ in found})
    # An archive with both a bare Payload/ and wrapped ones: the bare one is the real IPA.
    root = "" if "" in roots else roots[0]
    apps = sorted(a for r, a in found if r == root)
    notes: list[str] = []
    if root:
        notes.append(
            f"Payload/ sits inside the folder {root!r} (zipped around the folder, as "
            "fastlane's fixtures are); read as if Payload/ were at the root. App Store Connect "
            "and devices would reject this layout."
        )
    if len(roots) > 1:
        notes.append(f"several folders hold a Payload/: {roots}; read {root or 'the root'!r}")
    if len(apps) > 1:
        notes.append(f"Payload/ holds several apps {apps}; read {apps[0]!r}")
    return root, apps[0], notes


_INDEX_DEPTH = 32  # folder levels indexed below the archive root
_INDEX_PATH = 1024  # longest folder path indexed, in characters


class _Index:
    """Entry names by folder, so each bundle's children are found without rescanning the zip."""

    def __init__(self, view: ZipView, names: list[str]) -> None:
        self.view = view
        self.names = set(names)
        self.sizes = {e.name: e.size for e in view.entries()}
        self.children: dict[str, set[str]] = {}
        for name in names:
            stripped = name.rstrip("/")
            parts = stripped.split("/")
            end = 0
            # Only the first levels, and only sane lengths: bundles sit a few folders deep, and
            # every ancestor of a 65,535-byte name of 32,000 folders (a fuzzed IPA) made this
            # quadratic: minutes and gigabytes for one entry.
            for depth in range(1, min(len(parts), _INDEX_DEPTH)):
                end += len(parts[depth - 1]) + 1
                if end > _INDEX_PATH:
                    break
                parent = stripped[:end]
                child = parts[depth] + ("/" if depth < len(parts) - 1 or name.endswith("/") else "")
                self.children.setdefault(parent, set()).add(child)

    def has(self, name: str) -> bool:
        return name in self.names and self.view.has(name)

    def list(self, folder: str) -> list[str]:
        return sorted(self.children.get(folder, ()))

    def size(self, name: str) -> int:
        return self.sizes.get(name, 0)


def _read_bundle(
    index: _Index, path: str, kind: BundleKind, parent: str | None, *, required: bool = False
) -> Bundle:
    problems: list[str] = []
    info_path: str | None = path + "Info.plist"
    info: dict[str, Any] = {}
    if index.has(path + "Info.plist"):
        try:
            info = _read_info(index, path + "Info.plist")
        except ScannerError as exc:
            if required:
                raise
            problems.append(str(exc))
            info_path = None
    else:
        if required:
            raise CorruptPackage(
                f"{index.view.location(path)}: the app bundle has no Info.plist, so its "
                "identity (bundle id, version) cannot be read; the package is incomplete"
            )
        others = [c for c in index.list(path) if c.endswith(".plist")]
        hint = f" (found {', '.join(others)})" if others else ""
        problems.append(f"{index.view.location(path)}: no Info.plist{hint}")
        info_path = None
    declared = _text(info.get("CFBundleExecutable"))
    executable_name = declared
    if executable_name is None and kind == "framework":
        executable_name = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".framework")
    executable = None
    if executable_name is not None:
        candidate = path + executable_name
        if index.has(candidate):
            executable = candidate
        else:
            problems.append(
                f"{index.view.location(path)}: executable {executable_name!r} "
                f"({'CFBundleExecutable' if declared else 'framework name'}) is missing"
            )
    elif info:
        problems.append(f"{index.view.location(path)}: Info.plist names no CFBundleExecutable")
    privacy_path, privacy = _privacy(index, path, problems)
    return Bundle(
        path=path,
        kind=kind,
        parent=parent,
        info=info,
        info_path=info_path,
        executable=executable,
        executable_name=executable_name,
        bundle_id=_text(info.get("CFBundleIdentifier")),
        name=_text(info.get("CFBundleName")),
        display_name=_text(info.get("CFBundleDisplayName")),
        localized_names=_localized_names(index, path, problems),
        short_version=_text(info.get("CFBundleShortVersionString")),
        build_version=_text(info.get("CFBundleVersion")),
        min_os=_text(info.get("MinimumOSVersion")),
        platform_name=_text(info.get("DTPlatformName")),
        platform_version=_text(info.get("DTPlatformVersion")),
        sdk_name=_text(info.get("DTSDKName")),
        xcode=_text(info.get("DTXcode")),
        xcode_build=_text(info.get("DTXcodeBuild")),
        compiler=_text(info.get("DTCompiler")),
        device_family=_families(info.get("UIDeviceFamily")),
        provision_path=_present(index, path + "embedded.mobileprovision"),
        code_resources_path=_present(index, path + "_CodeSignature/CodeResources"),
        privacy_manifest_path=privacy_path,
        privacy_manifest=privacy,
        problems=tuple(problems),
    )


def _read_info(index: _Index, info_path: str) -> dict[str, Any]:
    where = index.view.location(info_path)
    if index.size(info_path) > MAX_PLIST_BYTES:
        raise CorruptPackage(f"{where}: larger than the {MAX_PLIST_BYTES}-byte plist limit")
    return load_dict(index.view.read(info_path), where)


def _text(value: object) -> str | None:
    """Identity values are strings; a number where a string belongs is read as its text."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    return None


def _families(value: object) -> tuple[int, ...]:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value,)
    if isinstance(value, list):
        out = []
        for v in value:
            if isinstance(v, int) and not isinstance(v, bool):
                out.append(v)
            elif isinstance(v, str) and v.isdigit():
                out.append(int(v))
        return tuple(out)
    return ()


def _present(index: _Index, name: str) -> str | None:
    return name if index.has(name) else None


def _privacy(
    index: _Index, path: str, problems: list[str]
) -> tuple[str | None, dict[str, Any] | None]:
    name = path + "PrivacyInfo.xcprivacy"
    if not index.has(name):
        return None, None
    try:
        return name, _read_info(index, name)
    except ScannerError as exc:
        problems.append(str(exc))
        return name, None


def _localized_names(index: _Index, path: str, problems: list[str]) -> dict[str, str]:
    """Shown names from `<locale>.lproj/InfoPlist.strings` of the Chinese locales."""
    out: dict[str, str] = {}
    for child in index.list(path):
        if not child.endswith(".lproj/"):
            continue
        locale = child.removesuffix(".lproj/")
        if not locale.startswith("zh"):
            continue
        name = f"{path}{child}InfoPlist.strings"
        if not index.has(name):
            continue
        try:
            if index.size(name) > MAX_PLIST_BYTES:
                raise CorruptPackage(f"{index.view.location(name)}: larger than the plist limit")
            table = load_strings(index.view.read(name), index.view.location(name))
        except ScannerError as exc:
            problems.append(str(exc))
            continue
        shown = table.get("CFBundleDisplayName") or table.get("CFBundleName")
        if shown:
            out[locale] = shown
    return out


def _nested(index: _Index, bundle: Bundle, out: IpaContents, depth: int) -> None:
    if depth > _NESTING:
        return
    base = bundle.path
    found: list[tuple[str, BundleKind]] = []
    layout: tuple[tuple[str, str, BundleKind], ...] = (
        ("PlugIns/", ".appex/", "appex"),
        ("Extensions/", ".appex/", "appex"),
        ("Watch/", ".app/", "watch"),
        ("Frameworks/", ".framework/", "framework"),
    )
    for folder, suffix, kind in layout:
        found.extend(
            (f"{base}{folder}{child}", kind)
            for child in index.list(base + folder)
            if child.endswith(suffix)
        )
    for child in index.list(base + "Frameworks/"):
        if child.endswith(".dylib"):
            out.bundles.append(_dylib(index, f"{base}Frameworks/{child}", base))
    for path, kind in found:
        if len(out.bundles) >= _MAX_BUNDLES:
            out.errors.append(f"more than {_MAX_BUNDLES} nested bundles; the rest not read")
            return
        nested = _read_bundle(index, path, kind, base)
        out.bundles.append(nested)
        if kind in ("appex", "watch"):
            _nested(index, nested, out, depth + 1)


def _dylib(index: _Index, path: str, parent: str) -> Bundle:
    name = path.rsplit("/", 1)[-1]
    return Bundle(
        path=path,
        kind="dylib",
        parent=parent,
        info={},
        info_path=None,
        executable=path,
        executable_name=name,
        name=name,
    )
