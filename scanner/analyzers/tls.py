"""SEC-NET-002, TLS trust-all: certificate or host-name checks that accept anything.

Four shapes; the first three are read from the method bodies of the implementations the dex
files define (the app's own and its SDKs', which are named), the fourth from the calls:

- an `X509TrustManager.checkServerTrusted` that returns without throwing and calls nothing
  that could (only logging, string building and Kotlin's parameter checks);
- a `HostnameVerifier.verify` whose every return is the constant true;
- a `WebViewClient.onReceivedSslError` that calls `SslErrorHandler.proceed()` without looking
  at the error, cancelling, or deferring to the default (which cancels);
- a library's accept-all verifier (Apache's `ALLOW_ALL_HOSTNAME_VERIFIER`,
  `AllowAllHostnameVerifier`, `NoopHostnameVerifier`) handed to a `setHostnameVerifier`.

E3 when an entry point reaches the class's constructor or the method itself (the object is
created, so the framework can be handed it), or the setter call, with the path; otherwise E2,
two levels lower:
a trust-all class nobody creates weakens nothing, and must not make a filing blocking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.analyzers.reached import call_finding
from scanner.graph.bodies import RETURN, RETURN_VOID, THROW, MethodBody
from scanner.graph.callgraph import CodeGraph
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Text

RULE = "SEC-NET-002"
MAX_EVIDENCE = 5

_TRUST_MANAGERS = frozenset(
    {"Ljavax/net/ssl/X509TrustManager;", "Ljavax/net/ssl/X509ExtendedTrustManager;"}
)
_VERIFIERS = frozenset({"Ljavax/net/ssl/HostnameVerifier;"})
_WEB_CLIENTS = frozenset({"Landroid/webkit/WebViewClient;", "Lcom/tencent/smtt/sdk/WebViewClient;"})


@dataclass(frozen=True, slots=True)
class _Kind:
    key: str
    supertypes: frozenset[str]
    method: str
    zh: str
    en: str


_KINDS = (
    _Kind(
        "trust-manager",
        _TRUST_MANAGERS,
        "checkServerTrusted",
        "X509TrustManager.checkServerTrusted 不做任何校验即返回（信任所有证书）",
        "X509TrustManager.checkServerTrusted returns without any check (trusts every certificate)",
    ),
    _Kind(
        "hostname-verifier",
        _VERIFIERS,
        "verify",
        "HostnameVerifier.verify 恒返回 true（接受任何主机名）",
        "HostnameVerifier.verify always returns true (accepts any host name)",
    ),
    _Kind(
        "ssl-error-proceed",
        _WEB_CLIENTS,
        "onReceivedSslError",
        "WebViewClient.onReceivedSslError 直接调用 SslErrorHandler.proceed()（忽略证书错误）",
        "WebViewClient.onReceivedSslError calls SslErrorHandler.proceed() (ignores certificate "
        "errors)",
    ),
)

# Calls that cannot reject a certificate: logging, string building, Kotlin's null checks,
# certificate getters used in log lines, and synthetic accessors (`access$000`).
_HARMLESS_CLASSES = (
    "Lkotlin/jvm/internal/Intrinsics;",
    "Ljava/lang/StringBuilder;",
    "Ljava/lang/String;",
    "Ljava/lang/Object;",
    "Ljava/io/PrintStream;",
    "Ljava/security/cert/X509Certificate;",
    "Ljava/security/cert/Certificate;",
    "Ljava/util/Arrays;",
)


# Instructions that put an object in a register (const-string, move-result-object, new-*,
# check-cast, object gets and moves, move-exception).
_OBJECT_WRITES = frozenset(
    {0x07, 0x08, 0x09, 0x0C, 0x0D, 0x1A, 0x1B, 0x1C, 0x1F, 0x22, 0x23, 0x46, 0x54, 0x62}
)


# Logging classes by their simple name: Log, Logger, LogUtils, XLog, InternalLogger, Timber
# (not Login…, Catalog…).
_LOGGING = re.compile(r"^(?:Log(?:Utils?|Helper)?|Timber|\w*Logg?er|\w*Log)$")


def _harmless(cls: str, name: str) -> bool:
    if cls in _HARMLESS_CLASSES or name.startswith("access$"):
        return True
    simple = cls.rsplit("/", 1)[-1].rstrip(";").split("$", 1)[0]
    return bool(_LOGGING.match(simple))


def trusts_all(body: MethodBody) -> bool:
    """checkServerTrusted that cannot fail: no throw, no call that could throw."""
    ops = body.ops()
    if THROW in ops or RETURN_VOID not in ops:
        return False
    return all(_harmless(ref.cls, ref.name) for _, ref in body.calls())


def always_true(body: MethodBody) -> bool:
    """verify that can only return true: every `return` returns a register that the method
    sets, anywhere, only to the constant 1. Looking at every write (not just the nearest)
    keeps out `const/4 v0, 0; goto :return` after a real check; writes of objects (Kotlin's
    parameter-name strings) cannot be a boolean result and do not count."""
    returns = [insn for insn in body.insns if insn.op == RETURN]
    if not returns or THROW in body.ops():
        return False
    for ret in returns:
        reg = ret.units[0] >> 8
        writes = [i for i in body.insns if i.dest() == reg and i.op not in _OBJECT_WRITES]
        if not writes or any(i.literal() != 1 for i in writes):
            return False
    return True


def proceeds(body: MethodBody) -> bool:
    """onReceivedSslError that proceeds, without reading the error, cancelling or calling the
    default implementation (which cancels)."""
    calls = [ref for _, ref in body.calls()]
    proceed = any(r.name == "proceed" and r.cls.endswith("SslErrorHandler;") for r in calls)
    guarded = any(
        r.name in ("cancel", "onReceivedSslError") or r.cls.endswith("/SslError;") for r in calls
    )
    return proceed and not guarded


_TESTS = {
    "trust-manager": trusts_all,
    "hostname-verifier": always_true,
    "ssl-error-proceed": proceeds,
}


# The libraries' own accept-all verifiers, handed to a setter: Apache's
# SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER, AllowAllHostnameVerifier and
# NoopHostnameVerifier (its INSTANCE or a new one).
_VERIFIER_SETTERS = (
    "Lorg/apache/http/conn/ssl/SSLSocketFactory;->setHostnameVerifier",
    "Ljavax/net/ssl/HttpsURLConnection;->setHostnameVerifier",
    "Ljavax/net/ssl/HttpsURLConnection;->setDefaultHostnameVerifier",
    "Lokhttp3/OkHttpClient$Builder;->hostnameVerifier",
)
_ALLOW_ALL_FIELDS = (
    "Lorg/apache/http/conn/ssl/SSLSocketFactory;->ALLOW_ALL_HOSTNAME_VERIFIER",
    "Lorg/apache/http/conn/ssl/NoopHostnameVerifier;->INSTANCE",
)
_ALLOW_ALL_CLASSES = (
    "Lorg/apache/http/conn/ssl/AllowAllHostnameVerifier;-><init>",
    "Lorg/apache/http/conn/ssl/NoopHostnameVerifier;-><init>",
)
_ALLOW_ALL = _Kind(
    "allow-all",
    frozenset(),
    "",
    "将接受任意主机名的 ALLOW_ALL_HOSTNAME_VERIFIER/AllowAllHostnameVerifier 设为主机名校验器",
    "sets ALLOW_ALL_HOSTNAME_VERIFIER / AllowAllHostnameVerifier (accepts any host name) as "
    "the host-name verifier",
)


def _allow_all_calls(g: CodeGraph) -> list[tuple[int, int]]:
    """(method, setter) where the method hands a library's accept-all verifier to a setter."""
    out = []
    allow_classes = g.matching(_ALLOW_ALL_CLASSES)
    for setter in sorted(g.matching(_VERIFIER_SETTERS)):
        for caller in sorted(g.graph.pred[setter]):
            if caller not in g.defined:
                continue
            if any(f.startswith(_ALLOW_ALL_FIELDS) for f in g.fields(caller)) or any(
                n in allow_classes for n in g.graph.adj[caller]
            ):
                out.append((caller, setter))
    return out


class TlsTrustAnalyzer:
    id: ClassVar[str] = "tls"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        code = inputs.code
        if code is None or not code.dexes:
            return
        g = code.graph
        reader = code.bodies
        found: dict[str, list[tuple[str, MethodBody]]] = {}
        # Walked down from the few framework types, not up from each of 10,000+ classes.
        candidates = [(kind, g.subtypes(kind.supertypes)) for kind in _KINDS]
        for cls in g.classes:
            for kind, subtypes in candidates:
                if cls not in subtypes:
                    continue
                # One overload is enough to name the class (X509ExtendedTrustManager has three).
                body = next(
                    (
                        b
                        for b in reader.methods(cls)
                        if b.name == kind.method and _TESTS[kind.key](b)
                    ),
                    None,
                )
                if body is not None:
                    found.setdefault(kind.key, []).append((cls, body))
        for kind in _KINDS:
            if kind.key in found:
                yield self._finding(kind, found[kind.key], code, ctx)
        allow_all = _allow_all_calls(g)
        if allow_all:
            yield call_finding(
                ctx,
                RULE,
                Text(zh=_ALLOW_ALL.zh, en=_ALLOW_ALL.en),
                [(caller, setter, "") for caller, setter in allow_all],
                code,
                dead_lowered_by=2,
            )

    def _finding(
        self, kind: _Kind, hits: list[tuple[str, MethodBody]], code: CodeEvidence, ctx: Context
    ) -> Finding:
        g, reach = code.graph, code.reach
        rule = ctx.catalog[RULE]
        reached: list[tuple[list[int], MethodBody]] = []
        dead: list[MethodBody] = []
        for cls, body in hits:
            method = g.index.get(body.signature)
            info = g.classes[cls]
            # Created (a constructor runs) or the method itself reached.
            starts = [n for key, n in info.methods.items() if key.startswith("<init>(")]
            if method is not None:
                starts.append(method)
            paths = [reach.path(n) for n in starts if reach.reachable(n)]
            if paths and method is not None:
                path = min(paths, key=len)
                reached.append((path if path[-1] == method else [*path, method], body))
            else:
                dead.append(body)
        owners: list[str] = []
        evidence = []
        for path, body in sorted(reached, key=lambda p: len(p[0]))[:MAX_EVIDENCE]:
            owner = ctx.sdk_table.owner(body.cls)
            if owner is not None:
                owners.append(owner.name)
            evidence.append(
                Evidence(
                    location=body.dex.location,
                    symbol=g.short(path[-1]),
                    excerpt=f"inside {owner.name}" if owner else "",
                    path=tuple(g.short(n) for n in path),
                )
            )
        if evidence:
            sdk_zh = f"（{'、'.join(dict.fromkeys(owners))}）" if owners else ""
            sdk_en = f" ({', '.join(dict.fromkeys(owners))})" if owners else ""
            start = evidence[0].path[0]
            return ctx.finding(
                RULE,
                Text(
                    zh=f"{rule.title.zh}（E3）：{kind.zh}；{start} 可到达该类{sdk_zh}",
                    en=f"{rule.title.en} (E3): {kind.en}; {start} reaches the class{sdk_en}",
                ),
                *evidence,
                level=EvidenceLevel.E3,
            )
        for body in dead[:MAX_EVIDENCE]:
            owner = ctx.sdk_table.owner(body.cls)
            evidence.append(
                Evidence(
                    location=body.dex.location,
                    symbol=_short(body),
                    excerpt=f"inside {owner.name}" if owner else "",
                )
            )
        return ctx.finding(
            RULE,
            Text(
                zh=f"{rule.title.zh}（E2）：{kind.zh}，但没有入口点创建或调用该类",
                en=f"{rule.title.en} (E2): {kind.en}, but no entry point creates or calls "
                "the class",
            ),
            *evidence,
            level=EvidenceLevel.E2,
            severity=rule.severity.lowered(2),
        )


def _short(body: MethodBody) -> str:
    return f"{body.cls[1:-1].replace('/', '.')}.{body.name}"
