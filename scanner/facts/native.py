"""Hardening facts of native ELF libraries, read with lief.

Measured here: lief's `is_pie` is false for every shared object (it checks the PIE flag that
only executables carry), so position independence is read from the ELF type instead; stack
canaries are read from the undefined dynamic symbols, since a stripped library keeps only those.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scanner.errors import CorruptPackage, ScannerError

if TYPE_CHECKING:
    import lief

_ABI = re.compile(r"(?:^|/)lib/([^/]+)/[^/]+$")
_FORTIFIED = re.compile(r"^__\w+_chk$")
_CANARY = frozenset({"__stack_chk_fail", "__stack_chk_guard", "__intel_security_cookie"})


def _quiet_lief() -> None:
    # Imported here, not at module level: lief takes 0.4 s to import, and only packages with
    # native code should pay for it.
    import lief

    lief.logging.disable()


@dataclass(frozen=True, slots=True, kw_only=True)
class NativeLibrary:
    location: str
    name: str
    abi: str
    machine: str
    bits: int
    pic: bool
    nx: bool
    relro: str  # none | partial | full
    canary: bool
    fortify: bool
    fortified_functions: tuple[str, ...]
    stripped: bool
    textrel: bool
    rpath: tuple[str, ...]
    runpath: tuple[str, ...]
    needed: tuple[str, ...]

    @property
    def weaknesses(self) -> tuple[str, ...]:
        out = []
        if not self.nx:
            out.append("executable stack (no NX)")
        if self.relro == "none":
            out.append("no RELRO")
        if not self.canary:
            out.append("no stack canary")
        if self.textrel:
            out.append("TEXTREL")
        if not self.pic:
            out.append("not position-independent")
        if self.rpath or self.runpath:
            out.append("RPATH/RUNPATH set")
        return tuple(out)


def _flag_set(binary: lief.ELF.Binary, tag: lief.ELF.DynamicEntry.TAG, flag: object) -> bool:
    entry = binary.get(tag)
    return entry is not None and flag in entry  # type: ignore[operator]


def read_native(location: str, name: str, data: bytes) -> NativeLibrary:
    import lief

    _quiet_lief()
    binary = lief.ELF.parse(data)
    if binary is None:
        raise CorruptPackage(f"{location}: not a parsable ELF file")
    T = lief.ELF.DynamicEntry.TAG
    segments = {s.type: s for s in binary.segments}
    stack = segments.get(lief.ELF.Segment.TYPE.GNU_STACK)
    nx = stack is None or lief.ELF.Segment.FLAGS.X not in stack.flags
    has_relro = lief.ELF.Segment.TYPE.GNU_RELRO in segments
    bind_now = (
        binary.get(T.BIND_NOW) is not None
        or _flag_set(binary, T.FLAGS, lief.ELF.DynamicEntryFlags.FLAG.BIND_NOW)
        or _flag_set(binary, T.FLAGS_1, lief.ELF.DynamicEntryFlags.FLAG.NOW)
    )
    imported = {str(s.name) for s in binary.dynamic_symbols if s.shndx == 0 and s.name}
    fortified = tuple(sorted(n for n in imported if _FORTIFIED.match(n) and n not in _CANARY))
    textrel = binary.get(T.TEXTREL) is not None or _flag_set(
        binary, T.FLAGS, lief.ELF.DynamicEntryFlags.FLAG.TEXTREL
    )
    rpath: list[str] = []
    runpath: list[str] = []
    needed: list[str] = []
    for e in binary.dynamic_entries:
        if isinstance(e, lief.ELF.DynamicEntryRpath):
            rpath.extend(str(p) for p in e.paths)
        elif isinstance(e, lief.ELF.DynamicEntryRunPath):
            runpath.extend(str(p) for p in e.paths)
        elif isinstance(e, lief.ELF.DynamicEntryLibrary):
            needed.append(str(e.name))
    m = _ABI.search(name)
    return NativeLibrary(
        location=location,
        name=name,
        abi=m.group(1) if m else "",
        machine=str(binary.header.machine_type).rsplit(".", 1)[-1],
        bits=64 if binary.header.identity_class == lief.ELF.Header.CLASS.ELF64 else 32,
        pic=binary.header.file_type == lief.ELF.Header.FILE_TYPE.DYN,
        nx=nx,
        relro=("full" if bind_now else "partial") if has_relro else "none",
        canary=bool(imported & _CANARY),
        fortify=bool(fortified),
        fortified_functions=fortified,
        stripped=not any(s.type == lief.ELF.Section.TYPE.SYMTAB for s in binary.sections),
        textrel=textrel,
        rpath=tuple(rpath),
        runpath=tuple(runpath),
        needed=tuple(needed),
    )


def read_natives(libs: Sequence[tuple[str, str, bytes]]) -> list[NativeLibrary | str]:
    """Each library's facts, or the reason it could not be read: (location, name, data) in."""
    out: list[NativeLibrary | str] = []
    for location, name, data in libs:
        try:
            out.append(read_native(location, name, data))
        except ScannerError as exc:
            out.append(str(exc))
    return out
