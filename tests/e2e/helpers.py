"""Running the CLI in-process and reading what it wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner, Result

from scanner.cli import main
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "docs/schema/report-1.schema.json").read_text(encoding="utf-8"))


def run_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def reports(out: Path, suffix: str = ".json") -> dict[str, Any]:
    """Reports in `out` keyed by the scanned file's name, each checked against the schema."""
    found = {}
    for path in sorted(out.glob(f"*{suffix}")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if suffix == ".json":
            jsonschema.validate(doc, SCHEMA)
            found[doc["app"]["file_name"]] = doc
        else:
            found[path.name] = doc
    return found
