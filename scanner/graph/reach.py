"""Reachability from the manifest's entry points, shortest paths, and dead code."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping

from scanner.graph.callgraph import CodeGraph
from scanner.graph.entries import EntryPoint


class Reach:
    """One breadth-first search from every entry point at once: for each reached method, the
    entry it was first reached from and its predecessor, so paths are shortest."""

    def __init__(
        self,
        g: CodeGraph,
        roots: Iterable[int] | None = None,
        *,
        skip: Callable[[int], bool] | None = None,
        only: Callable[[EntryPoint], bool] | None = None,
    ) -> None:
        self.g = g
        self.parent: dict[int, int] = {}
        self.entry_of: dict[int, int] = {}
        self._skip = skip
        if roots is not None:
            self._search(sorted(roots))
            return
        # Primary entries first, so a path starts where the system starts the app (a boot
        # receiver), not at the internal service that receiver starts; then internal
        # components the app's code never visibly starts (reflection, libraries' intents).
        chosen = {n: e for n, e in g.entries.items() if only is None or only(e)}
        self._search(sorted(n for n, e in chosen.items() if e.primary))
        self._search(sorted(n for n, e in chosen.items() if not e.primary))

    def _search(self, roots: list[int]) -> None:
        queue: deque[int] = deque()
        for root in roots:
            if root not in self.entry_of:
                self.entry_of[root] = root
                self.parent[root] = -1
                queue.append(root)
        succ, entry_of, parent = self.g.succ, self.entry_of, self.parent
        skip = self._skip
        pop, push = queue.popleft, queue.append
        while queue:
            node = pop()
            entry = entry_of[node]
            for nxt in succ[node]:
                if nxt not in entry_of and (skip is None or not skip(nxt)):
                    entry_of[nxt] = entry
                    parent[nxt] = node
                    push(nxt)

    def reachable(self, node: int) -> bool:
        return node in self.entry_of

    def path(self, node: int) -> list[int]:
        """Entry-point method first, `node` last; empty when unreachable."""
        return path_to(self.parent, node) if node in self.parent else []

    def entry(self, node: int) -> EntryPoint | None:
        root = self.entry_of.get(node)
        return None if root is None else self.g.entries.get(root)

    def dead(self) -> set[int]:
        """Methods some dex defines that no entry point reaches."""
        return self.g.defined - self.entry_of.keys()


def path_to(parent: Mapping[int, int], node: int) -> list[int]:
    """The path a breadth-first search recorded to `node` (`parent[root]` is -1), root first."""
    out = [node]
    while parent[out[-1]] != -1:
        out.append(parent[out[-1]])
    return out[::-1]


def near(g: CodeGraph, sources: Iterable[int], targets: set[int], hops: int) -> list[int] | None:
    """A shortest path (≤ `hops` edges) from any of `sources` to any of `targets`, or None."""
    parent: dict[int, int] = {}
    frontier = []
    for s in sources:
        if s not in parent:
            parent[s] = -1
            frontier.append(s)
    for _ in range(hops + 1):
        nxt: list[int] = []
        for node in frontier:
            if node in targets:
                return path_to(parent, node)
            for succ in g.succ[node]:
                if succ not in parent:
                    parent[succ] = node
                    nxt.append(succ)
        frontier = nxt
    return None
