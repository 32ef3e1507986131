"""Rules proven by an API call alone (behaviours.toml [[api_rule]]): device identifiers, the
installed-app list, the clipboard, location, camera and microphone; weak ciphers and WebView
JavaScript bridges.

E2 when code calls the API; E3 when an entry point of the manifest reaches that call, with the
path and, where the call sits in a third-party SDK, its name. Severity: the catalogue's at E3,
one lower at E2; `high_with_permissions` in the manifest makes an E3 finding high (background
location). `outside_user_actions`: a path through a click handler is the user's choice, so it
does not count (the camera opened from a button).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.analyzers.behaviours import _one_per_entry, _owner, _where
from scanner.graph.callgraph import CodeGraph
from scanner.graph.reach import Reach
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.data import ApiRuleSpec
from scanner.rules.sdks import SdkSignature

OwnerOf = Callable[[str], SdkSignature | None]

MAX_PATHS = 3


class ApiRuleAnalyzer:
    id: ClassVar[str] = "api-rules"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (
        "PRIV-DEVID-001",
        "PRIV-APPLIST-001",
        "PRIV-CLIP-001",
        "PRIV-LOC-001",
        "PRIV-CAMMIC-001",
        "PRIV-CONTACT-001",
        "SEC-CRYPTO-001",
        "SEC-WEBVIEW-001",
    )

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        code = inputs.code
        if code is None:
            return
        for spec in ctx.behaviours.api_rules:
            finding = self._rule(spec, inputs, code, ctx)
            if finding is not None:
                yield finding

    def _rule(
        self, spec: ApiRuleSpec, inputs: AndroidInputs, code: CodeEvidence, ctx: Context
    ) -> Finding | None:
        g = code.graph
        permissions = {name for name, _ in inputs.facts.permissions}
        constant = _constant_argument(code) if spec.needs_constant else None
        calls = _calls(g, spec, permissions, constant)  # (calling method, API) pairs
        if not calls:
            return None
        reach = code.reach
        if spec.outside_user_actions:
            actions = ctx.behaviours.preconsent.user_actions

            def by_user(node: int) -> bool:
                return g.names[node].split("->", 1)[1].split("(", 1)[0] in actions

            reach = Reach(g, skip=by_user)
        api_of: dict[int, list[int]] = {}
        for caller, api in calls:
            api_of.setdefault(caller, []).append(api)
        reached = _one_per_entry(reach, (c for c in api_of if reach.reachable(c)))
        apis = sorted({g.short(api) for _, api in calls})
        rule = ctx.catalog[spec.rule]
        note_zh = f"（{spec.note[0]}）" if spec.note[0] else ""
        note_en = f" ({spec.note[1]})" if spec.note[1] else ""
        if not reached:
            evidence = [
                Evidence(
                    location=_where(g, [c]),
                    symbol=g.short(c),
                    excerpt="calls " + ", ".join(g.short(a) for a in apis_called),
                )
                for c, apis_called in sorted(api_of.items())[:MAX_PATHS]
            ]
            return ctx.finding(
                spec.rule,
                Text(
                    zh=f"{rule.title.zh}（E2）：代码调用 {'、'.join(apis[:5])}{note_zh}，"
                    "但没有入口点能到达",
                    en=f"{rule.title.en} (E2): the code calls {', '.join(apis[:5])}{note_en}, "
                    "but no entry point reaches the call",
                ),
                *evidence,
                level=EvidenceLevel.E2,
                severity=rule.severity.lowered(),
            )
        evidence = []
        owners = []
        for caller in reached[:MAX_PATHS]:
            path = [*reach.path(caller), api_of[caller][0]]
            owner = _owner(g, path, ctx)
            if owner is not None:
                owners.append(owner.name)
            evidence.append(
                Evidence(
                    location=_where(g, path),
                    symbol=", ".join(g.short(a) for a in api_of[caller]),
                    excerpt=f"inside {owner.name}" if owner else "",
                    path=tuple(g.short(n) for n in path),
                )
            )
        reached_apis = sorted({g.short(a) for c in api_of if reach.reachable(c) for a in api_of[c]})
        high = bool(set(spec.high_with_permissions) & permissions)
        severity = Severity.HIGH if high else rule.severity
        min_sdk = inputs.facts.min_sdk
        floor = spec.critical_below_min_sdk
        if floor and min_sdk is not None and min_sdk < floor:
            severity = Severity.CRITICAL
        sdk_zh = f"（{'、'.join(dict.fromkeys(owners))}）" if owners else ""
        sdk_en = f" ({', '.join(dict.fromkeys(owners))})" if owners else ""
        start = evidence[0].path[0] if evidence[0].path else ""
        perm_zh = "；已申请后台定位权限" if high else ""
        perm_en = "; background location is requested" if high else ""
        shown = reached_apis[:5]
        return ctx.finding(
            spec.rule,
            Text(
                zh=f"{rule.title.zh}（E3）：{start} 可到达 {'、'.join(shown)}{note_zh}{sdk_zh}"
                f"{perm_zh}",
                en=f"{rule.title.en} (E3): {start} reaches {', '.join(shown)}{note_en}{sdk_en}"
                f"{perm_en}",
            ),
            *evidence,
            level=EvidenceLevel.E3,
            severity=severity,
        )


ConstantArgument = Callable[[int, int, int], bool]  # (caller, API node, argument) -> constant?


def _calls(
    g: CodeGraph,
    spec: ApiRuleSpec,
    permissions: set[str],
    constant: ConstantArgument | None = None,
) -> list[tuple[int, int]]:
    """(caller, API) for every method the dex files define that calls one of the APIs, where
    the API needs a string argument only if the caller uses that string, a constant argument
    only if the caller passes one, other calls only if the caller makes them all, and a
    permission only if the manifest requests it."""
    out = []
    for api in g.matching(spec.apis):
        name = g.names[api]
        required = [p for prefix, p in spec.needs_permission.items() if name.startswith(prefix)]
        if any(not permissions & set(options) for options in required):
            continue
        needed = next((s for p, s in spec.needs_string.items() if name.startswith(p)), None)
        refs = next((r for p, r in spec.needs_reference.items() if name.startswith(p)), None)
        argument = next((a for p, a in spec.needs_constant.items() if name.startswith(p)), None)
        also = next((c for p, c in spec.needs_call.items() if name.startswith(p)), ())
        for caller in g.graph.pred[api]:
            if caller not in g.defined:
                continue
            if needed is not None and not _uses(g.strings(caller), needed):
                continue
            if refs is not None and not _references(g, caller, refs):
                continue
            if argument is not None and (constant is None or not constant(caller, api, argument)):
                continue
            if also and not all(
                any(g.names[t].startswith(c) for t in g.graph.adj[caller]) for c in also
            ):
                continue
            out.append((caller, api))
    return out


def _constant_argument(code: CodeEvidence) -> ConstantArgument:
    """Whether a call of the caller to the API passes a constant as that argument, traced in
    the caller's body (scanner/graph/constants.py; arrays nothing fills count: all zeros)."""
    from scanner.graph.constants import ConstantTracer

    g = code.graph
    tracer = ConstantTracer(code.bodies, g, zero_arrays=True)

    def constant(caller: int, api: int, argument: int) -> bool:
        body = tracer.reader.node_body(g.names[caller])
        if body is None:
            return False
        target = g.names[api]
        for n, ref in body.calls():
            if not target.startswith(f"{ref.cls}->{ref.name}{ref.proto}"):
                continue
            args = body.insns[n].args()
            if argument < len(args) and tracer.safe(body, n, args[argument]) is not None:
                return True
        return False

    return constant


