#!/usr/bin/env python3
"""Tracker agreement: Fingertip against exodus-core on the real APKs in ../shared/samples.

exodus-core (from .peers/exodus, made by scripts/peers_setup.sh) runs its own StaticAnalysis on
every APK, fed with the SAME tracker table Fingertip uses (signatures/data/trackers/exodus.json)
instead of the list it would download: the table's entries become the `tracker` namedtuples its
`load_trackers_signatures` builds, and `requests.get` is disabled, so nothing leaves the machine.
Fingertip scans the same files (JSON report; `app.sdks[]` with source "exodus", id `exodus-N`).
The sets of Exodus ids are compared per APK and written, with every disagreement and the classes
behind it, as the tracker section of ACCURACY.md. `make accuracy` runs it through
scripts/accuracy.py, which reuses one Fingertip report per package for all its sections; this
file alone refreshes just that section.

Run: `make accuracy`, or `.venv/bin/python scripts/tracker_accuracy.py` for this section only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.bench import replace_section  # noqa: E402 (after the path)

SAMPLES = ROOT.parent / "shared" / "samples"
ACCURACY = ROOT / "ACCURACY.md"
TRACKERS = ROOT / "signatures" / "data" / "trackers" / "exodus.json"
FINGERTIP = ROOT / ".venv" / "bin" / "fingertip"
EXODUS_PY = ROOT / ".peers" / "exodus" / "bin" / "python"
HEADING = "## 2. Trackers against exodus-core"
TIMEOUT_S = 900
MAX_CLASSES = 5
# exodus-core's own class extraction from `dexdump` output (static_analysis.py).
EXODUS_TOKEN = re.compile(r"[A-Z]+((?:\w+\/)+\w+)")
WORD_PATH = re.compile(r"(?:\w+/)+\w+")

# Runs in .peers/exodus. argv: trackers.json, apk, file to write the class lists to.
# Prints one JSON object: package, apk_error (APK() failed), error (detection failed), trackers.
EXODUS_RUNNER = r"""
import json, re, subprocess, sys
from collections import namedtuple

trackers_path, apk_path, classes_out = sys.argv[1:4]

import requests


def _no_network(*args, **kwargs):
    raise RuntimeError("network disabled by tracker_accuracy.py")


requests.get = requests.post = _no_network
from exodus_core.analysis import static_analysis as sa_mod
from exodus_core.analysis.static_analysis import StaticAnalysis

# Same shape as load_trackers_signatures(): namedtuple('tracker', keys)(*values), id = Exodus id.
doc = json.load(open(trackers_path, encoding="utf-8"))
Tracker = namedtuple("tracker", ["id", "name", "code_signature", "network_signature",
                                 "website", "categories", "creation_date"])
signatures = [
    Tracker(t["exodus_id"], t["name"], t["code_signature"], t.get("network_signature", ""),
            t.get("website", ""), t.get("categories", []), t.get("creation_date", ""))
    for t in doc["trackers"]
]

dumps = []
_real_check_output = sa_mod.subprocess.check_output


def _capture(cmd, *args, **kwargs):
    out = _real_check_output(cmd, *args, **kwargs)
    dumps.append(out)
    return out


sa_mod.subprocess.check_output = _capture

result = {"package": None, "apk_error": None, "error": None, "trackers": []}
try:
    sa = StaticAnalysis(apk_path)
    result["package"] = sa.get_package()
except Exception as exc:  # exodus-core's own APK(): record it, still try the class scan
    result["apk_error"] = f"{type(exc).__name__}: {exc}"
    sa = StaticAnalysis()
    sa.apk_path = apk_path
sa.signatures = signatures
sa._compile_signatures()
try:
    result["trackers"] = sorted({t.id for t in sa.detect_trackers()})
except SystemExit as exc:
    result["error"] = f"exodus-core exited ({exc.code}); is dexdump on PATH?"
except BaseException as exc:
    result["error"] = f"{type(exc).__name__}: {exc}"
