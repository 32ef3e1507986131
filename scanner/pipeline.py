"""One package, start to finish: unpack -> facts -> YARA and analyzers -> verdict.

Nothing here writes files; the CLI renders and writes the result.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from scanner import __version__
from scanner.analyzers import BUILTIN
from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context, run_analyzers
from scanner.config import ScanConfig
from scanner.errors import ScannerError
from scanner.facts.android import AndroidFacts, read_android_facts
from scanner.facts.native import NativeLibrary, read_natives
from scanner.facts.resources import ResourceTexts
from scanner.facts.signing import SigningInfo, read_signing
from scanner.graph.dex import DexFile
from scanner.graph.entries import entry_points
from scanner.model import (
    App,
    Coverage,
    Finding,
    Permission,
    Platform,
    ScanResult,
    SdkMatch,
    ToolInfo,
)
from scanner.opening import Opening, file_sha256
from scanner.resources import signatures_dir
from scanner.rules.catalog import Catalog, ruleset_sha256
from scanner.rules.data import BehaviourTable, PackerTable, PermissionTable
from scanner.rules.ios_data import IosTable
from scanner.rules.permissions import PermissionRules
from scanner.rules.sdks import SdkTable
from scanner.rules.yara_engine import YaraEngine, YaraHit
from scanner.scoring import evaluate
from scanner.unpack.apk import ApkContents, open_apk
from scanner.worker import NativeReply, Worker

log = logging.getLogger(__name__)
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Ruleset:
    """Everything loaded from signatures/, once per process."""

    directory: Path
    catalog: Catalog
    yara: YaraEngine
    sdks: SdkTable
    permissions: PermissionTable
    packers: PackerTable
    behaviours: BehaviourTable
    ios: IosTable
    permission_rules: PermissionRules
    sha256: str

    @classmethod
    def load(cls, override: Path | None = None) -> Ruleset:
        directory = signatures_dir(override)
        return cls(
            directory=directory,
            catalog=Catalog.load(directory),
            yara=YaraEngine.load(directory),
            sdks=SdkTable.load(directory / "data" / "trackers"),
            permissions=PermissionTable.load(directory / "data" / "android_permissions.json"),
            packers=PackerTable.load(directory / "data" / "packers.json"),
            behaviours=BehaviourTable.load(directory / "data" / "behaviours.toml"),
            ios=IosTable.load(directory / "data" / "ios_behaviours.toml"),
            permission_rules=PermissionRules.load(directory / "data" / "permissions.toml"),
            sha256=ruleset_sha256(directory),
        )

    def context(self, cfg: ScanConfig) -> Context:
        """What the analyzers of one scan share: these rules and tables, and the filed identity."""
        return Context(
            catalog=self.catalog,
            packers=self.packers,
            behaviours=self.behaviours,
            sdk_table=self.sdks,
            filed=cfg.filed_identity,
            permission_rules=self.permission_rules,
        )

    @property
    def tool(self) -> ToolInfo:
        return ToolInfo(name="fingertip", version=__version__, ruleset_sha256=self.sha256)


def scan(
    path: Path,
    cfg: ScanConfig,
    ruleset: Ruleset,
    worker: Worker | None = None,
    opening: Opening | None = None,
    keep: list[object] | None = None,
) -> ScanResult:
    """Scan one package; raises ScannerError when it cannot be scanned at all.

    `worker`: a process that reads the native libraries beside this one (lief's import and
    parse hold the GIL); it is let go before the call graph grows, and started again for the
    next package. Without it, lief runs in a thread of this process.
    `opening`: this package already being opened in the background (scanner/opening.py).
    `keep`: where to leave the call graph and the package's contents instead of freeing them,
    for a process that exits right after (freeing millions of objects one by one took 0.1 s).
    """
    if path.suffix.lower() == ".ipa":
        from scanner.scan_ios import scan_ipa

        return scan_ipa(path, cfg, ruleset, file_sha256(path))
    if opening is not None and opening.path != path:
        raise ValueError(f"opening of {opening.path} handed to the scan of {path}")
    # Hashing the whole file twice (its sha256, and the v2/v3 content digest), the signature
    # checks and YARA over the code are much of a scan's CPU; hashlib, zlib and YARA release the
    # GIL, so they run in threads beside the main thread's manifest, dex and graph work.
    with ThreadPoolExecutor(max_workers=5, thread_name_prefix="fingertip-scan") as pool:
        if opening is None:
            file_hash = pool.submit(file_sha256, path)
            contents = open_apk(path, cfg.limits)
        else:
            file_hash = opening.sha256
            contents = opening.contents.result()
        try:
            names = contents.view.names()
            code = [(c.location, c.data) for c in (*contents.dex, *contents.native)]
            libs = [(lib.location, lib.name, lib.data) for lib in contents.native]
            native_job = pool.submit(worker.native if worker else read_natives, libs)
            signing_job = pool.submit(_signing, path, names, contents)
            # YARA over the code is needed only after the call graph: with a graph to build it
            # starts with the build, on the core the build leaves idle, instead of competing
            # with the signature checks the build waits for.
            code_hits = None if cfg.code_graph else pool.submit(ruleset.yara.scan, code)
            jobs = _Jobs(pool, file_hash, signing_job, code, code_hits, native_job)
            return _analyze(path, names, contents, cfg, ruleset, jobs, worker, keep)
        finally:
            contents.view.close()
            gc.unfreeze()  # the call graph froze what it built (scanner/graph/callgraph.py)


@dataclass(frozen=True, slots=True)
class _Jobs:
    """Work running beside the main thread (GIL-free hashing and YARA; native libraries)."""

    pool: ThreadPoolExecutor
    file_hash: Future[str]
    signing: Future[SigningInfo | str]
    code: list[tuple[str, bytes]]  # dex and ELF files for YARA: (location, bytes)
    code_hits: Future[list[YaraHit]] | None  # started already, or with the graph build
    native: Future[NativeReply]


def _resource_inputs(contents: ApkContents) -> Iterator[tuple[str, bytes]]:
    for name in contents.scannable:
        try:
            yield contents.view.location(name), contents.view.read(name)
        except ScannerError as exc:
            contents.errors.append(str(exc))


# A dex string longer than this is data (a character table, a word list), not UI text: a
# keyword inside it says nothing about the app's features.
MAX_UI_STRING_BYTES = 200


def _ui_text_only(hits: list[YaraHit], contents: ApkContents) -> list[YaraHit]:
    """Keyword matches in dex files, kept only where they sit in a UI-sized string."""
    dex = {d.location: d.data for d in contents.dex}
    out = []
    for hit in hits:
        data = dex.get(hit.location)
        if hit.signal != "keyword" or data is None:
            out.append(hit)
            continue
        kept = tuple(
            s
            for s in hit.strings
            if data.find(b"\0", s.offset) - data.rfind(b"\0", 0, s.offset) <= MAX_UI_STRING_BYTES
        )
        if kept:
            out.append(replace(hit, strings=kept))
    return out


def _signing(path: Path, names: list[str], contents: ApkContents) -> SigningInfo | str:
    # The JAR signature digests every entry; the dex and .so entries are already inflated (a
    # third of Yosemite.apk's 58 MB), so those are not inflated a second time.
    view = contents.view
    inflated = {
        c.name: c.data
        for c in (*contents.dex, *contents.native)
        if c.location == view.location(c.name)  # the package's own entries, not nested ones
    }

    def read(name: str) -> bytes:
        data = inflated.get(name)
        return view.read(name) if data is None else data

    with path.open("rb") as fh:
        try:
            return read_signing(fh, names, read)
        except ScannerError as exc:
            return f"signature: {exc}"


def _analyze(
    path: Path,
    names: list[str],
    contents: ApkContents,
    cfg: ScanConfig,
    rs: Ruleset,
    jobs: _Jobs,
    worker: Worker | None,
    keep: list[object] | None = None,
) -> ScanResult:
    label = path.name
    facts = read_android_facts(contents)
    errors = list(contents.errors)

    # Each dex is parsed once: its class list feeds SDK matching, the same object the graph.
    dexes: list[DexFile] = []
    dex_classes: list[tuple[str, list[str]]] = []
    for code_file in contents.dex:
        try:
            dex = DexFile(code_file.data, code_file.location)
            dex_classes.append((dex.location, dex.class_descriptors()))
            dexes.append(dex)
        except ScannerError as exc:
            errors.append(str(exc))
    # The resource files are matched here: hundreds of short reads and matches in a thread each
    # wait up to a switch interval for the GIL the graph build holds, and finished after it.
    resource_hits = rs.yara.scan(_resource_inputs(contents))
    signed = jobs.signing.result()
    if isinstance(signed, str):
        errors.append(signed)
        signing = SigningInfo()
    else:
        signing = signed
    # SDK matching and YARA over the code are a few long calls that release the GIL, needed
    # only after the graph: they run beside its build on the second core, at once when the
    # package has no native libraries, else once the worker reading them (lief's import and
    # parse, on that core too) is done, so that the three do not crowd the build's first part.
    sdk_job: Future[list[SdkMatch]] | None = None
    code_hits = jobs.code_hits

    def start_matching() -> None:
        nonlocal sdk_job, code_hits
        if sdk_job is None:
            sdk_job = jobs.pool.submit(rs.sdks.match, dex_classes)
        if code_hits is None:
            code_hits = jobs.pool.submit(rs.yara.scan, jobs.code)

    def native_done() -> None:
        # The worker is done long before the graph needs its memory: wait for it and let it
        # go, so that its lief (some 100 MiB) is not held beside the graph at the scan's peak.
        jobs.native.exception()
        if worker is not None:
            worker.close()
        start_matching()

    if not contents.native:
        start_matching()
    code = _code_evidence(contents, dexes, facts, errors, native_done) if cfg.code_graph else None
    native_done()
    assert sdk_job is not None and code_hits is not None  # started by native_done at the latest
    sdks = tuple(sdk_job.result())
    if code is not None:
        sdks = _with_calls(sdks, code, facts, rs)
    hits = tuple(_ui_text_only(code_hits.result(), contents) + resource_hits)
    errors.extend(e for e in contents.errors if e not in errors)
    # Read by the worker while this process parsed the dex files and declared their classes.
    native: list[NativeLibrary] = []
    for lib in jobs.native.result():
        if isinstance(lib, str):
            errors.append(lib)
        else:
            native.append(lib)

    inputs = AndroidInputs(
        package_label=label,
        facts=facts,
        signing=signing,
        native=tuple(native),
        sdks=sdks,
        yara=hits,
        entry_names=tuple(names),
        code=code,
    )
    ctx = rs.context(cfg)
    findings, evaluated = run_analyzers(BUILTIN, inputs, ctx)
    score, verdict = evaluate(findings, cfg.fail_on)

    reasons = list(ctx.coverage_reasons)
    if not contents.dex:
        reasons.append("no dex code in the package")
    if errors:
        reasons.append("some parts of the package could not be read (see errors)")
    app = App(
        platform=Platform.ANDROID,
        path=str(path),
        file_name=path.name,
        size=path.stat().st_size,
        sha256=jobs.file_hash.result(),
        identifier=facts.package or None,
        name=facts.label,
        names=facts.labels,
        version_name=facts.version_name,
        version_code=facts.version_code,
        min_sdk=facts.min_sdk,
        target_sdk=facts.target_sdk,
        signers=tuple(signing.all_signers()),
        signature_schemes=tuple(sorted(signing.schemes)),
        permissions=tuple(_permissions(facts, rs.permissions)),
        sdks=sdks,
    )
    if keep is not None:
        keep.append((code, dexes, contents, facts))
    return ScanResult(
        tool=rs.tool,
        app=app,
        findings=tuple(findings),
        evaluated_rule_ids=tuple(sorted(set(evaluated))),
        score=score,
        verdict=verdict,
        coverage=Coverage(partial=bool(reasons), reasons=tuple(reasons)),
        errors=tuple(errors),
        facts={
            **_report_facts(facts, signing, native, contents, dex_classes),
            "similarity": _similarity(contents, facts, code, dex_classes, findings, app, rs),
        },
    )


def _similarity(
    contents: ApkContents,
    facts: AndroidFacts,
    code: CodeEvidence | None,
    dex_classes: list[tuple[str, list[str]]],
    findings: list[Finding],
    app: App,
    rs: Ruleset,
) -> dict[str, Any]:
    """What `fingertip cluster` compares across reports (scanner/cluster/features.py)."""
    from scanner.cluster.features import android_similarity, load_table

    classes = (c for _, names in dex_classes for c in names)
    graph = code.graph if code is not None else None
    return android_similarity(
        contents,
        facts,
        graph,
        classes,
        findings,
        app.sdks,
        app.signers,
        rs.sdks.owner,
        load_table(rs.directory),
    )


def _code_evidence(
    contents: ApkContents,
    dexes: list[DexFile],
    facts: AndroidFacts,
    errors: list[str],
    declared: Callable[[], None],
) -> CodeEvidence:
    """The whole-app call graph, reachability from the manifest's entry points, and the
    screens' texts; imported here because networkx is only needed when the graph is built."""
    from scanner.graph.bodies import BodyReader
    from scanner.graph.callgraph import build
    from scanner.graph.reach import Reach

    texts = ResourceTexts(contents)
    graph = build(dexes, entry_points(facts), declared, texts.click_handlers)
    errors.extend(graph.errors[:20])
    return CodeEvidence(
        graph=graph,
        reach=Reach(graph),
        texts=texts.texts,
        dexes=tuple(dexes),
        bodies=BodyReader(dexes),
    )


