"""A call graph of the whole app, in networkx, built from the fast dex reader.

Nodes are methods (integers, with their signatures in `CodeGraph.names`); an edge means "can
run next". Beside the invoke instructions, the graph adds what real apps do to reach code:

- virtual and interface dispatch to overriding methods, limited to classes the app ever
  instantiates (rapid type analysis: a listener class nobody creates cannot be called);
- callbacks: the method that creates a listener, Runnable, Thread, Handler, AsyncTask, receiver
  or observer reaches that object's callback methods (onClick, run, handleMessage, onReceive…);
  registering it with the framework is how it would be called, and creating it is the
  registration's precondition;
- lambdas (invoke-custom's method handles) and D8's singleton lambda classes;
- component launches: a method naming a manifest component (const-class or its class name as a
  string) reaches that component's lifecycle methods;
- static initialisers of classes a method instantiates or calls into.

Calls into code that no dex defines (the framework) become leaf nodes named by the framework
class the call resolves to, so `LocationService;->startForeground` reads as
`Landroid/app/Service;->startForeground(…)` when LocationService extends Service.
"""

from __future__ import annotations

import bisect
import gc
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import networkx as nx

from scanner.errors import CorruptPackage
from scanner.graph.dex import DexFile, MethodRef
from scanner.graph.entries import EntryPoint
from scanner.graph.own_code import own_classes

log = logging.getLogger(__name__)

# Callback method names the framework (or a library's executor) calls on objects the app hands
# it. Matching by name over-approximates a little; it is what keeps listeners reachable.
CALLBACK_NAMES = frozenset(
    {
        "run",
        "call",
        "handleMessage",
        "doInBackground",
        "accept",
        "apply",
        "invoke",
        "execute",
        "uncaughtException",
        "shouldOverrideUrlLoading",
        "shouldInterceptRequest",
        "doWork",
        "createWork",
    }
)
# Component lifecycle methods the system calls, beyond every `on*` method.
LIFECYCLE_EXTRA = frozenset(
    {
        "<init>",
        "<clinit>",
        "attachBaseContext",
        "query",
        "insert",
        "update",
        "delete",
        "getType",
        "call",
        "openFile",
        "bulkInsert",
        "applyBatch",
        "run",
        "handleMessage",
    }
)

# The superclass chains of framework classes that apps extend: a call an app class inherits
# is named by its nearest framework superclass (IntentService), and rules name the class that
# declares the method (Service); `matching` bridges the two with this table.
FRAMEWORK_SUPER = {
    "Landroid/app/IntentService;": "Landroid/app/Service;",
    "Landroid/app/Service;": "Landroid/content/ContextWrapper;",
    "Landroid/app/Application;": "Landroid/content/ContextWrapper;",
    "Landroid/app/Activity;": "Landroid/view/ContextThemeWrapper;",
    "Landroid/app/ListActivity;": "Landroid/app/Activity;",
    "Landroid/app/TabActivity;": "Landroid/app/ActivityGroup;",
    "Landroid/app/ActivityGroup;": "Landroid/app/Activity;",
    "Landroid/preference/PreferenceActivity;": "Landroid/app/ListActivity;",
    "Landroid/view/ContextThemeWrapper;": "Landroid/content/ContextWrapper;",
    "Landroid/content/ContextWrapper;": "Landroid/content/Context;",
    "Landroid/content/Context;": "Ljava/lang/Object;",
    "Landroid/content/BroadcastReceiver;": "Ljava/lang/Object;",
    "Landroid/content/ContentProvider;": "Ljava/lang/Object;",
    "Landroid/os/Handler;": "Ljava/lang/Object;",
    "Landroid/os/AsyncTask;": "Ljava/lang/Object;",
    "Ljava/lang/Thread;": "Ljava/lang/Object;",
    "Landroid/webkit/WebView;": "Landroid/widget/AbsoluteLayout;",
    "Landroid/widget/AbsoluteLayout;": "Landroid/view/ViewGroup;",
    "Landroid/view/ViewGroup;": "Landroid/view/View;",
    "Landroid/view/View;": "Ljava/lang/Object;",
}


