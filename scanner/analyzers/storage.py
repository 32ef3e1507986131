"""SEC-STORAGE-001, insecure storage and logs, three shapes:

- world-readable or world-writable files: `openFileOutput`, `getSharedPreferences`,
  `openOrCreateDatabase` or `getDir` with a mode constant holding MODE_WORLD_READABLE (1) or
  MODE_WORLD_WRITEABLE (2), read from the call's own argument (scanner/graph/bodies.py);
- writes to public external storage: `Environment.getExternalStorageDirectory` /
  `getExternalStoragePublicDirectory` with WRITE_EXTERNAL_STORAGE requested and a file write
  (FileOutputStream, FileWriter, mkdirs …) in the same method, one it calls, or its caller;
- secrets in the log: a `Log.*` call in a method that labels a value as a password, token or
  ID-card number ("password: " + …): the label must end the string, so a message that merely
  mentions passwords ("wrong password") does not count. Only the app's own code: an SDK's or
  support library's logging is not the app's to fix, and mostly logs its own push tokens.

E3 when an entry point reaches the call (with the path), else E2 one level lower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Final

from scanner.analyzers.base import AndroidInputs, CodeEvidence, Context
from scanner.analyzers.reached import call_finding
from scanner.graph.callgraph import CodeGraph
from scanner.graph.own_code import LIBRARY_ROOTS
from scanner.graph.reach import near
from scanner.model import Finding, Platform, Text

RULE = "SEC-STORAGE-001"
MAX_EVIDENCE = 5
WRITE_HOPS = 2

_MODE_APIS: Final = ("openFileOutput", "getSharedPreferences", "openOrCreateDatabase", "getDir")
_WORLD_MODES: Final = 0x3  # MODE_WORLD_READABLE | MODE_WORLD_WRITEABLE
_EXTERNAL: Final = (
    "Landroid/os/Environment;->getExternalStorageDirectory",
    "Landroid/os/Environment;->getExternalStoragePublicDirectory",
)
_WRITES: Final = (
    "Ljava/io/FileOutputStream;-><init>",
    "Ljava/io/FileWriter;-><init>",
    "Ljava/io/RandomAccessFile;-><init>",
    "Ljava/io/PrintWriter;-><init>",
    "Ljava/io/File;->createNewFile",
    "Ljava/io/File;->mkdir",
    "Landroid/graphics/Bitmap;->compress",
)
_WRITE_PERMISSION: Final = "android.permission.WRITE_EXTERNAL_STORAGE"
_LOG: Final = tuple(
    f"Landroid/util/Log;->{m}(" for m in ("v", "d", "i", "w", "e", "wtf", "println")
)
# A label that a value follows: "password: ", "token=", "身份证号：", "Password is ".
SENSITIVE_LABEL: Final = re.compile(
    r"(?i)(?:password|passwd|pwd|passcode|token|secret|身份证号?|idcard|id_card|密码)"
    r"(?:\s*[:=：]|\s+is)\s*$"
)
# A value named as one, in a method that also builds a string (the log message): the
# request parameter "password" beside Log.d(…, "account=" + user + ":" + password).
SENSITIVE_NAME: Final = re.compile(
    r"(?i)^(?:password|passwd|pwd|passcode|token|access_?token|secret|身份证号?|idcard|id_card|密码)$"
)
_CONCAT: Final = ("Ljava/lang/StringBuilder;->append", "Ljava/lang/String;->concat")


@dataclass(frozen=True, slots=True)
class _Kind:
    key: str
    zh: str
    en: str


_WORLD = _Kind(
    "world",
    "以全局可读/可写模式（MODE_WORLD_READABLE/WRITEABLE）创建文件、配置或数据库",
    "creates a file, preferences or database world-readable/writeable "
    "(MODE_WORLD_READABLE/WRITEABLE)",
)
_EXTERNAL_KIND = _Kind(
    "external",
    "向公共外部存储写入文件（已申请 WRITE_EXTERNAL_STORAGE）",
    "writes files to public external storage (WRITE_EXTERNAL_STORAGE is requested)",
)
_LOGS = _Kind(
    "log",
    "在日志中输出口令、令牌或身份证号",
    "writes a password, token or ID-card number to the log",
)


class StorageAnalyzer:
    id: ClassVar[str] = "storage"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.ANDROID,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: AndroidInputs, ctx: Context) -> Iterator[Finding]:
        code = inputs.code
        if code is None:
            return
        permissions = {name for name, _ in inputs.facts.permissions}
        kinds: list[tuple[_Kind, list[tuple[int, int, str]]]] = [
            (_WORLD, _world_modes(code)),
            (
                _EXTERNAL_KIND,
                _external_writes(code.graph) if _WRITE_PERMISSION in permissions else [],
            ),
            (_LOGS, _sensitive_logs(code.graph, ctx)),
        ]
        for kind, calls in kinds:
            if calls:
                yield call_finding(ctx, RULE, Text(zh=kind.zh, en=kind.en), calls, code)


def _callers(g: CodeGraph, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """(calling method, API) for the app-defined callers of APIs starting with `prefixes`."""
    return sorted(
        (caller, api)
        for api in g.matching(prefixes)
        for caller in g.graph.pred[api]
        if caller in g.defined
    )


def _world_modes(code: CodeEvidence) -> list[tuple[int, int, str]]:
    """(caller, API, note) where the mode argument is a constant with a world bit set."""
    if not code.dexes:
        return []
    g = code.graph
    reader = code.bodies
    prefixes = tuple(f"Landroid/content/Context;->{m}(Ljava/lang/String;I" for m in _MODE_APIS)
    out = []
    for caller, api in _callers(g, prefixes):
        body = reader.node_body(g.names[caller])
        if body is None:
            continue
        for n, ref in body.calls():
            args = body.insns[n].args()
            if (
                ref.name not in _MODE_APIS
                or len(args) < 3
                or not ref.proto.startswith("(Ljava/lang/String;I")
            ):
                continue
            w = body.writer(n, args[2])
            mode = body.insns[w].literal() if w is not None else None
            if mode is not None and mode & _WORLD_MODES:
                out.append((caller, api, f"{ref.name}(…, mode={mode:#x})"))
                break
    return out


def _external_writes(g: CodeGraph) -> list[tuple[int, int, str]]:
    writes = g.matching(_WRITES)
    out = []
    for caller, api in _callers(g, _EXTERNAL):
        sources = [caller, *(p for p in g.graph.pred[caller] if p in g.defined)]
        path = near(g, sources, writes, WRITE_HOPS)
        if path is not None:
            out.append((caller, api, f"then {g.short(path[-1])}"))
    return out


def _sensitive_logs(g: CodeGraph, ctx: Context) -> list[tuple[int, int, str]]:
    out = []
    for caller, api in _callers(g, _LOG):
        cls = g.class_of(caller)
        if cls.startswith(LIBRARY_ROOTS) or ctx.sdk_table.owner(cls) is not None:
            continue
        strings = g.strings(caller)
        label = next((s for s in strings if SENSITIVE_LABEL.search(s)), None)
        if label is None and _concatenates(g, caller):
            label = next((s for s in strings if SENSITIVE_NAME.match(s)), None)
        if label is not None:
            out.append((caller, api, f"logs beside {label.strip()!r}"))
    return out


def _concatenates(g: CodeGraph, node: int) -> bool:
    return any(g.names[n].startswith(_CONCAT) for n in g.graph.adj[node])