_WEAK_CIPHER = re.compile(
    r"^(DES|DESede|3DES|TripleDES|RC2|RC4|ARCFOUR|Blowfish)(/.*)?$"  # weak algorithms
    r"|^(?!RSA)[^/]+/ECB/"  # ECB mode of a block cipher (RSA/ECB is one RSA block)
)


def weak_cipher(strings: tuple[str, ...]) -> bool:
    """Whether a method that calls Cipher.getInstance names a weak transformation. The
    argument itself is not traced, so: a DES/3DES/RC2/RC4/Blowfish name or an ECB
    transformation anywhere in the method (a DES key spec is DES too), or bare "AES" (ECB by
    default) only when no full transformation is there: `new SecretKeySpec(key, "AES")` beside
    `Cipher.getInstance("AES/CBC/PKCS5Padding")` is not ECB."""
    if any(_WEAK_CIPHER.search(s) for s in strings):
        return True
    return "AES" in strings and not any("/" in s for s in strings)


def _references(g: CodeGraph, caller: int, refs: tuple[str, ...]) -> bool:
    """Whether the caller reads one of the `field:` prefixes or uses a string starting with one
    of the `string:` prefixes."""
    fields = g.fields(caller)
    strings = g.strings(caller)
    for ref in refs:
        kind, _, prefix = ref.partition(":")
        found = fields if kind == "field" else strings
        if any(item.startswith(prefix) for item in found):
            return True
    return False


def _uses(strings: tuple[str, ...], needed: str) -> bool:
    """Whether a method's string constants include `needed`: the exact string, `weak-cipher`
    (see weak_cipher), or with `re:` a regular expression one of them matches."""
    if needed == "weak-cipher":
        return weak_cipher(strings)
    if needed.startswith("re:"):
        pattern = re.compile(needed[3:])
        return any(pattern.search(s) for s in strings)
    return needed in strings


def sdk_calls(
    g: CodeGraph, specs: tuple[ApiRuleSpec, ...], permissions: set[str], owner_of: OwnerOf
) -> dict[str, tuple[str, ...]]:
    """SDK id -> the privacy APIs that SDK's own classes call (`PRIV-DEVID-001:
    TelephonyManager.getDeviceId`), under the same gates as the rules: what the disclosure
    list of an app's SDKs should say each one reaches."""
    out: dict[str, set[str]] = {}
    for spec in specs:
        if not spec.rule.startswith("PRIV-"):
            continue
        for caller, api in _calls(g, spec, permissions):
            owner = owner_of(g.class_of(caller))
            if owner is not None:
                short = g.short(api).rsplit(".", 2)
                out.setdefault(owner.id, set()).add(f"{spec.rule}: {short[-2]}.{short[-1]}")
    return {sdk: tuple(sorted(found)) for sdk, found in out.items()}
