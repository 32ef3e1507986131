from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from scanner.config import Limits
from scanner.errors import CorruptPackage, UnsafeArchive, UnsupportedPackage
from scanner.unpack.archive import ZipView
from tests.builders import make_zip, manifest


def _write(tmp_path: Path, data: bytes, name: str = "x.apk") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_reads_entries_and_names_locations(tmp_path: Path) -> None:
    p = _write(tmp_path, make_zip({"AndroidManifest.xml": manifest(), "assets/a.txt": b"hi"}))
    with ZipView.open_file(p, Limits()) as view:
        assert view.read("assets/a.txt") == b"hi"
        assert view.location("assets/a.txt") == "x.apk!assets/a.txt"


def test_non_zip_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedPackage, match="not a zip archive"):
        ZipView.open_file(_write(tmp_path, b"hello, not a zip"), Limits())


def test_truncated_zip_is_corrupt(tmp_path: Path) -> None:
    data = make_zip({"AndroidManifest.xml": manifest(), "classes.dex": b"dex\n035\0" * 5000})
    with pytest.raises(CorruptPackage):
        ZipView.open_file(_write(tmp_path, data[: len(data) // 2]), Limits())


@pytest.mark.parametrize("name", ["../evil.txt", "assets/../../evil.txt", "/etc/passwd", "..\\x"])
def test_path_traversal_rejects_the_archive(tmp_path: Path, name: str) -> None:
    p = _write(tmp_path, make_zip({"AndroidManifest.xml": manifest(), name: b"x"}))
    with pytest.raises(UnsafeArchive, match="path traversal"):
        ZipView.open_file(p, Limits())


def test_zip_bomb_ratio_is_rejected_before_inflating(tmp_path: Path) -> None:
    bomb = make_zip({"AndroidManifest.xml": manifest(), "assets/zeros": b"\0" * (64 * 1024**2)})
    assert len(bomb) < 200_000
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        ZipView.open_file(_write(tmp_path, bomb), Limits())


def test_lying_header_is_capped_while_inflating(tmp_path: Path) -> None:
    # A declared size far below the real one: reading must stop at the entry limit anyway.
    data = bytearray(make_zip({"AndroidManifest.xml": manifest(), "big": b"A" * 3_000_000}))
    limits = Limits(max_entry_bytes=1_000_000, max_ratio=10**9)
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("big").file_size == 3_000_000
    # Patch the central directory's uncompressed size of "big" down to 10 bytes.
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if data[pos + 46 : pos + 46 + name_len] == b"big":
            data[pos + 24 : pos + 28] = (10).to_bytes(4, "little")
        pos += 4
    p = _write(tmp_path, bytes(data))
    with ZipView.open_file(p, limits) as view, pytest.raises((UnsafeArchive, CorruptPackage)):
        view.read("big")


def test_nested_archive_depth_is_limited(tmp_path: Path) -> None:
    inner = make_zip({"a.txt": b"a"})
    for _ in range(4):
        inner = make_zip({"inner.zip": inner})
    p = _write(tmp_path, make_zip({"AndroidManifest.xml": manifest(), "assets/n.zip": inner}))
    with ZipView.open_file(p, Limits(max_nesting=2)) as view:
        level1 = view.nested("assets/n.zip")
        level2 = level1.nested("inner.zip")
        assert level2.location("inner.zip") == "x.apk!assets/n.zip!inner.zip!inner.zip"
        with pytest.raises(UnsafeArchive, match="nested deeper"):
            level2.nested("inner.zip")


def test_too_many_entries(tmp_path: Path) -> None:
    p = _write(tmp_path, make_zip({f"f{i}": b"" for i in range(20)}))
    with pytest.raises(UnsafeArchive, match="entries exceed"):
        ZipView.open_file(p, Limits(max_entries=10))
