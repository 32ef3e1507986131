"""Mutation fuzzing, bounded: each mutation does the corruption it names, and a few hundred
mutants of the samples each end in a report or a clear error (`make fuzz` runs 10,000)."""

from __future__ import annotations

import io
import json
import plistlib
import time
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from scanner.config import Limits, ScanConfig
from scanner.errors import CorruptPackage
from scanner.facts.plist import load_dict
from scanner.pipeline import Ruleset, scan
from scanner.render.json import to_document
from scanner.unpack.archive import ZipView
from scripts.fuzz import BAD, Outcome, classify, run_seeds
from scripts.fuzz import Limits as RunLimits
from scripts.fuzz_mutate import (
    ABSOLUTES,
    BOMB_BYTES,
    MUTATIONS,
    SIG_BLOCK_MAGIC,
    TRAVERSALS,
    Mutant,
    axml_chunk_headers,
    dex_ranges,
    macho_load_commands,
    mutate,
    samples,
)
from scripts.fuzz_zip import EOCD_FIELDS, Archive, parse
from tests.conftest import SAMPLES

APK = SAMPLES / "fingertip-clean.apk"  # signing block, native library, dex, manifest
IPA = SAMPLES / "ios-checkin.ipa"  # executables, frameworks, plists
IOS_ONLY = {"truncate.macho", "truncate.plist", "bitflip.macho", "bitflip.plist"}
ANDROID_ONLY = {
    "truncate.dex",
    "truncate.manifest",
    "bitflip.dex",
    "bitflip.axml",
    "bitflip.sigblock",
}
# The bounded run: fixed seeds; 100,001-entry archives take seconds each to parse, `make fuzz`
# has them.
SEEDS = range(500_000, 500_200)
EXCLUDE = frozenset({"bomb.entries"})


def forced(kind: str, package: Path, seed: int = 1) -> Mutant:
    m = mutate(seed, [package], kind=kind)
    assert m.kind == kind, f"{kind} did not apply to {package.name}"
    assert m.data != package.read_bytes()
    return m


def original(package: Path) -> tuple[bytes, Archive]:
    raw = package.read_bytes()
    return raw, parse(raw)


def changed(a: bytes, b: bytes) -> list[int]:
    return [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]


