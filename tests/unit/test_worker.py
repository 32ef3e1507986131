from __future__ import annotations

import sys
import zipfile

from scanner.facts.native import read_natives
from scanner.graph.decoded import decode_dex
from scanner.graph.dex import DexFile
from scanner.worker import Worker
from tests.conftest import SAMPLES


def _libs() -> list[tuple[str, str, bytes]]:
    out = []
    for apk, name in (
        ("fingertip-checkin.apk", "lib/x86_64/libweak.so"),
        ("fingertip-clean.apk", "lib/x86_64/libhard.so"),
    ):
        with zipfile.ZipFile(SAMPLES / apk) as zf:
            out.append((f"{apk}!{name}", name, zf.read(name)))
    out.append(("junk.apk!lib/x86/libjunk.so", "lib/x86/libjunk.so", b"\x7fELF not really"))
    return out


def _dex(apk: str) -> tuple[str, bytes]:
    with zipfile.ZipFile(SAMPLES / apk) as zf:
        return f"{apk}!classes.dex", zf.read("classes.dex")


def test_the_worker_reads_native_libraries_as_the_process_does_and_serves_a_batch() -> None:
    libs = _libs()
    expected = read_natives(libs)
    assert isinstance(expected[2], str) and "ELF" in expected[2]  # the junk one: its error
    with Worker() as worker:
        assert worker.native(libs) == expected
        assert worker.native(libs[:1]) == expected[:1]  # the same process, reused
        assert worker.native([]) == []


def test_worker_decoded_code_equals_the_readers_own_for_every_method() -> None:
    files = [_dex("form-checkin-button.apk"), _dex("priv-preconsent.apk")]
    with Worker() as worker:
        decoded = worker.decode([*files, ("broken.apk!classes.dex", b"dex\n035\0 short")])
    assert decoded is not None and decoded[2] is None  # unreadable: the scanner's reader says why
    for (location, data), done in zip(files, decoded, strict=False):
        assert done is not None and done.location == location
        dex = DexFile(data, location)
        methods = [m for c in dex.classes for m in (*c.direct_methods, *c.virtual_methods)]
        assert sum(1 for m in methods if m.code_off) >= 5
        for method in methods:
            mine, theirs = dex.code(method), done.facts(method.code_off)
            if mine is None:
                assert theirs is None
                continue
            assert theirs is not None
            assert (theirs.insns_size, theirs.invokes) == (mine.insns_size, mine.invokes)
            assert [list(part) for part in theirs[2:]] == [list(part) for part in mine[2:]]


def test_decoding_skips_what_cannot_be_decoded_and_says_why() -> None:
    location, data = _dex("form-checkin-button.apk")
    dex = DexFile(data, location)
    method = next(m for c in dex.classes for m in c.direct_methods if m.code_off)
    # Point the first instruction at an unused opcode (0x3e): the method's code is refused.
    code = bytearray(data)
    code[method.code_off + 16] = 0x3E
    done = decode_dex(bytes(code), location)
    assert done.facts(method.code_off) is None
    assert any("unused opcode 0x3e" in e for e in done.errors)


def test_a_crashing_worker_costs_the_package_its_native_facts_not_the_batch() -> None:
    class Crashing(Worker):
        command = (sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")

    libs = _libs()
    with Crashing() as worker:
        reply = worker.native(libs)
        assert len(reply) == 3
        assert all(isinstance(r, str) and "ELF reader stopped (signal 11)" in r for r in reply)
        assert worker.decode([_dex("priv-preconsent.apk")]) is None  # decoded by the caller
        assert worker.native(libs[:1])[0] == reply[0]  # restarted, and stopped again


def test_without_a_worker_process_everything_is_done_here() -> None:
    class Missing(Worker):
        command = ("/nonexistent/python",)

    libs = _libs()
    with Missing() as worker:
        assert worker.native(libs) == read_natives(libs)
        assert worker.decode([_dex("priv-preconsent.apk")]) is None
