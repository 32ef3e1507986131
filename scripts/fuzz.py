"""Mutation fuzzing (`make fuzz`): scan thousands of broken packages, count what happens.

Every mutant (scripts/fuzz_mutate.py: a truncation, bit flip, entry rename, header corruption
or zip bomb of one of the project's samples, a pure function of its seed) is scanned by the
`fingertip scan` command in a process of its own, under a time limit and an address-space
limit, in an empty folder. Each ends as one of:

- report: exit 0/1 and a JSON report;
- error: exit 3, one line `<file>: error: <message>` and an error document: a clear refusal;
- crash: a traceback, a signal, any other exit code, or an exit without its report;
- hang: still running at the time limit (killed);
- escape: anything written outside the output folder (the cwd, the input's folder, TMPDIR).

By default a pool process loads the ruleset once and forks a child per mutant that runs the
CLI's own code (`scanner.cli.run`): the child is as separate as a fresh process (its limits,
exit status and memory are its own) without paying interpreter start-up and rule compilation
each time. `--exec` runs `python -m scanner scan` instead, for a check without any sharing.

The results replace the "## Mutation fuzzing (make fuzz)" section of BENCHMARKS.md; crashing
and hanging mutants are saved to .fuzz/ and each is listed with its seed and package, so that
`scripts/fuzz.py --replay SEED:SAMPLE` rebuilds and rescans it. Exit status 1 when any mutant
crashed, hung or wrote outside its output folder.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `scripts.` importable (after PYTHONPATH)
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from scripts.bench import replace_section
from scripts.fuzz_mutate import MUTATIONS, Mutant, mutate, samples

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BENCHMARKS = ROOT / "BENCHMARKS.md"
SAVED = ROOT / ".fuzz"
HEADING = "## Mutation fuzzing (make fuzz)"
OUTCOMES = ("report", "error", "crash", "hang", "escape")
BAD = ("crash", "hang", "escape")
CHILD_FAILED = 70  # the forked child's own exit when the CLI could not even start


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = 60.0
    memory_mb: int = 3072  # RLIMIT_AS of the child: a runaway allocation fails, not the machine
    fresh: bool = False  # --exec: a new interpreter per mutant
    # Read native libraries in the scanning process instead of the CLI's worker process: the
    # bounded run in the tests saves a lief start-up per package that has them.
    natives_inline: bool = False
    exclude: frozenset[str] = frozenset()  # mutation kinds not drawn


@dataclass(frozen=True, slots=True)
class Outcome:
    seed: int
    sample: str
    kind: str
    detail: str
    outcome: str
    seconds: float
    peak_mb: float
    message: str  # the error line, or what went wrong


# --- one mutant ------------------------------------------------------------------------------


def _child_limits(memory_mb: int) -> None:
    limit = memory_mb * 1024**2
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _scan_args(package: Path) -> list[str]:
    return ["scan", str(package), "-o", "out", "--format", "json"]


def _fork_scan(package: Path, work: Path, log: Path, limits: Limits) -> int:
    """A child that runs the CLI on `package` in `work`; its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    try:  # the child: never returns
        os.setpgid(0, 0)  # so that a hang is killed with whatever it started
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        # The parent's sys.stdout/err may not be fds 1 and 2 at all (pytest's capture).
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        os.chdir(work)
        os.environ["TMPDIR"] = str(work / "tmp")
        tempfile.tempdir = None
        _child_limits(limits.memory_mb)
        import scanner.cli

        if limits.natives_inline:
            scanner.cli.Worker = _NoWorker  # type: ignore[attr-defined,assignment]
        sys.argv = ["fingertip", *_scan_args(package)]
        scanner.cli.run()  # ends with os._exit(code)
    except BaseException:  # the child reports anything, then leaves
        traceback.print_exc()
    finally:
        os._exit(CHILD_FAILED)


