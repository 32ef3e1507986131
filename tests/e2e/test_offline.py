"""A scan makes no network connection.

Two checks, each shown able to fail:
- in a network namespace with no interface but a downed loopback (`unshare -rn`, no root
  needed where unprivileged user namespaces are allowed), the CLI writes the same reports,
  byte for byte, as outside it;
- in this process, with every way to open a connection or resolve a name replaced by one that
  records the attempt and raises, a scan of an APK and an IPA records nothing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scanner.config import ScanConfig
from scanner.pipeline import Ruleset, scan
from scanner.render.json import dumps, to_document
from tests.conftest import SAMPLES

# An APK with native code (lief, the worker process) and an IPA with frameworks and plug-ins.
PACKAGES = [SAMPLES / "fingertip-clean.apk", SAMPLES / "ios-checkin.ipa"]


def _unshare_works() -> str | None:
    """None when `unshare -rn` can make a network namespace here, else why not."""
    if shutil.which("unshare") is None:
        return "util-linux `unshare` is not installed"
    try:
        done = subprocess.run(
            ["unshare", "-rn", "true"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"`unshare -rn true` failed to run: {exc}"
    if done.returncode != 0:
        return (
            "unprivileged user+network namespaces are not allowed here "
            f"(`unshare -rn true`: {done.stderr.strip() or done.returncode})"
        )
    return None


UNSHARE_MISSING = _unshare_works()
needs_unshare = pytest.mark.skipif(UNSHARE_MISSING is not None, reason=UNSHARE_MISSING or "")


def _scan_cli(out: Path, cwd: Path, offline: bool) -> dict[str, str]:
    cmd = [sys.executable, "-m", "scanner", "scan", *map(str, PACKAGES), "-o", str(out)]
    cmd += ["--format", "json,sarif"]
    if offline:
        cmd = ["unshare", "-rn", *cmd]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


@needs_unshare
def test_namespace_has_no_network() -> None:
    """The check can fail: a listener that this process reaches is out of reach inside."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        probe = (
            "import socket,sys\n"
            f"try: socket.create_connection(('127.0.0.1', {port}), timeout=5)\n"
            "except OSError as e: sys.exit(7)\n"
        )
        inside = subprocess.run(
            ["unshare", "-rn", sys.executable, "-c", probe], capture_output=True, timeout=60
        )
    assert inside.returncode == 7, inside.stderr
    devices = subprocess.run(
        ["unshare", "-rn", "cat", "/proc/net/dev"], capture_output=True, text=True, timeout=30
    ).stdout
    interfaces = {ln.split(":")[0].strip() for ln in devices.splitlines()[2:]}
    assert interfaces == {"lo"}


@needs_unshare
def test_offline_scan_writes_the_same_reports(tmp_path: Path) -> None:
    online = _scan_cli(tmp_path / "online", tmp_path, offline=False)
    offline = _scan_cli(tmp_path / "offline", tmp_path, offline=True)
    assert len(online) == 2 * len(PACKAGES)
    assert offline == online


class NetworkAttempt(AssertionError):
    """Raised in place of a connection or a name lookup."""


class NetworkGuard:
    """Inside `with guard:`, every connection or name lookup in this process (any thread)
    raises NetworkAttempt and is recorded in `attempts`, even if the caller swallows it."""

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._lock = threading.Lock()
        self._patch = pytest.MonkeyPatch()

    def _refuse(self, name: str) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            with self._lock:
                self.attempts.append(f"{name}{args}")
            raise NetworkAttempt(f"network use during a scan: {name}")

        return call

    def __enter__(self) -> NetworkGuard:
        for attr in ("connect", "connect_ex", "sendto", "sendmsg"):
            self._patch.setattr(socket.socket, attr, self._refuse(f"socket.{attr}"))
        for attr in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
            self._patch.setattr(socket, attr, self._refuse(attr))
        return self

    def __exit__(self, *exc: object) -> None:
        self.undo()

    def undo(self) -> None:
        self._patch.undo()


@pytest.fixture
def no_network() -> Iterator[NetworkGuard]:
    guard = NetworkGuard()
    yield guard
    guard.undo()  # also when the test failed inside `with`


def test_guard_catches_a_connection(no_network: NetworkGuard) -> None:
    """The guard can fail: a deliberate connection, a lookup, a raw connect and a connection
    from another thread are each caught and recorded; outside `with`, sockets work again."""
    thread_errors: list[BaseException] = []

    def in_thread() -> None:
        try:
            socket.create_connection(("127.0.0.1", 9))
        except NetworkAttempt as exc:
            thread_errors.append(exc)

    with no_network:
        with pytest.raises(NetworkAttempt):
            socket.create_connection(("example.org", 80), timeout=1)
        with pytest.raises(NetworkAttempt):
            socket.getaddrinfo("example.org", 443)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkAttempt):
            s.connect(("127.0.0.1", 9))
        t = threading.Thread(target=in_thread)
        t.start()
        t.join()
    assert len(thread_errors) == 1
    assert len(no_network.attempts) == 4
    with socket.create_server(("127.0.0.1", 0)) as server:
        socket.create_connection(server.getsockname(), timeout=5).close()


def _documents(ruleset: Ruleset) -> list[str]:
    # No worker process: the native libraries are read in this process, under the guard too.
    return [
        dumps(to_document(scan(p, ScanConfig(), ruleset), ruleset.catalog.rules)) for p in PACKAGES
    ]


def test_scan_attempts_no_connection(ruleset: Ruleset, no_network: NetworkGuard) -> None:
    normal = _documents(ruleset)
    with no_network:
        guarded = _documents(ruleset)
    assert no_network.attempts == []
    assert guarded == normal
