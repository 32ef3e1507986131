"""The one error the gate's input files raise: it names the file, the key and the line."""

from __future__ import annotations

from pathlib import Path


class GateFileError(Exception):
    """A policy or baseline file that cannot be used; the CLI turns it into exit code 2."""

    def __init__(
        self, path: Path | str, message: str, *, key: str = "", line: int | None = None
    ) -> None:
        self.path = str(path)
        self.key = key
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        return f"{where}: {self.key + ': ' if self.key else ''}{self.message}"