defined = set()
dump_files = []
for i, out in enumerate(dumps):
    text = out.decode(errors="ignore")
    defined.update(re.findall(r"Class descriptor\s*:\s*'L([^']*);'", text))
    dump_files.append(f"{classes_out}.dump{i}.txt")
    with open(dump_files[-1], "w", encoding="utf-8") as fh:
        fh.write(text)
with open(classes_out, "w", encoding="utf-8") as fh:
    json.dump({"classes": sorted(sa.classes or []), "defined": sorted(defined),
               "dumps": dump_files}, fh)
print(json.dumps(result))
"""


@dataclass(frozen=True, slots=True)
class Tracker:
    exodus_id: int
    name: str
    code_signature: str

    @property
    def label(self) -> str:
        return f"{self.exodus_id} {self.name}"


@dataclass(slots=True)
class ExodusResult:
    trackers: set[int] | None = None
    error: str | None = None
    apk_error: str | None = None
    classes: list[str] = field(default_factory=list)
    defined: set[str] = field(default_factory=set)  # dexdump "Class descriptor", word-path form
    dumps: list[Path] = field(default_factory=list)  # dexdump output, valid until the next APK
    referrer: dict[str, str] = field(default_factory=dict)  # referenced-only class -> a user
    seconds: float = 0.0


@dataclass(slots=True)
class FingertipResult:
    trackers: set[int] | None = None
    error: str | None = None
    evidence: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # id -> (loc, class)
    errors: list[str] = field(default_factory=list)  # report errors[] on a scanned package


def load_trackers() -> dict[int, Tracker]:
    doc = json.loads(TRACKERS.read_text(encoding="utf-8"))
    return {
        int(t["exodus_id"]): Tracker(int(t["exodus_id"]), str(t["name"]), t["code_signature"])
        for t in doc["trackers"]
    }


def _tail(text: str, limit: int = 160) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    line = lines[-1] if lines else "no output"
    return line if len(line) <= limit else line[: limit - 1] + "…"


def run_exodus(apk: Path, tmp: Path) -> ExodusResult:
    classes_file = tmp / "classes.json"
    for old in tmp.glob("classes.json*"):
        old.unlink()
    start = dt.datetime.now()
    try:
        proc = subprocess.run(
            [str(EXODUS_PY), "-c", EXODUS_RUNNER, str(TRACKERS), str(apk), str(classes_file)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ExodusResult(error=f"timed out after {TIMEOUT_S} s")
    seconds = (dt.datetime.now() - start).total_seconds()
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return ExodusResult(error=f"exit {proc.returncode}: {_tail(proc.stderr)}", seconds=seconds)
    doc = json.loads(lines[-1])
    res = ExodusResult(
        trackers=None if doc["error"] else set(doc["trackers"]),
        error=doc["error"],
        apk_error=doc["apk_error"],
        seconds=seconds,
    )
    if classes_file.exists():
        lists = json.loads(classes_file.read_text(encoding="utf-8"))
        res.classes = lists["classes"]
        res.defined = {m.group(0) for d in lists["defined"] if (m := WORD_PATH.match(d))}
        res.dumps = [Path(d) for d in lists["dumps"]]
    return res


def find_referrers(ex: ExodusResult, ft: FingertipResult, trackers: dict[int, Tracker]) -> None:
    """For exodus-only trackers matched by referenced-only names: a class that references one."""
    if ex.trackers is None or ft.trackers is None:
        return
    wanted: set[str] = set()
    for tid in ex.trackers - ft.trackers:
        pattern = re.compile(trackers[tid].code_signature)
        hits = [c for c in ex.classes if pattern.search(c) and c not in ex.defined]
        wanted.update(hits[:MAX_CLASSES])
    for dump in ex.dumps:
        if not wanted - ex.referrer.keys():
            break
        current = "?"
        with dump.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if "Class descriptor" in line:
                    current = line.split(":", 1)[1].strip().strip("'")
                    continue
                for token in wanted - ex.referrer.keys():
                    if f"L{token};" in line or f"L{token}$" in line:
                        ex.referrer[token] = current


def run_fingertip(apk: Path, tmp: Path) -> FingertipResult:
    outdir = tmp / "fingertip"
    outdir.mkdir(exist_ok=True)
    for old in outdir.glob("*.json"):
        old.unlink()
    try:
        proc = subprocess.run(
            [str(FINGERTIP), "scan", str(apk), "-o", str(outdir), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return FingertipResult(error=f"timed out after {TIMEOUT_S} s")
    report = report_path(outdir, apk)
    if not report.exists():
        found = sorted(outdir.glob("*.json"))
        if not found:
            return FingertipResult(error=f"exit {proc.returncode}, no report: {_tail(proc.stderr)}")
        report = found[0]
    return fingertip_result(json.loads(report.read_text(encoding="utf-8")))


def report_path(outdir: Path, package: Path) -> Path:
    """Where `fingertip scan -o outdir` writes the JSON report of one package."""
    sha12 = hashlib.sha256(package.read_bytes()).hexdigest()[:12]
    return outdir / f"{package.stem}-{sha12}.json"


def fingertip_result(doc: dict[str, Any]) -> FingertipResult:
    """The Exodus trackers (and their evidence) of one Fingertip JSON report."""
    errors = [e if isinstance(e, str) else json.dumps(e) for e in doc.get("errors") or []]
    if doc.get("verdict") == "error":
        return FingertipResult(error="verdict error: " + "; ".join(errors or ["(no reason)"]))
    res = FingertipResult(trackers=set(), errors=errors)
    for sdk in doc["app"].get("sdks") or []:
        if sdk.get("source") != "exodus":
            continue
        tid = int(str(sdk["id"]).removeprefix("exodus-"))
        res.trackers.add(tid)  # type: ignore[union-attr]
        res.evidence[tid] = [(e["location"], e["symbol"]) for e in sdk.get("evidence") or []]
    return res


def _fmt_set(ids: set[int] | None, trackers: dict[int, Tracker]) -> str:
    if ids is None:
        return "failed"
    if not ids:
        return "—"
    return ", ".join(trackers[i].label if i in trackers else str(i) for i in sorted(ids))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"


def explain_exodus_only(tracker: Tracker, ex: ExodusResult, ft: FingertipResult) -> list[str]:
    """Classes exodus-core matched for this tracker, and a likely cause for Fingertip missing it."""
    pattern = re.compile(tracker.code_signature)
    hits = [c for c in ex.classes if pattern.search(c)]
    shown = [
        f"{_code(c)} (defined)"
        if c in ex.defined
        else f"{_code(c)} (referenced only, e.g. by {_code(ex.referrer.get(c, '?'))})"
        for c in hits[:MAX_CLASSES]
    ]
    more = f" (+{len(hits) - MAX_CLASSES} more)" if len(hits) > MAX_CLASSES else ""
    defined_hits = [c for c in hits if c in ex.defined]
    alts = [a for a in tracker.code_signature.split("|") if len(a.strip()) > 3]
    literal = [a.replace(".", "/") for a in alts]
    if not defined_hits:
        cause = (
            "no class matching it is defined in a dex: the name appears only as a referenced "
            "type in dexdump's listing (exodus-core takes every class-like token of that "
            "listing; Fingertip matches defined classes only)"
        )
    elif not any(lit in c for c in defined_hits for lit in literal):
        cause = (
            "matched only through Exodus's regex '.' standing for a character other than '.' or '/'"
        )
    elif ft.error is None:
        cause = "a defined class matches the literal prefix: Fingertip should have found it"
    else:
        cause = "Fingertip did not scan this package"
    return [", ".join(shown) + more or "(none listed)", cause]


def explain_fingertip_only(
    tracker: Tracker, ex: ExodusResult, evidence: list[tuple[str, str]]
) -> list[str]:
    """Fingertip's evidence for this tracker, and whether exodus-core listed those classes."""
    pattern = re.compile(tracker.code_signature)
    listed = set(ex.classes)
    shown = []
    notes = []
    for location, symbol in evidence[:MAX_CLASSES]:
        slash = symbol.replace(".", "/")
        token = WORD_PATH.match(slash)
        tok = token.group(0) if token else ""
        in_list = tok in listed
        shown.append(
            f"{_code(symbol)} in {_code(location)} (in exodus list: {'yes' if in_list else 'no'})"
        )
        if not in_list:
            notes.append("class absent from exodus-core's class list")
        elif not pattern.search(tok):
            notes.append(
                "exodus-core's token for it (cut at the first non-word character) no longer "
                "matches the signature"
            )
    if not notes:
        notes.append("exodus-core lists a matching class: check its regex")
    for location, _ in evidence:
        parts = location.split("!")
        containers = [p for p in parts[1:-1] if not p.lower().endswith(".apk")]
        if containers:
            notes.append(
                f"the dex sits inside {_code(containers[0])}: exodus-core opens nested .apk "
                "entries only, not .zip/.jar"
            )
        elif not re.search(r"classes.*\.dex", parts[-1]):
            notes.append("exodus-core reads only entries matching `classes.*\\.dex`")
    return [", ".join(shown) or "(no evidence)", "; ".join(dict.fromkeys(notes))]