def framework_ancestors(cls: str) -> Iterator[str]:
    """`cls` and its known framework superclasses, nearest first."""
    seen = set()
    while cls and cls not in seen:
        seen.add(cls)
        yield cls
        cls = FRAMEWORK_SUPER.get(cls, "")


def _with_framework_subclasses(prefixes: Iterable[str]) -> list[str]:
    """The prefixes, plus the same method on framework subclasses of its class: a call an app
    class inherits from ListActivity is named `Landroid/app/ListActivity;->…`, and is still
    `Activity.startActivityForResult` to a rule."""
    out = []
    for prefix in prefixes:
        out.append(prefix)
        cls, sep, rest = prefix.partition("->")
        if sep:
            out.extend(
                f"{sub}->{rest}"
                for sub in FRAMEWORK_SUPER
                if sub != cls and cls in framework_ancestors(sub)
            )
    return out


@dataclass(slots=True)
class ClassInfo:
    descriptor: str
    superclass: str | None
    interfaces: tuple[str, ...]
    location: str
    methods: dict[str, int] = field(default_factory=dict)  # "name(proto)" -> node


class CodeGraph:
    """The graph plus what it needs to explain a path: method names, classes, strings."""

    def __init__(self) -> None:
        self.graph: Any = nx.DiGraph()
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        self.defined: set[int] = set()  # methods some dex defines (app, SDK or bundled library)
        self.classes: dict[str, ClassInfo] = {}
        self._strings: dict[int, tuple[DexFile, tuple[int, ...]]] = {}
        self.resources: dict[int, tuple[int, ...]] = {}  # method -> app resource ids it loads
        self._fields: dict[int, tuple[DexFile, tuple[int, ...]]] = {}
        self.location: dict[int, str] = {}  # defined method -> dex it is in
        self.entries: dict[int, EntryPoint] = {}  # lifecycle method -> its component
        self.errors: list[str] = []
        self._sorted_names: list[str] = []  # `names` in sorted order, for prefix search
        self._sorted_nodes: list[int] = []  # the node of each of those names
        self._subclasses: dict[str, list[str]] | None = None
        self._own: tuple[Callable[[str], object | None], list[str]] | None = None

    # -- edges ------------------------------------------------------------------------------
    # The adjacency dictionaries the DiGraph holds (node -> {neighbour: edge data}), read-only,
    # for loops over many nodes: networkx's `adj[node]` builds a view object on every call.

    @property
    def succ(self) -> Mapping[int, Mapping[int, Mapping[str, str]]]:
        return self.graph._succ  # type: ignore[no-any-return]

    @property
    def pred(self) -> Mapping[int, Mapping[int, Mapping[str, str]]]:
        return self.graph._pred  # type: ignore[no-any-return]

    # -- nodes ------------------------------------------------------------------------------

    def node(self, signature: str) -> int:
        n = self.index.get(signature)
        if n is None:
            n = len(self.names)
            self.names.append(signature)
            self.index[signature] = n
        return n

    def class_of(self, node: int) -> str:
        return self.names[node].split("->", 1)[0]

    def short(self, node: int) -> str:
        """`Lcom/a/B$1;->onClick(Landroid/view/View;)V` -> `com.a.B$1.onClick`."""
        cls, _, rest = self.names[node].partition("->")
        return f"{cls[1:-1].replace('/', '.')}.{rest.split('(', 1)[0]}"

    # -- hierarchy --------------------------------------------------------------------------

    def app_chain(self, cls: str) -> Iterator[ClassInfo]:
        """`cls` and its superclasses that some dex defines, nearest first."""
        seen = set()
        info = self.classes.get(cls)
        while info is not None and info.descriptor not in seen:
            seen.add(info.descriptor)
            yield info
            info = self.classes.get(info.superclass or "")

    @property
    def subclasses(self) -> dict[str, list[str]]:
        """Direct subclasses and implementers of each type, among the classes the dex files
        define (built once, on first use)."""
        if self._subclasses is None:
            index: dict[str, list[str]] = {}
            for info in self.classes.values():
                if info.superclass:
                    index.setdefault(info.superclass, []).append(info.descriptor)
                for iface in info.interfaces:
                    index.setdefault(iface, []).append(info.descriptor)
            self._subclasses = index
        return self._subclasses

    def own_classes(self, sdk_owner: Callable[[str], object | None]) -> list[str]:
        """The app's own classes (scanner/graph/own_code.py): three rules ask, once per graph."""
        if self._own is None or self._own[0] != sdk_owner:
            self._own = (sdk_owner, own_classes(self.classes, sdk_owner))
        return self._own[1]

    def subtypes(self, roots: Iterable[str]) -> set[str]:
        """Defined classes that extend or implement any of `roots`, directly or not: a walk
        down from the roots, rather than up from every class."""
        index = self.subclasses
        out: set[str] = set()
        stack = [c for r in roots for c in index.get(r, ())]
        while stack:
            cls = stack.pop()
            if cls not in out:
                out.add(cls)
                stack.extend(index.get(cls, ()))
        return out

    def framework_base(self, cls: str) -> str:
        """The first superclass of `cls` that no dex defines (the framework class)."""
        last = cls
        for info in self.app_chain(cls):
            last = info.superclass or "Ljava/lang/Object;"
        return last

    def matching(self, prefixes: Iterable[str]) -> set[int]:
        """Nodes whose signature starts with one of `prefixes` (`Lpkg/Cls;->name`, or a
        package `Lpkg/`), found through a sorted index rather than a scan of every node."""
        if len(self._sorted_nodes) != len(self.names):
            # Sorted once per graph (and again only if nodes were added since): every analyzer
            # asks, and a fresh sort of 100,000+ names each time cost half a second on big apps.
            names = self.names
            self._sorted_nodes = sorted(range(len(names)), key=names.__getitem__)
            self._sorted_names = [names[n] for n in self._sorted_nodes]
        keys, nodes = self._sorted_names, self._sorted_nodes
        out: set[int] = set()
        for prefix in _with_framework_subclasses(prefixes):
            i = bisect.bisect_left(keys, prefix)
            while i < len(keys) and keys[i].startswith(prefix):
                out.add(nodes[i])
                i += 1
        return out

    def fields(self, node: int) -> tuple[str, ...]:
        """Fields a method reads or writes (`Lcls;->name:Ltype;`), decoded on demand."""
        found = self._fields.get(node)
        if found is None:
            return ()
        dex, indexes = found
        out = []
        for i in indexes:
            ref = dex.field_ref(i)
            out.append(f"{ref.cls}->{ref.name}:{ref.type}")
        return tuple(dict.fromkeys(out))

    def strings(self, node: int) -> tuple[str, ...]:
        """The string constants a method uses, decoded on demand (most are never asked for)."""
        found = self._strings.get(node)
        if found is None:
            return ()
        dex, indexes = found
        return tuple(dex.string(i) for i in indexes)


