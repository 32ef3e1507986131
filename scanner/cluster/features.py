"""Similarity facts of one package, computed during its scan (DOMAIN.md §4).

They go into the report as `facts.similarity`, so that `fingertip cluster` (scanner/cluster/)
can compare any set of reports long after the packages are gone:

- backend: hosts of http(s) URLs in the app's own code and configuration (SDK, platform and
  namespace hosts excluded: signatures/data/similarity.toml), and SDK app keys (AMap, JPush,
  Umeng… meta-data values; iOS Info.plist keys and URL-scheme app ids);
- code: a bottom-k MinHash sketch of the app's own methods, each reduced to its name, its
  prototype with the app's own types masked, and the set of methods it calls (framework and
  library calls by signature, own calls by name), so that a template re-released under another
  package name sketches the same;
- resources: a sketch of the res/ and assets/ files by content (the zip's CRC-32 and size, read
  from the central directory: no file is inflated), and the launcher icon's hash;
- template: the framework (uni-app, Cordova, APICloud, Flutter, React Native or native), the
  uni-app appid, a hash of the hybrid bundle and the launcher class's own name;
- features: which formalism/privacy/function/zombie rules fired, SDKs and permissions;
- signers: certificate SHA-256s.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.cluster.sketch import sketch
from scanner.errors import ScannerError
from scanner.model import Finding, SdkMatch, Signer

if TYPE_CHECKING:
    from scanner.facts.android import AndroidFacts
    from scanner.facts.ios import BundleFacts
    from scanner.facts.macho import MachOSlice
    from scanner.graph.callgraph import CodeGraph
    from scanner.unpack.apk import ApkContents
    from scanner.unpack.archive import Entry
    from scanner.unpack.ipa import IpaContents

FACTS_VERSION = 1
# Config files among assets whose URLs are read (hybrid bundles keep their API base URL in JS).
_CONFIG_ASSET = re.compile(r"\.(json|xml|properties|js|html?|cfg|conf|ini|ya?ml|txt)$", re.I)
MAX_CONFIG_BYTES = 8 * 1024 * 1024  # read from assets per package, at most
MAX_CONFIG_FILE_BYTES = 1024 * 1024
MAX_HOSTS = 64
_URL_HOST = re.compile(r"https?://([A-Za-z0-9][A-Za-z0-9.-]{1,252})", re.I)
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
# DCloud app ids: `__UNI__…` (uni-app) and `H5…` (HBuilder 5+ apps), the bundle's folder name.
_UNI_APPID = re.compile(r"(?:^|/)apps/(__UNI__[0-9A-Za-z]+|H5[0-9A-F]{7})/")
# JavaScript libraries a hybrid bundle carries: their URLs are the library's, not the app's.
LIBRARY_JS = re.compile(
    r"(?:^|/)(?:jquery|zepto|vue|react|angular|lodash|underscore|backbone|bootstrap|prettify"
    r"|mui|swiper|echarts|axios|moment|require|sea|fastclick|iscroll|hammer)[\w.-]*\.js$"
    r"|\.min\.js$",
    re.IGNORECASE,
)
# Rule families that describe what an app does (its business: features, data it collects);
# FUNC- (missing feedback, policy) and ZOMB- fire on absences, which many unrelated apps share.
_FEATURE_RULES = ("FORM-", "PRIV-")
# Framework -> class prefixes (Android) and bundle entries that show it.
ANDROID_FRAMEWORKS = (
    ("uni-app", ("io/dcloud/",), ("assets/apps/__UNI__", "assets/data/dcloud_")),
    ("Cordova", ("org/apache/cordova/",), ("assets/www/cordova.js",)),
    ("APICloud", ("com/uzmap/",), ("assets/widget/config.xml",)),
    ("Flutter", ("io/flutter/",), ("assets/flutter_assets/",)),
    ("React Native", ("com/facebook/react/",), ("assets/index.android.bundle",)),
)
IOS_FRAMEWORKS = (
    ("uni-app", ("Pandora/apps/__UNI__", "/Pandora/")),
    ("Cordova", ("/www/cordova.js",)),
    ("APICloud", ("/widget/config.xml",)),
    ("Flutter", ("/Flutter.framework/",)),
    ("React Native", ("/main.jsbundle",)),
)
# Methods the Xcode project templates give every app (app delegate, scene delegate, view
# controller); `application…` and `scene…` delegate methods are dropped by prefix.
XCODE_TEMPLATE_SELECTORS = frozenset(
    {
        ".cxx_destruct",
        ".cxx_construct",
        "init",
        "dealloc",
        "window",
        "setWindow:",
        "viewDidLoad",
        "viewWillAppear:",
        "viewDidAppear:",
        "viewWillDisappear:",
        "viewDidDisappear:",
        "didReceiveMemoryWarning",
        "prepareForSegue:sender:",
    }
)
_ANDROID_NS = "{http://schemas.android.com/apk/res/android}"
_DESCRIPTOR = re.compile(r"L[^;()]+;")


@dataclass(frozen=True, slots=True)
class SimilarityTable:
    excluded_hosts: frozenset[str]
    sdk_keys: frozenset[str]
    url_scheme_keys: tuple[str, ...]

    @classmethod
    def load(cls, path: Path) -> SimilarityTable:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(
            excluded_hosts=frozenset(h.lower() for h in doc["excluded_hosts"]),
            sdk_keys=frozenset(doc["sdk_keys"]),
            url_scheme_keys=tuple(doc["url_scheme_keys"]),
        )

    def keeps(self, host: str) -> bool:
        """An app's own backend host, not a namespace, vendor or platform host."""
        labels = host.split(".")
        for i in range(len(labels)):
            if ".".join(labels[i:]) in self.excluded_hosts:
                return False
        if _IPV4.match(host):
            return not host.startswith(("127.", "0."))
        return len(labels) >= 2 and labels[-1].isalpha() and len(labels[-1]) >= 2


