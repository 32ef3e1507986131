"""A call graph of an iOS executable, in networkx, from the references the Mach-O reader finds
in each function (scanner/facts/macho.py: ADRP+LDR/ADD pairs into the selector, class and
string tables, BL targets, code addresses taken).

Objective-C calls go through `objc_msgSend`, so an edge cannot name its receiver; the graph
over-approximates the way the Android graph does for virtual calls:

- a function that loads a selector reaches every method of the app that implements it
  (`[self checkInTapped:]`, and `@selector(checkInTapped:)` handed to a button or timer);
- a function reaches the functions it calls directly and the code whose address it takes
  (blocks and C callbacks);
- framework callbacks (delegate methods such as `locationManager:didUpdateLocations:`, whose
  selector the app itself never loads) are reached from any method of their own class that
  registers an object with the framework (`setDelegate:`, `addObserver:…`, `addTarget:…`).

Entry points are what the system runs: `main`, the app delegate's `application…` methods (and
a scene delegate's), `+load`, an extension's principal class, and the lifecycle methods of
view controllers the app refers to (by class reference in code, or by name in a storyboard or
Info.plist). A method no entry reaches is dead code and is never reported as reachable.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from scanner.facts.macho import MachOSlice

# Selectors by which an object is handed to the framework, which then calls it back.
REGISTRATIONS = frozenset(
    {
        "setDelegate:",
        "setDataSource:",
        "addTarget:action:forControlEvents:",
        "addObserver:selector:name:object:",
        "addObserverForName:object:queue:usingBlock:",
        "scheduledTimerWithTimeInterval:target:selector:userInfo:repeats:",
        "timerWithTimeInterval:target:selector:userInfo:repeats:",
        "displayLinkWithTarget:selector:",
        "presentViewController:animated:completion:",
        "pushViewController:animated:",
        "dataTaskWithRequest:completionHandler:",
        "initWithTarget:action:",
        "performSelector:withObject:afterDelay:",
        "sessionWithConfiguration:delegate:delegateQueue:",
    }
)
VIEW_LIFECYCLE = frozenset(
    {
        "loadView",
        "viewDidLoad",
        "viewWillAppear:",
        "viewDidAppear:",
        "viewWillDisappear:",
        "viewDidDisappear:",
        "awakeFromNib",
        "initWithCoder:",
        "initWithNibName:bundle:",
    }
)
_DELEGATE_PREFIXES = ("application", "scene")
_DELEGATE_MARKERS = frozenset(
    {"application:didFinishLaunchingWithOptions:", "scene:willConnectToSession:options:"}
)


@dataclass(slots=True)
class IosGraph:
    """Functions (by address) and what reaches them; `why` says what each entry point is."""

    graph: Any
    names: dict[int, str]
    entries: dict[int, str] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)
    entry_of: dict[int, int] = field(default_factory=dict)
    _from: dict[int, set[int]] = field(default_factory=dict)

    def reachable(self, node: int) -> bool:
        return node in self.entry_of

    def path(self, node: int) -> list[int]:
        """Entry function first, `node` last; empty when no entry reaches it."""
        if node not in self.entry_of:
            return []
        out = [node]
        while (up := self.parent[out[-1]]) != -1:
            out.append(up)
        return out[::-1]

    def reached_from(self, entry: int) -> set[int]:
        """Everything `entry` reaches on its own (the shared search credits each function to
        the first entry that got there)."""
        found = self._from.get(entry)
        if found is None:
            found = self._from[entry] = {entry} | set(nx.descendants(self.graph, entry))
        return found

    def name(self, node: int) -> str:
        return self.names.get(node) or f"sub_{node:x}"


def build(
    s: MachOSlice, referenced_names: Iterable[str] = (), principal: str | None = None
) -> IosGraph:
    """The graph of one slice. `referenced_names`: class names the bundle's resources name
    (storyboards, nibs, Info.plist), which instantiate view controllers without code;
    `principal`: an extension's NSExtensionPrincipalClass."""
    functions = s.functions
    by_selector: dict[str, list[int]] = {}
    by_class: dict[str, list[tuple[str, int]]] = {}
    for (cls, selector, _is_class_method), address in s.methods.items():
        if address in functions:
            by_selector.setdefault(selector, []).append(address)
            by_class.setdefault(cls, []).append((selector, address))

    loaded_selectors: set[str] = set()
    referenced_classes: set[str] = set(referenced_names)
    for f in functions.values():
        loaded_selectors |= f.selectors
        referenced_classes |= f.classes

    graph = nx.DiGraph()
    graph.add_nodes_from(functions)
    for address, f in functions.items():
        for target in f.calls | f.code_refs:
            if target in functions and target != address:
                graph.add_edge(address, target, kind="call")
        for selector in f.selectors:
            for target in by_selector.get(selector, ()):
                if target != address:
                    graph.add_edge(address, target, kind="dispatch")

    # Framework callbacks of a class, reached from the class's own registering methods.
    for methods in by_class.values():
        callbacks = [a for sel, a in methods if sel not in loaded_selectors]
        for _sel, address in methods:
            if functions[address].selectors & REGISTRATIONS:
                for target in callbacks:
                    if target != address:
                        graph.add_edge(address, target, kind="callback")

    g = IosGraph(graph=graph, names={a: f.name or "" for a, f in functions.items()})
    g.entries = _entries(s, by_class, referenced_classes, principal)
    _search(g)
    return g


def _entries(
    s: MachOSlice,
    by_class: dict[str, list[tuple[str, int]]],
    referenced: set[str],
    principal: str | None,
) -> dict[int, str]:
    primary: dict[int, str] = {}
    for address, f in s.functions.items():
        if f.name in ("_main", "main"):
            primary[address] = "main"
    for cls, methods in by_class.items():
        selectors = {sel for sel, _ in methods}
        if selectors & _DELEGATE_MARKERS:
            for sel, address in methods:
                if sel.startswith(_DELEGATE_PREFIXES):
                    primary.setdefault(address, f"app delegate {cls}")
        if principal is not None and cls == principal:
            for _sel, address in methods:
                primary.setdefault(address, f"extension principal class {cls}")
    for (cls, selector, is_class_method), address in s.methods.items():
        if is_class_method and selector in ("load", "initialize") and address in s.functions:
            primary.setdefault(address, f"+[{cls} {selector}]")
    secondary: dict[int, str] = {}
    for cls, methods in by_class.items():
        if cls not in referenced:
            continue
        for sel, address in methods:
            if sel in VIEW_LIFECYCLE:
                secondary.setdefault(address, f"view controller {cls}")
    return {**primary, **{a: why for a, why in secondary.items() if a not in primary}}


def _search(g: IosGraph) -> None:
    """Breadth first from every entry at once (the app's own start first), so each reached
    function keeps the entry it was first reached from and a shortest path to it."""
    ordered = sorted(g.entries, key=lambda a: (not g.entries[a].startswith(("main", "app ")), a))
    queue: deque[int] = deque()
    for root in ordered:
        if root not in g.entry_of:
            g.entry_of[root] = root
            g.parent[root] = -1
            queue.append(root)
    adj = g.graph.adj
    while queue:
        node = queue.popleft()
        entry = g.entry_of[node]
        for nxt in adj[node]:
            if nxt not in g.entry_of:
                g.entry_of[nxt] = entry
                g.parent[nxt] = node
                queue.append(nxt)