def build(
    dex_files: Iterable[DexFile],
    entries: Iterable[EntryPoint],
    declared: Callable[[], None] | None = None,
    click_handlers: Callable[[int], tuple[str, ...]] | None = None,
) -> CodeGraph:
    """Build the whole-app graph from every dex (in class-loader order); `entries` come from
    the manifest. `declared` is called once the classes are declared and before any code is
    read: the last moment before the graph's memory grows (the scan ends its worker there).
    `click_handlers`: a layout's `android:onClick` method names, by resource id."""
    # Building creates millions of small containers and no reference cycles; the cyclic
    # collector would rescan them again and again (a third of the build time on big apps).
    # Frozen afterwards, so the first collections after the build do not walk them all once
    # more (0.2 s on Yosemite); the scan unfreezes when it is done with the graph.
    enabled = gc.isenabled()
    gc.disable()
    try:
        graph = _build(dex_files, entries, declared, click_handlers)
        gc.freeze()
        return graph
    finally:
        if enabled:
            gc.enable()


def _build(
    dex_files: Iterable[DexFile],
    entries: Iterable[EntryPoint],
    declared: Callable[[], None] | None,
    click_handlers: Callable[[int], tuple[str, ...]] | None = None,
) -> CodeGraph:
    g = CodeGraph()
    entry_list = list(entries)
    dexes = [(dex, _declare(g, dex)) for dex in dex_files]
    if declared is not None:
        declared()
    b = _Builder(g, entry_list)
    for dex, nodes in dexes:
        b.read_code(dex, nodes)
        g.errors.extend(dex.errors[:20])
    if click_handlers is not None:
        b.layout_clicks(click_handlers)
    b.dispatch_edges()
    g.graph = _digraph(len(g.names), b.succ)
    for entry in entry_list:
        for node in _lifecycle(g, entry.component):
            g.entries.setdefault(node, entry)
    return g


