"""SEC-PACK-001: Chinese packers, from the files and stub classes they leave behind.

A packed app hides its real code, so a finding here also marks the scan's coverage partial.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import AndroidInputs, Context
from scanner.model import Evidence, Finding, Platform, Text


class PackerAnalyzer:
    id: ClassVar[str] = "packers"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = ("SEC-PACK-001",)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        found: dict[str, list[Evidence]] = {}
        for name in inputs.entry_names:
            for pattern, packer in ctx.packers.match(name):
                found.setdefault(packer, []).append(
                    Evidence(
                        location=f"{inputs.package_label}!{name}",
                        symbol=packer,
                        excerpt=pattern,
                    )
                )
        for yara_hit in inputs.yara:
            if yara_hit.rule_id == "SEC-PACK-001":
                packer = yara_hit.meta.get("packer", yara_hit.rule)
                s = yara_hit.strings[0] if yara_hit.strings else None
                found.setdefault(packer, []).append(
                    Evidence(
                        location=yara_hit.location,
                        symbol=yara_hit.rule,
                        excerpt=s.data.decode("utf-8", "replace") if s else "",
                        offset=s.offset if s else None,
                    )
                )
        if not found:
            return
        names = sorted(found)
        ctx.coverage_reasons.append(
            "packer detected (" + ", ".join(names) + "): static coverage partial; "
            "request an unpacked build"
        )
        yield ctx.finding(
            "SEC-PACK-001",
            Text(
                zh="检测到加固：" + "，".join(names) + "。静态检测仅覆盖部分代码。",
                en="Packer detected: " + ", ".join(names) + ". Static coverage is partial.",
            ),
            *(e for n in names for e in found[n]),
        )
