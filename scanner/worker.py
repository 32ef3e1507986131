"""A worker process beside the scan for the native libraries.

lief takes about 0.6 s to import and holds the GIL while it parses, so in the scan's own process
it adds its whole cost to the wall time; in a fresh interpreter that imports only lief and
`scanner.facts.native`, it runs on another core while the scan parses the dex files. The scan
lets the worker go as soon as its reply is in (before the call graph, the scan's memory peak,
is built), so a batch starts one per package. It also contains a crash: a hostile ELF that
kills lief costs that package its native facts, not the batch.

Measured and dropped: decoding the dex code in the worker as well. Handing 100,000 methods'
facts back and the worker's own start-up made the scan slower on two cores, and the worker's
memory counted beside the graph's.

Protocol over the worker's stdin/stdout: frames of an 8-byte little-endian length and a pickle;
a request is (operation, payload), the reply the operation's result.
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
from typing import IO, Any

from scanner.facts.native import NativeLibrary, read_natives

_LENGTH = struct.Struct("<Q")

NativeRequest = Sequence[tuple[str, str, bytes]]  # (location, name, ELF bytes)
NativeReply = list[NativeLibrary | str]


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


class _Stopped(Exception):
    """The worker process ended before it replied."""


class Worker:
    """The worker process, started on first use and reused for a batch. Calls are serialised
    (one request at a time); each falls back to this process when no worker can be started."""

    # -P: never import a `scanner` from the current directory instead of ours.
    command: tuple[str, ...] = (sys.executable, "-P", "-m", "scanner.worker")

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> Worker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def native(self, libs: NativeRequest) -> NativeReply:
        if not libs:
            return []
        try:
            reply: NativeReply | None = self._call("native", list(libs))
        except _Stopped as stopped:
            return [
                f"{location}: the ELF reader stopped ({stopped}) on this package's native "
                "libraries; their hardening is not reported"
                for location, _, _ in libs
            ]
        return read_natives(libs) if reply is None else reply

    def _call(self, operation: str, payload: object) -> Any:
        """The worker's reply; None when no worker runs; _Stopped when it died meanwhile."""
        with self._lock:
            proc = self._start()
            if proc is None or proc.stdin is None or proc.stdout is None:
                return None
            request = pickle.dumps((operation, payload), protocol=pickle.HIGHEST_PROTOCOL)
            try:
                _write_frame(proc.stdin, request)
                reply = _read_frame(proc.stdout)
            except OSError:
                reply = None
            if reply is None:
                code = proc.wait()
                self._proc = None
                raise _Stopped(f"signal {-code}" if code < 0 else f"exit status {code}")
            return pickle.loads(reply)

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


def _handle(operation: str, payload: Any) -> object:
    if operation == "native":
        return read_natives(payload)
    raise ValueError(f"unknown worker operation {operation!r}")


def _serve() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (payload := _read_frame(stdin)) is not None:
        operation, body = pickle.loads(payload)
        reply = pickle.dumps(_handle(operation, body), protocol=pickle.HIGHEST_PROTOCOL)
        _write_frame(stdout, reply)
    # End of input: leave at once. An orderly exit tears lief down (0.15 s), and the scanner
    # waits for this process before it exits itself.
    os._exit(0)


if __name__ == "__main__":
    _serve()
