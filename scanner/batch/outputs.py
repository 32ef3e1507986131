"""The batch's own outputs over every record: batch.json, batch.csv and index.html."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from scanner import __version__
from scanner.outputs import write_inside

SEVERITIES = ("critical", "high", "medium", "low", "info")
BATCH_SCHEMA_VERSION = "1.0"
CSV_COLUMNS = (
    "file_name",
    "sha256",
    "status",
    "platform",
    "identifier",
    "name",
    "version_name",
    "version_code",
    "verdict",
    "score",
    "rating",
    *SEVERITIES,
    "sdk_count",
    "cluster",
    "scan_s",
    "wall_s",
    "peak_rss_mb",
    "error",
    "report_json",
    "report_html",
)


def _row(record: dict[str, Any]) -> dict[str, Any]:
    counts = record.get("by_severity") or {}
    reports = record.get("reports") or {}
    rating = record.get("rating") or {}
    return {
        **{k: record.get(k) for k in CSV_COLUMNS},
        **{s: counts.get(s, 0) if record.get("status") == "ok" else None for s in SEVERITIES},
        "rating": rating.get("code"),
        "report_json": reports.get("json"),
        "report_html": reports.get("html"),
    }


def batch_document(
    records: list[dict[str, Any]], summary: dict[str, Any], clusters: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "batch_schema_version": BATCH_SCHEMA_VERSION,
        "tool": {"name": "fingertip", "version": __version__},
        "summary": summary,
        "apps": records,
        "clusters": clusters,
    }


def to_csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = _row(record)
        # A cell starting with = + - @ is a formula to a spreadsheet: app names are untrusted.
        writer.writerow(
            {
                k: ("'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v)
                for k, v in row.items()
            }
        )
    return buffer.getvalue()


def to_index_html(records: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    from scanner.render.html import batch_environment  # jinja2 only when HTML is written

    template = batch_environment().get_template("batch_index.html.j2")
    rows = [_row(r) | {"error": r.get("error")} for r in records]
    return template.render(rows=rows, summary=summary, severities=SEVERITIES, version=__version__)


def write_all(
    out_dir: Path,
    records: list[dict[str, Any]],
    summary: dict[str, Any],
    clusters: list[dict[str, Any]],
) -> list[Path]:
    doc = batch_document(records, summary, clusters)
    return [
        write_inside(
            out_dir,
            "batch.json",
            json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n",
        ),
        write_inside(out_dir, "batch.csv", to_csv(records)),
        write_inside(out_dir, "index.html", to_index_html(records, summary)),
    ]
