"""Opening the first package while the scanner's own modules load.

A `fingertip scan` process spends about 0.35 s importing the pipeline (networkx, the analyzers,
the rule tables) and then, on a large app, about 0.3 s waiting while zlib inflates the package's
dex and native code. zlib and hashlib release the GIL, so the CLI starts opening the first package
in threads before it imports the pipeline: the inflation and the file hash run during the
imports. This module imports only the unpacking code for that reason.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from scanner.config import Limits
from scanner.unpack.apk import ApkContents, open_apk


@dataclass(frozen=True, slots=True)
class Opening:
    """A package being opened in the background: its contents and its sha256, when done."""

    path: Path
    contents: Future[ApkContents]
    sha256: Future[str]

    def discard(self) -> None:
        """Wait for the opening and close what it opened (the package is not scanned)."""
        if self.contents.exception() is None:
            self.contents.result().view.close()
        self.sha256.exception()


def file_sha256(path: Path) -> str:
    """The file's sha256, read in 1 MiB pieces (hashlib releases the GIL on each)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            h.update(chunk)
    return h.hexdigest()


def start_opening(path: Path, limits: Limits) -> Opening | None:
    """Start opening an APK (None for an IPA, which the iOS scan opens itself). Errors are
    raised where the results are taken, as `open_apk` would raise them."""
    if path.suffix.lower() == ".ipa":
        return None
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="fingertip-open")
    try:
        return Opening(path, pool.submit(open_apk, path, limits), pool.submit(file_sha256, path))
    finally:
        pool.shutdown(wait=False)  # the two jobs run on; the threads end with them