def _with_calls(
    sdks: tuple[SdkMatch, ...], code: CodeEvidence, facts: AndroidFacts, rs: Ruleset
) -> tuple[SdkMatch, ...]:
    """Each SDK with the privacy APIs its own code calls in this app."""
    from scanner.analyzers.api_rules import sdk_calls

    permissions = {name for name, _ in facts.permissions}
    calls = sdk_calls(code.graph, rs.behaviours.api_rules, permissions, rs.sdks.owner)
    return tuple(replace(s, calls=calls.get(s.id, ())) for s in sdks)


def _permissions(facts: AndroidFacts, table: PermissionTable) -> Iterator[Permission]:
    declared = {p.name: p.protection_level for p in facts.declared_permissions}
    for name, max_sdk in sorted(facts.permissions):
        known = table.get(name)
        level = known.protection_level if known else declared.get(name, "unknown")
        description = known.description if known else None
        yield Permission(
            name=name, protection_level=level, description=description, max_sdk=max_sdk
        )


def _report_facts(
    facts: AndroidFacts,
    signing: SigningInfo,
    native: list[NativeLibrary],
    contents: ApkContents,
    dex_classes: list[tuple[str, list[str]]],
) -> dict[str, Any]:
    """Platform facts the reports show beside the findings (plain data, JSON-ready)."""
    return {
        "manifest": {
            "application_class": facts.application_class,
            "debuggable": facts.debuggable,
            "test_only": facts.test_only,
            "allow_backup": facts.allow_backup,
            "uses_cleartext_traffic": facts.uses_cleartext,
            "network_security_config": (
                asdict(facts.network_security_config) if facts.network_security_config else None
            ),
        },
        "components": [
            {
                "kind": c.kind,
                "name": c.name,
                "exported": c.exported,
                "permission": c.permission,
                "launcher": c.is_launcher,
                "foreground_service_types": list(c.foreground_service_types),
            }
            for c in facts.components
        ],
        "signing": {
            "schemes": {
                k: {"verified": v.verified, "problems": v.problems, "algorithms": v.algorithms}
                for k, v in sorted(signing.schemes.items())
            },
            "verified": signing.verified,
        },
        "native_libraries": [asdict(n) for n in native],
        "dex": [{"location": loc, "classes": len(classes)} for loc, classes in dex_classes],
        "nested_archives": list(contents.nested),
    }
