"""How alike two apps are, from the similarity facts of their reports (DOMAIN.md §4).

Six signals, each a similarity in [0, 1] with the evidence behind it, weighted as DOMAIN.md
§4 sets them: backend .25, function .25, code .20, resources .15, template .10, identity .05.
A signal that one of the two reports cannot show (no hosts or keys, no code graph, no
template marker) is left out and the weights of the others are scaled up: an app without
a backend URL is not thereby different from another. The score is trusted only when the
signals both apps have weigh at least MIN_WEIGHT (code and resources, say).

Kinds (DOMAIN.md §4): S ≥ 0.8, or S ≥ 0.6 with function ≥ 0.7 -> "merge candidate" (the same
business twice); otherwise high code, template or a shared backend with a different function
vector -> "same template, different business" (information only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scanner.cluster.sketch import jaccard, set_jaccard

WEIGHTS: Mapping[str, float] = {
    "backend": 0.25,
    "function": 0.25,
    "code": 0.20,
    "resources": 0.15,
    "template": 0.10,
    "identity": 0.05,
}
MERGE_SCORE = 0.8
OVERLAP_SCORE = 0.6
OVERLAP_FUNCTION = 0.7
TEMPLATE_CODE = 0.6
TEMPLATE_MARKERS = 0.8
TEMPLATE_BACKEND = 0.5
# Fewer own methods than this make a Jaccard of chance (three getters alike): no code signal.
MIN_CODE_TOKENS = 5
MIN_WEIGHT = 0.35  # code and resources together, at least

MERGE = "merge candidate"
TEMPLATE = "same template, different business"
# Launcher class names every generator uses say nothing about a shared template.
GENERIC_LAUNCHERS = frozenset(
    {
        "MainActivity",
        "SplashActivity",
        "WelcomeActivity",
        "LauncherActivity",
        "StartActivity",
        "LoginActivity",
        "HomeActivity",
        "FlutterActivity",
        "PandoraEntry",
    }
)
_MAX_LISTED = 5


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    similarity: float
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two apps compared: the weighted score, each signal, and the kind of link (or None)."""

    score: float
    weight: float  # the weights of the signals both apps have
    signals: tuple[Signal, ...]
    kind: str | None
    reason: str = ""  # which rule of DOMAIN.md §4 made the kind

    def signal(self, name: str) -> float:
        return next((s.similarity for s in self.signals if s.name == name), 0.0)


def _listed(values: list[str]) -> str:
    shown = ", ".join(values[:_MAX_LISTED])
    return shown + (f" (+{len(values) - _MAX_LISTED})" if len(values) > _MAX_LISTED else "")


def _backend(a: Mapping[str, Any], b: Mapping[str, Any]) -> Signal | None:
    ka = {f"{k['name']}={k['value']}" for k in a.get("sdk_keys", [])}
    kb = {f"{k['name']}={k['value']}" for k in b.get("sdk_keys", [])}
    ha, hb = set(a.get("backend_hosts", [])), set(b.get("backend_hosts", []))
    if not (ka or ha) or not (kb or hb):
        return None
    hosts, keys = sorted(ha & hb), sorted(ka & kb)
    sim = set_jaccard({f"host:{h}" for h in ha} | ka, {f"host:{h}" for h in hb} | kb)
    if keys:
        sim = max(sim, 0.9)  # one vendor account: the same system (DOMAIN.md §4, Backend)
    evidence = [f"same backend host {h}" for h in hosts[:_MAX_LISTED]]
    evidence += [f"same SDK app key {k}" for k in keys[:_MAX_LISTED]]
    return Signal("backend", sim, tuple(evidence))


def _function(a: Mapping[str, Any], b: Mapping[str, Any], cross: bool) -> Signal | None:
    fa, fb = set(a.get("features", [])), set(b.get("features", []))
    if cross:  # Android permissions and iOS usage keys do not compare; rules and SDKs do
        fa = {f for f in fa if not f.startswith("perm:")}
        fb = {f for f in fb if not f.startswith("perm:")}
    if not fa or not fb:
        return None
    sim = set_jaccard(fa, fb)
    evidence = [f"function vector similarity {sim:.2f}"]
    if fa - fb or fb - fa:
        only_a = _listed(sorted(fa - fb)) or "nothing"
        only_b = _listed(sorted(fb - fa)) or "nothing"
        evidence.append(f"differs: {only_a} vs {only_b}")
    return Signal("function", sim, tuple(evidence))


def _code(a: Mapping[str, Any], b: Mapping[str, Any]) -> Signal | None:
    ca, cb = a.get("code"), b.get("code")
    if not ca or not cb or min(ca.get("tokens", 0), cb.get("tokens", 0)) < MIN_CODE_TOKENS:
        return None
    sim = jaccard(ca["sketch"], cb["sketch"])
    return Signal(
        "code",
        sim,
        (f"code similarity {sim:.2f} ({ca['tokens']} and {cb['tokens']} own methods)",),
    )


