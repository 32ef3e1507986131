#!/usr/bin/env python3
"""Record independent ground truth for the Android samples in ../shared/samples.

Every value comes from Debian's own tools (aapt, apksigner, unzip, openssl), and the exact
command that produced it is stored beside it, so a test can cite it and a human can re-run it.
Commands are run from the repository root with the relative sample paths they record.

The one place where this script reads bytes itself is ``--signing-block-certs``: APKs signed
only with APK Signature Scheme v2/v3 have no META-INF certificate for openssl to read, so this
mode prints the certificates found in the APK Signing Block as PEM for openssl to parse. Each
certificate from that route is matched to an apksigner signer by its SHA-256 digest, which
openssl computes, so a parsing mistake here cannot produce a wrong modulus silently.

Usage (from anywhere):
    python scripts/groundtruth_android.py                       # writes the JSON file
    python scripts/groundtruth_android.py --signing-block-certs FILE.apk
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shlex
import struct
import subprocess
import sys
import textwrap
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLES_REL = "../shared/samples"
SCRIPT_REL = "scripts/groundtruth_android.py"
OUTPUT = REPO / "tests" / "data" / "groundtruth" / "android.json"
TIMEOUT = 600

# Locale and time zone fixed so that output bytes do not depend on the caller's environment.
ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"}
}
ENV.update({"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"})

# aapt prints Android log lines ("ResourceType W 11-22 13:17:37  3699  3699 ...") on stderr;
# they carry a time and a pid, so they are skipped when recording aapt's error line.
LOG_LINE = re.compile(r"^\S+\s+[VDIWEF] \d\d-\d\d \d\d:\d\d:\d\d\.?\d*\s+\d+\s+\d+ ")
QUOTED = re.compile(r"(\w[\w-]*)='((?:[^'\\]|\\.)*)'")
SCHEME = re.compile(r"^Verified using (v[\d.]+) scheme \(.*\): (true|false)$")
SIGNER = re.compile(r"^Signer #(\d+) (.+?): (.*)$")
LINEAGE_SIGNER = re.compile(r"^Signer #(\d+) in lineage (.+?): (.*)$")
LINEAGE_CAP = re.compile(r"^Has (.+?) capability\s*: (true|false)$")
SIGNATURE_BLOCK = re.compile(r"^META-INF/[^/]+\.(RSA|DSA|EC)$", re.IGNORECASE)
PEM_BEGIN = "-----BEGIN CERTIFICATE-----"
# With -text, print only the public key part (algorithm and size) of the certificate.
X509_CERTOPT = (
    "no_header,no_version,no_serial,no_signame,no_validity,no_subject,no_issuer,"
    "no_sigdump,no_aux,no_extensions"
)

SIGNER_FIELDS = {
    "certificate DN": "dn",
    "certificate SHA-256 digest": "sha256",
    "certificate SHA-1 digest": "sha1",
    "certificate MD5 digest": "md5",
    "key algorithm": "key_algorithm",
    "key size (bits)": "key_size",
    "public key SHA-256 digest": "public_key_sha256",
    "public key SHA-1 digest": "public_key_sha1",
    "public key MD5 digest": "public_key_md5",
}

# APK Signing Block IDs (AOSP apksig): v2, v3, v3.1 signer blocks and the v3 lineage attribute.
BLOCK_IDS = {0x7109871A: "v2", 0xF05368C0: "v3", 0x1B93AD61: "v3.1"}
PROOF_OF_ROTATION_ATTR = 0x3BA06F8C


class Run:
    """One finished command: the string recorded in the JSON and what it printed."""

    def __init__(self, command: str, returncode: int, stdout: str, stderr: str) -> None:
        self.command = command
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    @property
    def out_lines(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run(args: list[str]) -> Run:
    """Run one program (no shell) from the repository root."""
    proc = subprocess.run(
        args,
        cwd=REPO,
        env=ENV,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(
        shlex.join(args),
        proc.returncode,
        proc.stdout.decode("utf-8", errors="replace"),
        proc.stderr.decode("utf-8", errors="replace"),
    )


def run_pipeline(command: str) -> Run:
    """Run a shell pipeline (bash, pipefail) from the repository root."""
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(
        command,
        proc.returncode,
        proc.stdout.decode("utf-8", errors="replace"),
        proc.stderr.decode("utf-8", errors="replace"),
    )


def first_real_line(lines: list[str]) -> str | None:
    for line in lines:
        if line.strip() and not LOG_LINE.match(line):
            return line.strip()
    return None


def unescape_aapt(value: str) -> str:
    """Undo aapt's output escaping (ResTable::normalizeForOutput: \\\\, \\', \\n)."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), value)


