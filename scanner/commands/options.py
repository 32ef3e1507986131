"""Options that several commands share."""

from __future__ import annotations

from pathlib import Path

import click

FORMATS = ("html", "json", "sarif")


def formats_option(value: str) -> tuple[str, ...]:
    """`--format html,json`: the formats asked for, in order, each once."""
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen


# `--signatures DIR`: the same option on scan, batch, gate and `rules list`.
signatures_option = click.option(
    "--signatures",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Use rules and data from this folder instead of the bundled ones.",
)

# `--format text|json` of the commands that print a summary (cluster, history).
text_or_json_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
