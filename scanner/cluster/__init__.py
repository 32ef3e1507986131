"""Duplicate and same-template apps across a set of reports (DOMAIN.md §4).

`cluster_reports(reports)` takes JSON report dicts (with `facts.similarity`, written by every
scan: scanner/cluster/features.py) and returns the clusters with their explained links.
"""

from scanner.cluster.clusters import Cluster, Link, Member, cluster_reports
from scanner.cluster.score import MERGE, TEMPLATE

__all__ = ["MERGE", "TEMPLATE", "Cluster", "Link", "Member", "cluster_reports"]