def to_int(value: str | None) -> int | str | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        return value


# --------------------------------------------------------------------------------------------
# aapt


def parse_badging(result: Run, record: dict[str, Any]) -> None:
    fields: dict[str, str] = {}
    for line in result.out_lines:
        key, sep, rest = line.partition(":")
        if not sep:
            continue
        if key == "package":
            for name, value in QUOTED.findall(rest):
                if value:  # aapt prints name='' for an attribute that is absent
                    fields["package." + name] = unescape_aapt(value)
        elif key in {
            "sdkVersion",
            "targetSdkVersion",
            "application-label",
            "application-label-zh-CN",
            "application-label-zh",
        }:
            match = re.fullmatch(r"'((?:[^'\\]|\\.)*)'", rest)
            if match and key not in fields:
                fields[key] = unescape_aapt(match.group(1))
    record["package"] = fields.get("package.name")
    record["version_code"] = to_int(fields.get("package.versionCode"))
    record["version_name"] = fields.get("package.versionName")
    record["label"] = fields.get("application-label")
    record["label_zh_cn"] = fields.get("application-label-zh-CN")
    record["label_zh"] = fields.get("application-label-zh")
    record["min_sdk"] = to_int(fields.get("sdkVersion"))
    record["target_sdk"] = to_int(fields.get("targetSdkVersion"))
    record["aapt_error"] = None
    if result.returncode != 0:
        record["aapt_error"] = first_real_line(result.err_lines) or (
            f"aapt exited with status {result.returncode}"
        )
    elif first_real_line(result.err_lines):
        record["notes"].append(f"aapt dump badging stderr: {first_real_line(result.err_lines)}")
    if record["package"] is not None:
        if "sdkVersion" not in fields:
            record["notes"].append("aapt printed no sdkVersion line (no minSdkVersion declared)")
        if "targetSdkVersion" not in fields:
            record["notes"].append(
                "aapt printed no targetSdkVersion line (no targetSdkVersion declared)"
            )
        if "application-label" not in fields:
            record["notes"].append("aapt printed no application-label line")
    for key in ("min_sdk", "target_sdk", "version_code"):
        if isinstance(record[key], str):
            record["notes"].append(f"{key} is not a number in aapt output: {record[key]!r}")


def parse_permissions(result: Run, record: dict[str, Any]) -> None:
    kinds = {
        "uses-permission": "permissions",
        "uses-permission-sdk-23": "permissions_sdk23",
        "permission": "declared_permissions",
    }
    found: dict[str, set[str]] = {name: set() for name in kinds.values()}
    for line in result.out_lines:
        key, sep, rest = line.partition(": ")
        if not sep or key not in kinds:
            continue
        named = dict(QUOTED.findall(rest))
        # This aapt prints "uses-permission: name='X'" but "permission: X" for declared ones.
        name = named["name"] if "name" in named else rest.strip()
        found[kinds[key]].add(name)
    for name, values in found.items():
        record[name] = sorted(values)
    record["aapt_permissions_error"] = None
    if result.returncode != 0:
        record["aapt_permissions_error"] = first_real_line(result.err_lines) or (
            f"aapt exited with status {result.returncode}"
        )


# --------------------------------------------------------------------------------------------
# apksigner


