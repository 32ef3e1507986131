"""A read-only, bounded view of a zip archive.

Nothing is ever extracted to disk. Every read is capped, so a zip bomb or a lying header costs at
most the configured limit; names that try to escape (`../`, absolute paths) reject the archive,
since no honest APK or IPA has them. Locations inside nested archives read `outer!inner`.
"""

from __future__ import annotations

import io
import lzma
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from scanner.config import Limits
from scanner.errors import CorruptPackage, UnsafeArchive, UnsupportedPackage

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    size: int  # declared uncompressed size
    compressed_size: int
    is_dir: bool
    crc: int = 0  # the zip's CRC-32 of the content: a free content hash (cluster resources)


def _unsafe_name(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." in parts


class _Budget:
    """Bytes left to inflate for one package, shared by its nested archives."""

    def __init__(self, total: int) -> None:
        self.left = total

    def spend(self, n: int, where: str) -> None:
        self.left -= n
        if self.left < 0:
            raise UnsafeArchive(f"{where}: total uncompressed size exceeds the limit (zip bomb?)")


class ZipView:
    """The entries of one archive, read under limits."""

    def __init__(
        self,
        source: BinaryIO,
        label: str,
        limits: Limits,
        *,
        depth: int = 0,
        budget: _Budget | None = None,
    ) -> None:
        self.label = label
        self.limits = limits
        self.depth = depth
        self._budget = budget or _Budget(limits.max_total_bytes)
        try:
            self._zip = zipfile.ZipFile(source)
        except zipfile.BadZipFile as exc:
            raise CorruptPackage(f"{label}: not a readable zip archive ({exc})") from exc
        except (OSError, EOFError, ValueError) as exc:
            raise CorruptPackage(f"{label}: truncated or malformed zip ({exc})") from exc
        except NotImplementedError as exc:  # an entry needs a newer zip version than zipfile's
            raise CorruptPackage(f"{label}: unsupported zip format ({exc})") from exc
        infos = self._zip.infolist()
        if len(infos) > limits.max_entries:
            raise UnsafeArchive(
                f"{label}: {len(infos)} entries exceed the limit of {limits.max_entries}"
            )
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self.duplicates: list[str] = []
        declared = 0
        for info in infos:
            self._check_entry(info)
            declared += info.file_size
            if info.filename in self._infos:
                self.duplicates.append(info.filename)
            else:
                self._infos[info.filename] = info
        if declared > limits.max_total_bytes:
            raise UnsafeArchive(
                f"{label}: entries declare {declared} bytes uncompressed, "
                "over the limit (zip bomb?)"
            )

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        if not info.filename:  # zipfile cuts a name at its first NUL byte: nothing was left
            raise CorruptPackage(f"{self.label}: an entry has an empty name (NUL byte?)")
        where = f"{self.label}!{info.filename}"
        if _unsafe_name(info.filename):
            raise UnsafeArchive(f"{where}: entry name escapes the archive (path traversal)")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafeArchive(f"{where}: symbolic link entry")
        if info.file_size > self.limits.max_entry_bytes:
            raise UnsafeArchive(f"{where}: declares {info.file_size} bytes, over the entry limit")
        ratio_cap = self.limits.max_ratio * max(info.compress_size, 1)
        if info.file_size > self.limits.ratio_floor_bytes and info.file_size > ratio_cap:
            raise UnsafeArchive(
                f"{where}: compression ratio {info.file_size // max(info.compress_size, 1)}:1 "
                "is a zip bomb's, not an app's"
            )

    @classmethod
    def open_file(cls, path: Path, limits: Limits) -> ZipView:
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(4)
        except OSError as exc:
            raise UnsupportedPackage(f"{path.name}: cannot read file ({exc.strerror})") from exc
        if size > limits.max_package_bytes:
            raise UnsafeArchive(f"{path.name}: {size} bytes, over the package size limit")
        if head not in _ZIP_MAGIC:
            raise UnsupportedPackage(f"{path.name}: not a zip archive, so not an APK or IPA")
        return cls(path.open("rb"), path.name, limits)

    def close(self) -> None:
        self._zip.close()
        fp = self._zip.fp
        if fp is not None:
            fp.close()

    def __enter__(self) -> ZipView:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def location(self, name: str) -> str:
        return f"{self.label}!{name}"

    def names(self) -> list[str]:
        return list(self._infos)

    def entries(self) -> Iterator[Entry]:
        for info in self._infos.values():
            yield Entry(info.filename, info.file_size, info.compress_size, info.is_dir(), info.CRC)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """Inflate one entry, never past the entry limit, whatever its header claims."""
        info = self._infos.get(name)
        if info is None:
            raise KeyError(name)
        where = self.location(name)
        cap = self.limits.max_entry_bytes
        try:
            with self._zip.open(info) as fh:
                # One read of at most cap+1 bytes: zlib inflates it in a single call, and a
                # header that lies about the size still cannot make us hold more than that.
                data = fh.read(min(cap, max(info.file_size, 0)) + 1)
                if len(data) > info.file_size:
                    data += fh.read(cap + 1 - len(data))
                if len(data) > cap:
                    raise UnsafeArchive(f"{where}: inflates past the entry limit (zip bomb?)")
                self._budget.spend(len(data), self.label)
        # zlib and lzma raise their own errors on a damaged stream (bz2 raises OSError)
        except (zipfile.BadZipFile, zlib.error, lzma.LZMAError) as exc:
            raise CorruptPackage(f"{where}: corrupt entry ({exc})") from exc
        except NotImplementedError as exc:
            raise CorruptPackage(f"{where}: unsupported compression ({exc})") from exc
        except (OSError, EOFError, ValueError) as exc:
            raise CorruptPackage(f"{where}: truncated entry ({exc})") from exc
        except RuntimeError as exc:  # encrypted entries
            raise CorruptPackage(f"{where}: cannot read entry ({exc})") from exc
        return data

    def nested(self, name: str) -> ZipView:
        """Open an archive stored inside this one, in memory, under the nesting limits."""
        where = self.location(name)
        if self.depth + 1 > self.limits.max_nesting:
            raise UnsafeArchive(f"{where}: archives nested deeper than {self.limits.max_nesting}")
        info = self._infos[name]
        if info.file_size > self.limits.max_nested_bytes:
            raise UnsafeArchive(f"{where}: nested archive larger than the limit")
        data = self.read(name)
        return ZipView(
            io.BytesIO(data), where, self.limits, depth=self.depth + 1, budget=self._budget
        )


def looks_like_zip(data: bytes) -> bool:
    return data[:4] in _ZIP_MAGIC
