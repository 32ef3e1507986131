"""`fingertip batch` inputs: files, folders, globs and list files."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.batch.inputs import InputError, collect


def _tree(tmp_path: Path) -> Path:
    for name in ("a.apk", "sub/b.ipa", "sub/deeper/c.APK", "notes.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return tmp_path


def test_folder_is_searched_recursively_for_packages(tmp_path: Path) -> None:
    found = [p.relative_to(tmp_path).as_posix() for p in collect([str(_tree(tmp_path))])]
    assert found == ["a.apk", "sub/b.ipa", "sub/deeper/c.APK"]


def test_glob_list_file_and_duplicates(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    listing = root / "list.txt"
    listing.write_text("# this week's intake\na.apk\n\nsub/b.ipa\n", encoding="utf-8")
    found = collect([f"{root}/sub/*.ipa", f"@{listing}", str(root / "a.apk")])
    assert [p.name for p in found] == ["b.ipa", "a.apk"]  # order kept, each path once


def test_a_named_file_is_taken_whatever_its_suffix(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert collect([str(root / "notes.md")]) == [root / "notes.md"]


@pytest.mark.parametrize("argument", ["missing.apk", "nothing-*.apk", "@missing.txt"])
def test_an_argument_naming_nothing_stops_the_batch(tmp_path: Path, argument: str) -> None:
    with pytest.raises(InputError):
        collect([str(tmp_path / argument) if not argument.startswith("@") else argument])
