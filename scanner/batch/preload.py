"""Imported once by the batch's forkserver: every worker forked from it starts with the scanner
(both platforms and lief, which a scan otherwise imports on first use) imported and the bundled
rules compiled, about a second of start-up per package saved."""

from __future__ import annotations

import contextlib

import lief  # noqa: F401 (imported for the workers forked from here)

import scanner.scan_ios  # noqa: F401
from scanner.batch import job
from scanner.errors import RuleError

with contextlib.suppress(RuleError):  # reported per package by job.run, where it can be
    job.ruleset(None)
