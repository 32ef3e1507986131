"""An APK opened for scanning: its zip view, the manifest and resources, and the code it carries.

Binary XML (AXML) is decoded by unpack/axml.py and the resource table by unpack/arsc.py; the
scanner does not import androguard (the tests use it as the reference decoder).
"""

from __future__ import annotations

import logging
import re
import struct
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scanner.config import Limits
from scanner.errors import CorruptPackage, ScannerError, UnsupportedPackage
from scanner.unpack import axml
from scanner.unpack.archive import ZipView
from scanner.unpack.arsc import ResourceTable

log = logging.getLogger(__name__)

_DEX_MAGIC = b"dex\n"
_ELF_MAGIC = b"\x7fELF"
_NESTED = re.compile(r"\.(apk|jar|zip|aar)$", re.IGNORECASE)
# Media never holds code or text worth matching; skipping it keeps YARA on the bytes that matter.
_MEDIA = re.compile(
    r"\.(png|jpe?g|webp|gif|bmp|ico|mp3|mp4|ogg|wav|m4a|aac|flac|ttf|otf|woff2?|9\.png)$",
    re.IGNORECASE,
)

# Assets worth matching for UI text and code: web and config files of any size, and small files
# without an extension (configs, stubs). Other assets are data (input-method dictionaries,
# models, databases): their words are not the app's UI, and matching them produced false
# check-in keywords (Yosemite's Rime dictionary holds 打卡 and 考勤) at twice the cost.
_ASSET_TEXT = re.compile(
    r"\.(js|mjs|html?|json|xml|css|vue|wxml|wxss|nvue|properties|ini|cfg|conf|plist)$",
    re.IGNORECASE,
)
SMALL_ASSET_BYTES = 256 * 1024


@dataclass(slots=True)
class CodeFile:
    """A dex file or native library, with where it sits in the package."""

    location: str
    name: str
    data: bytes


@dataclass(slots=True)
class ApkContents:
    view: ZipView
    manifest: Any  # lxml element of the decoded AndroidManifest.xml
    dex: list[CodeFile] = field(default_factory=list)
    native: list[CodeFile] = field(default_factory=list)
    scannable: list[str] = field(default_factory=list)  # entry names for YARA (not dex/so)
    data_assets: list[str] = field(default_factory=list)  # files not matched: data, not UI
    nested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _arsc: ResourceTable | None = None
    _arsc_loaded: bool = False

    def resources(self) -> ResourceTable | None:
        """The decoded resource table, parsed on first use (it is the slow part of a manifest)."""
        if not self._arsc_loaded:
            self._arsc_loaded = True
            if self.view.has("resources.arsc"):
                try:
                    self._arsc = ResourceTable(self.view.read("resources.arsc"))
                except (CorruptPackage, struct.error, IndexError) as exc:
                    self.errors.append(f"resources.arsc: cannot decode ({exc})")
        return self._arsc

    def xml(self, name: str) -> Any:
        """A binary XML file from the package, decoded; None when absent or undecodable (the
        reason is then in `errors`: one broken layout must not fail the whole scan)."""
        if not self.view.has(name):
            return None
        try:
            return decode_axml(self.view.read(name), self.view.location(name))
        except ScannerError as exc:
            self.errors.append(str(exc))
            return None


def decode_axml(data: bytes, where: str) -> Any:
    """The root element of an XML file from the package: binary XML, or text XML as test
    builders and some tools write it; `CorruptPackage` when it cannot be decoded."""
    if data.lstrip().startswith(b"<"):
        from lxml import etree

        # Text manifests: only in test builders and some tools' output; never resolve entities.
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise CorruptPackage(f"{where}: malformed XML ({exc})") from exc
    return axml.decode(data, where)


def open_apk(path: Path, limits: Limits) -> ApkContents:
    view = ZipView.open_file(path, limits)
    try:
        if not view.has("AndroidManifest.xml"):
            raise UnsupportedPackage(
                f"{path.name}: no AndroidManifest.xml at the archive root, so not an APK"
            )
        raw_manifest = view.read("AndroidManifest.xml")
        contents = ApkContents(view=view, manifest=None)
        # Inflating the dex and .so files (zlib, which releases the GIL) runs beside decoding
        # the manifest (which holds it).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fingertip-inflate") as pool:
            collected = pool.submit(_collect, view, contents)
            try:
                contents.manifest = decode_axml(raw_manifest, view.location("AndroidManifest.xml"))
            finally:
                # Waits, without raising over a manifest error (that one says more).
                collect_error = collected.exception()
        if collect_error is not None:
            raise collect_error
        return contents
    except BaseException:
        view.close()
        raise


def _collect(view: ZipView, out: ApkContents) -> None:
    """Find code and scannable files, descending into nested archives within the limits."""
    for entry in view.entries():
        if entry.is_dir or entry.size == 0:
            continue
        name = entry.name
        if _MEDIA.search(name):
            continue
        lower = name.lower()
        if lower.endswith(".dex") or lower.endswith(".so") or "/lib/" in f"/{lower}":
            data = view.read(name)
            if data.startswith(_DEX_MAGIC):
                out.dex.append(CodeFile(view.location(name), name, data))
                continue
            if data.startswith(_ELF_MAGIC):
                out.native.append(CodeFile(view.location(name), name, data))
                continue
        if _NESTED.search(name):
            try:
                inner = view.nested(name)
            except ScannerError as exc:
                out.errors.append(str(exc))
                continue
            out.nested.append(view.location(name))
            with inner:
                _collect(inner, out)
            continue
        if view is out.view:
            if _worth_matching(name, entry.size):
                out.scannable.append(name)
            else:
                out.data_assets.append(name)


def _worth_matching(name: str, size: int) -> bool:
    """Resources, the manifest, and code/markup among assets and Java resources (see
    _ASSET_TEXT): ICU tables, dictionaries and models elsewhere in the zip are data."""
    if name.startswith("res/") or name in ("resources.arsc", "AndroidManifest.xml"):
        return True
    if name.upper().startswith("META-INF/") and name.upper().endswith((".SF", ".MF")):
        return False  # the JAR signature: digests of every entry, nothing of the app's own
    base = name.rsplit("/", 1)[-1]
    return bool(_ASSET_TEXT.search(name)) or ("." not in base and size <= SMALL_ASSET_BYTES)
