"""A zip archive as an editable model, for the mutation fuzzer (scripts/fuzz.py).

It knows nothing of the scanner: it reads the records of a zip (local headers, the bytes between
the last entry and the central directory, which hold the APK signing block, the central
directory and the end record), lets a mutation change names or contents, and writes the archive
back with every size, CRC and offset consistent, plus a layout of where each header landed, so
that a mutation can then corrupt exactly one field.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field, replace

LOCAL_SIG, CENTRAL_SIG, EOCD_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
DESCRIPTOR_SIG = b"PK\x07\x08"
LOCAL = struct.Struct("<4sHHHHHIIIHH")  # 30 bytes
CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")  # 46 bytes
EOCD = struct.Struct("<4sHHHHIIH")  # 22 bytes
STORED, DEFLATED = 0, 8
FLAG_DESCRIPTOR = 0x08

# Field offsets inside each header, for mutations that corrupt one field of the written bytes.
LOCAL_FIELDS = {"flags": 6, "method": 8, "crc": 14, "csize": 18, "usize": 22, "name_len": 26}
CENTRAL_FIELDS = {
    "flags": 8,
    "method": 10,
    "crc": 16,
    "csize": 20,
    "usize": 24,
    "name_len": 28,
    "extra_len": 30,
    "local_offset": 42,
}
EOCD_FIELDS = {
    "disk_entries": 8,
    "total_entries": 10,
    "cd_size": 12,
    "cd_offset": 16,
    "comment_len": 20,
}


class NotAZip(ValueError):
    """The input has no readable end record or central directory."""


@dataclass(slots=True)
class Member:
    """One entry: its central-directory fields and its stored (possibly compressed) bytes."""

    name: bytes
    data: bytes
    method: int
    flags: int
    crc: int
    usize: int
    version_made: int = 20
    version_needed: int = 20
    mtime: int = 0
    mdate: int = 0x21
    internal_attr: int = 0
    external_attr: int = 0
    local_extra: bytes = b""
    central_extra: bytes = b""
    comment: bytes = b""
    local_name: bytes | None = None  # set when the local header names it differently

    def content(self) -> bytes:
        """The uncompressed bytes (raw deflate or stored)."""
        if self.method == DEFLATED:
            return zlib.decompress(self.data, -15)
        return self.data

    def with_content(self, content: bytes) -> Member:
        """The same entry holding `content`, compressed as before, sizes and CRC right."""
        if self.method == DEFLATED:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = packer.compress(content) + packer.flush()
        else:
            data = content
        return replace(
            self,
            data=data,
            crc=zlib.crc32(content),
            usize=len(content),
            flags=self.flags & ~FLAG_DESCRIPTOR,
        )


@dataclass(slots=True)
class Layout:
    """Where the headers of a written archive are."""

    local: list[int] = field(default_factory=list)  # offset of each local header
    data: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each entry's bytes
    central: list[int] = field(default_factory=list)  # offset of each central header
    gap: tuple[int, int] = (0, 0)  # bytes between the last entry and the central directory
    cd: tuple[int, int] = (0, 0)
    eocd: int = 0


@dataclass(slots=True)
class Archive:
    members: list[Member]
    gap: bytes = b""  # the APK signing block, when there is one
    comment: bytes = b""

    def index(self, name: str) -> int | None:
        raw = name.encode()
        return next((i for i, m in enumerate(self.members) if m.name == raw), None)

    def write(self) -> tuple[bytes, Layout]:
        out = bytearray()
        lay = Layout()
        offsets = []
        for m in self.members:
            name = m.name if m.local_name is None else m.local_name
            offsets.append(len(out))
            lay.local.append(len(out))
            out += LOCAL.pack(
                LOCAL_SIG,
                m.version_needed,
                m.flags & ~FLAG_DESCRIPTOR,
                m.method,
                m.mtime,
                m.mdate,
                m.crc,
                len(m.data),
                m.usize,
                len(name),
                len(m.local_extra),
            )
            out += name + m.local_extra
            lay.data.append((len(out), len(out) + len(m.data)))
            out += m.data
        lay.gap = (len(out), len(out) + len(self.gap))
        out += self.gap
        cd_start = len(out)
        for m, offset in zip(self.members, offsets, strict=True):
            lay.central.append(len(out))
            out += CENTRAL.pack(
                CENTRAL_SIG,
                m.version_made,
                m.version_needed,
                m.flags & ~FLAG_DESCRIPTOR,
                m.method,
                m.mtime,
                m.mdate,
                m.crc,
                len(m.data),
                m.usize,
                len(m.name),
                len(m.central_extra),
                len(m.comment),
                0,
                m.internal_attr,
                m.external_attr,
                offset,
            )
            out += m.name + m.central_extra + m.comment
        lay.cd = (cd_start, len(out))
        lay.eocd = len(out)
        # Past 65,535 entries a real zip needs zip64; the 16-bit count saturates instead (a
        # reader that walks the directory by its size still sees every entry).
        count = min(len(self.members), 0xFFFF)
        out += EOCD.pack(
            EOCD_SIG, 0, 0, count, count, len(out) - cd_start, cd_start, len(self.comment)
        )
        out += self.comment
        return bytes(out), lay


def _find_eocd(raw: bytes) -> int:
    start = len(raw) - EOCD.size
    while start >= 0:
        at = raw.rfind(EOCD_SIG, 0, start + 4)
        if at < 0:
            break
        (comment_len,) = struct.unpack_from("<H", raw, at + 20) if at + 22 <= len(raw) else (0,)
        if at + EOCD.size + comment_len == len(raw):
            return at
        start = at - 1
    raise NotAZip("no end-of-central-directory record")


def parse(raw: bytes) -> Archive:
    """The archive in `raw` (no zip64, one disk: what APKs and IPAs of this size are)."""
    eocd = _find_eocd(raw)
    _, _, _, _, count, _, cd_offset, comment_len = EOCD.unpack_from(raw, eocd)
    members: list[Member] = []
    ends: list[int] = []
    pos = cd_offset
    for _ in range(count):
        if raw[pos : pos + 4] != CENTRAL_SIG:
            raise NotAZip(f"no central header at {pos}")
        f = CENTRAL.unpack_from(raw, pos)
        name_len, extra_len, comment_len_e, local_offset = f[10], f[11], f[12], f[16]
        name = raw[pos + 46 : pos + 46 + name_len]
        extra = raw[pos + 46 + name_len : pos + 46 + name_len + extra_len]
        comment = raw[
            pos + 46 + name_len + extra_len : pos + 46 + name_len + extra_len + comment_len_e
        ]
        pos += 46 + name_len + extra_len + comment_len_e
        lf = LOCAL.unpack_from(raw, local_offset)
        if lf[0] != LOCAL_SIG:
            raise NotAZip(f"no local header at {local_offset}")
        start = local_offset + 30 + lf[9] + lf[10]
        local_name = raw[local_offset + 30 : local_offset + 30 + lf[9]]
        csize = f[8]
        end = start + csize
        if f[3] & FLAG_DESCRIPTOR:
            end += 16 if raw[end : end + 4] == DESCRIPTOR_SIG else 12
        ends.append(end)
        members.append(
            Member(
                name=name,
                data=raw[start : start + csize],
                method=f[4],
                flags=f[3],
                crc=f[7],
                usize=f[9],
                version_made=f[1],
                version_needed=f[2],
                mtime=f[5],
                mdate=f[6],
                internal_attr=f[14],
                external_attr=f[15],
                local_extra=raw[local_offset + 30 + lf[9] : start],
                central_extra=extra,
                comment=comment,
                local_name=None if local_name == name else local_name,
            )
        )
    last = max(ends, default=0)
    return Archive(
        members, gap=raw[last:cd_offset], comment=raw[eocd + 22 : eocd + 22 + comment_len]
    )
