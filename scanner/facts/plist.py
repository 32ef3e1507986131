"""Property lists and `.strings` files from an iOS package, read safely and within bounds.

plistlib reads XML and binary plists; it refuses XML entity declarations (so no billion-laughs)
and never fetches a DTD. What it does not bound is size and nesting: a hostile binary plist can
reference itself (endless recursion) or claim huge counts, so input size is capped first and
every failure becomes a `CorruptPackage` that names the file.

`.strings` files (InfoPlist.strings, Localizable.strings) come in three forms: binary plist (what
Xcode writes by default), XML plist, and the old-style text form `"key" = "value";` in UTF-16 or
UTF-8. The old-style reader here takes only that subset (strings, comments), which is all a
strings file may hold.
"""

from __future__ import annotations

import base64
import datetime as dt
import plistlib
import re
import struct
from typing import Any
from xml.parsers.expat import ExpatError

from scanner.errors import CorruptPackage

MAX_PLIST_BYTES = 8 * 1024 * 1024
_PLIST_ERRORS = (
    plistlib.InvalidFileException,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    RecursionError,
    struct.error,
    UnicodeError,
    ExpatError,
    MemoryError,
)


def load_plist(data: bytes, where: str, *, max_bytes: int = MAX_PLIST_BYTES) -> Any:
    """Any plist value (dict, list, …) from XML or binary bytes; `where` names it in errors."""
    if len(data) > max_bytes:
        raise CorruptPackage(f"{where}: {len(data)} bytes, over the {max_bytes}-byte plist limit")
    try:
        value = plistlib.loads(data)
    except _PLIST_ERRORS as exc:
        raise CorruptPackage(f"{where}: not a readable property list ({_reason(exc)})") from exc
    _check_keys(value, where)
    return value


def _check_keys(value: Any, where: str) -> None:
    """Every dictionary key a string, as the plist format requires; a binary plist can encode
    any object as a key (a fuzzed Info.plist had a data key) and readers call str methods on
    keys. Walked with a stack and a seen-set: a binary plist can share one object many times."""
    stack, seen = [value], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            bad = next((k for k in item if not isinstance(k, str)), None)
            if bad is not None:
                raise CorruptPackage(
                    f"{where}: not a valid property list (a dictionary key is "
                    f"{type(bad).__name__}, not a string)"
                )
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def load_dict(data: bytes, where: str, *, max_bytes: int = MAX_PLIST_BYTES) -> dict[str, Any]:
    """A plist whose top level must be a dictionary (Info.plist, entitlements, profiles)."""
    value = load_plist(data, where, max_bytes=max_bytes)
    if not isinstance(value, dict):
        raise CorruptPackage(
            f"{where}: property list holds a {type(value).__name__}, not a dictionary"
        )
    return value


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "objects nested too deeply or referring to themselves"
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def plain(value: Any) -> Any:
    """A plist value made JSON-ready: data as base64, dates as ISO 8601 UTC, UIDs as ints."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime):
        return iso_date(value)
    if isinstance(value, plistlib.UID):
        return value.data
    return value


def iso_date(value: dt.datetime) -> str:
    """plistlib gives naive datetimes that are UTC; say so in the string."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------------------------------------------ .strings files

_BOMS = (
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xef\xbb\xbf", "utf-8"),
)
# Old-style tokens: a comment, a quoted string, an unquoted word, or one punctuation mark.
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<block>/\*.*?\*/)
  | (?P<line>//[^\n]*)
  | "(?P<quoted>(?:[^"\\]|\\.)*)"
  | (?P<word>[A-Za-z0-9_$+/:.\-]+)
  | (?P<punct>[=;])
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
_ESCAPE = re.compile(r"\\(U[0-9A-Fa-f]{4}|u[0-9A-Fa-f]{4}|[0-7]{1,3}|.)", re.DOTALL)


def load_strings(data: bytes, where: str, *, max_bytes: int = MAX_PLIST_BYTES) -> dict[str, str]:
    """The key → text pairs of a `.strings` file, whichever of its three forms it is in."""
    if len(data) > max_bytes:
        raise CorruptPackage(f"{where}: {len(data)} bytes, over the {max_bytes}-byte limit")
    if data.startswith(b"bplist") or data.lstrip().startswith((b"<?xml", b"<plist", b"<!DOCTYPE")):
        value = load_dict(data, where, max_bytes=max_bytes)
        return {str(k): v for k, v in value.items() if isinstance(v, str)}
    return _old_style(_decode_text(data, where), where)


def _encoding(data: bytes) -> tuple[bytes, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    # No byte-order mark: UTF-16 text shows NULs in every other byte of its ASCII quotes.
    if len(data) >= 2 and data[1] == 0 and data[0] != 0:
        return data, "utf-16-le"
    if len(data) >= 2 and data[0] == 0 and data[1] != 0:
        return data, "utf-16-be"
    return data, "utf-8"


def _decode_text(data: bytes, where: str) -> str:
    body, encoding = _encoding(data)
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorruptPackage(f"{where}: not valid {encoding} text ({exc.reason})") from exc


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "Uu" and len(code) == 5:
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, text)


def _old_style(text: str, where: str) -> dict[str, str]:
    """`"key" = "value";` pairs; a bare `"key";` maps the key to itself, as Foundation does."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            line = text.count("\n", 0, pos) + 1
            raise CorruptPackage(f"{where}: not a strings file (unexpected text on line {line})")
        pos = m.end()
        kind = m.lastgroup or ""
        if kind in ("space", "block", "line"):
            continue
        if kind == "quoted":
            tokens.append(("str", _unescape(m.group("quoted"))))
        elif kind == "word":
            tokens.append(("str", m.group("word")))
        else:
            tokens.append((m.group("punct"), m.group("punct")))
    out: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        kind, key = tokens[i]
        if kind != "str":
            raise CorruptPackage(f"{where}: not a strings file (expected a key, found {key!r})")
        if i + 1 < len(tokens) and tokens[i + 1][0] == ";":
            out[key] = key
            i += 2
            continue
        if i + 2 < len(tokens) and tokens[i + 1][0] == "=" and tokens[i + 2][0] == "str":
            # Foundation forgives a missing `;` after the last entry; so do we.
            closed = i + 3 < len(tokens) and tokens[i + 3][0] == ";"
            if closed or i + 3 == len(tokens):
                out[key] = tokens[i + 2][1]
                i += 4
                continue
        raise CorruptPackage(f'{where}: not a strings file (entry {key!r} is not `"k" = "v";`)')
    return out