@functools.lru_cache(maxsize=4)
def load_table(signatures: Path) -> SimilarityTable:
    """The table under a signatures directory, read once per process."""
    return SimilarityTable.load(signatures / "data" / "similarity.toml")


def hosts_in(texts: Iterable[str], table: SimilarityTable) -> set[str]:
    # One regex pass over the strings that can hold a URL, joined (not one call per string).
    joined = "\n".join(t for t in texts if "://" in t)
    found = {m.group(1).lower().strip(".-") for m in _URL_HOST.finditer(joined)}
    return {h for h in found if table.keeps(h)}


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:32]


def _entry_hash(e: Entry) -> str:
    return f"{e.crc:08x}:{e.size}"


def features(
    findings: Iterable[Finding], sdks: Iterable[SdkMatch], permissions: Iterable[str]
) -> list[str]:
    """The function vector: feature rules fired, SDKs, permissions (short names)."""
    out = {f"rule:{f.rule_id}" for f in findings if f.rule_id.startswith(_FEATURE_RULES)}
    out |= {f"sdk:{s.id}" for s in sdks}
    out |= {f"perm:{p.rsplit('.', 1)[-1]}" for p in permissions}
    return sorted(out)


def _document(
    *,
    platform: str,
    framework: str,
    template: dict[str, str | None],
    hosts: set[str],
    keys: dict[str, str],
    code: tuple[int, list[int]] | None,
    resources: tuple[int, list[int]],
    icon: str | None,
    feature_list: list[str],
    signers: Iterable[Signer],
) -> dict[str, Any]:
    return {
        "version": FACTS_VERSION,
        "platform": platform,
        "framework": framework,
        "template": template,
        "backend_hosts": sorted(hosts)[:MAX_HOSTS],
        "sdk_keys": [{"name": k, "value": v} for k, v in sorted(keys.items())],
        "code": None if code is None else {"tokens": code[0], "sketch": code[1]},
        "resources": {"files": resources[0], "sketch": resources[1], "icon": icon},
        "features": feature_list,
        "signers": sorted({s.sha256 for s in signers if s.sha256}),
    }


# -- Android --------------------------------------------------------------------------------


