"""Mach-O hardening of every executable and framework binary (SEC-NATIVE-001, iOS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.facts.macho import MachOSlice
from scanner.model import Evidence, Finding, Platform, Text

_OBJC_RUNTIME = "/usr/lib/libobjc.A.dylib"


def weaknesses(s: MachOSlice) -> list[str]:
    out = []
    if s.filetype == "EXECUTE" and not s.pie:
        out.append("not position-independent (no PIE)")
    if not s.canary:
        out.append("no stack canary (___stack_chk_guard not imported)")
    uses_objc = any(lib.name == _OBJC_RUNTIME for lib in s.libraries) or bool(s.defined_classes)
    if uses_objc and not s.arc:
        out.append("Objective-C without ARC (objc_release not imported)")
    if s.allow_stack_execution:
        out.append("executable stack (MH_ALLOW_STACK_EXECUTION)")
    absolute = [r for r in s.rpaths if r.startswith("/") and not r.startswith("/usr/lib")]
    if absolute:
        out.append("rpath outside the bundle: " + ", ".join(absolute))
    return out


class IosBinaryAnalyzer:
    id: ClassVar[str] = "ios-binary"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("SEC-NATIVE-001",)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        found = []
        for b in inputs.bundles:
            if b.macho is None:
                continue
            for s in b.macho.slices:
                # FairPlay encrypts code, not the header and imports these flags come from.
                weak = weaknesses(s)
                if weak:
                    found.append((s, weak))
        if not found:
            return
        yield ctx.finding(
            "SEC-NATIVE-001",
            Text(
                zh=f"{len(found)} 个Mach-O切片缺少加固：" + "；".join(found[0][1]),
                en=f"{len(found)} Mach-O slice(s) lack hardening: " + "; ".join(found[0][1]),
            ),
            *(
                Evidence(location=s.location, symbol=s.arch, excerpt="; ".join(weak))
                for s, weak in found
            ),
        )
