"""PRIV-SDK-001 (inventory level): the third-party SDKs the code contains."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, Finding, Platform, SdkMatch, Text


class SdkInventoryAnalyzer:
    id: ClassVar[str] = "sdks"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-SDK-001",)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        yield from sdk_inventory(inputs.sdks, ctx)


def sdk_inventory(sdks: Sequence[SdkMatch], ctx: Context) -> Iterator[Finding]:
    """The PRIV-SDK-001 inventory finding, on either platform."""
    if not sdks:
        return
    # The same SDK can match in both tables (Exodus and the Chinese additions): list it once,
    # under the first name, when the two matched the very same classes.
    seen: dict[tuple[str, ...], str] = {}
    for s in sdks:
        seen.setdefault(tuple(e.symbol for e in s.evidence), s.name)
    names = list(dict.fromkeys(seen.values()))
    yield ctx.finding(
        "PRIV-SDK-001",
        Text(
            zh=f"代码中识别到 {len(names)} 个第三方SDK：" + "，".join(names),
            en=f"{len(names)} third-party SDK(s) found in the code: " + ", ".join(names),
        ),
        *(
            Evidence(location=s.evidence[0].location, symbol=s.name, excerpt=s.evidence[0].symbol)
            for s in sdks
            if s.evidence
        ),
    )