def _resources(a: Mapping[str, Any], b: Mapping[str, Any]) -> Signal | None:
    ra, rb = a.get("resources") or {}, b.get("resources") or {}
    if not ra.get("sketch") or not rb.get("sketch"):
        return None
    sim = jaccard(ra["sketch"], rb["sketch"])
    evidence = [f"resource similarity {sim:.2f} ({ra['files']} and {rb['files']} files)"]
    if ra.get("icon") and ra.get("icon") == rb.get("icon"):
        sim = max(sim, 0.5)  # the same launcher icon: the same look, whatever else differs
        evidence.append("same launcher icon")
    return Signal("resources", sim, tuple(evidence))


def _template_marks(doc: Mapping[str, Any]) -> dict[str, str]:
    t = doc.get("template") or {}
    marks = {}
    if doc.get("framework") and doc["framework"] != "native":
        marks["framework"] = f"same framework {doc['framework']}"
    if t.get("uni_appid"):
        marks[f"appid:{t['uni_appid']}"] = f"same uni-app appid {t['uni_appid']}"
    if t.get("bundle"):
        marks[f"bundle:{t['bundle']}"] = "same hybrid bundle (identical files)"
    launcher = t.get("launcher")
    if launcher and launcher not in GENERIC_LAUNCHERS:
        marks[f"launcher:{launcher}"] = f"same launcher class {launcher}"
    app_class = t.get("application")
    if app_class and app_class not in ("Application", "MultiDexApplication"):
        marks[f"application:{app_class}"] = f"same application class {app_class}"
    if marks.get("framework"):
        marks[f"framework:{doc['framework']}"] = marks.pop("framework")
    return marks


def _template(a: Mapping[str, Any], b: Mapping[str, Any]) -> Signal | None:
    ma, mb = _template_marks(a), _template_marks(b)
    if not ma or not mb:
        return None
    shared = sorted(set(ma) & set(mb))
    sim = len(shared) / len(set(ma) | set(mb))
    return Signal("template", sim, tuple(ma[k] for k in shared))


def _identity(
    a: Mapping[str, Any], b: Mapping[str, Any], id_a: str | None, id_b: str | None
) -> Signal | None:
    """A shared signer or package name (1.0), a shared three-label package prefix (0.5);
    unknown when one app is unsigned and the package names say nothing either way."""
    sa, sb = set(a.get("signers", [])), set(b.get("signers", []))
    shared = sorted(sa & sb)
    if shared:
        return Signal("identity", 1.0, (f"same signer {shared[0][:16]}…",))
    if id_a and id_a == id_b:
        return Signal("identity", 1.0, (f"same package name {id_a}",))
    prefix_a, prefix_b = (id_a or "").split(".")[:3], (id_b or "").split(".")[:3]
    if len(prefix_a) == 3 and prefix_a == prefix_b:
        return Signal("identity", 0.5, (f"same package prefix {'.'.join(prefix_a)}",))
    return Signal("identity", 0.0, ()) if sa and sb else None


def compare(
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    identifier_a: str | None = None,
    identifier_b: str | None = None,
) -> Pair:
    """Score two apps' similarity facts (`facts.similarity` of their reports)."""
    # An APK and an IPA of one app (DOMAIN.md §4: link them first) share ids, endpoints and
    # features; their code and resource files cannot be compared.
    cross = a.get("platform", "android") != b.get("platform", "android")
    found = [
        _backend(a, b),
        _function(a, b, cross),
        None if cross else _code(a, b),
        None if cross else _resources(a, b),
        _template(a, b),
        _identity(a, b, identifier_a, identifier_b),
    ]
    signals = tuple(s for s in found if s is not None)
    weight = sum(WEIGHTS[s.name] for s in signals)
    score = sum(WEIGHTS[s.name] * s.similarity for s in signals) / weight if weight else 0.0
    pair = Pair(score=round(score, 4), weight=round(weight, 4), signals=signals, kind=None)
    kind, reason = _kind(pair)
    return Pair(pair.score, pair.weight, signals, kind, reason)


def _kind(p: Pair) -> tuple[str | None, str]:
    if p.weight < MIN_WEIGHT:
        return None, ""
    function = p.signal("function")  # unknown counts as different: only S >= 0.8 merges then
    if p.score >= MERGE_SCORE:
        return MERGE, f"duplicate: score {p.score:.2f} >= {MERGE_SCORE}"
    if p.score >= OVERLAP_SCORE and function >= OVERLAP_FUNCTION:
        return MERGE, (
            f"functional overlap: score {p.score:.2f} >= {OVERLAP_SCORE}, "
            f"function {function:.2f} >= {OVERLAP_FUNCTION}"
        )
    shared = [
        name
        for name, value, floor in (
            ("code", p.signal("code"), TEMPLATE_CODE),
            ("template markers", p.signal("template"), TEMPLATE_MARKERS),
            ("backend", p.signal("backend"), TEMPLATE_BACKEND),
        )
        if value >= floor
    ]
    if shared:
        return TEMPLATE, f"score {p.score:.2f}; shared {', '.join(shared)}; function {function:.2f}"
    return None, ""