class _NoWorker:
    """Stands in for scanner.worker.Worker: `None`, so the scan reads natives itself."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _exec_scan(package: Path, work: Path, log: Path, limits: Limits) -> int:
    import subprocess

    env = dict(os.environ, TMPDIR=str(work / "tmp"))
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "scanner", *_scan_args(package)],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: _child_limits(limits.memory_mb),
        )
    proc.returncode = 0  # reaped below with os.wait4 (for its rusage), not by Popen
    return proc.pid


def _wait(pid: int, seconds: float) -> tuple[int | None, float, float]:
    """(wait status or None on timeout, elapsed s, peak RSS MiB) of the child."""
    start = time.monotonic()
    pause = 0.002
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        elapsed = time.monotonic() - start
        if done:
            return status, elapsed, usage.ru_maxrss / 1024
        if elapsed > seconds:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            _, _, usage = os.wait4(pid, 0)
            return None, elapsed, usage.ru_maxrss / 1024
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _strays(work: Path, package: Path) -> list[str]:
    """Everything in `work` but the input, the output folder's reports and an empty tmp/."""
    allowed = {package, work / "in", work / "out", work / "tmp"}
    found = []
    for path in sorted(work.rglob("*")):
        if path in allowed:
            continue
        if path.parent == work / "out" and path.is_file() and path.suffix == ".json":
            continue
        found.append(str(path.relative_to(work)))
    return found


def _last_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1].strip()[:300] if lines else ""


def classify(
    status: int | None,
    log: str,
    reports: Sequence[Mapping[str, object]],
    name: str,
    strays: list[str],
) -> tuple[str, str]:
    """(outcome, message) from how the child ended, what it printed and what it wrote."""
    if status is None:
        return "hang", "killed at the time limit"
    if os.WIFSIGNALED(status):
        return "crash", f"signal {os.WTERMSIG(status)}: {_last_line(log)}"
    code = os.WEXITSTATUS(status)
    if "Traceback (most recent call last)" in log:
        return "crash", f"exit {code}, traceback: {_last_line(log)}"
    if strays:
        return "escape", "written outside the output folder: " + ", ".join(strays[:5])
    verdicts = [str(r.get("verdict")) for r in reports]
    if code in (0, 1):
        if len(reports) == 1 and verdicts != ["error"]:
            return "report", ""
        return "crash", f"exit {code} with reports {verdicts}"
    if code == 3:
        errors = [ln.strip() for ln in log.splitlines() if ": error: " in ln]
        if len(errors) != 1 or name not in errors[0]:
            return "crash", f"exit 3 without one error line naming {name}: {errors[:3]}"
        if verdicts != ["error"]:
            return "crash", f"exit 3 with reports {verdicts}"
        return "error", errors[0]
    return "crash", f"exit {code}: {_last_line(log)}"


def run_mutant(mutant: Mutant, base: Path, limits: Limits) -> Outcome:
    """Scan one mutant in a child process, in a fresh empty folder under `base`."""
    work = base / "work"
    shutil.rmtree(work, ignore_errors=True)
    for sub in ("in", "out", "tmp"):
        (work / sub).mkdir(parents=True)
    package = work / "in" / mutant.sample.name
    package.write_bytes(mutant.data)
    log = base / "log"
    spawn = _exec_scan if limits.fresh else _fork_scan
    status, seconds, peak = _wait(spawn(package, work, log, limits), limits.seconds)
    text = log.read_text(encoding="utf-8", errors="replace")
    reports = []
    for path in (work / "out").glob("*.json"):
        try:
            reports.append(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, OSError):
            reports.append({"verdict": "unreadable"})
    outcome, message = classify(status, text, reports, package.name, _strays(work, package))
    result = Outcome(
        mutant.seed,
        mutant.sample.name,
        mutant.kind,
        mutant.detail,
        outcome,
        round(seconds, 3),
        round(peak, 1),
        message,
    )
    if outcome in BAD:
        _save(mutant, text)
    shutil.rmtree(work, ignore_errors=True)
    return result


def _save(mutant: Mutant, log: str) -> None:
    SAVED.mkdir(exist_ok=True)
    stem = f"{mutant.seed}-{mutant.kind}-{mutant.sample.stem}"
    (SAVED / f"{stem}{mutant.sample.suffix}").write_bytes(mutant.data)
    (SAVED / f"{stem}.log").write_text(f"{mutant.detail}\n\n{log}", encoding="utf-8")


# --- the pool --------------------------------------------------------------------------------

_STATE: dict[str, object] = {}


def prepare(sample_dir: Path, limits: Limits, scratch: Path) -> None:
    """Per pool process: the ruleset loaded once (the CLI reuses it), lazy imports done."""
    inputs = samples(sample_dir)
    base = scratch / str(os.getpid())
    base.mkdir(parents=True, exist_ok=True)
    _STATE.update(inputs=inputs, limits=limits, base=base)
    if limits.fresh:
        return
    import scanner.cli  # noqa: F401 - the CLI and its renderers, imported before the fork
    from scanner.config import ScanConfig
    from scanner.errors import ScannerError
    from scanner.pipeline import Ruleset, scan

    ruleset = Ruleset.load()
    # The CLI loads the ruleset per run; every child gets this one instead.
    cached = classmethod(lambda cls, override=None: ruleset)
    Ruleset.load = cached  # type: ignore[assignment,method-assign]  # the class the CLI uses

    for suffix in (".apk", ".ipa"):  # each platform once, so that its lazy imports are done
        first = next((p for p in inputs if p.suffix == suffix), None)
        if first is not None:
            with contextlib.suppress(ScannerError):
                scan(first, ScanConfig(), ruleset)


