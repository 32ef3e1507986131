"""Where a Mach-O slice uses an API of the iOS tables: anywhere in the binary (E2), and in
which functions (for reachability, E3)."""

from __future__ import annotations

from collections.abc import Iterable

from scanner.facts.macho import MachOSlice
from scanner.rules.ios_data import IosApi

# A message is usually sent to an object the function did not create (`[self.manager
# startUpdatingLocation]`), so the function need not load the class; that is safe for a
# selector no other class is likely to have, not for `string` or `image`.
MIN_DISTINCTIVE_SELECTOR = 12


def _distinctive(selector: str) -> bool:
    return ":" in selector or len(selector) >= MIN_DISTINCTIVE_SELECTOR


class ApiIndex:
    def __init__(self, s: MachOSlice) -> None:
        self.slice = s
        # A class counts as referenced when the binary imports it, defines it (a static SDK
        # is linked in), or names it as a string (NSClassFromString).
        self.classes = (
            set(s.imported_classes) | set(s.defined_classes) | set(s.cstrings) | set(s.cfstrings)
        )
        self.selectors = set(s.selectors)
        self.symbols = set(s.imported_symbols)

    def referenced(self, api: IosApi) -> bool:
        if api.symbol:
            return api.symbol in self.symbols
        if api.cls not in self.classes:
            return False
        return not api.selector or api.selector in self.selectors

    def any_referenced(self, apis: Iterable[IosApi]) -> list[IosApi]:
        return [a for a in apis if self.referenced(a)]

    def functions(self, apis: Iterable[IosApi]) -> dict[int, IosApi]:
        """Functions that use one of `apis` (of those the binary references at all)."""
        out: dict[int, IosApi] = {}
        wanted = self.any_referenced(apis)
        if not wanted:
            return out
        for address, f in self.slice.functions.items():
            for api in wanted:
                if (
                    (api.symbol and api.symbol in f.imports)
                    or (
                        api.selector
                        and api.selector in f.selectors
                        and (api.cls in f.classes or _distinctive(api.selector))
                    )
                    or (not api.symbol and not api.selector and api.cls in f.classes)
                ):
                    out.setdefault(address, api)
                    break
        return out
