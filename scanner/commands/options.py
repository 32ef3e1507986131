"""Options that several commands share."""

from __future__ import annotations

import click

FORMATS = ("html", "json", "sarif")


def formats_option(value: str) -> tuple[str, ...]:
    """`--format html,json`: the formats asked for, in order, each once."""
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen
