"""SEC-NET-002 on iOS, TLS trust-all, in the app's own code (scanner/analyzers/ios/own_bundles.py):

- an authentication-challenge delegate method (`URLSession:didReceiveChallenge:
  completionHandler:`, its per-task form, or NSURLConnection's `connection:
  willSendRequestForAuthenticationChallenge:`) that makes a credential from the server trust
  (`credentialForTrust:` / `initWithTrust:`) and evaluates nothing: no `SecTrustEvaluate*`,
  no certificate or key read from the trust (pinning), in the method or the app functions
  it calls (two hops), and no selector that hands the trust to a checker (`evaluate…`,
  `validate…`, `verify…`, `…pin…`: AFNetworking's `evaluateServerTrust:forDomain:`);
- AFNetworking's `AFSecurityPolicy setAllowInvalidCertificates:` sent from the app's own
  code with no pinning mode set in the same function (`policyWithPinningMode:…`). The BOOL
  argument is in a register the reader does not decode, so the message says the value was
  not read: `= NO` is rare in code, the default being NO already.

E3 when an entry point reaches the delegate method (the graph reaches a delegate callback
through its class's methods that register the object with the framework) or a function that
creates the delegate's class, with the path; otherwise E2 two levels lower, as on Android: a
trust-all class nobody creates weakens nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Final

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.own_bundles import Hit, class_of, function_finding, own_code
from scanner.facts.macho import MachOSlice
from scanner.graph.ios import IosGraph
from scanner.model import Finding, Platform, Text

RULE = "SEC-NET-002"
EVALUATION_HOPS = 2

CHALLENGES: Final = frozenset(
    {
        "URLSession:didReceiveChallenge:completionHandler:",
        "URLSession:task:didReceiveChallenge:completionHandler:",
        "connection:willSendRequestForAuthenticationChallenge:",
    }
)
_TRUST_CREDENTIALS: Final = frozenset({"credentialForTrust:", "initWithTrust:"})
# Security calls that evaluate the trust or read its certificates and keys (pinning).
_EVALUATIONS: Final = re.compile(
    r"^_(?:SecTrustEvaluate|SecTrustGetCertificate|SecTrustCopyCertificateChain|"
    r"SecTrustCopyPublicKey|SecTrustCopyKey|SecCertificateCopyData|SecTrustSetAnchorCertificates)"
)
# A selector that passes the trust to a checker (the app's, or a library's).
_CHECKERS: Final = re.compile(r"(?i)evaluat|validat|verif|pinn|checkServerTrust")
_ALLOW_INVALID: Final = "setAllowInvalidCertificates:"
_PINNING: Final = frozenset(
    {
        "policyWithPinningMode:",
        "policyWithPinningMode:withPinnedCertificates:",
        "setPinnedCertificates:",
        "setSSLPinningMode:",
    }
)
# AFNetworking's own classes set these on themselves (`self.validatesDomainName = YES`).
_AFNETWORKING: Final = re.compile(r"^AF[A-Z]")

_TRUST_ALL = Text(
    zh="在认证质询回调中直接用服务器证书链创建凭据（credentialForTrust:），未做任何校验（信任所有证书）",
    en="answers the authentication challenge with a credential made from the server trust "
    "(credentialForTrust:) without evaluating it (trusts every certificate)",
)
_AFN = Text(
    zh="设置 AFSecurityPolicy.allowInvalidCertificates（未设置证书锁定模式；参数值未能读取，"
    "通常为 YES）",
    en="sets AFSecurityPolicy.allowInvalidCertificates with no pinning mode (the BOOL argument "
    "is not read; setting it is usually YES)",
)


class IosTlsTrustAnalyzer:
    id: ClassVar[str] = "ios-tls"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        trust_all: list[Hit] = []
        afn: list[Hit] = []
        for _b, s, g in own_code(inputs):
            trust_all.extend(_trust_all(s, g))
            afn.extend(_allow_invalid(s, g))
        if trust_all:
            yield function_finding(ctx, RULE, _TRUST_ALL, trust_all, dead_lowered_by=2)
        if afn:
            yield function_finding(ctx, RULE, _AFN, afn, dead_lowered_by=2)


def _callees(s: MachOSlice, g: IosGraph | None, start: int, hops: int) -> set[int]:
    """`start` and the app functions it calls (or sends to) within `hops`."""
    seen = {start}
    frontier = {start}
    for _ in range(hops):
        nxt: set[int] = set()
        for node in frontier:
            if g is not None:
                nxt.update(g.graph.adj[node])
            else:
                nxt.update(t for t in s.functions[node].calls if t in s.functions)
        frontier = nxt - seen
        seen |= frontier
    return seen


def _evaluates(s: MachOSlice, g: IosGraph | None, method: int) -> bool:
    if any(_CHECKERS.search(sel) for sel in s.functions[method].selectors):
        return True
    return any(
        _EVALUATIONS.match(imp)
        for node in _callees(s, g, method, EVALUATION_HOPS)
        for imp in s.functions[node].imports
    )


def _trust_all(s: MachOSlice, g: IosGraph | None) -> Iterator[Hit]:
    for (cls, selector, _is_class), address in sorted(s.methods.items()):
        if selector not in CHALLENGES or address not in s.functions:
            continue
        f = s.functions[address]
        if not f.selectors & _TRUST_CREDENTIALS or _evaluates(s, g, address):
            continue
        api = f"-[{cls} {selector}]"
        note = "credentialForTrust: without SecTrustEvaluate"
        yield Hit(s, g, address, api, note, _creator(s, g, cls))


def _creator(s: MachOSlice, g: IosGraph | None, cls: str) -> int | None:
    """A reached function that loads `cls` (creates the delegate object), nearest first."""
    if g is None:
        return None
    found = [a for a, f in s.functions.items() if cls in f.classes and g.reachable(a)]
    return min(found, key=lambda a: (len(g.path(a)), a)) if found else None


def _allow_invalid(s: MachOSlice, g: IosGraph | None) -> Iterator[Hit]:
    for address, f in sorted(s.functions.items()):
        if _ALLOW_INVALID not in f.selectors or f.selectors & _PINNING:
            continue
        if _AFNETWORKING.match(class_of(f.name or "")):
            continue
        extra = "; also setValidatesDomainName:" if "setValidatesDomainName:" in f.selectors else ""
        yield Hit(s, g, address, f"AFSecurityPolicy {_ALLOW_INVALID}", f"argument not read{extra}")
