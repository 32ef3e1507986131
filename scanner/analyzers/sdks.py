"""PRIV-SDK-001 (inventory level): the third-party SDKs the code contains."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, Finding, Platform, Text


class SdkInventoryAnalyzer:
    id: ClassVar[str] = "sdks"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-SDK-001",)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        if not inputs.sdks:
            return
        names = [s.name for s in inputs.sdks]
        yield ctx.finding(
            "PRIV-SDK-001",
            Text(
                zh=f"代码中识别到 {len(names)} 个第三方SDK：" + "，".join(names),
                en=f"{len(names)} third-party SDK(s) found in the code: " + ", ".join(names),
            ),
            *(
                Evidence(
                    location=s.evidence[0].location, symbol=s.name, excerpt=s.evidence[0].symbol
                )
                for s in inputs.sdks
                if s.evidence
            ),
        )