def parse_apksigner(result: Run) -> dict[str, Any]:
    schemes: dict[str, bool | None] = {"v1": None, "v2": None, "v3": None, "v31": None, "v4": None}
    signers: dict[int, dict[str, Any]] = {}
    errors: list[str] = []
    warnings: list[str] = []
    signer_count: int | None = None
    source_stamp: bool | None = None
    for line in result.out_lines + result.err_lines:
        line = line.rstrip()
        if match := SCHEME.match(line):
            schemes[match.group(1).replace(".", "")] = match.group(2) == "true"
        elif line.startswith("Verified for SourceStamp: "):
            source_stamp = line.endswith("true")
        elif line.startswith("Number of signers: "):
            signer_count = int(line.rsplit(" ", 1)[1])
        elif match := SIGNER.match(line):
            field = SIGNER_FIELDS.get(match.group(2))
            if field is None:
                continue
            value: Any = match.group(3)
            if field == "key_size":
                value = to_int(value)
            signers.setdefault(int(match.group(1)), {})[field] = value
        elif line.startswith("ERROR"):
            errors.append(line)
        elif line.startswith("WARNING"):
            warnings.append(line)
        elif line.startswith("Exception in thread"):
            errors.append(line)
    verified = result.returncode == 0 and "Verifies" in result.out_lines
    if not verified and not errors:
        errors.append(
            first_real_line(result.err_lines) or f"apksigner exited with {result.returncode}"
        )
    signer_list = []
    for index in sorted(signers):
        signer = {"index": index, **dict.fromkeys(SIGNER_FIELDS.values())}
        signer.update(signers[index])
        signer["modulus"] = None
        signer["modulus_command"] = None
        signer_list.append(signer)
    return {
        "verified": verified,
        "exit_code": result.returncode,
        "schemes": schemes,
        "source_stamp": source_stamp,
        "signer_count": signer_count,
        "signers": signer_list,
        "errors": errors,
        "warnings": warnings,
    }


