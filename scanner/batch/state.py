"""Finished packages, one record file each, named by the package's sha256.

A record is written (atomically: temporary file, then rename) only after the package's reports
are, so a batch killed at any moment, SIGKILL included, restarts with every package it reported
still reported and rescans only those without a record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scanner.outputs import write_inside

STATE_DIR = ".fingertip-batch"


class BatchState:
    def __init__(self, out_dir: Path) -> None:
        self.dir = out_dir / STATE_DIR
        self.dir.mkdir(parents=True, exist_ok=True)

    def _name(self, sha256: str) -> str:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return f"{sha256}.json"

    def done(self, sha256: str) -> dict[str, Any] | None:
        path = self.dir / self._name(sha256)
        try:
            record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent, or unreadable: scan again
        return record

    def save(self, record: dict[str, Any]) -> None:
        text = json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        write_inside(self.dir, self._name(record["sha256"]), text)
