"""SEC-STORAGE-001 on iOS, insecure storage and logs, in the app's own code
(scanner/analyzers/ios/own_bundles.py), with Android's label rules (scanner/analyzers/storage.py):

- a token, password or ID-card number in NSUserDefaults: a function that sends
  `setObject:forKey:` / `setValue:forKey:` to the defaults (`standardUserDefaults`,
  `initWithSuiteName:` or the NSUserDefaults class) and uses a key string that names one
  (`access_token`, `password`, `身份证号`). The defaults are a plain plist in the app's
  container: in every backup, readable on a jailbroken device;
- one in the system log: a function calling `NSLog`/`NSLogv` with a format whose text before
  a conversion ends in such a label (`"token=%@"`, `"密码：%@"`), or that formats (`%@`)
  beside a string naming one (`NSLog(@"%@", d[@"password"])`).

Data Protection is a lower-confidence note on these findings, never a finding of its own: an
app without the `com.apple.developer.default-data-protection` entitlement set to
NSFileProtectionComplete that writes files (`writeToFile:atomically:`, `createFileAtPath:…`)
leaves them readable while the device is locked (class C, "until first unlock", is the
default); the app may still protect single files in code (`NSDataWritingFileProtection…`
options), which the reader does not see.

E3 when an entry point reaches the function (with the path), else E2 one level lower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Final

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.own_bundles import Hit, class_of, function_finding, own_code
from scanner.analyzers.storage import SENSITIVE_LABEL, SENSITIVE_NAME
from scanner.facts.macho import FunctionRefs
from scanner.model import Finding, Platform, Text

RULE = "SEC-STORAGE-001"
DATA_PROTECTION: Final = "com.apple.developer.default-data-protection"
COMPLETE: Final = "NSFileProtectionComplete"

_SETTERS: Final = ("setObject:forKey:", "setValue:forKey:")
_DEFAULTS_SELECTORS: Final = frozenset({"standardUserDefaults", "initWithSuiteName:"})
_LOGS: Final = frozenset({"_NSLog", "_NSLogv"})
_FILE_WRITES: Final = frozenset(
    {
        "writeToFile:atomically:",
        "writeToFile:atomically:encoding:error:",
        "writeToFile:options:error:",
        "writeToURL:atomically:",
        "writeToURL:options:error:",
        "createFileAtPath:contents:attributes:",
    }
)
# printf-style conversions, ObjC's %@ and positional %1$@ included.
_CONVERSION: Final = re.compile(
    r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|q|z|t|j)?[@dioux"
    r"XfFeEgGcsp]"
)

_DEFAULTS = Text(
    zh="将口令、令牌或身份证号以明文写入 NSUserDefaults",
    en="stores a password, token or ID-card number in NSUserDefaults (a plain plist)",
)
_LOG = Text(
    zh="用 NSLog 在系统日志中输出口令、令牌或身份证号",
    en="writes a password, token or ID-card number to the system log with NSLog",
)


class IosStorageAnalyzer:
    id: ClassVar[str] = "ios-storage"
    platforms: ClassVar[tuple[Platform, ...]] = (Platform.IOS,)
    rule_ids: ClassVar[tuple[str, ...]] = (RULE,)

    def analyze(self, inputs: IosInputs, ctx: Context) -> Iterator[Finding]:
        defaults: list[Hit] = []
        logs: list[Hit] = []
        writers: list[str] = []
        for _b, s, g in own_code(inputs):
            for address, f in sorted(s.functions.items()):
                if ctx.sdk_table.owner(class_of(f.name or "")) is not None:
                    continue  # a static SDK's own storage is not the app's to fix
                key = _defaults_key(f)
                if key is not None:
                    defaults.append(Hit(s, g, address, "NSUserDefaults setObject:forKey:", key))
                label = _logged_label(f)
                if label is not None:
                    logs.append(Hit(s, g, address, "NSLog", label))
                if f.selectors & _FILE_WRITES:
                    writers.append(f.name or f"sub_{address:x}")
        note = _data_protection_note(inputs, writers)
        for what, hits in ((_DEFAULTS, defaults), (_LOG, logs)):
            if hits:
                yield function_finding(ctx, RULE, what, hits, note=note)


def _sensitive_key(strings: frozenset[str]) -> str | None:
    return next((s for s in sorted(strings) if SENSITIVE_NAME.match(s)), None)


def _defaults_key(f: FunctionRefs) -> str | None:
    if not f.selectors & set(_SETTERS):
        return None
    if not (f.selectors & _DEFAULTS_SELECTORS or "NSUserDefaults" in f.classes):
        return None
    key = _sensitive_key(f.strings)
    return f"key {key!r}" if key is not None else None


def _logged_label(f: FunctionRefs) -> str | None:
    if not f.imports & _LOGS:
        return None
    for s in sorted(f.strings):
        # The text before each conversion is a label ("login ok, token=" of "…token=%@").
        pieces = _CONVERSION.split(s)[:-1]
        label = next((p for p in pieces if SENSITIVE_LABEL.search(p)), None)
        if label is not None:
            return f"logs {s!r}"
    formats = any(_CONVERSION.search(s) for s in f.strings)
    key = _sensitive_key(f.strings) if formats else None
    return f"logs beside {key!r}" if key is not None else None


def _data_protection_note(inputs: IosInputs, writers: list[str]) -> Text | None:
    value = inputs.app.entitlements.get(DATA_PROTECTION)
    if value == COMPLETE or not writers:
        return None
    state = f"= {value}" if value else "absent"
    shown = ", ".join(writers[:3])
    return Text(
        zh=f"；另（较低置信度）：未启用完全数据保护（{DATA_PROTECTION} {state}），"
        f"而 {shown} 写入文件",
        en=f"; also (lower confidence): no complete Data Protection ({DATA_PROTECTION} {state}) "
        f"while {shown} writes files",
    )
