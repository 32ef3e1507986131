"""The catalogue is the single source of truth: every rule has exactly one producer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from scanner.analyzers import BUILTIN
from scanner.analyzers.ios import BUILTIN_IOS
from scanner.errors import RuleError
from scanner.model import Platform
from scanner.pipeline import Ruleset
from scanner.rules.catalog import Catalog
from tests.conftest import ROOT

YARA_ID = re.compile(r'^\s*id\s*=\s*"([^"]+)"', re.MULTILINE)


def test_every_analyzer_module_is_listed() -> None:
    modules = {
        p.stem
        for p in (ROOT / "scanner" / "analyzers").glob("*.py")
        if p.stem not in {"__init__", "base", "reached"}  # shared helpers, not analyzers
    }
    listed = {cls.__module__.rsplit(".", 1)[-1] for cls in BUILTIN}
    assert modules == listed
    ios_modules = {
        p.stem
        for p in (ROOT / "scanner" / "analyzers" / "ios").glob("*.py")
        if p.stem not in {"__init__", "inputs", "apis", "own_bundles"}  # helpers
    }
    assert ios_modules == {cls.__module__.rsplit(".", 1)[-1] for cls in BUILTIN_IOS}


def test_analyzer_rule_ids_exist_and_have_one_producer(ruleset: Ruleset) -> None:
    """Per platform: each rule the catalogue lists for a platform has exactly one analyzer
    there, and no analyzer produces a rule the catalogue does not list for its platform."""
    producers: dict[tuple[str, Platform], list[str]] = {}
    for cls in (*BUILTIN, *BUILTIN_IOS):
        for rule_id in cls.rule_ids:
            assert rule_id in ruleset.catalog, f"{cls.__name__} names unknown rule {rule_id}"
            for platform in cls.platforms:
                producers.setdefault((rule_id, platform), []).append(cls.__name__)
    assert {k: p for k, p in producers.items() if len(p) > 1} == {}
    listed = {(r.id, p) for r in ruleset.catalog.rules.values() for p in r.platforms}
    assert listed - set(producers) == set(), "catalogue rules without an analyzer"
    assert set(producers) - listed == set(), "analyzers for a platform the catalogue omits"


def test_yara_rules_name_catalogue_ids(ruleset: Ruleset) -> None:
    for path in (ROOT / "signatures" / "yara").rglob("*.yar"):
        for rule_id in YARA_ID.findall(path.read_text(encoding="utf-8")):
            assert rule_id in ruleset.catalog, f"{path.name} names unknown rule {rule_id}"


def test_yara_rules_carry_no_severity_or_wording() -> None:
    for path in (ROOT / "signatures" / "yara").rglob("*.yar"):
        text = path.read_text(encoding="utf-8")
        assert "severity" not in text and "remediation" not in text, path.name


def test_every_rule_has_both_languages_and_a_basis(ruleset: Ruleset) -> None:
    for rule in ruleset.catalog.rules.values():
        assert rule.title.zh and rule.title.en and rule.rationale.zh and rule.rationale.en
        assert rule.remediation.zh and rule.remediation.en
        assert rule.basis, f"{rule.id} cites no regulation or standard"
        if rule.category in ("security", "privacy"):
            # Labs map findings to OWASP MASVS; the CWE where one names the weakness.
            assert rule.masvs, f"{rule.id} cites no MASVS control"
            assert all(m.startswith("MASVS-") for m in rule.masvs), rule.id


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    body = (ROOT / "signatures/rules/catalog.toml").read_text(encoding="utf-8")
    first = body[body.index("[[rule]]") : body.index("[[rule]]", body.index("[[rule]]") + 1)]
    (tmp_path / "rules" / "a.toml").write_text(first + "\n" + first, encoding="utf-8")
    with pytest.raises(RuleError, match="defined twice"):
        Catalog.load(tmp_path)


def test_only_yara_engine_imports_yara() -> None:
    for path in (ROOT / "scanner").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        if "yara" in names:
            assert path.name == "yara_engine.py", path


def test_render_and_model_boundaries() -> None:
    def internal_imports(path: Path) -> set[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out = set()
        for n in ast.walk(tree):
            if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("scanner"):
                out.add(n.module)
        return out

    assert internal_imports(ROOT / "scanner/model.py") == set()
    for path in (ROOT / "scanner/render").glob("*.py"):
        assert internal_imports(path) <= {"scanner.model", "scanner.resources"}, path
    for path in (ROOT / "scanner/analyzers").glob("*.py"):
        assert not any(m.startswith("scanner.unpack") for m in internal_imports(path)), path


def test_every_behaviour_spec_is_produced_by_the_behaviour_analyzer(ruleset: Ruleset) -> None:
    from scanner.analyzers.behaviours import RULE_IDS

    assert {b.rule for b in ruleset.behaviours.behaviours} == set(RULE_IDS)


def test_ios_table_rules_are_the_ios_analyzers(ruleset: Ruleset) -> None:
    from scanner.analyzers.ios.behaviours import IosBehaviourAnalyzer
    from scanner.analyzers.ios.preconsent import IosPreconsentAnalyzer

    produced = {*IosBehaviourAnalyzer.rule_ids, *IosPreconsentAnalyzer.rule_ids}
    assert set(ruleset.ios.rule_ids()) == produced
