"""SEC-NATIVE-001: native libraries built without the usual hardening."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, Finding, Platform, Text


class NativeAnalyzer:
    id: ClassVar[str] = "native"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("SEC-NATIVE-001",)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        weak = [lib for lib in inputs.native if lib.weaknesses]
        if not weak:
            return
        names = sorted({lib.name.rsplit("/", 1)[-1] for lib in weak})
        yield ctx.finding(
            "SEC-NATIVE-001",
            Text(
                zh=f"{len(weak)} 个原生库缺少加固选项：{', '.join(names[:10])}",
                en=f"{len(weak)} native librar{'y lacks' if len(weak) == 1 else 'ies lack'} "
                f"hardening: {', '.join(names[:10])}",
            ),
            *(
                Evidence(location=lib.location, symbol=lib.abi, excerpt="; ".join(lib.weaknesses))
                for lib in weak
            ),
        )