_PLAIN: Mapping[str, str] = MappingProxyType({})


def _digraph(n_nodes: int, succ: dict[int, dict[int, Mapping[str, str]]]) -> Any:
    """A networkx DiGraph filled in bulk.

    `add_edges_from` checks and copies each of several hundred thousand edges one by one, a
    third of the graph's build time; this fills the adjacency dictionaries networkx keeps
    (`_succ`/`_adj`, `_pred`, `_node`; networkx is pinned). Edge data is read-only and shared
    (an empty mapping for plain invokes, one `{"kind": …}` per derived kind): the graph is a
    record of the code, not a workspace.
    """
    # Nodes with no edges that way, and every node's attributes, share one empty dict: nothing
    # writes to the graph after this, and 100,000+ dicts fewer are 0.1 s and 20 MiB on big apps.
    none: dict[int, Mapping[str, str]] = {}
    full_succ: dict[int, dict[int, Mapping[str, str]]] = dict.fromkeys(range(n_nodes), none)
    full_succ.update(succ)
    into: defaultdict[int, dict[int, Mapping[str, str]]] = defaultdict(dict)
    for u, targets in succ.items():
        for v, data in targets.items():
            into[v][u] = data
    pred: dict[int, dict[int, Mapping[str, str]]] = dict.fromkeys(range(n_nodes), none)
    pred.update(into)
    graph = nx.DiGraph()
    no_attributes: dict[str, Any] = {}
    graph._node = dict.fromkeys(range(n_nodes), no_attributes)  # shared on purpose, read-only
    graph._succ = graph._adj = full_succ
    graph._pred = pred
    return graph


def _declare(g: CodeGraph, dex: DexFile) -> dict[int, int]:
    """Classes and their methods' nodes: known before any code is read, so calls resolve.
    Returns this dex's defined methods as method index -> node."""
    # `CodeGraph.node` inlined, and the per-method bookkeeping done in bulk at the end: this
    # loop runs once per defined method (115,000 on Yosemite.apk).
    nodes: dict[int, int] = {}
    classes, names, index = g.classes, g.names, g.index
    location = dex.location
    method_key = dex.method_key
    for cls in dex.classes:
        descriptor = cls.descriptor
        if descriptor in classes:
            continue  # the first dex defining a class wins, as in the class loader
        info = ClassInfo(descriptor, cls.superclass, cls.interfaces, location)
        classes[descriptor] = info
        methods = info.methods
        prefix = descriptor + "->"
        for method in cls.direct_methods + cls.virtual_methods:
            idx = method.method_idx
            try:
                key = method_key(idx)
            except CorruptPackage as exc:
                g.errors.append(str(exc))
                continue
            signature = prefix + key
            node = index.get(signature)
            if node is None:
                node = index[signature] = len(names)
                names.append(signature)
            methods[key] = node
            nodes[idx] = node
    g.defined.update(nodes.values())
    g.location.update(dict.fromkeys(nodes.values(), location))
    return nodes