def _task(seed: int) -> Outcome:
    inputs = _STATE["inputs"]
    assert isinstance(inputs, list)
    limits = _STATE["limits"]
    assert isinstance(limits, Limits)
    base = _STATE["base"]
    assert isinstance(base, Path)
    try:
        mutant = mutate(seed, inputs, exclude=limits.exclude)
    except Exception as exc:  # a bug of the generator must not stop the run
        return Outcome(seed, "?", "?", "", "crash", 0.0, 0.0, f"mutation failed: {exc!r}")
    return run_mutant(mutant, base, limits)


def run_seeds(
    seeds: Sequence[int], sample_dir: Path, limits: Limits, workers: int = 2
) -> Iterator[Outcome]:
    """Outcomes of the mutants `seeds`, as they finish, from `workers` pool processes."""
    ctx = multiprocessing.get_context("fork")
    scratch = Path(tempfile.mkdtemp(prefix="ft-fuzz-"))
    try:
        with ctx.Pool(workers, initializer=prepare, initargs=(sample_dir, limits, scratch)) as pool:
            yield from pool.imap_unordered(_task, seeds, chunksize=4)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- the summary -----------------------------------------------------------------------------


def summarise(
    results: Sequence[Outcome], wall: float, n_samples: int, limits: Limits, workers: int = 2
) -> str:
    counts: dict[str, Counter[str]] = {}
    for r in results:
        counts.setdefault(r.kind, Counter())[r.outcome] += 1
    seeds = sorted(r.seed for r in results)
    lines = [
        f"{len(results)} mutants (seeds {seeds[0]}–{seeds[-1]}) of the {n_samples} packages in "
        f"samples/, each scanned by `fingertip scan … --format json` in its own process "
        f"({'a fresh interpreter' if limits.fresh else 'forked from one holding the ruleset'})"
        f", limits {limits.seconds:g} s and {limits.memory_mb} MiB of address space, "
        f"{workers} at a time: {wall:.0f} s wall. Mutations: scripts/fuzz_mutate.py; *error* is "
        "exit 3 with one line naming the file (a clear refusal), *report* a JSON report "
        "(exit 0/1).",
        "",
        "| mutation | mutants | " + " | ".join(OUTCOMES) + " | slowest s | peak MiB |",
        "|---|" + "---:|" * (len(OUTCOMES) + 3),
    ]
    for kind in sorted(counts, key=lambda k: list(MUTATIONS).index(k) if k in MUTATIONS else 99):
        of_kind = [r for r in results if r.kind == kind]
        cells = [str(counts[kind][o]) for o in OUTCOMES]
        slowest = max(r.seconds for r in of_kind)
        peak = max(r.peak_mb for r in of_kind)
        lines.append(
            f"| {kind} | {len(of_kind)} | " + " | ".join(cells) + f" | {slowest:.2f} | {peak:.0f} |"
        )
    total = Counter(r.outcome for r in results)
    lines.append(
        f"| **all** | {len(results)} | "
        + " | ".join(str(total[o]) for o in OUTCOMES)
        + f" | {max(r.seconds for r in results):.2f} | {max(r.peak_mb for r in results):.0f} |"
    )
    lines += ["", "Slowest mutants:", ""]
    for r in sorted(results, key=lambda r: -r.seconds)[:5]:
        lines.append(
            f"- seed {r.seed} ({r.kind}, {r.sample}: {r.detail}): {r.seconds:.2f} s, {r.outcome}"
        )
    floor = min(r.peak_mb for r in results)
    lines += [
        "",
        "Biggest memory peaks (ru_maxrss of the scanning process; a forked child counts what it "
        f"shares with its parent, interpreter and ruleset: the smallest peak was {floor:.0f} MiB):",
        "",
    ]
    for r in sorted(results, key=lambda r: -r.peak_mb)[:5]:
        lines.append(
            f"- seed {r.seed} ({r.kind}, {r.sample}: {r.detail}): {r.peak_mb:.0f} MiB, {r.outcome}"
        )
    bad = sorted((r for r in results if r.outcome in BAD), key=lambda r: r.seed)
    lines += ["", f"Crashes, hangs and escapes: {len(bad) or 'none'}."]
    if bad:
        lines += [
            "Each replays with `scripts/fuzz.py --replay SEED:SAMPLE` (mutant and log in .fuzz/):",
            "",
        ]
        for r in bad:
            lines.append(
                f"- `--replay {r.seed}:{r.sample}`: {r.outcome}, {r.kind} ({r.detail}): {r.message}"
            )
    errors = Counter(_error_kind(r.message) for r in results if r.outcome == "error")
    if errors:
        lines += ["", "Most frequent refusals (exit 3), by message:", ""]
        for message, n in errors.most_common(8):
            lines.append(f"- {n} × {message}")
    return "\n".join(lines) + "\n"


