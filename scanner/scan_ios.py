"""The IPA pipeline: unpack (bounded) → per-bundle facts (Info.plist, Mach-O, code signature,
provisioning profile) → YARA, SDK tables and the call graph → iOS analyzers → verdict.

Same data model, scoring and reports as the APK pipeline (scanner/pipeline.py); the platform
is `ios` and the report adds the bundle tree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.analyzers.base import run_analyzers
from scanner.analyzers.ios import BUILTIN_IOS
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.signing import code_signers
from scanner.config import ScanConfig
from scanner.errors import ScannerError
from scanner.facts.ios import BundleFacts, read_bundle, read_executable
from scanner.model import (
    App,
    BundleSummary,
    Coverage,
    Finding,
    Platform,
    ScanResult,
    SdkMatch,
    Signer,
)
from scanner.scoring import evaluate
from scanner.unpack.ipa import IpaContents, open_ipa

if TYPE_CHECKING:
    from scanner.graph.ios import IosGraph
    from scanner.pipeline import Ruleset

# Bundle files worth YARA-matching besides executables: UI text (strings tables, compiled
# storyboards and nibs), configuration, and web code; not images, fonts or media.
_TEXT_FILES = re.compile(
    r"\.(strings|stringsdict|plist|nib|storyboardc/[^/]+|xib|json|js|html?|xcprivacy|css)$",
    re.IGNORECASE,
)
MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024


def scan_ipa(path: Path, cfg: ScanConfig, rs: Ruleset, file_hash: str) -> ScanResult:
    with open_ipa(path, cfg.limits) as contents:
        return _scan(path, cfg, rs, contents, file_hash)


def _scan(
    path: Path, cfg: ScanConfig, rs: Ruleset, contents: IpaContents, file_hash: str
) -> ScanResult:
    label = path.name
    errors = list(contents.errors)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fingertip-yara") as pool:
        # YARA releases the GIL: it matches the text files while the binaries are read here.
        text_hits = pool.submit(rs.yara.scan, _text_files(contents))
        bundles: list[BundleFacts] = []
        code_hits = []
        for bundle in contents.bundles:
            # Each executable is inflated once, for the Mach-O reader, the signature check and
            # YARA, and dropped before the next is read.
            data, problem = read_executable(contents, bundle)
            if problem is not None:
                errors.append(problem)
            facts = read_bundle(contents, bundle, data)
            bundles.append(facts)
            errors.extend(e for e in facts.errors if e not in errors)
            if data is not None and facts.code_slice is not None:
                code_hits += rs.yara.scan([(facts.code_slice.location, data)])
        hits = tuple(code_hits + text_hits.result())
    sdks = tuple(_sdks(rs, bundles))
    graphs = _graphs(contents, bundles) if cfg.code_graph else {}
    inputs = IosInputs(
        package_label=label,
        bundles=tuple(bundles),
        sdks=sdks,
        yara=hits,
        table=rs.ios,
        graphs=graphs,
        scan_date=dt.date.today().isoformat(),
    )
    ctx = rs.context(cfg)
    findings, evaluated = run_analyzers(BUILTIN_IOS, inputs, ctx)
    score, verdict = evaluate(findings, cfg.fail_on)
    reasons = list(ctx.coverage_reasons)
    reasons.extend(_coverage(bundles, cfg))
    if errors:
        reasons.append("some parts of the package could not be read (see errors)")
    app = bundles[0]
    info = app.bundle
    signers = code_signers(app) + (list(app.profile.developer_certificates) if app.profile else [])
    return ScanResult(
        tool=rs.tool,
        app=App(
            platform=Platform.IOS,
            path=str(path),
            file_name=path.name,
            size=path.stat().st_size,
            sha256=file_hash,
            identifier=info.bundle_id,
            name=info.display_name or info.name,
            names=tuple(sorted(info.localized_names.items())),
            version_name=info.short_version,
            version_code=int(info.build_version)
            if info.build_version and info.build_version.isdigit()
            else None,
            signers=tuple(signers),
            signature_schemes=tuple(sorted({s.scheme for s in signers})),
            sdks=sdks,
            min_os=info.min_os,
            build_version=info.build_version,
            bundles=tuple(_summary(b) for b in bundles),
        ),
        findings=tuple(findings),
        evaluated_rule_ids=tuple(sorted(set(evaluated))),
        score=score,
        verdict=verdict,
        coverage=Coverage(partial=bool(reasons), reasons=tuple(dict.fromkeys(reasons))),
        errors=tuple(errors),
        facts={
            **_report_facts(contents, bundles, graphs),
            "similarity": _similarity(contents, bundles, findings, sdks, signers, rs),
        },
    )


def _similarity(
    contents: IpaContents,
    bundles: list[BundleFacts],
    findings: list[Finding],
    sdks: tuple[SdkMatch, ...],
    signers: list[Signer],
    rs: Ruleset,
) -> dict[str, Any]:
    """What `fingertip cluster` compares across reports (scanner/cluster/features.py)."""
    from scanner.cluster.features import ios_similarity, load_table

    return ios_similarity(contents, bundles, findings, sdks, signers, load_table(rs.directory))


def _text_files(contents: IpaContents) -> Iterator[tuple[str, bytes]]:
    for entry in contents.view.entries():
        if entry.is_dir or not entry.size or entry.size > MAX_TEXT_FILE_BYTES:
            continue
        if not _TEXT_FILES.search(entry.name) or "/_CodeSignature/" in entry.name:
            continue
        try:
            yield contents.location(entry.name), contents.read(entry.name)
        except ScannerError as exc:
            contents.errors.append(str(exc))


def _sdks(rs: Ruleset, bundles: list[BundleFacts]) -> Iterator[SdkMatch]:
    embedded = [b.bundle.path.rstrip("/").rsplit("/", 1)[-1] for b in bundles[1:]]
    seen: set[str] = set()
    for b in bundles:
        s = b.code_slice
        if s is None:
            continue
        # Swift SDKs show as the module names of their mangled symbols, which are their
        # framework names (a static Swift SDK links no framework at all).
        frameworks = [lib.name for lib in s.libraries] + sorted(
            swift_modules((*s.swift_symbols, *s.swift_typerefs))
        )
        if b is bundles[0]:
            frameworks += [name for name in embedded if name.endswith(".framework")]
        for match in rs.sdks.match_ios(
            s.location,
            frameworks=frameworks,
            classes=s.defined_classes,
            imported_classes=s.imported_classes,
        ):
            if match.id not in seen:
                seen.add(match.id)
                yield match


_SWIFT_MANGLED = re.compile(r"^_?\$[sS](\d+)")


def swift_modules(symbols: Iterable[str]) -> set[str]:
    """Module names of Swift mangled symbols: `$s9Alamofire7SessionC` is in `Alamofire`."""
    out = set()
    for symbol in symbols:
        m = _SWIFT_MANGLED.match(symbol)
        if m:
            size = int(m.group(1))
            name = symbol[m.end() : m.end() + size]
            if len(name) == size and name.isidentifier() and name != "Swift":
                out.add(name)
    return out


def _graphs(contents: IpaContents, bundles: list[BundleFacts]) -> dict[str, IosGraph]:
    from scanner.graph.ios import build  # networkx: only when a graph is built

    out = {}
    for b in bundles:
        s = b.code_slice
        if s is None or b.encrypted or not s.functions:
            continue
        extension = b.bundle.info.get("NSExtension")
        principal = (
            extension.get("NSExtensionPrincipalClass") if isinstance(extension, dict) else None
        )
        out[b.bundle.path] = build(
            s, _named_in_resources(contents, b, s.defined_classes), principal=principal
        )
    return out


def _named_in_resources(
    contents: IpaContents, b: BundleFacts, classes: tuple[str, ...]
) -> set[str]:
    """Classes a storyboard, nib or Info.plist of the bundle names: UIKit instantiates those
    view controllers without any code referring to them."""
    blobs = [
        contents.read(name)
        for name in contents.files(b.bundle)
        if name.endswith((".nib", "Info.plist")) or ".storyboardc/" in name
    ]
    return {c for c in classes if any(c.encode() in blob for blob in blobs)}


def _coverage(bundles: list[BundleFacts], cfg: ScanConfig) -> Iterator[str]:
    for b in bundles:
        if b.encrypted:
            yield (
                f"{b.location}: the executable is FairPlay-encrypted (App Store download, "
                "cryptid 1): its code, strings and selectors cannot be read; identity, "
                "signature, profile, entitlements and Info.plist are reported"
            )
        elif b.bundle.executable is not None and b.code_slice is None:
            yield f"{b.location}: the executable could not be read"


def _summary(b: BundleFacts) -> BundleSummary:
    info = b.bundle
    teams = [s.team_id or s.leaf_team_id for s in b.signature.slices] if b.signature else []
    team = next((t for t in teams if t), None)
    return BundleSummary(
        path=info.path,
        kind=info.kind,
        parent=info.parent,
        identifier=info.bundle_id,
        name=info.display_name or info.name,
        version=info.short_version,
        build=info.build_version,
        min_os=info.min_os,
        executable=info.executable,
        archs=tuple(s.arch for s in b.macho.slices) if b.macho else (),
        encrypted=b.encrypted,
        signature=b.signature.state if b.signature else "none",
        team_id=team,
    )


def _report_facts(
    contents: IpaContents, bundles: list[BundleFacts], graphs: dict[str, IosGraph]
) -> dict[str, Any]:
    app = bundles[0]
    profile = app.profile
    return {
        "ipa": {"root": contents.root, "notes": list(contents.notes)},
        # Which evidence levels iOS reaches, and why not more (the report says so).
        "code_graph": {
            "levels": "E1-E4" if graphs else "E1-E2",
            "note": "E3/E4 follow direct calls, taken code addresses (blocks) and Objective-C "
            "selectors from the app delegate, view controllers, +load and extension principal "
            "classes; Swift and C++ virtual calls are not resolved, so a feature reached only "
            "through them stays at E2"
            if graphs
            else "no readable code (encrypted or no executable), or --no-graph: at most E2",
        },
        "info_plist": {
            "platform": app.bundle.platform_name,
            "platform_version": app.bundle.platform_version,
            "sdk": app.bundle.sdk_name,
            "xcode": app.bundle.xcode,
            "xcode_build": app.bundle.xcode_build,
            "device_family": list(app.bundle.device_family),
            "url_schemes": _url_schemes(app.bundle.info),
            "background_modes": list(app.bundle.info.get("UIBackgroundModes") or ()),
            "privacy_manifest": app.bundle.privacy_manifest_path is not None,
        },
        "provisioning_profile": None
        if profile is None
        else {
            "name": profile.name,
            "uuid": profile.uuid,
            "type": profile.profile_type,
            "team_ids": list(profile.team_ids),
            "team_name": profile.team_name,
            "application_identifier": profile.application_identifier,
            "created": profile.creation_date,
            "expires": profile.expiration_date,
            "devices": profile.devices_count,
            "all_devices": profile.provisions_all_devices,
            "entitlements": _plain(profile.entitlements),
        },
        "bundles": [
            {
                "path": b.bundle.path,
                "entitlements": _plain(b.entitlements),
                "signature": None
                if b.signature is None
                else {
                    "state": b.signature.state,
                    "problems": list(b.signature.problems),
                    "slices": [
                        {
                            "arch": s.arch,
                            "state": s.state,
                            "identifier": s.identifier,
                            "team_id": s.team_id,
                            "cdhash": s.cdhash,
                            "verified": s.verified,
                        }
                        for s in b.signature.slices
                    ],
                },
                "macho": []
                if b.macho is None
                else [
                    {
                        "arch": s.arch,
                        "filetype": s.filetype,
                        "pie": s.pie,
                        "canary": s.canary,
                        "arc": s.arc,
                        "allow_stack_execution": s.allow_stack_execution,
                        "no_heap_execution": s.no_heap_execution,
                        "encryption": asdict(s.encryption) if s.encryption else None,
                        "stripped": s.stripped,
                        "min_os": s.min_os,
                        "sdk": s.sdk,
                        "rpaths": list(s.rpaths),
                        "libraries": [lib.name for lib in s.libraries],
                        "classes": len(s.defined_classes),
                        "functions": len(s.functions),
                    }
                    for s in b.macho.slices
                ],
                "graph": None
                if b.bundle.path not in graphs
                else {
                    "functions": graphs[b.bundle.path].graph.number_of_nodes(),
                    "edges": graphs[b.bundle.path].graph.number_of_edges(),
                    "entries": len(graphs[b.bundle.path].entries),
                    "reachable": len(graphs[b.bundle.path].entry_of),
                },
            }
            for b in bundles
        ],
    }


def _url_schemes(info: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for entry in info.get("CFBundleURLTypes") or ():
        if isinstance(entry, dict):
            out.extend(str(s) for s in entry.get("CFBundleURLSchemes") or ())
    return out


def _plain(value: object) -> Any:
    """Plist values as JSON: dates as ISO text, data as hex."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