def zip_of(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def content(m: Mutant, name: str) -> bytes:
    return zip_of(m.data).read(name)  # also checks the rewritten CRC


def edited(package: Path, m: Mutant) -> str:
    """The one entry whose content the mutant changed."""
    before, after = zip_of(package.read_bytes()), zip_of(m.data)
    (name,) = [n for n in before.namelist() if before.read(n) != after.read(n)]
    return name


def test_zip_model_round_trips_every_sample() -> None:
    for package in samples(SAMPLES):
        raw, arc = original(package)
        assert arc.write()[0] == raw, package.name


def test_mutants_are_deterministic() -> None:
    inputs = samples(SAMPLES)
    for seed in (0, 7, 123):
        a, b = mutate(seed, inputs), mutate(seed, inputs)
        assert (a.sample, a.kind, a.detail, a.data) == (b.sample, b.kind, b.detail, b.data)
    # With the package named, the mutant does not depend on the rest of samples/.
    m = mutate(7, inputs)
    assert mutate(7, [m.sample]).data == m.data
    assert len({mutate(s, inputs).data for s in range(20)}) == 20


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_every_mutation_applies(kind: str) -> None:
    package = IPA if kind in IOS_ONLY else APK
    forced(kind, package)
    if kind not in IOS_ONLY | ANDROID_ONLY:
        forced(kind, IPA if package == APK else APK)


def test_truncations_cut_where_they_say() -> None:
    raw, arc = original(APK)
    _, lay = arc.write()
    for kind, (lo, hi) in {
        "truncate.cd": lay.cd,
        "truncate.eocd": (lay.eocd, len(raw)),
        "truncate.random": (0, len(raw)),
    }.items():
        for seed in range(5):
            m = forced(kind, APK, seed)
            assert lo <= len(m.data) < hi and raw.startswith(m.data), kind
    for kind, package, name in [
        ("truncate.dex", APK, "classes.dex"),
        ("truncate.manifest", APK, "AndroidManifest.xml"),
        ("truncate.macho", IPA, None),
        ("truncate.plist", IPA, None),
    ]:
        before = zip_of(package.read_bytes())
        m = forced(kind, package)
        entry = edited(package, m)
        assert name in (None, entry)
        cut = content(m, entry)
        assert len(cut) < len(before.read(entry)) and before.read(entry).startswith(cut)


def test_bit_flips_land_in_their_structure() -> None:
    raw, arc = original(APK)
    _, lay = arc.write()
    for seed in range(5):
        m = forced("bitflip.sigblock", APK, seed)
        assert all(lay.gap[0] <= i < lay.gap[1] for i in changed(raw, m.data))
        m = forced("bitflip.zip", APK, seed)
        spans = [(a, a + 30) for a in lay.local] + [(a, a + 46) for a in lay.central]
        spans.append((lay.eocd, lay.eocd + 22))
        assert any(all(a <= i < b for i in changed(raw, m.data)) for a, b in spans)
    assert SIG_BLOCK_MAGIC in arc.gap
    targets = {
        "bitflip.dex": (APK, "classes.dex", dex_ranges),
        "bitflip.axml": (APK, "AndroidManifest.xml", axml_chunk_headers),
        "bitflip.macho": (IPA, None, lambda b: [macho_load_commands(b)]),
    }
    for kind, (package, name, ranges) in targets.items():
        before = zip_of(package.read_bytes())
        for seed in range(5):
            m = forced(kind, package, seed)
            entry = edited(package, m)
            assert name in (None, entry)
            old, new = before.read(entry), content(m, entry)
            spans = ranges(old)
            assert len(new) == len(old)
            assert any(all(a <= i < b for i in changed(old, new)) for a, b in spans), m.detail
            assert changed(old, new)


def test_renames() -> None:
    for kind, expected in [("rename.traversal", TRAVERSALS), ("rename.absolute", ABSOLUTES)]:
        for seed in range(5):
            names = [m.name for m in parse(forced(kind, APK, seed).data).members]
            assert set(names) & set(expected)
    names = [m.name for m in parse(forced("rename.duplicate", APK).data).members]
    assert len(names) != len(set(names))
    assert any(b"\x00" in m.name for m in parse(forced("rename.nul", APK).data).members)
    assert max(len(m.name) for m in parse(forced("rename.long", IPA).data).members) >= 256
    renamed = parse(forced("rename.key", APK, 3).data)
    assert {m.name for m in renamed.members} != {m.name for m in original(APK)[1].members}
    local = parse(forced("rename.local", APK).data)
    assert any(m.local_name is not None for m in local.members)
    bad = parse(forced("rename.bytes", IPA).data)
    assert any(not _is_utf8(m.name) for m in bad.members)


def _is_utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_header_corruptions_change_one_field() -> None:
    raw, arc = original(APK)
    _, lay = arc.write()
    for kind in (
        "header.local",
        "header.crc",
        "header.central",
        "header.cd_size",
        "header.cd_offset",
    ):
        for seed in range(5):
            m = forced(kind, APK, seed)
            diff = changed(raw, m.data)
            assert diff and diff[-1] - diff[0] < 4, (kind, m.detail)
    for seed in range(5):
        m = forced("header.cd_count", APK, seed)
        assert all(lay.eocd + 8 <= i < lay.eocd + 12 for i in changed(raw, m.data))
        m = forced("header.method", APK, seed)
        assert "method" in m.detail and len(m.data) == len(raw)
    comments = {forced("header.comment", APK, s).detail.split(" ")[0] for s in range(12)}
    assert len(comments) > 1
    m = forced("header.comment", APK, 0)
    at = lay.eocd + EOCD_FIELDS["comment_len"]
    assert m.data[at : at + 2] != raw[at : at + 2] or len(m.data) > len(raw)


def test_bombs() -> None:
    for seed in range(4):
        m = forced("bomb.declared", APK, seed)
        sizes = [i.file_size for i in zip_of(m.data).infolist()]
        assert max(sizes) >= 0x7FFF_FFFF
    m = forced("bomb.inflate", IPA)
    (big,) = [i for i in zip_of(m.data).infolist() if i.file_size == BOMB_BYTES]
    assert big.compress_size * 200 < BOMB_BYTES
    m = forced("bomb.entries", APK, 1)
    assert len(zip_of(m.data).infolist()) >= 2000
    m = forced("bomb.nested", APK)
    (nested,) = [n for n in zip_of(m.data).namelist() if n.endswith((".zip", ".apk"))]
    assert zip_of(m.data).read(nested)[:4] == b"PK\x03\x04"


def test_classify() -> None:
    """The outcome rules, on made-up endings."""
    report = [{"verdict": "pass"}]
    assert classify(0, "", report, "x.apk", [])[0] == "report"
    assert classify(None, "", [], "x.apk", [])[0] == "hang"
    assert classify(9, "", [], "x.apk", [])[0] == "crash"  # wait status 9: killed by SIGKILL
    assert (
        classify(3 << 8, "x.apk: error: x.apk: bad\n", [{"verdict": "error"}], "x.apk", [])[0]
        == "error"
    )
    assert classify(3 << 8, "oops\n", [{"verdict": "error"}], "x.apk", [])[0] == "crash"
    trace = "Traceback (most recent call last):\nKeyError: 1\n"
    assert classify(1 << 8, trace, [], "x.apk", [])[0] == "crash"
    assert classify(0, "", report, "x.apk", ["evil"])[0] == "escape"
    assert classify(70 << 8, "", [], "x.apk", [])[0] == "crash"


def test_bounded_fuzz_run() -> None:
    limits = RunLimits(seconds=60, natives_inline=True, exclude=EXCLUDE)
    results: list[Outcome] = list(run_seeds(SEEDS, SAMPLES, limits, workers=2))
    assert len(results) == len(SEEDS)
    bad = [r for r in results if r.outcome in BAD]
    assert not bad, "\n".join(
        f"seed {r.seed} ({r.sample}, {r.kind}: {r.detail}): {r.outcome}: {r.message}" for r in bad
    )
    outcomes = Counter(r.outcome for r in results)
    assert outcomes["report"] and outcomes["error"]
    assert len({r.kind for r in results}) > 25


# --- what the fuzzer found: each once a traceback or a hang, now a clear error or a report ---


def _view(data: bytes) -> ZipView:
    return ZipView(io.BytesIO(data), "x.apk", Limits())


def test_damaged_deflate_stream_is_a_corrupt_entry() -> None:
    _, arc = original(APK)
    i = arc.index("AndroidManifest.xml")
    assert i is not None and arc.members[i].method == 8
    arc.members[i] = replace(arc.members[i], data=b"\xff" * len(arc.members[i].data))
    view = _view(arc.write()[0])
    with pytest.raises(CorruptPackage, match="corrupt entry"):
        view.read("AndroidManifest.xml")  # was zlib.error


def test_name_cut_to_nothing_by_a_nul_byte() -> None:
    _, arc = original(IPA)
    arc.members[2] = replace(arc.members[2], name=b"\x00" + arc.members[2].name)
    with pytest.raises(CorruptPackage, match="empty name"):
        _view(arc.write()[0])  # was IndexError in ZipInfo.is_dir()


def test_entry_needing_a_newer_zip_version() -> None:
    _, arc = original(APK)
    arc.members[0] = replace(arc.members[0], version_needed=84)
    with pytest.raises(CorruptPackage, match="unsupported zip format"):
        _view(arc.write()[0])  # was NotImplementedError


def test_very_deep_entry_name_in_an_ipa(tmp_path: Path, ruleset: Ruleset) -> None:
    """A 65,535-byte name of 32,000 folders took the IPA index minutes and a gigabyte."""
    _, arc = original(IPA)
    arc.members.append(replace(arc.members[-1], name=(b"a/" * 32_767)[:-1] + b"x"))
    package = tmp_path / "deep.ipa"
    package.write_bytes(arc.write()[0])
    started = time.monotonic()
    result = scan(package, ScanConfig(), ruleset)
    assert time.monotonic() - started < 10
    assert result.app.file_name == "deep.ipa"


def test_unknown_key_algorithm_in_the_signing_block(tmp_path: Path, ruleset: Ruleset) -> None:
    """One bit of the RSA OID flipped (1.2.840… -> 1.2.1864…) in a v2/v3 certificate: asn1crypto
    raised KeyError when the key was read; now that scheme is reported malformed."""
    raw, arc = original(APK)
    rsa = bytes.fromhex("2a864886f70d010101")
    assert rsa in arc.gap
    package = tmp_path / "oid.apk"
    package.write_bytes(raw.replace(rsa, bytes.fromhex("2a8e4886f70d010101")))
    doc = to_document(scan(package, ScanConfig(), ruleset), ruleset.catalog.rules)
    assert "malformed" in json.dumps(doc)


def test_plist_dictionary_key_that_is_not_a_string() -> None:
    """A binary Info.plist whose key's type marker flipped from string to data: analyzers
    called str methods on a bytes key (TypeError); now the plist is refused by name."""
    good = plistlib.dumps({"DTPlatformBuild": "x", "CFBundleName": "y"}, fmt=plistlib.FMT_BINARY)
    key = b"\x5f\x10\x0fDTPlatformBuild"  # ASCII string, length 15
    assert key in good
    with pytest.raises(CorruptPackage, match="key is bytes, not a string"):
        load_dict(good.replace(key, b"\x4f" + key[1:]), "x.ipa!Info.plist")
    assert load_dict(good, "x.ipa!Info.plist")["CFBundleName"] == "y"


def test_entry_claiming_lzma() -> None:
    """Method 14 (LZMA) over a stored entry's bytes: lzma.LZMAError escaped the reader."""
    _, arc = original(APK)
    i = arc.index("resources.arsc")
    assert i is not None and arc.members[i].method == 0
    arc.members[i] = replace(arc.members[i], method=14)
    with pytest.raises(CorruptPackage, match="corrupt entry"):
        _view(arc.write()[0]).read("resources.arsc")
