"""Native libraries read in a worker process, beside the scan.

lief takes about 0.6 s to import and holds the GIL while it parses, so in-process it adds its
whole cost to a scan's wall time; in a worker process it runs on another core while the main
process builds the call graph. The worker is a fresh interpreter that imports only lief and
`scanner.facts.native` (tens of MiB, not a copy of the scanner's memory), lives for a whole
batch (lief is imported once), and contains a crash: a hostile ELF that kills the parser costs
that package its native findings, not the batch.

Protocol over the worker's stdin/stdout: frames of an 8-byte little-endian length and a pickle;
a request is a list of (location, name, data), the reply a list of NativeLibrary or error text.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Sequence
from types import TracebackType
from typing import IO

from scanner.errors import ScannerError
from scanner.facts.native import NativeLibrary, read_native

_LENGTH = struct.Struct("<Q")

Request = Sequence[tuple[str, str, bytes]]
Reply = list[NativeLibrary | str]


def read_all(libs: Request) -> Reply:
    """Each library's facts, or the reason it could not be read (in this process)."""
    out: Reply = []
    for location, name, data in libs:
        try:
            out.append(read_native(location, name, data))
        except ScannerError as exc:
            out.append(str(exc))
    return out


def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def _read_frame(stream: IO[bytes]) -> bytes | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    payload = stream.read(size)
    return payload if len(payload) == size else None


class NativeWorker:
    """A worker process for native libraries, started on first use and reused for a batch.

    `read` is called from one thread at a time (the scan's pool); it falls back to reading in
    this process when no worker can be started.
    """

    # -P: never import a `scanner` from the current directory instead of ours.
    command: tuple[str, ...] = (sys.executable, "-P", "-m", "scanner.facts.native_worker")

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> NativeWorker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _start(self) -> subprocess.Popen[bytes] | None:
        if self._proc is None or self._proc.poll() is not None:
            try:
                self._proc = subprocess.Popen(
                    self.command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError:
                self._proc = None
        return self._proc

    def read(self, libs: Request) -> Reply:
        if not libs:
            return []
        with self._lock:
            proc = self._start()
            if proc is None or proc.stdin is None or proc.stdout is None:
                return read_all(libs)
            try:
                _write_frame(proc.stdin, pickle.dumps(list(libs), protocol=pickle.HIGHEST_PROTOCOL))
                payload = _read_frame(proc.stdout)
            except OSError:
                payload = None
            if payload is None:
                code = proc.wait()
                self._proc = None
                why = f"signal {-code}" if code < 0 else f"exit status {code}"
                return [
                    f"{location}: the ELF reader stopped ({why}) on this package's native "
                    "libraries; their hardening is not reported"
                    for location, _, _ in libs
                ]
            reply: Reply = pickle.loads(payload)
            return reply

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()  # end of input: the worker exits
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _serve() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (payload := _read_frame(stdin)) is not None:
        libs: Request = pickle.loads(payload)
        _write_frame(stdout, pickle.dumps(read_all(libs), protocol=pickle.HIGHEST_PROTOCOL))
    # End of input: leave at once. An orderly exit tears lief down (0.15 s), and the scanner
    # waits for this process before it exits itself.
    os._exit(0)


if __name__ == "__main__":
    _serve()
