"""Formalism features from YARA signals (keyword and API references), at E1/E2.

DOMAIN.md: a keyword alone is E1, a keyword with the feature's API referenced is E2; both are
reported at info severity as "suspected" and carry needs_review. Higher levels need the code
graph (reachability), which this analyzer does not claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, EvidenceLevel, Finding, Platform, Severity, Text
from scanner.rules.yara_engine import YaraHit, decode_match

MAX_EVIDENCE = 12
FORM_SIGNAL_RULES = ("FORM-CHECKIN-001",)
_FEATURE = {
    "FORM-CHECKIN-001": ("定位打卡签到", "location check-in"),
}


def _evidence(hit: YaraHit) -> Iterator[Evidence]:
    for s in hit.strings:
        yield Evidence(
            location=hit.location,
            symbol=f"{hit.rule}:{s.identifier}",
            excerpt=decode_match(s.data, s.identifier)[:200],
            offset=s.offset,
        )


class FormalismSignalAnalyzer:
    id: ClassVar[str] = "formalism"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = FORM_SIGNAL_RULES

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        for rule_id in FORM_SIGNAL_RULES:
            hits = [h for h in inputs.yara if h.rule_id == rule_id]
            keywords = [h for h in hits if h.signal == "keyword"]
            apis = [h for h in hits if h.signal == "api"]
            if not keywords:
                continue
            level = EvidenceLevel.E2 if apis else EvidenceLevel.E1
            zh, en = _FEATURE[rule_id]
            # The word alone, without the delimiter a regex matched after it (`daka/`).
            words = sorted(
                {
                    decode_match(s.data, s.identifier).rstrip('/_"').removesuffix("\\x00")
                    for h in keywords
                    for s in h.strings
                }
            )
            api_names = sorted({h.meta.get("api", h.rule) for h in apis})
            message = Text(
                zh=f"疑似{zh}（{level.value}）：关键词 {'、'.join(words[:8])}"
                + (f"；引用API {'、'.join(api_names)}" if api_names else "；未见相关API引用"),
                en=f"Suspected {en} ({level.value}): keywords {', '.join(words[:8])}"
                + (
                    f"; APIs referenced: {', '.join(api_names)}"
                    if api_names
                    else "; no API referenced"
                ),
            )
            evidence = [e for h in apis for e in _evidence(h)][: MAX_EVIDENCE // 2]
            evidence += [e for h in keywords for e in _evidence(h)][: MAX_EVIDENCE - len(evidence)]
            yield ctx.finding(rule_id, message, *evidence, level=level, severity=Severity.INFO)
