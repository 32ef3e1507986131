from __future__ import annotations

import zipfile

from scanner.facts.native import read_native
from tests.conftest import SAMPLES


def _lib(apk: str, name: str):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(SAMPLES / apk) as zf:
        return read_native(f"{apk}!{name}", name, zf.read(name))


def test_weak_library_from_the_checkin_sample() -> None:
    # Built with -fno-stack-protector -z execstack -z norelro -rpath (scripts/build_samples.py).
    lib = _lib("fingertip-checkin.apk", "lib/x86_64/libweak.so")
    assert lib.abi == "x86_64" and lib.pic
    assert not lib.nx and lib.relro == "none" and not lib.canary and not lib.fortify
    assert not lib.stripped
    assert lib.runpath == ("/data/local/tmp",)
    assert "no stack canary" in lib.weaknesses and "executable stack (no NX)" in lib.weaknesses


def test_hardened_library_from_the_clean_sample() -> None:
    # Built with -fstack-protector-strong -D_FORTIFY_SOURCE=2 -z relro -z now -s.
    lib = _lib("fingertip-clean.apk", "lib/x86_64/libhard.so")
    assert lib.nx and lib.relro == "full" and lib.canary and lib.fortify and lib.stripped
    assert "__snprintf_chk" in lib.fortified_functions
    assert lib.weaknesses == ()