def render(
    files: list[Path],
    trackers: dict[int, Tracker],
    exo: dict[Path, ExodusResult],
    fin: dict[Path, FingertipResult],
    versions: list[str],
) -> str:
    rows = []
    disagreements: list[list[str]] = []
    failures: list[list[str]] = []
    agree = compared = tp = fp = fn = 0
    for apk in files:
        ex, ft = exo[apk], fin[apk]
        name = apk.relative_to(SAMPLES).as_posix()
        if ex.error:
            failures.append([name, "exodus-core", ex.error])
        elif ex.apk_error:
            failures.append(
                [name, "exodus-core (APK() only)", f"{ex.apk_error}; its class scan still ran"]
            )
        if ft.error:
            failures.append([name, "fingertip", ft.error])
        elif ft.errors:
            failures.append([name, "fingertip (partial)", "; ".join(ft.errors)])
        verdict = "n/a"
        if ex.trackers is not None and ft.trackers is not None:
            compared += 1
            same = ex.trackers == ft.trackers
            agree += same
            verdict = "yes" if same else "**no**"
            tp += len(ex.trackers & ft.trackers)
            fp += len(ft.trackers - ex.trackers)
            fn += len(ex.trackers - ft.trackers)
            for tid in sorted(ex.trackers ^ ft.trackers):
                tr = trackers[tid]
                if tid in ex.trackers:
                    side = "exodus-core only"
                    classes, cause = explain_exodus_only(tr, ex, ft)
                else:
                    side = "fingertip only"
                    classes, cause = explain_fingertip_only(tr, ex, ft.evidence.get(tid, []))
                disagreements.append(
                    [name, tr.label, _code(tr.code_signature), side, classes, cause]
                )
        rows.append(
            f"| {name} | {_fmt_set(ex.trackers, trackers)} | {_fmt_set(ft.trackers, trackers)} "
            f"| {verdict} |"
        )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    sigs = list(trackers.values())
    empty = sum(1 for t in sigs if len(t.code_signature) <= 3)
    stray = [
        t
        for t in sigs
        if len(t.code_signature) > 3 and "" in [a.strip() for a in t.code_signature.split("|")]
    ]
    out = [
        "exodus-core runs its own `StaticAnalysis` (class names from `dexdump` output, one regex "
        "search per tracker) with the tracker table Fingertip uses, "
        f"`signatures/data/trackers/exodus.json` ({len(sigs)} trackers), loaded into the "
        "`tracker` namedtuples its `load_trackers_signatures()` would build from the Exodus API; "
        "no network is used. Fingertip's side is `app.sdks[]` with source `exodus` in its JSON "
        "report. Only Exodus ids are compared (Fingertip's own `fingertip_cn` table is not).",
        "",
        "Known, deliberate differences: Fingertip skips empty `|` alternatives in a signature (a "
        "stray `|` makes Exodus's regex match every class, so every app) and alternatives of "
        "three characters or fewer, and reads `.` as `.` or `/` where Exodus's regex `.` is any "
        f"character. In this table {empty} trackers have an empty signature (both tools skip "
        f"them) and {len(stray)} have an empty alternative. exodus-core also takes class names "
        "from every type dexdump prints (superclasses, field and method types), cut at the first "
        "non-word character (`$`), while Fingertip matches the classes each dex defines.",
        "",
        "| APK | exodus-core | fingertip | agree |",
        "|---|---|---|---|",
        *rows,
        "",
        f"**Totals**: {agree} / {compared} APKs agree (of {len(files)}; the rest failed in a "
        f"tool, below). Tracker level, Fingertip against exodus-core: {tp} found by both, "
        f"{fp} by Fingertip only, {fn} by exodus-core only: precision {precision:.3f}, recall "
        f"{recall:.3f}.",
        "",
        "### Disagreements",
        "",
    ]
    if disagreements:
        out += [
            "| APK | tracker | code_signature | found by | matching classes (that side) "
            "| likely cause |",
            "|---|---|---|---|---|---|",
            *("| " + " | ".join(r) + " |" for r in disagreements),
        ]
    else:
        out.append("None.")
    out += ["", "### Packages a tool failed on", ""]
    if failures:
        out += [
            "| APK | tool | reason |",
            "|---|---|---|",
            *(f"| {a} | {t} | {_cell(r)} |" for a, t, r in failures),
        ]
    else:
        out.append("None.")
    out += [
        "",
        "Reproduce: `make accuracy` (this section alone: `.venv/bin/python "
        "scripts/tracker_accuracy.py`; exodus-core from `bash scripts/peers_setup.sh`).",
        "",
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        *(f"- {v}" for v in versions),
    ]
    return "\n".join(out) + "\n"


