"""The cluster samples (samples/README.md, "Cluster samples") scanned once, as report dicts."""

from __future__ import annotations

from typing import Any

import pytest

from scanner.config import ScanConfig
from scanner.pipeline import Ruleset, scan
from scanner.render.json import to_document
from tests.conftest import SAMPLES

# One vendor template: two notice boards (twins) and a survey; fingertip-clean is the control.
CLUSTER_SAMPLES = ("tmpl-notice-a", "tmpl-notice-b", "tmpl-survey", "fingertip-clean")


@pytest.fixture(scope="session")
def cluster_docs(ruleset: Ruleset) -> dict[str, dict[str, Any]]:
    out = {}
    for name in CLUSTER_SAMPLES:
        result = scan(SAMPLES / f"{name}.apk", ScanConfig(), ruleset)
        out[name] = to_document(result, ruleset.catalog.rules)
    return out
