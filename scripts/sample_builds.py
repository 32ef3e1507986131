"""What both sample builders share: build every app, and `--check` that two fresh builds are
byte-identical to each other and to the committed packages."""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar


class Named(Protocol):
    @property
    def name(self) -> str: ...


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


A = TypeVar("A", bound=Named)


def build_all(
    apps: Sequence[A], out_dir: Path, build_app: Callable[[A, Path], Path]
) -> dict[str, str]:
    digests: dict[str, str] = {}
    for app in apps:
        package = build_app(app, out_dir)
        digests[app.name] = sha256_file(package)
        log(f"built    {package}  sha256={digests[app.name]}")
    return digests


def check(
    apps: Sequence[A],
    build_app: Callable[[A, Path], Path],
    *,
    samples: Path,
    repo: Path,
    suffix: str,
) -> bool:
    """Build twice in scratch directories; both builds must match each other
    (reproducibility) and the committed packages (they are up to date)."""
    ok = True
    with tempfile.TemporaryDirectory(prefix="fingertip-samples-") as tmp:
        first = build_all(apps, Path(tmp) / "a", build_app)
        second = build_all(apps, Path(tmp) / "b", build_app)
    for app in apps:
        committed = samples / f"{app.name}{suffix}"
        if first[app.name] != second[app.name]:
            log(f"NOT REPRODUCIBLE  {app.name}: {first[app.name]} != {second[app.name]}")
            ok = False
        elif not committed.is_file():
            log(f"MISSING  {committed.relative_to(repo)} (run without --check)")
            ok = False
        elif sha256_file(committed) != first[app.name]:
            log(f"STALE    {committed.relative_to(repo)} differs from a fresh build")
            ok = False
        else:
            log(f"ok       {app.name}  sha256={first[app.name]}")
    return ok


def parse_args(
    argv: Sequence[str], description: str | None, suffix: str, keys_help: str
) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("apps", nargs="*", metavar="APP", help="apps to build (default: all)")
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"build twice in a scratch dir, compare with each other and with samples/*{suffix}",
    )
    parser.add_argument("--generate-keys", action="store_true", help=keys_help)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=None,
        help=f"where to write the {suffix} files (default: samples/)",
    )
    return parser.parse_args(argv)


def select_apps(names: Sequence[str], apps: Sequence[A], error: type[Exception]) -> tuple[A, ...]:
    """The apps named on the command line (all when none), or `error` naming the unknown."""
    if not names:
        return tuple(apps)
    known = {app.name: app for app in apps}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise error(f"unknown app(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return tuple(known[n] for n in names)
