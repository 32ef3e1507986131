"""Report files: their names and the one guarded way to write them (used by `scan` and `batch`)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from scanner.model import Rule, ScanResult
from scanner.opening import file_sha256 as sha256_of
from scanner.render.json import dumps
from scanner.render.sarif import to_sarif


class OutsideOutputError(Exception):
    """A report name would resolve outside the output folder (never expected: names are
    sanitised; the check is the last line of defence)."""


def output_name(path: Path, sha256: str | None) -> str:
    """`<stem>-<sha12>`: unique per package content, safe as a file name whatever the input."""
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in path.stem)[:80] or "package"
    return f"{stem}-{(sha256 or '0' * 12)[:12]}"


def file_sha256(path: Path) -> tuple[str | None, int | None]:
    """The file's sha256 and size for an error report; (None, None) when it cannot be read."""
    try:
        return sha256_of(path), path.stat().st_size
    except OSError:
        return None, None


def write_inside(out_dir: Path, name: str, text: str) -> Path:
    """Write `text` to `out_dir/name` atomically (a reader, or a batch resumed after SIGKILL,
    never sees half a file); refuse any name that leaves `out_dir`."""
    target = out_dir / name
    if target.resolve().parent != out_dir.resolve():
        raise OutsideOutputError(f"refusing to write outside the output folder: {name}")
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_reports(
    out_dir: Path,
    name: str,
    doc: dict[str, Any],
    result: ScanResult | None,
    rules: dict[str, Rule],
    formats: tuple[str, ...],
    lang: str,
) -> list[Path]:
    """The package's report in each format asked for (SARIF needs the scan result; an error
    document has none)."""
    written = []
    if "json" in formats:
        written.append(write_inside(out_dir, f"{name}.json", dumps(doc)))
    if "sarif" in formats and result is not None:
        sarif = to_sarif(result, rules)
        text = json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
        written.append(write_inside(out_dir, f"{name}.sarif", text))
    if "html" in formats and result is not None:
        from scanner.render.html import render_html  # jinja2 only when HTML is asked for

        written.append(write_inside(out_dir, f"{name}.html", render_html(doc, rules, lang)))
    return written