def versions() -> list[str]:
    def run(cmd: list[str]) -> str:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return (proc.stdout or proc.stderr).strip().splitlines()[0] if proc.returncode == 0 else "?"

    dist = (
        "import importlib.metadata as m; print(m.version('exodus-core'), m.version('androguard'))"
    )
    exo = run([str(EXODUS_PY), "-c", dist]).split()
    dexdump = run(["dpkg-query", "-W", "-f", "${Version}", "dexdump"])
    table = json.loads(TRACKERS.read_text(encoding="utf-8"))["source"]
    return [
        f"fingertip: `{run([str(FINGERTIP), '--version'])}`",
        f"exodus-core {exo[0] if exo else '?'} (androguard {exo[1] if len(exo) > 1 else '?'}), "
        f"dexdump (Debian) {dexdump}",
        f"tracker table: sha256 {table.get('sha256', '?')}, imported {table.get('imported', '?')}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", default="", help="only files whose path contains this")
    parser.add_argument("--output", type=Path, default=ACCURACY, help="Markdown file to update")
    args = parser.parse_args(argv)
    if not SAMPLES.is_dir():
        print(f"skipped: {SAMPLES} is absent, so there is nothing to compare", file=sys.stderr)
        return 0
    for tool, hint in ((FINGERTIP, "make venv"), (EXODUS_PY, "bash scripts/peers_setup.sh")):
        if not tool.exists():
            print(f"error: {tool} missing: run {hint}", file=sys.stderr)
            return 2
    files = sorted(p for p in SAMPLES.rglob("*.apk") if args.only in str(p))
    trackers = load_trackers()
    exo: dict[Path, ExodusResult] = {}
    fin: dict[Path, FingertipResult] = {}
    with tempfile.TemporaryDirectory(prefix="accuracy-") as tmp:
        for i, apk in enumerate(files, 1):
            exo[apk] = run_exodus(apk, Path(tmp))
            fin[apk] = run_fingertip(apk, Path(tmp))
            find_referrers(exo[apk], fin[apk], trackers)
            e, f = exo[apk], fin[apk]
            print(
                f"[{i}/{len(files)}] {apk.relative_to(SAMPLES)}: "
                f"exodus={sorted(e.trackers) if e.trackers is not None else e.error} "
                f"fingertip={sorted(f.trackers) if f.trackers is not None else f.error}",
                flush=True,
            )
    if not args.output.exists():
        args.output.write_text("# Fingertip accuracy\n", encoding="utf-8")
    replace_section(args.output, HEADING, render(files, trackers, exo, fin, versions()))
    print(f"wrote {HEADING!r} to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