def android_similarity(
    contents: ApkContents,
    facts: AndroidFacts,
    graph: CodeGraph | None,
    class_names: Iterable[str],
    findings: Iterable[Finding],
    sdks: Iterable[SdkMatch],
    signers: Iterable[Signer],
    sdk_owner: Callable[[str], object | None],
    table: SimilarityTable,
) -> dict[str, Any]:
    entries = [e for e in contents.view.entries() if not e.is_dir and e.size]
    names = [e.name for e in entries]
    uni = next((m.group(1) for n in names if (m := _UNI_APPID.search(n))), None)
    framework = "uni-app" if uni else _android_framework("\n" + "\n".join(class_names), names)
    own = graph.own_classes(sdk_owner) if graph is not None else []
    hosts = hosts_in(_android_texts(contents, graph, own), table)
    keys = {k: v for k, v in facts.meta_data if k in table.sdk_keys and v and not v.startswith("@")}
    resource_entries = [e for e in entries if e.name.startswith(("res/", "assets/"))]
    launcher = next((c.name for c in facts.components if c.is_launcher), None)
    bundle = [e for e in entries if _hybrid_bundle_file(e.name)]
    return _document(
        platform="android",
        framework=framework,
        template={
            "launcher": launcher.rsplit(".", 1)[-1] if launcher else None,
            "application": (facts.application_class or "").rsplit(".", 1)[-1] or None,
            "uni_appid": uni,
            "bundle": _digest(
                f"{e.name}:{_entry_hash(e)}" for e in sorted(bundle, key=lambda e: e.name)
            )
            if bundle
            else None,
        },
        hosts=hosts,
        keys=keys,
        code=_code_tokens(graph, own) if graph is not None else None,
        resources=(
            len(resource_entries),
            sketch(_entry_hash(e) for e in resource_entries),
        ),
        icon=_android_icon(contents, entries),
        feature_list=features(findings, sdks, (p for p, _ in facts.permissions)),
        signers=signers,
    )


def _android_framework(classes: str, names: list[str]) -> str:
    """`classes`: every class descriptor, one a line (one substring search per framework)."""
    for name, prefixes, files in ANDROID_FRAMEWORKS:
        if any(n.startswith(files) for n in names):
            return name
        if any(f"\nL{p}" in classes for p in prefixes):
            return name
    return "native"


def _hybrid_bundle_file(name: str) -> bool:
    return (
        name.startswith(("assets/apps/", "assets/www/", "assets/widget/", "assets/flutter_assets/"))
        or name == "assets/index.android.bundle"
    )


def _android_texts(contents: ApkContents, graph: CodeGraph | None, own: list[str]) -> Iterator[str]:
    """String constants of the app's own code, string resources, and config assets."""
    if graph is not None:
        for cls in own:
            for node in graph.classes[cls].methods.values():
                yield from graph.strings(node)
    arsc = contents.resources()
    pool = getattr(arsc, "strings", None)
    if pool is not None:
        for i in range(len(pool)):
            try:
                yield pool.get(i)
            except (IndexError, UnicodeDecodeError, ValueError):
                continue
    budget = MAX_CONFIG_BYTES
    for e in contents.view.entries():
        if (
            e.is_dir
            or not e.name.startswith("assets/")
            or not _CONFIG_ASSET.search(e.name)
            or LIBRARY_JS.search(e.name)
            or not 0 < e.size <= min(MAX_CONFIG_FILE_BYTES, budget)
        ):
            continue
        budget -= e.size
        try:
            yield contents.view.read(e.name).decode("utf-8", "replace")
        except ScannerError:  # a broken asset only loses its hosts
            continue


def _code_tokens(graph: CodeGraph, own: list[str]) -> tuple[int, list[int]]:
    """One token per own method with code: name, masked prototype, what it calls."""
    own_set = set(own)
    masked: dict[str, str] = {}  # "name(proto)" -> with own types masked; protos repeat a lot

    def mask(key: str) -> str:
        found = masked.get(key)
        if found is None:
            found = masked[key] = (
                _DESCRIPTOR.sub(lambda m: "L*;" if m.group(0) in own_set else m.group(0), key)
                if "L" in key
                else key
            )
        return found

    own_key: dict[int, str] = {}  # own method node -> its masked "name(proto)"
    for cls in own:
        for key, node in graph.classes[cls].methods.items():
            own_key[node] = mask(key)
    names = graph.names
    # The adjacency dictionaries callgraph.py fills in bulk: no view object per method.
    succ = graph.graph._succ
    tokens: set[str] = set()
    for node, key in own_key.items():
        calls = sorted(
            {
                own_key.get(t) or names[t]
                for t, data in succ.get(node, {}).items()
                if not data  # plain invokes only, not the derived edges
            }
        )
        if not calls and key.startswith("<"):
            continue  # empty constructors: every class has one
        tokens.add(key + "|" + ",".join(calls))
    return len(tokens), sketch(tokens)


