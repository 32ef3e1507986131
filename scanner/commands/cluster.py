"""`fingertip cluster`: near-duplicate and same-template apps among JSON reports.

Exit codes: 0 compared (whether or not any cluster was found); 2 usage error (no report, a file
that is not readable JSON or not a Fingertip report, an unwritable output).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from scanner.cluster import MERGE, Cluster, cluster_reports
from scanner.cluster.clusters import similarity_facts
from scanner.commands.options import text_or_json_option

EXIT_OK, EXIT_USAGE = 0, 2
DOCUMENT_VERSION = "1"


def _stop(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _report_files(paths: Sequence[Path]) -> Iterator[tuple[Path, bool]]:
    """(file, given by name): a folder stands for the *.json files under it (a batch output
    folder), whose non-report JSON (batch.json, resume records) is skipped."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*.json")):
                if not any(part.startswith(".") for part in found.relative_to(path).parts):
                    yield found, False
        else:
            yield path, True


def _is_report(doc: object) -> bool:
    return isinstance(doc, dict) and "schema_version" in doc and isinstance(doc.get("app"), dict)


def _load(path: Path, given: bool) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        _stop(f"{path}: not a readable JSON report ({exc})")
    if _is_report(doc):
        return dict(doc)
    if given:
        _stop(f"{path}: not a Fingertip JSON report")
    return None


def cluster_document(clusters: list[Cluster], reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "version": DOCUMENT_VERSION,
        "reports": len(reports),
        "compared": sum(1 for r in reports if similarity_facts(r) is not None),
        "clusters": [c.to_dict() for c in clusters],
    }


def render_text(clusters: list[Cluster], reports: Sequence[dict[str, Any]]) -> str:
    compared = sum(1 for r in reports if similarity_facts(r) is not None)
    lines = [f"{len(reports)} report(s), {compared} with similarity facts"]
    if not clusters:
        lines.append("no near-duplicate or same-template apps")
    for n, cluster in enumerate(clusters, 1):
        lines.append("")
        lines.append(f"cluster {n}: {cluster.kind} ({len(cluster.members)} apps)")
        names = {m.index: m.file_name for m in cluster.members}
        for m in cluster.members:
            label = " ".join(x for x in (m.name, m.identifier) if x)
            lines.append(f"  - {m.file_name}" + (f"  ({label})" if label else ""))
            if m.path and m.path != m.file_name:
                lines.append(f"    {m.path}")
        lines.extend(f"  {MERGE}: " + ", ".join(names[i] for i in g) for g in cluster.groups)
        for link in cluster.links:
            lines.append(
                f"  {names[link.a]} ~ {names[link.b]}: {link.pair.kind} ({link.pair.reason})"
            )
            lines.extend(f"      {e}" for e in link.evidence)
    return "\n".join(lines) + "\n"


@click.command("cluster")
@click.argument("reports", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@text_or_json_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
def cluster_command(reports: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Near-duplicate ("merge candidate") and same-template apps among JSON REPORTS.

    REPORTS are `fingertip scan --format json` reports, or folders holding them (searched
    recursively, e.g. a batch's OUTDIR; other JSON there is skipped). Each cluster lists
    its apps and, per linked pair, the score and the evidence (shared backend hosts and SDK
    keys, code and resource similarity, template markers, signer).

    Exit codes: 0 compared (clusters or not); 2 usage error (unreadable or foreign file).
    """
    docs = [doc for p, given in _report_files(reports) if (doc := _load(p, given)) is not None]
    if not docs:
        _stop("no JSON report among the given paths")
    clusters = cluster_reports(docs)
    if fmt == "json":
        text = (
            json.dumps(
                cluster_document(clusters, docs), indent=2, sort_keys=True, ensure_ascii=False
            )
            + "\n"
        )
    else:
        text = render_text(clusters, docs)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _stop(f"cannot write {output}: {exc}")
