"""Clusters of near-duplicate and same-template apps over a set of JSON reports.

A networkx graph has one node per report and one edge per pair that scores.py links, with
the signals and their evidence on the edge. Two kinds of cluster come out of it:

- "merge candidate": a connected component of the merge edges (union-find, DOMAIN.md §4):
  apps that look like the same business built twice;
- "same template, different business": a connected component of all edges that holds at
  least one template edge, i.e. more than one merge group or app; its merge groups are named.

Pairs are compared only when they share something a similar pair would share (a backend host
or key, a signer, a template marker, an icon, or one of the smallest hashes of their code or
resource sketches): a batch of a thousand apps is not half a million comparisons.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from scanner.cluster.score import MERGE, TEMPLATE, Pair, compare

# Bottom-k sketches of two sets with Jaccard J share one of their m smallest hashes with
# probability about 1 - (1 - J)^m: 16 finds pairs above 0.3 nearly always.
BLOCKING_HASHES = 16


@dataclass(frozen=True, slots=True)
class Member:
    index: int  # position in the input list
    file_name: str
    path: str | None  # as scanned (file names repeat across folders)
    name: str | None
    identifier: str | None
    platform: str | None
    sha256: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "file_name": self.file_name,
            "path": self.path,
            "name": self.name,
            "identifier": self.identifier,
            "platform": self.platform,
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class Link:
    """One explained edge: two members, the score, and what matched."""

    a: int
    b: int
    pair: Pair

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(e for s in self.pair.signals for e in s.evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.pair.kind,
            "reason": self.pair.reason,
            "score": self.pair.score,
            "signals": {s.name: round(s.similarity, 4) for s in self.pair.signals},
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class Cluster:
    kind: str  # MERGE or TEMPLATE
    members: tuple[Member, ...]
    links: tuple[Link, ...]
    groups: tuple[tuple[int, ...], ...] = field(default=())  # merge groups inside (TEMPLATE)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "members": [m.to_dict() for m in self.members],
            "merge_groups": [list(g) for g in self.groups],
            "links": [link.to_dict() for link in self.links],
        }


def _member(index: int, report: Mapping[str, Any]) -> Member:
    app = report.get("app") or {}
    return Member(
        index=index,
        file_name=str(app.get("file_name") or f"report {index}"),
        path=app.get("path"),
        name=app.get("name"),
        identifier=app.get("identifier"),
        platform=app.get("platform"),
        sha256=app.get("sha256"),
    )


def similarity_facts(report: Mapping[str, Any]) -> Mapping[str, Any] | None:
    facts = report.get("facts") or {}
    found = facts.get("similarity") if isinstance(facts, Mapping) else None
    return found if isinstance(found, Mapping) else None


def _blocking_keys(doc: Mapping[str, Any]) -> Iterator[str]:
    yield from (f"host:{h}" for h in doc.get("backend_hosts", []))
    yield from (f"key:{k['name']}={k['value']}" for k in doc.get("sdk_keys", []))
    yield from (f"signer:{s}" for s in doc.get("signers", []))
    template = doc.get("template") or {}
    yield from (f"t:{k}:{v}" for k, v in template.items() if v and k != "launcher")
    if template.get("launcher"):
        yield f"launcher:{template['launcher']}"
    resources = doc.get("resources") or {}
    if resources.get("icon"):
        yield f"icon:{resources['icon']}"
    yield from (f"r:{h}" for h in resources.get("sketch", [])[:BLOCKING_HASHES])
    code = doc.get("code") or {}
    yield from (f"c:{h}" for h in code.get("sketch", [])[:BLOCKING_HASHES])


def candidate_pairs(docs: Mapping[int, Mapping[str, Any]]) -> set[tuple[int, int]]:
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, doc in docs.items():
        for key in set(_blocking_keys(doc)):
            buckets[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        pairs.update(itertools.combinations(sorted(members), 2))
    return pairs


def link_graph(reports: Sequence[Mapping[str, Any]]) -> Any:
    """The networkx graph: nodes are report indexes, edges carry `link` (a Link)."""
    docs = {i: d for i, r in enumerate(reports) if (d := similarity_facts(r)) is not None}
    graph = nx.Graph()
    graph.add_nodes_from(docs)
    for a, b in sorted(candidate_pairs(docs)):
        ida = (reports[a].get("app") or {}).get("identifier")
        idb = (reports[b].get("app") or {}).get("identifier")
        pair = compare(docs[a], docs[b], ida, idb)
        if pair.kind is not None:
            graph.add_edge(a, b, link=Link(a, b, pair))
    return graph


def _links(graph: Any, nodes: Iterable[int], kinds: frozenset[str]) -> tuple[Link, ...]:
    sub = graph.subgraph(nodes)
    found = (d["link"] for _, _, d in sub.edges(data=True))
    return tuple(sorted((k for k in found if k.pair.kind in kinds), key=lambda k: (k.a, k.b)))


def cluster_reports(reports: Sequence[Mapping[str, Any]]) -> list[Cluster]:
    """Merge candidates first, then same-template clusters; members in input order."""
    graph = link_graph(reports)
    members = [_member(i, r) for i, r in enumerate(reports)]
    merge_edges = [(a, b) for a, b, d in graph.edges(data=True) if d["link"].pair.kind == MERGE]
    merge_graph = nx.Graph(merge_edges)
    merge_groups = sorted(sorted(c) for c in nx.connected_components(merge_graph))
    out = [
        Cluster(
            kind=MERGE,
            members=tuple(members[i] for i in group),
            links=_links(graph, group, frozenset({MERGE})),
        )
        for group in merge_groups
    ]
    group_of = {i: tuple(g) for g in merge_groups for i in g}
    for component in sorted(sorted(c) for c in nx.connected_components(graph)):
        links = _links(graph, component, frozenset({MERGE, TEMPLATE}))
        if len(component) < 2 or not any(k.pair.kind == TEMPLATE for k in links):
            continue
        groups = tuple(sorted({group_of[i] for i in component if i in group_of}))
        out.append(
            Cluster(
                kind=TEMPLATE,
                members=tuple(members[i] for i in component),
                links=links,
                groups=groups,
            )
        )
    return out