def parse_lineage(result: Run) -> dict[str, Any]:
    nodes: dict[int, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    for line in result.out_lines:
        if match := LINEAGE_SIGNER.match(line):
            current = nodes.setdefault(int(match.group(1)), {"index": int(match.group(1))})
            field = SIGNER_FIELDS.get(match.group(2))
            if field is not None:
                current[field] = to_int(match.group(3)) if field == "key_size" else match.group(3)
        elif (match := LINEAGE_CAP.match(line)) and current is not None:
            current.setdefault("capabilities", {})[match.group(1).replace(" ", "_")] = (
                match.group(2) == "true"
            )
    signers = [nodes[index] for index in sorted(nodes)]
    for signer in signers:
        signer["modulus"] = None
        signer["modulus_command"] = None
    return {
        "command": result.command,
        "exit_code": result.returncode,
        "signers": signers,
        "error": None if result.returncode == 0 else first_real_line(result.err_lines),
    }


# --------------------------------------------------------------------------------------------
# openssl


def x509_info(source_command: str, index: int) -> dict[str, Any]:
    """Parse certificate number ``index`` (1-based) of a PEM stream with openssl x509."""
    command = (
        f"{source_command} | awk -v n={index} '/{PEM_BEGIN}/{{c++}} c==n' "
        "| openssl x509 -noout -subject -nameopt RFC2253 -fingerprint -sha256 -modulus "
        f"-text -certopt {X509_CERTOPT}"
    )
    result = run_pipeline(command)
    info: dict[str, Any] = {
        "subject": None,
        "sha256": None,
        "key_algorithm": None,
        "key_bits": None,
        "modulus": None,
        "command": command,
    }
    modulus = None
    for line in result.out_lines:
        if line.startswith("subject="):
            info["subject"] = line[len("subject=") :]
        elif line.startswith("sha256 Fingerprint="):
            info["sha256"] = line.split("=", 1)[1].replace(":", "").lower()
        elif line.startswith("Modulus=") and re.fullmatch(r"[0-9A-Fa-f]+", line[8:]):
            modulus = line[8:].lower()
            while modulus.startswith("00"):
                modulus = modulus[2:]
        elif match := re.fullmatch(r"\s*Public Key Algorithm: (\S+)", line):
            info["key_algorithm"] = match.group(1)
        elif match := re.fullmatch(r"\s*(?:RSA )?Public-Key: \((\d+) bit\)", line):
            info["key_bits"] = int(match.group(1))
    # openssl's -modulus prints the public value y for DSA keys too; keep it for RSA only.
    if info["key_algorithm"] == "rsaEncryption":
        info["modulus"] = modulus
    if result.returncode != 0:
        info["error"] = first_real_line(result.err_lines)
    return info


def pem_certs(source: Run) -> list[str]:
    """Labels ('# ...' line before each PEM block, if any) of the certificates in a PEM stream."""
    labels: list[str] = []
    previous = ""
    for line in source.out_lines:
        if line.strip() == PEM_BEGIN:
            labels.append(previous[2:].strip() if previous.startswith("# ") else "")
        previous = line
    return labels


def v1_blocks(file_rel: str, path: Path, record: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.namelist()
        names = sorted({entry for entry in entries if SIGNATURE_BLOCK.match(entry)})
    except (zipfile.BadZipFile, OSError) as exc:
        record["notes"].append(f"could not list zip entries with Python zipfile: {exc}")
        return []
    blocks = []
    for name in names:
        if re.search(r"[\[\]*?\\]", name):
            record["notes"].append(f"skipped {name}: unzip would treat it as a wildcard")
            continue
        source = (
            f"unzip -p {shlex.quote(file_rel)} {shlex.quote(name)} "
            "| openssl pkcs7 -inform DER -print_certs"
        )
        result = run_pipeline(source)
        block: dict[str, Any] = {"entry": name, "command": source, "certs": [], "error": None}
        record["commands"]["v1:" + name] = source
        if result.returncode != 0:
            block["error"] = first_real_line(result.err_lines) or f"exit {result.returncode}"
        for index in range(1, len(pem_certs(result)) + 1):
            block["certs"].append(x509_info(source, index))
        blocks.append(block)
    return blocks


# --------------------------------------------------------------------------------------------
# APK Signing Block (only for --signing-block-certs)


def _lp(buf: bytes, pos: int) -> tuple[bytes, int]:
    if pos + 4 > len(buf):
        raise ValueError("truncated length prefix")
    (size,) = struct.unpack_from("<I", buf, pos)
    end = pos + 4 + size
    if end > len(buf):
        raise ValueError("length prefix runs past its buffer")
    return buf[pos + 4 : end], end


def _lp_items(buf: bytes) -> list[bytes]:
    items = []
    pos = 0
    while pos < len(buf):
        item, pos = _lp(buf, pos)
        items.append(item)
    return items


def signing_block_pairs(data: bytes) -> list[tuple[int, bytes]]:
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if eocd < 0 or eocd + 22 > len(data):
        return []
    (cd_offset,) = struct.unpack_from("<I", data, eocd + 16)
    if cd_offset < 32 or data[cd_offset - 16 : cd_offset] != b"APK Sig Block 42":
        return []
    (size,) = struct.unpack_from("<Q", data, cd_offset - 24)
    start = cd_offset - size - 8
    if start < 0 or struct.unpack_from("<Q", data, start)[0] != size:
        return []
    pairs = []
    pos, end = start + 8, cd_offset - 24
    while pos + 12 <= end:
        (length,) = struct.unpack_from("<Q", data, pos)
        (pair_id,) = struct.unpack_from("<I", data, pos + 8)
        pairs.append((pair_id, data[pos + 12 : pos + 8 + length]))
        pos += 8 + length
    return pairs


def signing_block_certs(data: bytes) -> list[tuple[str, bytes]]:
    """(label, DER) for every signer certificate and v3 lineage certificate, first seen first."""
    found: list[tuple[str, bytes]] = []
    for pair_id, value in signing_block_pairs(data):
        scheme = BLOCK_IDS.get(pair_id)
        if scheme is None:
            continue
        signers, _ = _lp(value, 0)
        for signer_no, signer in enumerate(_lp_items(signers), start=1):
            signed_data, _ = _lp(signer, 0)
            _digests, pos = _lp(signed_data, 0)
            certs, pos = _lp(signed_data, pos)
            for cert_no, cert in enumerate(_lp_items(certs), start=1):
                found.append((f"{scheme} signer {signer_no} certificate {cert_no}", cert))
            if scheme == "v2":
                continue
            attributes, _ = _lp(signed_data, pos + 8)  # skip uint32 minSdk, uint32 maxSdk
            for attribute in _lp_items(attributes):
                if struct.unpack_from("<I", attribute, 0)[0] != PROOF_OF_ROTATION_ATTR:
                    continue
                nodes = _lp_items(attribute[8:])  # skip attribute ID and lineage version
                for node_no, node in enumerate(nodes, start=1):
                    node_signed, _ = _lp(node, 0)
                    cert, _ = _lp(node_signed, 0)
                    found.append((f"{scheme} signer {signer_no} lineage node {node_no}", cert))
    unique: list[tuple[str, bytes]] = []
    seen: set[bytes] = set()
    for label, cert in found:
        if cert not in seen:
            seen.add(cert)
            unique.append((label, cert))
    return unique


def print_signing_block_certs(path: Path) -> int:
    try:
        certs = signing_block_certs(path.read_bytes())
    except (ValueError, struct.error) as exc:
        print(f"malformed APK Signing Block: {exc}", file=sys.stderr)
        return 1
    for label, der in certs:
        body = "\n".join(textwrap.wrap(base64.b64encode(der).decode("ascii"), 64))
        print(f"# {label}\n{PEM_BEGIN}\n{body}\n-----END CERTIFICATE-----")
    return 0


def signing_block_route(file_rel: str, record: dict[str, Any]) -> dict[str, Any]:
    source = f"python3 {SCRIPT_REL} --signing-block-certs {shlex.quote(file_rel)}"
    result = run_pipeline(source)
    record["commands"]["signing_block_certs"] = source
    certs = []
    for index, label in enumerate(pem_certs(result), start=1):
        certs.append({"source": label, **x509_info(source, index)})
    return {
        "command": source,
        "certs": certs,
        "error": None if result.returncode == 0 else first_real_line(result.err_lines),
    }


# --------------------------------------------------------------------------------------------


def attach_moduli(record: dict[str, Any]) -> None:
    """Give each apksigner signer the modulus of the openssl certificate with its SHA-256."""
    signer_lists = [record["apksigner"]["signers"], record["apksigner_min_sdk_24"]["signers"]]
    if record["lineage"] is not None:
        signer_lists.append(record["lineage"]["signers"])
    signers = [signer for signers in signer_lists for signer in signers]
    by_digest: dict[str, dict[str, Any]] = {}
    for block in record["v1_cert_blocks"]:
        for cert in block["certs"]:
            if cert["sha256"]:
                by_digest.setdefault(cert["sha256"], cert)
    verified_somehow = record["apksigner"]["verified"] or record["apksigner_min_sdk_24"]["verified"]
    if not verified_somehow:
        record["notes"].append(
            "apksigner verified under neither setting, so it printed no certificates; any "
            "certificates listed here come from openssl only"
        )
    if not verified_somehow or any(signer.get("sha256") not in by_digest for signer in signers):
        record["signing_block_certs"] = signing_block_route(record["file_rel"], record)
        for cert in record["signing_block_certs"]["certs"]:
            if cert["sha256"]:
                by_digest.setdefault(cert["sha256"], cert)
    used_signing_block = False
    for signer in signers:
        cert = by_digest.get(signer.get("sha256") or "")
        if cert is None:
            record["notes"].append(
                f"no independent certificate found for signer {signer.get('dn')!r} "
                f"(sha256 {signer.get('sha256')}); modulus left out"
            )
            continue
        signer["modulus_command"] = cert["command"]
        signer["modulus"] = cert["modulus"]
        if "source" in cert:
            used_signing_block = True
        if (cert["modulus"] is not None) != (signer.get("key_algorithm") == "RSA"):
            record["notes"].append(
                f"openssl says {cert['key_algorithm']} but apksigner says "
                f"{signer.get('key_algorithm')} for {signer.get('dn')!r}"
            )
        if cert["key_bits"] != signer.get("key_size"):
            record["notes"].append(
                f"openssl says {cert['key_bits']} bits but apksigner says "
                f"{signer.get('key_size')} for {signer.get('dn')!r}"
            )
    if used_signing_block:
        record["notes"].append(
            "some certificates came from the APK Signing Block (no META-INF copy): bytes "
            "extracted by this script's --signing-block-certs, parsed by openssl, matched to "
            "apksigner by SHA-256"
        )


def analyse(path: Path, samples: Path, manifest: dict[str, str]) -> dict[str, Any]:
    name = path.relative_to(samples).as_posix()
    file_rel = f"{SAMPLES_REL}/{name}"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    record: dict[str, Any] = {
        "file": name,
        "file_rel": file_rel,
        "sha256": digest,
        "commands": {},
        "notes": [],
    }
    if name not in manifest:
        record["notes"].append("file is not listed in MANIFEST.json")
    elif manifest[name] != digest:
        record["notes"].append(f"sha256 differs from MANIFEST.json ({manifest[name]})")

    badging = run(["aapt", "dump", "badging", file_rel])
    record["commands"]["badging"] = badging.command
    parse_badging(badging, record)

    permissions = run(["aapt", "dump", "permissions", file_rel])
    record["commands"]["permissions"] = permissions.command
    parse_permissions(permissions, record)

    default = run(["apksigner", "verify", "--verbose", "--print-certs", file_rel])
    record["commands"]["apksigner"] = default.command
    record["apksigner"] = parse_apksigner(default)
    min24 = run(
        ["apksigner", "verify", "--verbose", "--print-certs", "--min-sdk-version", "24", file_rel]
    )
    record["commands"]["apksigner_min_sdk_24"] = min24.command
    record["apksigner_min_sdk_24"] = parse_apksigner(min24)
    if record["apksigner"]["verified"] != record["apksigner_min_sdk_24"]["verified"]:
        record["notes"].append(
            "apksigner verdict depends on --min-sdk-version: "
            f"default={record['apksigner']['verified']}, "
            f"min-sdk 24={record['apksigner_min_sdk_24']['verified']}"
        )

    record["lineage"] = None
    if record["apksigner"]["schemes"]["v3"] or record["apksigner_min_sdk_24"]["schemes"]["v3"]:
        lineage = run(["apksigner", "lineage", "--in", file_rel, "--print-certs", "-v"])
        record["commands"]["lineage"] = lineage.command
        record["lineage"] = parse_lineage(lineage)

    record["v1_cert_blocks"] = v1_blocks(file_rel, path, record)
    record["signing_block_certs"] = None
    attach_moduli(record)
    del record["file_rel"]
    record["notes"] = record.pop("notes")
    return record


def load_manifest(samples: Path) -> dict[str, str]:
    try:
        entries = json.loads((samples / "MANIFEST.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {entry["file"]: entry["sha256"] for entry in entries if "file" in entry}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--signing-block-certs",
        metavar="APK",
        type=Path,
        help="print the v2/v3/v3.1 signer and lineage certificates of APK as PEM and exit",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="JSON file to write")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    if args.signing_block_certs is not None:
        return print_signing_block_certs(args.signing_block_certs)

    samples = (REPO / SAMPLES_REL).resolve()
    if not samples.is_dir():
        print(f"samples folder not found: {samples}", file=sys.stderr)
        return 1
    manifest = load_manifest(samples)
    paths = sorted(samples.rglob("*.apk"), key=lambda p: p.relative_to(samples).as_posix())
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        records = list(pool.map(lambda p: analyse(p, samples, manifest), paths))
    records.sort(key=lambda record: record["file"])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} records to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