_KIND = {
    k: MappingProxyType({"kind": k}) for k in ("lambda", "dispatch", "callback", "clinit", "intent")
}


class _Builder:
    """Edges from code, with the per-dex caches that make 300,000 invokes cheap to resolve.

    Edges go straight into adjacency dictionaries (`succ[src][dst] = edge data`): a plain
    invoke is `_PLAIN`; other edges carry their kind, and an invoke wins over a derived kind.
    """

    def __init__(self, g: CodeGraph, entries: list[EntryPoint]) -> None:
        self.g = g
        self.succ: dict[int, dict[int, Mapping[str, str]]] = {}
        self.instantiated: set[str] = {e.component for e in entries}
        self.components = {e.component for e in entries}
        # App methods called virtually (signature) -> the methods calling them.
        self.virtual_calls: dict[str, set[int]] = {}
        self._callbacks: dict[str, tuple[int, ...]] = {}
        self._lifecycle: dict[str, tuple[int, ...]] = {}
        self._targets: dict[str, tuple[int, str | None, int | None]] = {}

    def _edges(self, src: int, targets: Iterable[int], kind: str) -> None:
        out = self.succ.get(src)
        if out is None:
            out = self.succ[src] = {}
        data = _KIND[kind]
        for dst in targets:
            if dst not in out:
                out[dst] = data

    def read_code(self, dex: DexFile, nodes: dict[int, int]) -> None:
        # Runs once per method with code (100,000 on big apps) and once per invoke (300,000):
        # everything that depends only on an index is resolved once per dex and kept in lists
        # indexed by it, and edges go straight into the adjacency dictionaries.
        g = self.g
        resolved: list[tuple[int, str | None, int | None] | None] = [None] * dex.n_methods
        created: list[tuple[int, ...] | None] = [None] * dex.n_types
        singletons: list[tuple[int, ...] | None] = [None] * dex.n_fields  # a singleton's callbacks
        launch_strings = self._launch_strings(dex)
        launch_ids = launch_strings.keys()
        components = self.components
        succ = self.succ
        strings_of, fields_of, resources_of = g._strings, g._fields, g.resources
        virtual_calls = self.virtual_calls
        plain, clinit_edge, callback_edge = _PLAIN, _KIND["clinit"], _KIND["callback"]
        for cls in dex.classes:
            for method in cls.direct_methods + cls.virtual_methods:
                src = nodes.get(method.method_idx)
                if src is None or not method.code_off:
                    continue  # a class another dex already defined, or no code
                code = dex.code(method)
                if code is None:
                    continue
                out = succ.get(src)
                if out is None:
                    out = succ[src] = {}
                strings = code.strings
                if strings:
                    strings_of[src] = (dex, tuple(strings))
                if code.resources:
                    resources_of[src] = tuple(code.resources)
                reads = code.fields_read
                if reads or code.fields_written:
                    fields_of[src] = (dex, (*reads, *code.fields_written))
                for kind, idx in code.invokes:
                    if kind == "custom":  # invoke-custom: the lambda's body runs when called
                        handles = dex.call_site(idx).method_handles
                        self._edges(src, (_resolve(g, h) for h in handles), "lambda")
                        continue
                    target = resolved[idx]
                    if target is None:
                        target = resolved[idx] = self._target(dex, idx)
                    dst, dispatched, init = target
                    out[dst] = plain
                    if dispatched is not None and (kind == "virtual" or kind == "interface"):
                        callers = virtual_calls.get(dispatched)
                        if callers is None:
                            callers = virtual_calls[dispatched] = set()
                        callers.add(src)
                    elif init is not None and kind == "static" and init not in out:
                        out[init] = clinit_edge
                for t in code.types_instantiated:
                    callbacks = created[t]
                    if callbacks is None:
                        callbacks = created[t] = self._created(dex.type_name(t))
                    for dst in callbacks:
                        if dst not in out:
                            out[dst] = callback_edge
                for fidx in reads:
                    # `X.INSTANCE` of type X: D8's singleton lambdas and Kotlin objects.
                    callbacks = singletons[fidx]
                    if callbacks is None:
                        singleton = dex.field_type_is_class(fidx)
                        callbacks = singletons[fidx] = (
                            self._created(singleton) if singleton is not None else ()
                        )
                    if callbacks:
                        for dst in callbacks:
                            if dst not in out:
                                out[dst] = callback_edge
                for t in code.classes_referenced:
                    name = dex.type_name(t)
                    if name in components:
                        self._launch(src, name)
                if strings and not launch_ids.isdisjoint(strings):
                    for sidx in strings:
                        if sidx in launch_strings:
                            self._launch(src, launch_strings[sidx])

    def _target(self, dex: DexFile, idx: int) -> tuple[int, str | None, int | None]:
        """Where a call to method `idx` of `dex` lands; the signature to dispatch on when the
        declaring class is the app's (a framework type's implementers are reached through
        callback edges, see `_Dispatch.overrides`); and the class's static initialiser.
        Kept by signature too: each dex of a multidex app calls the same library methods."""
        cls = dex.method_class(idx)
        key = dex.method_key(idx)
        signature = f"{cls}->{key}"
        target = self._targets.get(signature)
        if target is None:
            g = self.g
            dispatched = signature if cls in g.classes else None
            target = (_resolve_key(g, cls, key), dispatched, _clinit(g, cls))
            self._targets[signature] = target
        return target

    def _created(self, cls: str) -> tuple[int, ...]:
        """An object of `cls` is created: the methods this makes reachable (its callbacks and
        static initialiser), and `cls` counts as instantiated for dispatch."""
        if cls not in self.g.classes:
            return ()
        self.instantiated.add(cls)
        callbacks = self._callbacks.get(cls)
        if callbacks is None:
            callbacks = tuple(_callbacks(self.g, cls))
            init = _clinit(self.g, cls)
            if init is not None:
                callbacks = (*callbacks, init)
            self._callbacks[cls] = callbacks
        return callbacks

    def _launch(self, src: int, component: str) -> None:
        nodes = self._lifecycle.get(component)
        if nodes is None:
            nodes = self._lifecycle.setdefault(component, tuple(_lifecycle(self.g, component)))
        self._edges(src, nodes, "intent")

    def _launch_strings(self, dex: DexFile) -> dict[int, str]:
        """String ids naming a manifest component (`com.app.MainActivity`): dex string tables
        are sorted, so each name is a binary search, not a decode of every string."""
        out = {}
        for component in self.components:
            idx = dex.find_string(component[1:-1].replace("/", "."))
            if idx is not None:
                out[idx] = component
        return out

    def layout_clicks(self, click_handlers: Callable[[int], tuple[str, ...]]) -> None:
        """`android:onClick="verify"` in a layout: the activity that shows it (the class of
        the method loading the layout's id) has `verify(View)` called on a tap."""
        g = self.g
        for src, res_ids in g.resources.items():
            cls = g.class_of(src)
            for res_id in res_ids:
                for name in click_handlers(res_id):
                    key = f"{name}(Landroid/view/View;)V"
                    target = next(
                        (i.methods[key] for i in g.app_chain(cls) if key in i.methods), None
                    )
                    if target is not None:
                        self._edges(src, (target,), "callback")

    def dispatch_edges(self) -> None:
        dispatch = _Dispatch(self.g, self.instantiated, self.g.subclasses)
        for signature, callers in self.virtual_calls.items():
            overrides = dispatch.overrides(signature)
            if overrides:
                for src in callers:
                    self._edges(src, overrides, "dispatch")


