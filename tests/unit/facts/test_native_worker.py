from __future__ import annotations

import sys
import zipfile

from scanner.facts.native_worker import NativeWorker, read_all
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


def test_the_worker_reads_what_the_process_reads_and_serves_a_batch() -> None:
    libs = _libs()
    expected = read_all(libs)
    assert isinstance(expected[2], str) and "ELF" in expected[2]  # the junk one: its error
    with NativeWorker() as worker:
        assert worker.read(libs) == expected
        assert worker.read(libs[:1]) == expected[:1]  # the same process, reused
        assert worker.read([]) == []


def test_a_crashing_worker_costs_the_package_its_native_facts_not_the_batch() -> None:
    class Crashing(NativeWorker):
        command = (sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")

    libs = _libs()
    with Crashing() as worker:
        reply = worker.read(libs)
        assert len(reply) == 3
        assert all(isinstance(r, str) and "ELF reader stopped (signal 11)" in r for r in reply)
        assert worker.read(libs[:1])[0] == reply[0]  # restarted, and stopped again


def test_without_a_worker_process_libraries_are_read_here() -> None:
    class Missing(NativeWorker):
        command = ("/nonexistent/python",)

    libs = _libs()
    with Missing() as worker:
        assert worker.read(libs) == read_all(libs)
