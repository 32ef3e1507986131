"""`fingertip gate`: pass or fail a CI run on one package (or its JSON report) by a policy."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from scanner.commands.options import signatures_option
from scanner.config import ScanConfig
from scanner.errors import RuleError, ScannerError
from scanner.filed_identity import FiledIdentityError, load_filed_identities
from scanner.gate.baseline import Baseline, dumps, load_baseline, written_entries
from scanner.gate.errors import GateFileError
from scanner.gate.evaluate import evaluate
from scanner.gate.output import decision_document, summary, with_gate
from scanner.gate.policy import load_policy
from scanner.gate.report import (
    ReportError,
    load_report,
    looks_like_report,
    result_from_document,
    rules_for,
)
from scanner.model import Rule, ScanResult
from scanner.resources import signatures_dir
from scanner.rules.catalog import Catalog

EXIT_PASS, EXIT_POLICY_FAILED, EXIT_USAGE, EXIT_SCAN_ERROR = 0, 1, 2, 3


def _stop(code: int, message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        _stop(EXIT_USAGE, f"error: cannot write {path}: {exc}")


def _scan(
    app: Path, signatures: Path | None, filed_identity: Path | None
) -> tuple[dict[str, Any], ScanResult, dict[str, Rule]]:
    """Scan a package the way `fingertip scan` does; exits 2 on rule or option errors, 3 when
    the package cannot be scanned."""
    from scanner.pipeline import Ruleset, scan
    from scanner.render.json import to_document

    try:
        ruleset = Ruleset.load(signatures)
    except RuleError as exc:
        _stop(EXIT_USAGE, f"error: {exc}")
    filed = None
    if filed_identity is not None:
        try:
            filed = load_filed_identities(filed_identity)
        except FiledIdentityError as exc:
            _stop(EXIT_USAGE, f"error: --filed-identity: {exc}")
    cfg = ScanConfig(signatures=signatures, filed_identity=filed)
    click.echo(f"{app.name}: scanning…", err=True)
    try:
        result = scan(app, cfg, ruleset)
    except ScannerError as exc:
        _stop(EXIT_SCAN_ERROR, f"{app.name}: error: {exc}")
    return to_document(result, ruleset.catalog.rules), result, ruleset.catalog.rules


@click.command("gate")
@click.argument("app", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--policy",
    "policy_path",
    required=True,
    type=click.Path(path_type=Path),
    help="YAML policy: what fails the gate (docs/ci.md; example docs/examples/policy.yml).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path),
    help="JSON baseline of accepted findings, each with a reason and an expiry date.",
)
@click.option(
    "--sarif",
    "sarif_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write SARIF 2.1.0 here; accepted findings carry SARIF suppressions.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the decision (every finding's status and reason) as JSON here.",
)
@click.option(
    "--write-baseline",
    "write_baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a baseline accepting every finding that is over the policy's thresholds now "
    "(reason TODO, expiry in 90 days; unexpired entries of --baseline keep theirs), then exit 0.",
)
@signatures_option
@click.option(
    "--filed-identity",
    "filed_identity",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="As for `scan`: the filed package names and certificates (ID-FILING-002).",
)
def gate_command(
    app: Path,
    policy_path: Path,
    baseline_path: Path | None,
    sarif_path: Path | None,
    json_path: Path | None,
    write_baseline: Path | None,
    signatures: Path | None,
    filed_identity: Path | None,
) -> None:
    """Judge APP (an APK or IPA, scanned now, or a Fingertip JSON report) by a policy.

    Exit codes: 0 the policy passed (or --write-baseline wrote its file); 1 the policy failed;
    2 usage error, or the policy or baseline file is invalid (the message names the file, key
    and line); 3 APP could not be scanned or read as a report.
    """
    try:
        catalog = Catalog.load(signatures_dir(signatures))
    except RuleError as exc:
        _stop(EXIT_USAGE, f"error: {exc}")
    categories = {r.id: r.category for r in catalog.rules.values()}
    today = dt.date.today()
    try:
        policy = load_policy(policy_path, catalog.rules, set(categories.values()))
        baseline = load_baseline(baseline_path) if baseline_path else None
    except GateFileError as exc:
        _stop(EXIT_USAGE, f"error: {exc}")
    if looks_like_report(app):
        try:
            doc = load_report(app)
        except ReportError as exc:
            _stop(EXIT_SCAN_ERROR, f"error: {exc}")
        if doc.get("verdict") == "error":
            errors = "; ".join(map(str, doc.get("errors", []))) or "no reason given"
            _stop(EXIT_SCAN_ERROR, f"{app.name}: the report records a failed scan: {errors}")
        result = None
        rules = rules_for(doc, catalog.rules)
    else:
        doc, scanned, rules = _scan(app, signatures, filed_identity)
        result = scanned
    decision = evaluate(doc, policy, baseline, today, categories)
    shown_baseline = str(baseline_path) if baseline_path else None
    if sarif_path is not None:
        from scanner.render.sarif import to_sarif

        sarif = with_gate(to_sarif(result or result_from_document(doc), rules), decision)
        _write(sarif_path, json.dumps(sarif, indent=2, ensure_ascii=False) + "\n")
    if json_path is not None:
        document = decision_document(decision, str(policy_path), shown_baseline)
        _write(json_path, json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if write_baseline is not None:
        written = written_entries(
            ((f.fingerprint, f.rule_id) for f in decision.over_threshold()),
            decision.app.get("identifier"),
            today,
            baseline.entries if baseline else (),
        )
        _write(write_baseline, dumps(Baseline(path=str(write_baseline), entries=written.entries)))
        click.echo(summary(decision, str(policy_path), shown_baseline), err=True)
        _stop(
            EXIT_PASS,
            f"wrote {write_baseline}: {len(written.entries)} entr"
            f"{'y' if len(written.entries) == 1 else 'ies'}; give each a reason before it "
            "is committed",
        )
    _stop(
        EXIT_PASS if decision.passed else EXIT_POLICY_FAILED,
        summary(decision, str(policy_path), shown_baseline),
    )
