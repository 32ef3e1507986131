"""Turn `fingertip batch` arguments into package paths.

An argument is a package file, a folder (searched recursively for .apk and .ipa), a glob
(`submissions/2026-11/*.apk`), or a list file (`@list.txt`, or any .txt/.lst file): one path
per line, `#` comments, relative to the list's folder. The order is kept and duplicates (the same
resolved path) are dropped; a package with the same content under two names is still scanned
once, because results are keyed by content (state.py).
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

PACKAGE_SUFFIXES = (".apk", ".ipa")
LIST_SUFFIXES = (".txt", ".lst")
_GLOB_CHARS = frozenset("*?[")


class InputError(Exception):
    """An argument names nothing that exists (the batch does not start: a typo in a lab's
    list should not silently shrink the batch)."""


def _folder(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in PACKAGE_SUFFIXES and path.is_file():
            yield path


def _list_file(listing: Path, depth: int) -> Iterator[Path]:
    if depth > 4:
        raise InputError(f"{listing}: list files nest too deeply")
    try:
        lines = listing.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{listing}: cannot read the list ({exc})") from None
    for line in lines:
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        target = Path(entry).expanduser()
        if not target.is_absolute():
            target = listing.parent / target
        yield from _one(str(target), depth + 1)


def _one(argument: str, depth: int = 0) -> Iterator[Path]:
    if argument.startswith("@"):
        yield from _list_file(Path(argument[1:]), depth)
        return
    path = Path(argument).expanduser()
    if path.is_dir():
        yield from _folder(path)
    elif path.is_file():
        if path.suffix.lower() in LIST_SUFFIXES:
            yield from _list_file(path, depth)
        else:
            yield path  # any file named directly is scanned: a bad one gets its error record
    elif _GLOB_CHARS & set(argument):
        matches = sorted(glob.glob(str(path), recursive=True))  # noqa: PTH207 (absolute patterns too)
        if not matches:
            raise InputError(f"{argument}: the pattern matches nothing")
        for match in matches:
            yield from _one(match, depth)
    else:
        raise InputError(f"{argument}: no such file or folder")


def collect(arguments: Iterable[str]) -> list[Path]:
    seen: set[Path] = set()
    out: list[Path] = []
    for argument in arguments:
        for path in _one(argument):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out
