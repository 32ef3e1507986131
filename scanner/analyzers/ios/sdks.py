"""PRIV-SDK-001 on iOS: the SDKs found in the binaries (linked frameworks, ObjC classes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.sdks import sdk_inventory
from scanner.model import Finding, Platform


class IosSdkInventoryAnalyzer:
    id: ClassVar[str] = "ios-sdks"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = ("PRIV-SDK-001",)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        yield from sdk_inventory(inputs.sdks, ctx)