def key_of(signature: str) -> str:
    """`Lcls;->name(proto)` -> `name(proto)`."""
    return signature.split("->", 1)[-1]


def _android_icon(contents: ApkContents, entries: list[Entry]) -> str | None:
    """The content hash of the launcher icon's largest file (all densities resolved)."""
    from scanner.facts.android import resolve_all

    root = contents.manifest
    app = root.find("application") if root is not None else None
    ref = app.get(_ANDROID_NS + "icon") if app is not None else None
    if not ref:
        return None
    files = {v for _, v in resolve_all(contents, ref)}
    candidates = [e for e in entries if e.name in files]
    if not candidates:
        return None
    return _entry_hash(max(candidates, key=lambda e: e.size))


# -- iOS ------------------------------------------------------------------------------------


def ios_similarity(
    contents: IpaContents,
    bundles: list[BundleFacts],
    findings: Iterable[Finding],
    sdks: Iterable[SdkMatch],
    signers: Iterable[Signer],
    table: SimilarityTable,
) -> dict[str, Any]:
    app = bundles[0]
    info = app.bundle.info
    prefix = app.bundle.path
    entries = [
        e for e in contents.view.entries() if not e.is_dir and e.size and e.name.startswith(prefix)
    ]
    names = [e.name for e in entries]
    s = app.code_slice
    texts: list[str] = []
    if s is not None:
        texts += [*s.cstrings, *s.cfstrings, *s.ustrings]
    texts += [str(v) for v in _plist_values(info)]
    keys = {k: str(v) for k, v in info.items() if k in table.sdk_keys and isinstance(v, str)}
    keys.update(_scheme_keys(info, table))
    resources = [
        e
        for e in entries
        if e.name != app.bundle.executable
        and "/_CodeSignature/" not in e.name
        and not e.name.endswith(("/Info.plist", "embedded.mobileprovision"))
    ]
    framework = next(
        (name for name, marks in IOS_FRAMEWORKS if any(m in n for n in names for m in marks)),
        "native",
    )
    uni = next((m.group(1) for n in names if (m := _UNI_APPID.search(n))), None)
    own_selectors = _own_selectors(s) if s is not None else []
    icons = [e for e in entries if e.name.rsplit("/", 1)[-1].startswith("AppIcon")]
    return _document(
        platform="ios",
        framework=framework,
        template={"launcher": None, "application": None, "uni_appid": uni, "bundle": None},
        hosts=hosts_in(texts, table),
        keys=keys,
        code=(len(own_selectors), sketch(own_selectors)) if own_selectors else None,
        resources=(len(resources), sketch(_entry_hash(e) for e in resources)),
        icon=_entry_hash(max(icons, key=lambda e: e.size)) if icons else None,
        feature_list=features(findings, sdks, _usage_keys(info)),
        signers=signers,
    )


def _own_selectors(s: MachOSlice) -> list[str]:
    """Selectors of the methods the executable defines, less those every Xcode project's app
    delegate and view controllers implement (they say nothing about a shared template)."""
    return sorted(
        {
            sel
            for (_cls, sel, _is_class) in s.methods
            if sel not in XCODE_TEMPLATE_SELECTORS and not sel.startswith(("application", "scene"))
        }
    )


def _plist_values(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _plist_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from _plist_values(v)
    elif isinstance(value, str):
        yield value


def _scheme_keys(info: dict[str, Any], table: SimilarityTable) -> dict[str, str]:
    """App ids in URL schemes: `wx1a2b…` is a WeChat Open Platform app id."""
    out = {}
    for url_type in info.get("CFBundleURLTypes") or []:
        if not isinstance(url_type, dict):
            continue
        for scheme in url_type.get("CFBundleURLSchemes") or []:
            if not isinstance(scheme, str):
                continue
            for p in table.url_scheme_keys:
                rest = scheme[len(p) :]
                if scheme.startswith(p) and len(rest) >= 6 and rest.isalnum():
                    out[f"scheme:{p}"] = scheme
    return out


def _usage_keys(info: dict[str, Any]) -> list[str]:
    """Privacy usage descriptions: what iOS calls a permission."""
    return sorted(k for k in info if k.startswith("NS") and k.endswith("UsageDescription"))
