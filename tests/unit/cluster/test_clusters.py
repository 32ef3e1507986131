"""cluster_reports over the cluster samples: twins, a same-template survey and a control."""

from __future__ import annotations

from typing import Any

import pytest

from scanner.cluster import MERGE, TEMPLATE, Cluster, cluster_reports
from scanner.cluster.clusters import candidate_pairs, link_graph
from tests.unit.cluster.conftest import CLUSTER_SAMPLES

A, B, SURVEY, CONTROL = range(4)


@pytest.fixture(scope="module")
def clusters(cluster_docs: dict[str, dict[str, Any]]) -> list[Cluster]:
    return cluster_reports([cluster_docs[n] for n in CLUSTER_SAMPLES])


def test_template_twins_are_one_merge_candidate(clusters: list[Cluster]) -> None:
    merges = [c for c in clusters if c.kind == MERGE]
    assert len(merges) == 1
    (twins,) = merges
    assert [m.file_name for m in twins.members] == ["tmpl-notice-a.apk", "tmpl-notice-b.apk"]
    assert [m.identifier for m in twins.members] == ["cn.gov.citya.notice", "cn.gov.cityb.notice"]
    (link,) = twins.links
    assert link.pair.score >= 0.8
    assert {
        "same backend host api.govtmpl.example.cn",
        "same launcher icon",
        "same launcher class NoticeListActivity",
    } <= set(link.evidence)
    assert any(e.startswith("code similarity 1.00") for e in link.evidence)
    assert any(e.startswith("same signer ") for e in link.evidence)


def test_survey_joins_as_same_template_different_business(clusters: list[Cluster]) -> None:
    templates = [c for c in clusters if c.kind == TEMPLATE]
    assert len(templates) == 1
    (template,) = templates
    assert [m.index for m in template.members] == [A, B, SURVEY]
    assert template.groups == ((A, B),)
    survey_links = [k for k in template.links if SURVEY in (k.a, k.b)]
    assert len(survey_links) == 2
    for link in survey_links:
        assert link.pair.kind == TEMPLATE
        assert link.pair.signal("function") < 0.7
        assert "same backend host api.govtmpl.example.cn" in link.evidence
        assert any("rule:PRIV-LOC-001" in e for e in link.evidence)  # what differs


def test_control_stays_alone(
    clusters: list[Cluster], cluster_docs: dict[str, dict[str, Any]]
) -> None:
    assert all(CONTROL not in {m.index for m in c.members} for c in clusters)
    graph = link_graph([cluster_docs[n] for n in CLUSTER_SAMPLES])
    assert graph.degree(CONTROL) == 0


def test_cluster_json_shape(clusters: list[Cluster]) -> None:
    doc = clusters[0].to_dict()
    assert doc["kind"] == MERGE
    assert doc["links"][0]["signals"]["code"] == 1.0
    assert doc["links"][0]["a"] == A and doc["links"][0]["b"] == B
    assert doc["members"][0]["file_name"] == "tmpl-notice-a.apk"


def test_reports_without_similarity_facts_are_skipped() -> None:
    old = {"schema_version": "1.1", "app": {"file_name": "old.apk"}, "facts": {}}
    assert cluster_reports([old, old]) == []


def test_blocking_pairs_only_apps_sharing_something() -> None:
    def doc(host: str) -> dict[str, Any]:
        return {"backend_hosts": [host], "signers": [], "template": {}, "resources": {}}

    pairs = candidate_pairs({0: doc("a.cn"), 1: doc("a.cn"), 2: doc("b.cn")})
    assert pairs == {(0, 1)}