def _resolve(g: CodeGraph, ref: MethodRef) -> int:
    """The node a call to `ref` lands on: the defining app method, else a framework leaf."""
    return _resolve_key(g, ref.cls, ref.name + ref.proto)


def _resolve_key(g: CodeGraph, cls: str, key: str) -> int:
    """The node a call to `cls`'s method `key` (`name(proto)`) lands on."""
    info = g.classes.get(cls)
    if info is None:
        return g.node(f"{cls}->{key}")  # the framework's, or a class no dex defines
    # The class and its superclasses that the dex files define; a hostile dex can make the
    # chain a cycle, so the walk is bounded (no real hierarchy is 100 app classes deep).
    for _ in range(100):
        node = info.methods.get(key)
        if node is not None:
            return node
        info = g.classes.get(info.superclass or "")
        if info is None:
            break
    # Inherited from the framework: name the framework class that declares it.
    return g.node(f"{g.framework_base(cls)}->{key}")


# A call on an app type with more overriding classes than this is megamorphic: fanning out to
# every override would make them all look called from everywhere. Such calls keep only their
# resolved target.
MAX_DISPATCH_TARGETS = 24


class _Dispatch:
    """Overrides of app methods in the subtypes the app instantiates."""

    def __init__(
        self, g: CodeGraph, instantiated: set[str], subclasses: dict[str, list[str]]
    ) -> None:
        self.g = g
        self.instantiated = instantiated
        self.subclasses = subclasses
        self._subtypes: dict[str, tuple[str, ...]] = {}

    def subtypes(self, cls: str) -> tuple[str, ...]:
        """Instantiated subclasses and implementers of `cls`, transitively."""
        found = self._subtypes.get(cls)
        if found is None:
            out: list[str] = []
            stack = list(self.subclasses.get(cls, ()))
            seen: set[str] = set()
            while stack:
                c = stack.pop()
                if c in seen:
                    continue
                seen.add(c)
                stack.extend(self.subclasses.get(c, ()))
                if c in self.instantiated:
                    out.append(c)
            found = tuple(out)
            self._subtypes[cls] = found
        return found

    def overrides(self, signature: str) -> tuple[int, ...]:
        """Methods overriding `signature` (`Lcls;->name(proto)`) in instantiated subtypes of
        its class; none for a framework or JDK type (Object.toString, Closeable.close,
        Runnable.run): any class could be behind it, and fanning out would make every
        implementer look called from everywhere. Objects the app hands to the framework are
        reached through callback edges from where they are created instead."""
        cls, key = signature.split("->", 1)
        if cls not in self.g.classes:
            return ()
        nodes = []
        for sub in self.subtypes(cls):
            node = self.g.classes[sub].methods.get(key)
            if node is not None:
                nodes.append(node)
        return tuple(nodes) if len(nodes) <= MAX_DISPATCH_TARGETS else ()


def _framework_called(g: CodeGraph, cls: str, extra: frozenset[str]) -> Iterator[int]:
    """Methods of an app class and its app superclasses that the framework calls: every `on*`
    method, and the names in `extra`."""
    for info in g.app_chain(cls):
        for key, node in info.methods.items():
            name = key.split("(", 1)[0]
            if name.startswith("on") or name in extra:
                yield node


def _callbacks(g: CodeGraph, cls: str) -> Iterator[int]:
    """What runs when an object of `cls` is handed to the framework as a listener or task."""
    return _framework_called(g, cls, CALLBACK_NAMES)


def _lifecycle(g: CodeGraph, cls: str) -> Iterator[int]:
    """What the system calls on a component of class `cls`."""
    return _framework_called(g, cls, LIFECYCLE_EXTRA)


def _clinit(g: CodeGraph, cls: str) -> int | None:
    info = g.classes.get(cls)
    return info.methods.get("<clinit>()V") if info else None
