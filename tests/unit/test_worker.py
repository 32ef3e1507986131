from __future__ import annotations

import sys
import zipfile

from scanner.facts.native import read_natives
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


def test_the_worker_reads_native_libraries_as_the_process_does_and_serves_a_batch() -> None:
    libs = _libs()
    expected = read_natives(libs)
    assert isinstance(expected[2], str) and "ELF" in expected[2]  # the junk one: its error
    with Worker() as worker:
        assert worker.native(libs) == expected
        assert worker.native(libs[:1]) == expected[:1]  # the same process, reused
        assert worker.native([]) == []


def test_a_crashing_worker_costs_the_package_its_native_facts_not_the_batch() -> None:
    class Crashing(Worker):
        command = (sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")

    libs = _libs()
    with Crashing() as worker:
        reply = worker.native(libs)
        assert len(reply) == 3
        assert all(isinstance(r, str) and "ELF reader stopped (signal 11)" in r for r in reply)
        assert worker.native(libs[:1])[0] == reply[0]  # restarted, and stopped again


def test_without_a_worker_process_everything_is_done_here() -> None:
    class Missing(Worker):
        command = ("/nonexistent/python",)

    libs = _libs()
    with Missing() as worker:
        assert worker.native(libs) == read_natives(libs)
