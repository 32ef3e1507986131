#!/usr/bin/env python3
"""Record independent ground truth for the iOS samples (every `.ipa` under ../shared/samples, and
the project's own `samples/ios-*.ipa` when they exist).

Values come from tools that share no code with Fingertip's readers: `unzip`, Debian's LLVM 14
Mach-O tools (`llvm-lipo-14`, `llvm-otool-14`, `llvm-nm-14`, `llvm-objdump-14`), `openssl`, and
the system `python3`'s plistlib to print a plist as JSON. The exact command sits beside each
value, so a test can cite it and anyone can re-run it. Executables and signature blobs are cut
into a scratch directory: the commands recorded for an executable (`exe`, its thin slices
`exe.<arch>`, and `cms.der`/`cd0.bin` cut from its signature) run there, after the recorded
`unzip -p <sample> <entry> > exe` (sample path relative to the repository root).

Two values need bytes cut out of a file at an offset that a tool printed; that is done with
`tail -c +N | head -c LEN` (the `dd` of the brief), and the blob found in them with a one-line
`python3 -c` that searches for a magic number, never by parsing the SuperBlob index:
- code-signature entitlements: the XML between the first `<?xml` and `</plist>` in the
  LC_CODE_SIGNATURE bytes (llvm-otool's `dataoff`/`datasize`);
- the CMS blob (after the 0xfade0b01 magic and its length) for `openssl pkcs7`/`openssl cms`,
  and the first CodeDirectory (the 0xfade0c02 blob at the first index entry) that
  `openssl cms -verify -content` checks the signature against.

Usage (from anywhere):
    python scripts/groundtruth_ios.py          # writes tests/data/groundtruth/ios.json
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLES_REL = "../shared/samples"
OWN_SAMPLES = "samples"
OUTPUT = REPO / "tests" / "data" / "groundtruth" / "ios.json"
TIMEOUT = 600
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}

LIPO, OTOOL, NM, OBJDUMP = "llvm-lipo-14", "llvm-otool-14", "llvm-nm-14", "llvm-objdump-14"
PY = "python3"
WILDCARD = re.compile(r"[\[\]*?\\]")
APP = re.compile(r"^(?P<root>(?:[^/]+/)?)Payload/(?P<app>[^/]+\.app)/")
NESTED = (
    (re.compile(r"^PlugIns/[^/]+\.appex/$"), "appex"),
    (re.compile(r"^Extensions/[^/]+\.appex/$"), "appex"),
    (re.compile(r"^Watch/[^/]+\.app/$"), "watch"),
    (re.compile(r"^Frameworks/[^/]+\.framework/$"), "framework"),
)

# Printed by `python3 -c` to turn a plist read from stdin into JSON (data as base64, dates ISO).
PLIST_JSON = (
    "import base64,datetime,json,plistlib,sys;"
    "d=plistlib.loads(sys.stdin.buffer.read());"
    "f=lambda v: base64.b64encode(v).decode() if isinstance(v,bytes) else "
    "v.strftime('%Y-%m-%dT%H:%M:%SZ') if isinstance(v,datetime.datetime) else str(v);"
    "print(json.dumps(d,default=f,sort_keys=True))"
)
# The XML plist embedded in a code signature: from the first `<?xml` to the next `</plist>`.
XML_CUT = (
    "import sys;d=sys.stdin.buffer.read();s=d.find(b'<?xml');e=d.find(b'</plist>',s);"
    "sys.stdout.buffer.write(d[s:e+8] if s>=0 and e>0 else b'')"
)
# The CMS payload of the first BlobWrapper (magic 0xfade0b01, then a big-endian length).
CMS_CUT = (
    "import sys;d=sys.stdin.buffer.read();i=d.find(bytes.fromhex('fade0b01'));"
    "n=int.from_bytes(d[i+4:i+8],'big') if i>=0 else 0;"
    "sys.stdout.buffer.write(d[i+8:i+n] if n>8 else b'')"
)
# The blob at the SuperBlob's first index entry (the CodeDirectory the CMS signs).
CD0_CUT = (
    "import sys;d=sys.stdin.buffer.read();o=int.from_bytes(d[16:20],'big');"
    "sys.stdout.buffer.write(d[o:o+int.from_bytes(d[o+4:o+8],'big')])"
)
DEV_CERTS = (
    "import plistlib,ssl,sys;d=plistlib.loads(sys.stdin.buffer.read());"
    "[print(ssl.DER_cert_to_PEM_cert(c)) for c in d.get('DeveloperCertificates',[])]"
)
# llvm-otool -s prints a section as little-endian 32-bit words; back to bytes, then UTF-16LE
# strings split at NUL (the __ustring section holds non-ASCII string literals).
USTRING_DECODE = (
    "import json,sys;b=bytearray();"
    "[b.extend(int(w,16).to_bytes(4,'little')) for l in sys.stdin.read().splitlines()[2:] "
    "for w in l.split('\\t',1)[-1].split()];"
    "t=bytes(b[:len(b)//2*2]).decode('utf-16-le','replace');"
    "print(json.dumps(sorted({x for x in t.split(chr(0)) if x}),ensure_ascii=False))"
)
PEM_BEGIN = "-----BEGIN CERTIFICATE-----"
INFO_KEYS = (
    "CFBundleIdentifier",
    "CFBundleName",
    "CFBundleDisplayName",
    "CFBundleShortVersionString",
    "CFBundleVersion",
    "MinimumOSVersion",
    "CFBundleExecutable",
    "DTPlatformName",
    "DTPlatformVersion",
    "DTSDKName",
    "DTXcode",
    "DTXcodeBuild",
    "DTCompiler",
    "UIDeviceFamily",
)


class Run:
    def __init__(self, command: str, returncode: int, stdout: bytes, stderr: bytes) -> None:
        self.command = command
        self.returncode = returncode
        self.raw = stdout
        self.stdout = stdout.decode("utf-8", errors="replace")
        self.stderr = stderr.decode("utf-8", errors="replace")

    def first_error(self) -> str:
        for line in (self.stderr + self.stdout).splitlines():
            if line.strip():
                return line.strip()
        return f"exit status {self.returncode}"


def sh(command: str, cwd: Path = REPO) -> Run:
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(command, proc.returncode, proc.stdout, proc.stderr)


def unzip_p(ipa: str, entry: str) -> str:
    return f"unzip -p {shlex.quote(ipa)} {shlex.quote(entry)}"


def plist_json(source: str, commands: dict[str, str], key: str) -> dict[str, Any] | None:
    run = sh(f"{source} | {PY} -c {shlex.quote(PLIST_JSON)}")
    commands[key] = run.command
    if run.returncode != 0:
        return None
    value = json.loads(run.stdout)
    return value if isinstance(value, dict) else None


# ----------------------------------------------------------------------------- the archive


def listing(ipa: str, record: dict[str, Any]) -> list[str] | None:
    run = sh(f"unzip -Z1 {shlex.quote(ipa)}")
    record["commands"]["listing"] = run.command
    if run.returncode != 0:
        record["error"] = {"kind": "not-a-zip", "tool": run.first_error()}
        return None
    return [n for n in run.stdout.splitlines() if n and not n.startswith("__MACOSX/")]


def find_app(names: list[str], record: dict[str, Any]) -> str | None:
    found = sorted({(m.group("root"), m.group("app")) for n in names if (m := APP.match(n))})
    if not found:
        record["error"] = {"kind": "no-app", "tool": "unzip -Z1 lists no Payload/<Name>.app/"}
        return None
    bare = [f for f in found if f[0] == ""]
    root, app = (bare or found)[0]
    record["wrapped_in"] = root or None
    return f"{root}Payload/{app}/"


def nested_bundles(names: list[str], app: str) -> list[tuple[str, str, str]]:
    """(path, kind, parent) of bundles found by folder name in the listing."""
    folders = sorted({n[: i + 1] for n in names for i in range(len(n)) if n[i] == "/"})
    out: list[tuple[str, str, str]] = []

    def walk(base: str, depth: int) -> None:
        if depth > 3:
            return
        for folder in folders:
            if not folder.startswith(base) or folder == base:
                continue
            rel = folder[len(base) :]
            for pattern, kind in NESTED:
                if pattern.match(rel):
                    out.append((folder, kind, base))
                    if kind in ("appex", "watch"):
                        walk(folder, depth + 1)
        for name in names:
            rel = name[len(base) :] if name.startswith(base) else ""
            if re.fullmatch(r"Frameworks/[^/]+\.dylib", rel):
                out.append((name, "dylib", base))

    walk(app, 1)
    return out


def bundle_record(
    ipa: str, names: set[str], path: str, kind: str, parent: str | None
) -> dict[str, Any]:
    commands: dict[str, str] = {}
    rec: dict[str, Any] = {"path": path, "kind": kind, "parent": parent, "commands": commands}
    if kind == "dylib":
        rec.update(info=None, executable=path)
        return rec
    info = None
    if path + "Info.plist" in names:
        info = plist_json(unzip_p(ipa, path + "Info.plist"), commands, "info")
    rec["info"] = {k: info.get(k) for k in INFO_KEYS} if info is not None else None
    exe_name = (info or {}).get("CFBundleExecutable")
    if exe_name is None and kind == "framework":
        exe_name = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".framework")
    rec["executable"] = path + exe_name if exe_name and path + exe_name in names else None
    rec["has_provision"] = path + "embedded.mobileprovision" in names
    rec["has_code_resources"] = path + "_CodeSignature/CodeResources" in names
    rec["has_privacy_manifest"] = path + "PrivacyInfo.xcprivacy" in names
    rec["localized_names"] = localized_names(ipa, names, path, commands)
    return rec


def localized_names(ipa: str, names: set[str], path: str, commands: dict[str, str]) -> dict:
    out = {}
    for name in sorted(names):
        m = re.fullmatch(re.escape(path) + r"(zh[^/]*)\.lproj/InfoPlist\.strings", name)
        if not m or WILDCARD.search(name):
            continue
        locale = m.group(1)
        head = sh(f"{unzip_p(ipa, name)} | head -c 6").raw
        if head.startswith(b"bplist") or head.startswith(b"<?xml"):
            value = plist_json(unzip_p(ipa, name), commands, f"strings:{locale}")
            shown = (value or {}).get("CFBundleDisplayName") or (value or {}).get("CFBundleName")
        else:
            # Old-style text: iconv to UTF-8 (UTF-16 when it has a BOM), then a sed pattern.
            conv = "iconv -f UTF-16 -t UTF-8" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "cat"
            run = sh(
                f"{unzip_p(ipa, name)} | {conv} | sed -n -E "
                '\'s/^[[:space:]]*"?(CFBundleDisplayName|CFBundleName)"?[[:space:]]*=[[:space:]]*'
                '"(([^"\\\\]|\\\\.)*)"[[:space:]]*;.*$/\\1=\\2/p\''
            )
            commands[f"strings:{locale}"] = run.command
            pairs = dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)
            shown = pairs.get("CFBundleDisplayName") or pairs.get("CFBundleName")
        if shown:
            out[locale] = shown
    return out


# ------------------------------------------------------------------------------ profiles


def profile_record(ipa: str, entry: str) -> dict[str, Any]:
    commands: dict[str, str] = {}
    source = f"{unzip_p(ipa, entry)} | openssl cms -inform DER -verify -noverify -binary"
    plist = plist_json(source, commands, "profile") or {}
    ents = plist.get("Entitlements") or {}
    devices = plist.get("ProvisionedDevices") or []
    all_devices = plist.get("ProvisionsAllDevices") is True
    get_task_allow = ents.get("get-task-allow") is True
    # The rule Fingertip documents (Xcode's naming), applied to the raw values above.
    if all_devices:
        kind = "enterprise"
    elif devices:
        kind = "development" if get_task_allow else "ad-hoc"
    else:
        kind = "app-store"
    verify = sh(f"{source} -out /dev/null")
    commands["cms_signature"] = verify.command
    pem = f"{source} | {PY} -c {shlex.quote(DEV_CERTS)}"
    cms_pem = f"{unzip_p(ipa, entry)} | openssl pkcs7 -inform DER -print_certs"
    return {
        "commands": commands,
        "cms_signature_verifies": verify.returncode == 0,
        "name": plist.get("Name"),
        "uuid": plist.get("UUID"),
        "app_id_name": plist.get("AppIDName"),
        "application_identifier": ents.get("application-identifier"),
        "team_ids": plist.get("TeamIdentifier") or [],
        "team_name": plist.get("TeamName"),
        "platforms": plist.get("Platform") or [],
        "creation_date": plist.get("CreationDate"),
        "expiration_date": plist.get("ExpirationDate"),
        "devices_count": len(devices),
        "provisions_all_devices": all_devices,
        "get_task_allow": get_task_allow,
        "profile_type": kind,
        "entitlements": ents,
        "developer_certificates": certificates(pem, commands, "developer_certificates"),
        "cms_certificates": certificates(cms_pem, commands, "cms_certificates"),
    }


def certificates(
    pem_source: str, commands: dict[str, str], key: str, cwd: Path = REPO
) -> list[dict[str, Any]]:
    run = sh(pem_source, cwd=cwd)
    commands[key] = run.command
    count = run.stdout.count(PEM_BEGIN)
    out = []
    for n in range(1, count + 1):
        # openssl x509 prints one digest per run, so the certificate is parsed twice.
        command = (
            f"pem=$({pem_source} | awk -v n={n} '/{PEM_BEGIN}/{{c++}} c==n'); "
            'echo "$pem" | openssl x509 -noout -subject -nameopt RFC2253 -fingerprint -sha1; '
            'echo "$pem" | openssl x509 -noout -fingerprint -sha256'
        )
        res = sh(command, cwd=cwd)
        cert: dict[str, Any] = {"command": command}
        for line in res.stdout.splitlines():
            if line.startswith("subject="):
                cert["subject"] = line[len("subject=") :]
                ou = re.search(r"(?:^|,)OU=([^,]+)", cert["subject"])
                cert["ou"] = ou.group(1) if ou else None
            elif line.startswith("sha1 Fingerprint="):
                cert["sha1"] = line.split("=", 1)[1].replace(":", "").lower()
            elif line.startswith("sha256 Fingerprint="):
                cert["sha256"] = line.split("=", 1)[1].replace(":", "").lower()
        out.append(cert)
    return out


# ----------------------------------------------------------------------------- executables


def binary_record(ipa: str, entry: str, scratch: Path) -> dict[str, Any]:
    exe = scratch / "exe"
    extract = f"{unzip_p(ipa, entry)} > {exe.name}"
    sh(f"{unzip_p(ipa, entry)} > {shlex.quote(str(exe))}")
    archs = sh(f"{LIPO} -archs exe", cwd=scratch).stdout.split()
    fat = sh(f"{OTOOL} -fv exe", cwd=scratch)
    offsets = {
        a: int(o)
        for a, o in re.findall(r"architecture (\S+)\n(?:.*\n)*?\s+offset (\d+)", fat.stdout)
    }
    rec: dict[str, Any] = {
        "executable": entry,
        "commands": {
            "extract": f"(in scratch dir) {extract}",
            "archs": f"{LIPO} -archs exe",
            "fat": f"{OTOOL} -fv exe",
        },
        "fat": bool(offsets),
        "slices": [],
    }
    for arch in archs:
        thin = f"exe.{arch}"
        if offsets:
            sh(f"{LIPO} exe -thin {arch} -output {thin}", cwd=scratch)
        else:
            sh(f"cp exe {thin}", cwd=scratch)
        rec["slices"].append(slice_record(scratch, arch, thin, offsets.get(arch, 0)))
    return rec


def slice_record(scratch: Path, arch: str, thin: str, offset: int) -> dict[str, Any]:
    commands: dict[str, str] = {"thin": f"{LIPO} exe -thin {arch} -output {thin}"}
    rec: dict[str, Any] = {"arch": arch, "offset": offset, "commands": commands}
    header = sh(f"{OTOOL} -hv {thin}", cwd=scratch)
    commands["header"] = header.command
    fields = header.stdout.splitlines()[-1].split()
    rec["filetype"] = "MH_" + fields[4]
    flags = set(fields[7:])
    rec["pie"] = "PIE" in flags
    rec["allow_stack_execution"] = "ALLOW_STACK_EXECUTION" in flags
    rec["no_heap_execution"] = "NO_HEAP_EXECUTION" in flags
    rec.update(load_command_values(scratch, thin, commands))
    undefined = sh(f"{NM} -u {thin}", cwd=scratch)
    commands["undefined"] = undefined.command
    rec["imported_symbols"] = sorted({s.strip() for s in undefined.stdout.splitlines() if s})
    defined = sh(f"{NM} --defined-only {thin}", cwd=scratch)
    commands["defined"] = defined.command
    rec["stripped"] = not any(
        len(p := line.split()) >= 3 and p[1].islower() for line in defined.stdout.splitlines()
    )
    symbols = {}
    for line in defined.stdout.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and re.fullmatch(r"[0-9a-f]+", parts[0]):
            symbols.setdefault(parts[2], int(parts[0], 16))
    rec.update(objc_values(scratch, thin, commands, symbols))
    rec["objc_class_symbols"] = sorted(
        n.removeprefix("_OBJC_CLASS_$_") for n in symbols if n.startswith("_OBJC_CLASS_$_")
    )
    ustrings = sh(
        f"{OTOOL} -s __TEXT __ustring {thin} | {PY} -c {shlex.quote(USTRING_DECODE)}", cwd=scratch
    )
    commands["ustrings"] = ustrings.command
    rec["ustrings"] = json.loads(ustrings.stdout) if ustrings.returncode == 0 else None
    if arch == "arm64":
        rec["functions"] = function_refs(scratch, thin, rec["methods"], commands)
    if rec.get("code_signature"):
        rec["signature"] = signature_values(scratch, thin, rec["code_signature"])
    return rec


def load_command_values(scratch: Path, thin: str, commands: dict[str, str]) -> dict[str, Any]:
    run = sh(f"{OTOOL} -l {thin}", cwd=scratch)
    commands["load_commands"] = run.command
    out: dict[str, Any] = {
        "uuid": None,
        "min_os": None,
        "sdk": None,
        "encryption": None,
        "rpaths": [],
        "libraries": [],
        "code_signature": None,
        "platform": None,
    }
    for block in re.split(r"\nLoad command \d+\n", run.stdout):
        kv = {
            m.group(1): m.group(2).strip()
            for m in re.finditer(r"^\s*(\w+) (.*)$", block, re.MULTILINE)
        }
        cmd = kv.get("cmd")
        if cmd == "LC_UUID":
            out["uuid"] = kv["uuid"]
        elif cmd in ("LC_VERSION_MIN_IPHONEOS", "LC_VERSION_MIN_WATCHOS", "LC_VERSION_MIN_TVOS"):
            out["min_os"], out["sdk"] = kv["version"], kv["sdk"]
            out["platform"] = cmd.rsplit("_", 1)[-1].lower().replace("iphoneos", "ios")
        elif cmd == "LC_BUILD_VERSION":
            out["min_os"], out["sdk"] = kv["minos"], kv["sdk"]
            out["platform"] = kv.get("platform", "").lower()
        elif cmd in ("LC_ENCRYPTION_INFO", "LC_ENCRYPTION_INFO_64"):
            out["encryption"] = {k: int(kv[k]) for k in ("cryptoff", "cryptsize", "cryptid")}
        elif cmd == "LC_RPATH":
            out["rpaths"].append(kv["path"].rsplit(" (offset", 1)[0])
        elif cmd in (
            "LC_LOAD_DYLIB",
            "LC_LOAD_WEAK_DYLIB",
            "LC_REEXPORT_DYLIB",
            "LC_LAZY_LOAD_DYLIB",
            "LC_LOAD_UPWARD_DYLIB",
        ):
            name = kv["name"].rsplit(" (offset", 1)[0]
            out["libraries"].append({"name": name, "weak": cmd == "LC_LOAD_WEAK_DYLIB"})
        elif cmd == "LC_CODE_SIGNATURE":
            out["code_signature"] = [int(kv["dataoff"]), int(kv["datasize"])]
    return out


def objc_values(
    scratch: Path, thin: str, commands: dict[str, str], symbols: dict[str, int]
) -> dict[str, Any]:
    """Classes of __objc_classlist and their methods with IMPs, as llvm-objdump prints them
    (it prints an IMP's symbol instead of its address when the binary is not stripped; the
    address is then the one llvm-nm gives that symbol)."""
    run = sh(f"{OBJDUMP} --macho --objc-meta-data {thin}", cwd=scratch)
    commands["objc"] = run.command
    classes: list[str] = []
    methods: dict[str, str] = {}
    current = None
    meta = in_methods = False
    pending: str | None = None
    section = ""
    for line in run.stdout.splitlines():
        if line.startswith("Contents of"):
            section = line
            continue
        if "__objc_classlist" not in section:
            continue
        if re.match(r"^[0-9a-f]{8,16} 0x[0-9a-f]+", line):
            current, meta, in_methods = None, False, False
        elif line.startswith("Meta Class"):
            meta, in_methods = True, False
        elif m := re.match(r"^ {21}name 0x[0-9a-f]+ (.+)$", line):
            current = current or m.group(1)
        elif m := re.match(r"^\s+baseMethods 0x([0-9a-f]+)", line):
            in_methods = int(m.group(1), 16) != 0
        elif re.match(r"^\s+(baseProtocols|ivars|weakIvarLayout|baseProperties)\b", line):
            in_methods = False
        elif in_methods and (m := re.match(r"^\t\t      name 0x[0-9a-f]+ (.+)$", line)):
            pending = m.group(1)
        elif in_methods and pending and (m := re.match(r"^\t\t       imp (.+?)\s*$", line)):
            imp = m.group(1)
            address = int(imp, 16) if imp.startswith("0x") else symbols.get(imp)
            if address is not None:
                methods[f"{'+' if meta else '-'}[{current} {pending}]"] = hex(address & ~1)
            pending = None
        if current and current not in classes:
            classes.append(current)
    return {"classes": sorted(classes), "methods": methods}


ANNOTATION = re.compile(
    r"^([0-9a-f]+):\s.*?; (Objc selector ref|Objc class ref|Objc cfstring ref|literal pool for"
    r"|literal pool symbol address|symbol stub for|Objc message): (.*)$"
)


def function_refs(
    scratch: Path, thin: str, methods: dict[str, str], commands: dict[str, str]
) -> dict[str, dict[str, list[str]]]:
    """What llvm-objdump's disassembly comments name in each function; functions start at
    LC_FUNCTION_STARTS entries and method IMPs."""
    starts_run = sh(f"{OBJDUMP} --macho --function-starts {thin}", cwd=scratch)
    commands["function_starts"] = starts_run.command
    starts = {int(x, 16) for x in re.findall(r"^([0-9a-f]{16})\s*$", starts_run.stdout, re.M)}
    starts |= {int(v, 16) for v in methods.values()}
    ordered = sorted(starts)
    dis = sh(f"{OBJDUMP} --macho -d {thin}", cwd=scratch)
    commands["disassembly"] = dis.command
    out: dict[int, dict[str, set[str]]] = {}
    import bisect

    # Lines split at "\n" only and kept byte for byte (latin-1): a UTF-16 CFString comes out as
    # its raw bytes, which may hold \r or \x1c that str.splitlines would cut at.
    for line in dis.raw.decode("latin-1").split("\n"):
        m = ANNOTATION.match(line)
        if not m or not ordered:
            continue
        addr = int(m.group(1), 16)
        i = bisect.bisect_right(ordered, addr) - 1
        if i < 0:
            continue
        refs = out.setdefault(ordered[i], {})
        kind, value = m.group(2), _text_or_hex(m.group(3))
        if kind == "Objc selector ref":
            refs.setdefault("selectors", set()).add(value)
        elif kind == "Objc class ref":
            refs.setdefault("classes", set()).add(value.removeprefix("_OBJC_CLASS_$_"))
        elif kind == "Objc cfstring ref":
            refs.setdefault("strings", set()).add(_text_or_hex(m.group(3)[2:-1]))
        elif kind == "literal pool for":
            refs.setdefault("strings", set()).add(_text_or_hex(m.group(3)[1:-1]))
        elif kind == "Objc message":
            # A call through the objc_msgSend stub; `[… super]` goes through objc_msgSendSuper2.
            stub = "_objc_msgSendSuper2" if " super]" in value else "_objc_msgSend"
            refs.setdefault("imports", set()).add(stub)
        else:
            refs.setdefault("imports", set()).add(value)
    return {
        hex(k): {kind: sorted(v for v in values if v) for kind, values in sorted(refs.items())}
        for k, refs in sorted(out.items())
    }


def _text_or_hex(latin1: str) -> str:
    """Printed bytes as text when they are printable UTF-8, else `hex:…` (llvm-objdump prints a
    UTF-16 CFString's bytes as if they were a C string)."""
    raw = latin1.encode("latin-1")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "hex:" + raw.hex()
    return text if text.isprintable() else "hex:" + raw.hex()


def signature_values(scratch: Path, thin: str, where: list[int]) -> dict[str, Any]:
    dataoff, datasize = where
    cut = f"tail -c +{dataoff + 1} {thin} | head -c {datasize}"
    commands: dict[str, str] = {"signature_bytes": cut}
    rec: dict[str, Any] = {"commands": commands}
    ents = sh(
        f"{cut} | {PY} -c {shlex.quote(XML_CUT)} | {PY} -c {shlex.quote(PLIST_JSON)}", cwd=scratch
    )
    commands["entitlements"] = ents.command
    rec["entitlements"] = json.loads(ents.stdout) if ents.returncode == 0 and ents.stdout else None
    cms = f"{cut} | {PY} -c {shlex.quote(CMS_CUT)}"
    size = sh(f"{cms} | wc -c", cwd=scratch)
    if int(size.stdout.strip() or 0) == 0:
        rec.update(cms=False, certificates=[], cdhashes=[], cms_verifies=None)
        commands["cms"] = size.command
        return rec
    rec["cms"] = True
    sh(f"{cms} > cms.der && {cut} | {PY} -c {shlex.quote(CD0_CUT)} > cd0.bin", cwd=scratch)
    commands["cms_files"] = f"{cms} > cms.der && {cut} | {PY} -c {shlex.quote(CD0_CUT)} > cd0.bin"
    rec["certificates"] = certificates(
        "openssl pkcs7 -inform DER -in cms.der -print_certs", commands, "certificates", scratch
    )
    printed = sh("openssl cms -inform DER -in cms.der -cmsout -print", cwd=scratch)
    commands["cms_print"] = printed.command
    rec["cdhashes"] = cdhashes_attribute(printed.stdout)
    verify = sh(
        "openssl cms -verify -noverify -binary -inform DER -in cms.der -content cd0.bin "
        "-out /dev/null",
        cwd=scratch,
    )
    commands["cms_verify"] = verify.command
    rec["cms_verifies"] = verify.returncode == 0
    return rec


def cdhashes_attribute(printed: str) -> list[str]:
    """The cdhashes plist (signed attribute 1.2.840.113635.100.9.1) from openssl's hex dump."""
    m = re.search(
        r"1\.2\.840\.113635\.100\.9\.1\)\n\s+set:\n\s+OCTET STRING:\n((?:\s+[0-9a-f]{4}"
        r" - .*\n)+)",
        printed,
    )
    if not m:
        return []
    raw = bytearray()
    for line in m.group(1).splitlines():
        dump = re.match(r"((?:[0-9a-f]{2}[ -])*[0-9a-f]{2})", line.split(" - ", 1)[1])
        if dump:
            raw.extend(bytes.fromhex(dump.group(1).replace("-", " ")))
    import base64
    import plistlib

    plist = plistlib.loads(bytes(raw))
    return [
        bytes(h).hex() if isinstance(h, bytes) else base64.b64decode(h).hex()
        for h in plist.get("cdhashes", [])
    ]


# ------------------------------------------------------------------------------------ main


def ipa_record(ipa: str) -> dict[str, Any]:
    record: dict[str, Any] = {"file": ipa, "commands": {}, "error": None}
    sha = sh(f"sha256sum {shlex.quote(ipa)}")
    record["commands"]["sha256"] = sha.command
    record["sha256"] = sha.stdout.split()[0] if sha.returncode == 0 else None
    names = listing(ipa, record)
    if names is None:
        return record
    app = find_app(names, record)
    if app is None:
        return record
    record["app"] = app
    entries = set(names)
    bundles = [bundle_record(ipa, entries, app, "app", None)]
    bundles += [
        bundle_record(ipa, entries, p, k, parent) for p, k, parent in nested_bundles(names, app)
    ]
    record["bundles"] = bundles
    main = bundles[0]
    if main["info"] is None:
        record["error"] = {"kind": "no-info-plist", "tool": "unzip -Z1 lists no Info.plist"}
    record["profile"] = (
        profile_record(ipa, app + "embedded.mobileprovision") if main.get("has_provision") else None
    )
    record["binaries"] = []
    for bundle in bundles:
        exe = bundle.get("executable")
        if exe and not WILDCARD.search(exe):
            with tempfile.TemporaryDirectory() as tmp:
                record["binaries"].append(binary_record(ipa, exe, Path(tmp)))
    return record


def sample_files() -> list[str]:
    shared = REPO / SAMPLES_REL
    out = (
        sorted(f"{SAMPLES_REL}/{p.relative_to(shared).as_posix()}" for p in shared.rglob("*.ipa"))
        if shared.exists()
        else []
    )
    own = REPO / OWN_SAMPLES
    out += sorted(f"{OWN_SAMPLES}/{p.name}" for p in own.glob("ios-*.ipa")) if own.exists() else []
    return out


def main() -> int:
    files = sample_files()
    if not files:
        print("no .ipa found under ../shared/samples or samples/", file=sys.stderr)
        return 1
    records = [ipa_record(f) for f in files]
    OUTPUT.write_text(
        json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUTPUT.relative_to(REPO)}: {len(records)} IPAs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