def _error_kind(line: str) -> str:
    """The error message with its file name and numbers dropped, for grouping."""
    text = line.split(": error: ", 1)[-1]
    text = (
        text.split(": ", 1)[-1]
        if ".apk" in text.split(": ", 1)[0] or ".ipa" in text.split(": ", 1)[0]
        else text
    )
    return "".join("N" if c.isdigit() else c for c in text)[:110]


# --- command line ----------------------------------------------------------------------------


def replay(seeds: Iterable[str], sample_dir: Path, limits: Limits) -> int:
    """Rebuild the mutants `seeds` (SEED or SEED:SAMPLE-NAME), save them to .fuzz/ and scan
    each; 1 if any is bad. With the name, the mutant is the same even if samples/ changed."""
    every = samples(sample_dir)
    scratch = Path(tempfile.mkdtemp(prefix="ft-fuzz-"))
    prepare(sample_dir, limits, scratch)
    base = _STATE["base"]
    assert isinstance(base, Path)
    bad = 0
    for spec in seeds:
        seed_text, _, name = spec.partition(":")
        inputs = [p for p in every if p.name == name] if name else every
        if not inputs:
            print(f"{spec}: no sample {name} in {sample_dir}")
            bad += 1
            continue
        seed = int(seed_text)
        mutant = mutate(seed, inputs)
        SAVED.mkdir(exist_ok=True)
        saved = SAVED / f"{seed}-{mutant.kind}-{mutant.sample.stem}{mutant.sample.suffix}"
        saved.write_bytes(mutant.data)
        r = run_mutant(mutant, base, limits)
        bad += r.outcome in BAD
        print(f"seed {seed}: {r.kind} of {r.sample}: {r.detail}")
        print(f"  -> {r.outcome} in {r.seconds:.2f} s, {r.peak_mb:.0f} MiB {r.message}")
        print(f"  mutant: {saved}  (rerun: fingertip scan {saved} -o /tmp/out --format json)")
    shutil.rmtree(scratch, ignore_errors=True)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("-n", "--count", type=int, default=10_000, help="number of mutants")
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per scan")
    ap.add_argument("--memory-mb", type=int, default=3072, help="address-space limit per scan")
    ap.add_argument("--exec", dest="fresh", action="store_true", help="a new interpreter per scan")
    ap.add_argument("--samples", type=Path, default=SAMPLES)
    ap.add_argument(
        "--replay", nargs="+", metavar="SEED[:SAMPLE]", help="rebuild and rescan these mutants"
    )
    ap.add_argument("--no-write", action="store_true", help="leave BENCHMARKS.md alone")
    args = ap.parse_args(argv)
    limits = Limits(seconds=args.timeout, memory_mb=args.memory_mb, fresh=args.fresh)
    if args.replay:
        return replay(args.replay, args.samples, limits)
    seeds = range(args.start, args.start + args.count)
    started = time.monotonic()
    results: list[Outcome] = []
    for r in run_seeds(seeds, args.samples, limits, args.workers):
        results.append(r)
        if r.outcome in BAD:
            print(
                f"seed {r.seed}: {r.outcome}: {r.kind} of {r.sample} ({r.detail}): {r.message}",
                flush=True,
            )
        if len(results) % 500 == 0:
            print(
                f"{len(results)}/{len(seeds)} done, {Counter(x.outcome for x in results)}",
                flush=True,
            )
    wall = time.monotonic() - started
    table = summarise(results, wall, len(samples(args.samples)), limits, args.workers)
    print(table)
    if not args.no_write:
        replace_section(BENCHMARKS, HEADING, table)
        print(f"written to {BENCHMARKS.name}: {HEADING}")
    return 1 if any(r.outcome in BAD for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
