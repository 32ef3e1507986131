#!/usr/bin/env python3
"""Accuracy of Fingertip on every real package in ../shared/samples, written to ACCURACY.md.

Three sections, all from one Fingertip JSON report per package (`fingertip scan … --format json`):

1. Identity against independent tools. The ground-truth collectors scripts/groundtruth_android.py
   (aapt, apksigner, openssl) and scripts/groundtruth_ios.py (unzip, system python3 plistlib,
   openssl) are run on the files now (or their recorded JSON is read with --recorded) and every
   identity field is compared with the report. Anything below 100% makes the exit status 1.
2. Trackers against exodus-core on the same tracker table (scripts/tracker_accuracy.py).
3. Recall on the vulnerable-by-design apps: the weaknesses their projects document
   (tests/data/documented_weaknesses.toml), caught or missed by the current rules, and every
   finding at severity medium or above with whether it is documented.

Run: `make accuracy` (that is, `.venv/bin/python scripts/accuracy.py`, then code_findings.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import groundtruth_android as gta  # noqa: E402 (after the path)
from scripts import groundtruth_ios as gti  # noqa: E402
from scripts import tracker_accuracy as ta  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples"
SAMPLES_REL = "../shared/samples"
OUTPUT = ROOT / "ACCURACY.md"
WEAKNESSES = ROOT / "tests" / "data" / "documented_weaknesses.toml"
RECORDED = ROOT / "tests" / "data" / "groundtruth"
FINGERTIP = ROOT / ".venv" / "bin" / "fingertip"
SCAN_TIMEOUT_S = 3600
SEVERITIES = ("info", "low", "medium", "high", "critical")
PRECISION_FROM = "medium"
# Broken on purpose (../shared/samples/README.md): listed with what each tool says about them.
BROKEN = {
    "fastlane/not-an-ipa.ipa": "15-byte text file named .ipa",
    "fastlane/no-app-bundle.ipa": "zip with an empty Payload/",
    "fastlane/IncorrectlySigned.ipa": "stub IPA with a broken code signature",
    "androguard/Invalid.apk": "androguard's 'Invalid' test app (odd bytecode)",
    "androguard/CertChain.apk": "META-INF-only archive, no manifest",
    "androguard/multidex.apk": "two dex files, no manifest",
    "androguard/apksig/v2-only-with-dsa-sha256-1024-sig-does-not-verify.apk": (
        "v2 DSA signature that does not verify"
    ),
}
APPLE_CA_OU = "Apple"  # OUs of Apple's CA certificates start with it; a team id never does
SCHEME_NAMES = {"v31": "v3.1"}


# ------------------------------------------------------------------------------ identity


@dataclass(frozen=True, slots=True)
class Difference:
    package: str
    field: str
    expected: str
    actual: str


@dataclass(slots=True)
class Tally:
    compared: int = 0
    equal: int = 0


@dataclass(slots=True)
class Identity:
    """Per-field counts of compared and equal values, and every difference."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)

    def check(self, package: str, name: str, expected: Any, actual: Any) -> None:
        tally = self.tallies.setdefault(name, Tally())
        tally.compared += 1
        if expected == actual:
            tally.equal += 1
        else:
            self.differences.append(Difference(package, name, show(expected), show(actual)))

    @property
    def compared(self) -> int:
        return sum(t.compared for t in self.tallies.values())

    @property
    def equal(self) -> int:
        return sum(t.equal for t in self.tallies.values())

    @property
    def percent(self) -> float:
        return 100.0 * self.equal / self.compared if self.compared else 100.0


def show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "(empty)"
    return str(value)


Pair = tuple[str, Any, Any]  # (field, what the independent tool says, what Fingertip says)


def scanned(doc: Mapping[str, Any]) -> bool:
    return doc.get("verdict") != "error"


def android_pairs(record: Mapping[str, Any], doc: Mapping[str, Any]) -> list[Pair]:
    """Identity fields of one APK: aapt / apksigner / openssl against the Fingertip report."""
    is_apk = record["package"] is not None
    pairs: list[Pair] = [("is an APK (aapt finds a manifest)", is_apk, scanned(doc))]
    if not is_apk or not scanned(doc):
        return pairs
    app = doc["app"]
    pairs += [
        ("package name", record["package"], app.get("identifier")),
        ("version code", record["version_code"], app.get("version_code")),
        ("version name", record["version_name"], app.get("version_name")),
        ("min SDK", record["min_sdk"], app.get("min_sdk")),
        ("target SDK", record["target_sdk"], app.get("target_sdk")),
    ]
    if record.get("label") is not None:
        pairs.append(("label", record["label"], app.get("name")))
    expected_perms = set(record["permissions"]) | set(record.get("permissions_sdk23") or [])
    ours_perms = {p["name"] for p in app.get("permissions") or []}
    pairs.append(("permissions", sorted(expected_perms), sorted(ours_perms)))
    pairs += android_signing_pairs(record, doc)
    return pairs


def apksigner_runs(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The apksigner runs recorded for an APK: --min-sdk-version 24 first (the one the
    comparison prefers), then the APK's own minSdk, then --min-sdk-version 23 if it was run."""
    keys = ("apksigner_min_sdk_24", "apksigner", "apksigner_min_sdk_23")
    return [record[k] for k in keys if record.get(k)]


def android_signing_pairs(record: Mapping[str, Any], doc: Mapping[str, Any]) -> list[Pair]:
    app = doc["app"]
    signing = (doc.get("facts") or {}).get("signing") or {}
    runs = apksigner_runs(record)
    verifying = next((r for r in runs if r["verified"]), None)
    # apksigner checks only the schemes the platform range it is given needs, so a scheme is
    # "verified" when one of the runs verified it.
    verified_schemes = sorted(
        {SCHEME_NAMES.get(k, k) for r in runs for k, ok in r["schemes"].items() if ok}
    )
    ours_schemes = sorted(k for k, v in (signing.get("schemes") or {}).items() if v.get("verified"))
    pairs: list[Pair] = [
        ("signature verifies", verifying is not None, bool(signing.get("verified"))),
        ("signing schemes (verified)", verified_schemes, ours_schemes),
    ]
    ours = {s["sha256"]: s for s in app.get("signers") or [] if s.get("scheme") != "lineage"}
    if verifying is not None:
        theirs: dict[str, Mapping[str, Any]] = {s["sha256"]: s for s in verifying["signers"]}
    else:
        # apksigner prints no certificate when nothing verifies; openssl read them instead.
        theirs = {c["sha256"]: c for c in openssl_certs(record) if c.get("sha256")}
    pairs.append(("signer certificates (SHA-256)", sorted(theirs), sorted(ours)))
    for sha256, expected in sorted(theirs.items()):
        signer = ours.get(sha256)
        if signer is None:
            continue  # already counted as a difference of the SHA-256 set
        if expected.get("sha1"):
            pairs.append(("signer SHA-1", expected["sha1"], signer.get("sha1")))
        if expected.get("md5"):
            pairs.append(("signer MD5", expected["md5"], signer.get("md5")))
        if expected.get("modulus"):
            pairs.append(
                ("signer RSA modulus (openssl)", expected["modulus"], signer["public_key"])
            )
        bits = expected.get("key_size") or expected.get("key_bits")
        if bits:
            pairs.append(("signer key size", bits, signer.get("public_key_bits")))
    lineage = record.get("lineage") or {}
    if lineage.get("exit_code") == 0:
        ours_lineage = [s["sha256"] for s in app.get("signers") or [] if s["scheme"] == "lineage"]
        theirs_lineage = [s["sha256"] for s in lineage["signers"]]
        pairs.append(("v3 lineage (SHA-256, oldest first)", theirs_lineage, ours_lineage))
    return pairs


def openssl_certs(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found: list[Mapping[str, Any]] = []
    for block in record.get("v1_cert_blocks") or []:
        found += block["certs"][:1]  # the signer's own certificate comes first in a PKCS#7 block
    found += (record.get("signing_block_certs") or {}).get("certs") or []
    return found


def ios_pairs(record: Mapping[str, Any], doc: Mapping[str, Any]) -> list[Pair]:
    """Identity fields of one IPA: unzip + plistlib / openssl against the Fingertip report."""
    is_ipa = not record.get("error")
    pairs: list[Pair] = [("is an IPA (unzip finds Payload/*.app)", is_ipa, scanned(doc))]
    if not is_ipa or not scanned(doc):
        return pairs
    app = doc["app"]
    main = record["bundles"][0]
    info = main.get("info") or {}
    pairs += [
        ("bundle id", info.get("CFBundleIdentifier"), app.get("identifier")),
        ("version (CFBundleShortVersionString)", info.get("CFBundleShortVersionString"),
         app.get("version_name")),
        ("build (CFBundleVersion)", info.get("CFBundleVersion"), app.get("build_version")),
        ("min OS", info.get("MinimumOSVersion"), app.get("min_os")),
        ("name (CFBundleDisplayName, else CFBundleName)",
         info.get("CFBundleDisplayName") or info.get("CFBundleName"), app.get("name")),
    ]  # fmt: skip
    bundles = app.get("bundles") or []
    pairs.append(("team id", expected_team(record), bundles[0].get("team_id") if bundles else None))
    binary = next(
        (b for b in record.get("binaries") or [] if b["executable"] == main.get("executable")),
        None,
    )
    certs = [
        c
        for s in (binary or {}).get("slices") or []
        for c in (s.get("signature") or {}).get("certificates") or []
    ]
    codesign = [s for s in app.get("signers") or [] if s.get("scheme") == "codesign"]
    pairs += [
        ("code-signing certificates (SHA-1)", sorted({c["sha1"] for c in certs}),
         sorted({s["sha1"] for s in codesign})),
        ("code-signing certificates (SHA-256)", sorted({c["sha256"] for c in certs}),
         sorted({s["sha256"] for s in codesign})),
    ]  # fmt: skip
    profile = record.get("profile")
    if profile:
        developer = profile["developer_certificates"]
        provision = [s for s in app.get("signers") or [] if s.get("scheme") == "provision"]
        pairs += [
            ("profile developer certificates (SHA-1)", sorted(c["sha1"] for c in developer),
             sorted(s["sha1"] for s in provision)),
            ("profile developer certificates (SHA-256)", sorted(c["sha256"] for c in developer),
             sorted(s["sha256"] for s in provision)),
        ]  # fmt: skip
    return pairs


def expected_team(record: Mapping[str, Any]) -> str | None:
    """The profile's TeamIdentifier (plistlib over `openssl cms`), else the OU of the signing
    certificate that is not one of Apple's CAs (openssl x509)."""
    profile = record.get("profile")
    if profile and profile.get("team_ids"):
        return str(profile["team_ids"][0])
    main = record["bundles"][0].get("executable")
    for binary in record.get("binaries") or []:
        if binary["executable"] != main:
            continue
        for piece in binary["slices"]:
            for cert in (piece.get("signature") or {}).get("certificates") or []:
                ou = cert.get("ou")
                if ou and not ou.startswith(APPLE_CA_OU):
                    return str(ou)
    return None


# ------------------------------------------------------------------------------ recall


@dataclass(frozen=True, slots=True)
class Weakness:
    id: str
    name: str
    source: str
    where: str
    rules: tuple[str, ...]
    reason: str = ""
    match: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    require: tuple[str, ...] = ()

    @property
    def in_scope(self) -> bool:
        return bool(self.rules)


@dataclass(frozen=True, slots=True)
class VulnApp:
    name: str
    files: tuple[str, ...]
    project: str
    source: str
    checked: str
    weaknesses: tuple[Weakness, ...]


def load_weaknesses(path: Path = WEAKNESSES) -> list[VulnApp]:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    apps = []
    for entry in doc["app"]:
        weaknesses = tuple(
            Weakness(
                id=w["id"],
                name=w["name"],
                source=w["source"],
                where=w["where"],
                rules=tuple(w["rules"]),
                reason=w.get("reason", ""),
                match=tuple(w.get("match", ())),
                files=tuple(w.get("files", ())),
                require=tuple(w.get("require", ())),
            )
            for w in entry.get("weakness", [])
        )
        apps.append(
            VulnApp(
                entry["name"],
                tuple(entry["files"]),
                entry["project"],
                entry["source"],
                entry.get("checked", ""),
                weaknesses,
            )
        )
    return apps


def evidence_text(evidence: Mapping[str, Any]) -> str:
    parts = [evidence.get(k) or "" for k in ("location", "symbol", "excerpt")]
    return " | ".join([*parts, " -> ".join(evidence.get("path") or [])])


def catching(weakness: Weakness, finding: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The evidence item by which `finding` reports `weakness`, or None."""
    if finding["rule_id"] not in weakness.rules:
        return None
    items: list[Mapping[str, Any]] = finding.get("evidence") or [{}]
    for evidence in items:
        text = evidence_text(evidence)
        if weakness.match and not any(m in text for m in weakness.match):
            continue
        if all(r in text for r in weakness.require):
            return evidence
    return None


@dataclass(frozen=True, slots=True)
class Catch:
    rule: str
    severity: str
    level: str
    where: str


@dataclass(slots=True)
class Recall:
    file: str
    caught: list[tuple[Weakness, list[Catch]]] = field(default_factory=list)
    missed: list[Weakness] = field(default_factory=list)
    out_of_scope: list[Weakness] = field(default_factory=list)

    @property
    def in_scope(self) -> int:
        return len(self.caught) + len(self.missed)

    def figure(self) -> str:
        if not self.in_scope:
            return "n/a (nothing in static scope)"
        return f"{len(self.caught)} / {self.in_scope} = {len(self.caught) / self.in_scope:.0%}"


def where(evidence: Mapping[str, Any]) -> str:
    text = evidence.get("location") or "?"
    if evidence.get("symbol"):
        text += f" · {evidence['symbol']}"
    if evidence.get("path"):
        text += f" · path {evidence['path'][0]} → … ({len(evidence['path'])} steps)"
    return text


def recall_for(app: VulnApp, file: str, findings: Sequence[Mapping[str, Any]]) -> Recall:
    result = Recall(file)
    for weakness in app.weaknesses:
        if weakness.files and file not in weakness.files:
            continue
        if not weakness.in_scope:
            result.out_of_scope.append(weakness)
            continue
        catches = [
            Catch(f["rule_id"], f["severity"], f.get("evidence_level") or "—", where(ev))
            for f in findings
            if (ev := catching(weakness, f)) is not None
        ]
        if catches:
            result.caught.append((weakness, catches))
        else:
            result.missed.append(weakness)
    return result


def documented_by(
    app: VulnApp, file: str, finding: Mapping[str, Any]
) -> list[Weakness]:  # fmt: skip
    return [
        w
        for w in app.weaknesses
        if (not w.files or file in w.files) and catching(w, finding) is not None
    ]


def at_least(severity: str, floor: str = PRECISION_FROM) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(floor)


# ------------------------------------------------------------------------------ collecting


def sample_files() -> tuple[list[Path], list[Path]]:
    apks = sorted(SAMPLES.rglob("*.apk"), key=lambda p: p.relative_to(SAMPLES).as_posix())
    ipas = sorted(SAMPLES.rglob("*.ipa"), key=lambda p: p.relative_to(SAMPLES).as_posix())
    return apks, ipas


def scan_all(packages: Sequence[Path], outdir: Path) -> None:
    """One `fingertip scan` over every package, JSON reports into `outdir`."""
    proc = subprocess.run(
        [str(FINGERTIP), "scan", *map(str, packages), "-o", str(outdir), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=SCAN_TIMEOUT_S,
        check=False,
    )
    # 0: clean; 1: findings above --fail-on (or a crash, caught below); 3: some not scanned.
    if proc.returncode not in (0, 1, 3) or not any(outdir.glob("*.json")):
        raise SystemExit(f"fingertip scan failed ({proc.returncode}): {proc.stderr[-3000:]}")


def read_reports(packages: Sequence[Path], outdir: Path) -> dict[Path, dict[str, Any]]:
    reports: dict[Path, dict[str, Any]] = {}
    for package in packages:
        report = ta.report_path(outdir, package)
        if report.exists():
            reports[package] = json.loads(report.read_text(encoding="utf-8"))
        else:  # Fingertip stopped before writing it: that is a result too
            reports[package] = {"verdict": "error", "errors": ["no report written"], "app": {}}
    return reports


def android_truth(apks: Sequence[Path], recorded: bool, jobs: int) -> dict[Path, dict[str, Any]]:
    if recorded:
        records = json.loads((RECORDED / "android.json").read_text(encoding="utf-8"))
        by_file = {r["file"]: r for r in records}
        return {apk: by_file[apk.relative_to(SAMPLES).as_posix()] for apk in apks}
    manifest = gta.load_manifest(SAMPLES.resolve())
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        records = list(pool.map(lambda p: collect_android(p, manifest), apks))
    return dict(zip(apks, records, strict=True))


def collect_android(apk: Path, manifest: dict[str, str]) -> dict[str, Any]:
    record = gta.analyse(apk.resolve(), SAMPLES.resolve(), manifest)
    v1_verified = any(r["schemes"].get("v1") for r in apksigner_runs(record))
    if record["v1_cert_blocks"] and not v1_verified:
        # apksigner skips v1 when the minSdk it is given does not need it (minSdk >= 24):
        # ask once more for API 23, the last level that verifies v1 alone (a lower level would
        # also reject digests that API 18+ accepts, e.g. SHA-256 with RSA).
        rel = f"{SAMPLES_REL}/{record['file']}"
        run = gta.run(
            ["apksigner", "verify", "-v", "--print-certs", "--min-sdk-version", "23", rel]
        )
        record["commands"]["apksigner_min_sdk_23"] = run.command
        record["apksigner_min_sdk_23"] = gta.parse_apksigner(run)
    return record


def ios_truth(ipas: Sequence[Path], recorded: bool) -> dict[Path, dict[str, Any]]:
    if recorded:
        records = json.loads((RECORDED / "ios.json").read_text(encoding="utf-8"))
        by_file = {r["file"]: r for r in records}
        return {
            ipa: by_file[f"{SAMPLES_REL}/{ipa.relative_to(SAMPLES).as_posix()}"] for ipa in ipas
        }
    return {
        ipa: gti.ipa_record(f"{SAMPLES_REL}/{ipa.relative_to(SAMPLES).as_posix()}") for ipa in ipas
    }


# ------------------------------------------------------------------------------ rendering


def cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def code(value: object) -> str:
    return "`" + str(value).replace("`", "'").replace("|", "\\|") + "`"


def rel(path: Path) -> str:
    return path.relative_to(SAMPLES).as_posix()


def identity_section(identity: Identity, broken: list[list[str]], counts: tuple[int, int]) -> str:
    apks, ipas = counts
    out = [
        f"Every APK ({apks}) and IPA ({ipas}) under `../shared/samples/`. Expected values come "
        "from `scripts/groundtruth_android.py` (`aapt dump badging`, `aapt dump permissions`, "
        "`apksigner verify --verbose --print-certs` with the APK's own minSdk and with "
        "`--min-sdk-version 24`, `openssl pkcs7`/`x509` on each certificate; when an APK has a "
        "v1 signature that neither run checked, also `--min-sdk-version 23`) and "
        "`scripts/groundtruth_ios.py` (`unzip`, the system `python3`'s `plistlib`, "
        "`openssl cms`/`pkcs7`/`x509`). Fingertip's values come from its JSON report "
        "(`docs/schema/report-1.schema.json`: `app.*`, `app.signers[]`, `facts.signing`).",
        "",
        f"**Identity: {identity.equal} / {identity.compared} values equal = "
        f"{identity.percent:.2f}%** (must be 100%).",
        "",
        "| field | compared | equal |",
        "|---|---|---|",
        *(f"| {cell(name)} | {t.compared} | {t.equal} |" for name, t in identity.tallies.items()),
        "",
        "### Differences",
        "",
    ]
    if identity.differences:
        out += [
            "| package | field | independent tool | Fingertip |",
            "|---|---|---|---|",
            *(
                f"| {cell(d.package)} | {cell(d.field)} | {code(d.expected)} | {code(d.actual)} |"
                for d in identity.differences
            ),
        ]
    else:
        out.append("None.")
    out += [
        "",
        "### Packages broken on purpose",
        "",
        "Listed in `../shared/samples/README.md`; each is still compared above on what the tools "
        "agree it has.",
        "",
        "| package | what it is | independent tools say | Fingertip says |",
        "|---|---|---|---|",
        *("| " + " | ".join(cell(c) for c in row) + " |" for row in broken),
    ]
    return "\n".join(out) + "\n"


def fingertip_says(doc: Mapping[str, Any]) -> str:
    if not scanned(doc):
        return "not scanned: " + "; ".join(map(str, doc.get("errors") or ["(no reason)"]))
    signing = (doc.get("facts") or {}).get("signing") or {}
    parts = [f"scanned ({doc.get('verdict')})", f"package {doc['app'].get('identifier')}"]
    if signing:
        parts.append(f"signature verified: {signing.get('verified')}")
        problems = [
            p for s in (signing.get("schemes") or {}).values() for p in s.get("problems", [])
        ]
        parts += problems[:2]
    bundles = (doc.get("app") or {}).get("bundles") or []
    if bundles:
        parts.append(f"signature: {bundles[0].get('signature')}")
    parts += [str(e) for e in doc.get("errors") or []]
    return "; ".join(parts)


def android_tools_say(record: Mapping[str, Any]) -> str:
    aapt = record.get("aapt_error") or f"aapt: package {record.get('package')}"
    runs = apksigner_runs(record)
    if any(r["verified"] for r in runs):
        signer = "apksigner: verifies"
    else:
        errors = [e for r in runs for e in r["errors"]]
        signer = "apksigner: " + (errors[0] if errors else "does not verify")
    return f"{aapt}; {signer}"


def ios_tools_say(record: Mapping[str, Any]) -> str:
    if record.get("error"):
        return f"{record['error']['kind']}: {record['error']['tool']}"
    notes = [f"app {record.get('app')}"]
    for binary in record.get("binaries") or []:
        sig = (binary["slices"][0] if binary["slices"] else {}).get("signature")
        notes.append(
            f"{binary['executable']}: {'CMS-signed' if sig and sig['cms'] else 'unsigned'}"
        )
    if not record.get("binaries"):
        notes.append("no executable in the bundle")
    return "; ".join(notes)


def recall_section(
    apps: Sequence[VulnApp], reports: Mapping[str, Mapping[str, Any]]
) -> tuple[str, list[tuple[str, str]]]:
    out = [
        "Each app's own project documents its weaknesses; `tests/data/documented_weaknesses.toml` "
        "lists them with the document they come from and the Fingertip rule that should catch "
        "each (or why none can statically). A weakness is **caught** when the current scan has a "
        "finding of one of its rules whose evidence names the documented place (its `match` "
        "strings). Recall = caught / weaknesses in static scope. Rules still being written are "
        "simply missing from the scan, so their weaknesses count as missed.",
        "",
    ]
    summary: list[tuple[str, str]] = []
    overall_caught = overall_scope = 0
    for app in apps:
        for file in app.files:
            doc = reports.get(file)
            out += [f"### {app.name}: `{file}`", ""]
            out.append(f"Documented in {app.project}: {app.source}. Read: {app.checked}.")
            out.append("")
            if doc is None or not scanned(doc):
                out += ["Not scanned.", ""]
                summary.append((file, "not scanned"))
                continue
            result = recall_for(app, file, doc.get("findings") or [])
            overall_caught += len(result.caught)
            overall_scope += result.in_scope
            summary.append((file, result.figure()))
            out += [f"**Recall: {result.figure()}**", ""]
            if app.weaknesses:
                out += recall_table(result)
            else:
                out += ["The project documents no weakness for this app.", ""]
            out += precision_table(app, file, doc)
    total = f"{overall_caught} / {overall_scope}" + (
        f" = {overall_caught / overall_scope:.0%}" if overall_scope else ""
    )
    summary.append(("all of the above", total))
    return "\n".join(out) + "\n", summary


def recall_table(result: Recall) -> list[str]:
    rows = ["| id | weakness (as documented) | source | rule | result | caught by |",
            "|---|---|---|---|---|---|"]  # fmt: skip
    for weakness, catches in result.caught:
        by = "; ".join(f"{c.rule} {c.severity} {c.level} at {code(c.where)}" for c in catches)
        rows.append(
            f"| {weakness.id} | {cell(weakness.name)} | {cell(weakness.source)} | "
            f"{', '.join(weakness.rules)} | caught | {by} |"
        )
    rows += [
        f"| {w.id} | {cell(w.name)} | {cell(w.source)} | {', '.join(w.rules)} | **missed** | "
        f"— (documented at: {cell(w.where)}) |"
        for w in result.missed
    ]
    rows += [
        f"| {w.id} | {cell(w.name)} | {cell(w.source)} | — | out of scope | {cell(w.reason)} |"
        for w in result.out_of_scope
    ]
    return [*rows, ""]


def precision_table(app: VulnApp, file: str, doc: Mapping[str, Any]) -> list[str]:
    findings = [f for f in doc.get("findings") or [] if at_least(f["severity"])]
    rows = [f"Findings at severity {PRECISION_FROM} or above ({len(findings)}):", ""]
    if not findings:
        return [*rows, "None.", ""]
    rows += ["| rule | severity | level | first evidence | documented? |", "|---|---|---|---|---|"]
    for finding in findings:
        evidence = (finding.get("evidence") or [{}])[0]
        more = len(finding.get("evidence") or []) - 1
        shown = where(evidence) + (f" (+{more} more)" if more > 0 else "")
        documented = documented_by(app, file, finding)
        verdict = "yes: " + ", ".join(w.id for w in documented) if documented else "no"
        rows.append(
            f"| {finding['rule_id']} | {finding['severity']} | "
            f"{finding.get('evidence_level') or '—'} | {code(shown)} | {verdict} |"
        )
    return [*rows, ""]


def tool_versions() -> list[str]:
    def first_line(cmd: list[str]) -> str:
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return "?"
        lines = (proc.stdout or proc.stderr).strip().splitlines()
        return lines[0].strip() if lines else "?"

    return [
        f"aapt: `{first_line(['aapt', 'version'])}`",
        f"apksigner: `{first_line(['apksigner', '--version'])}`",
        f"openssl: `{first_line(['openssl', 'version'])}`",
        f"unzip: `{first_line(['unzip', '-v'])}`",
        f"system python3 (plistlib): `{first_line(['python3', '--version'])}`",
        f"llvm tools (iOS collector): `{first_line([gti.OTOOL, '--version'])}`",
    ]


def header(
    reports: Mapping[Path, Mapping[str, Any]], argv: Sequence[str], summary: list[str]
) -> str:
    tools = {
        (d["tool"]["version"], d["tool"]["ruleset_sha256"]) for d in reports.values() if "tool" in d
    }
    fingertip = "; ".join(f"Fingertip {v}, ruleset sha256 `{h}`" for v, h in sorted(tools))
    command = shlex.join([".venv/bin/python", "scripts/accuracy.py", *argv])
    return "\n".join(
        [
            "# Fingertip accuracy",
            "",
            f"Produced by `make accuracy` (`{command}`) on "
            f"{dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; do not edit by hand.",
            "",
            f"- {fingertip or 'Fingertip: no report'} (from the JSON reports)",
            *(f"- {v}" for v in tool_versions()),
            "",
            "## Summary",
            "",
            *summary,
            "",
        ]
    )


# ------------------------------------------------------------------------------ main


def tracker_section(apks: Sequence[Path], reports: Mapping[Path, Mapping[str, Any]]) -> str:
    trackers = ta.load_trackers()
    exo: dict[Path, ta.ExodusResult] = {}
    fin: dict[Path, ta.FingertipResult] = {}
    with tempfile.TemporaryDirectory(prefix="accuracy-exodus-") as tmp:
        for i, apk in enumerate(apks, 1):
            exo[apk] = ta.run_exodus(apk, Path(tmp))
            fin[apk] = ta.fingertip_result(dict(reports[apk]))
            ta.find_referrers(exo[apk], fin[apk], trackers)  # needs this APK's dexdump files
            found = exo[apk].trackers if exo[apk].trackers is not None else exo[apk].error
            print(f"  exodus [{i}/{len(apks)}] {rel(apk)}: {found}", flush=True)
    return ta.render(list(apks), trackers, exo, fin, ta.versions())


def tracker_totals(section: str) -> str:
    line = next((ln for ln in section.splitlines() if ln.startswith("**Totals**")), "")
    return line.removeprefix("**Totals**: ") or "see section 2"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--recorded",
        action="store_true",
        help="compare with tests/data/groundtruth/*.json instead of re-running the tools",
    )
    parser.add_argument("--no-trackers", action="store_true", help="skip exodus-core (section 2)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel Android tool runs")
    parser.add_argument(
        "--reports",
        type=Path,
        help="read the JSON reports already in this folder instead of scanning",
    )
    args = parser.parse_args(argv)
    if not SAMPLES.is_dir():
        print(f"skipped: {SAMPLES} is absent, so there is nothing to measure", file=sys.stderr)
        return 0
    needed = [(FINGERTIP, "make venv")]
    if not args.no_trackers:
        needed.append((ta.EXODUS_PY, "bash scripts/peers_setup.sh"))
    for tool, hint in needed:
        if not tool.exists():
            print(f"error: {tool} missing: run {hint}", file=sys.stderr)
            return 2

    apks, ipas = sample_files()
    if args.reports:
        reports = read_reports([*apks, *ipas], args.reports)
    else:
        with tempfile.TemporaryDirectory(prefix="accuracy-scan-") as tmp:
            print(f"scanning {len(apks) + len(ipas)} packages with Fingertip…", flush=True)
            scan_all([*apks, *ipas], Path(tmp))
            reports = read_reports([*apks, *ipas], Path(tmp))
    print("running the independent tools…", flush=True)
    android = android_truth(apks, args.recorded, args.jobs)
    ios = ios_truth(ipas, args.recorded)

    identity = Identity()
    broken: list[list[str]] = []
    for apk in apks:
        for name, expected, actual in android_pairs(android[apk], reports[apk]):
            identity.check(rel(apk), name, expected, actual)
        if rel(apk) in BROKEN:
            says = [android_tools_say(android[apk]), fingertip_says(reports[apk])]
            broken.append([rel(apk), BROKEN[rel(apk)], *says])
    for ipa in ipas:
        for name, expected, actual in ios_pairs(ios[ipa], reports[ipa]):
            identity.check(rel(ipa), name, expected, actual)
        if rel(ipa) in BROKEN:
            says = [ios_tools_say(ios[ipa]), fingertip_says(reports[ipa])]
            broken.append([rel(ipa), BROKEN[rel(ipa)], *says])

    if args.no_trackers:
        trackers = "Not run (`--no-trackers`).\n"
    else:
        print("running exodus-core…", flush=True)
        trackers = tracker_section(apks, reports)
    recall, per_app = recall_section(load_weaknesses(), {rel(p): d for p, d in reports.items()})

    summary = [
        f"- Identity: {identity.equal} / {identity.compared} values equal "
        f"({identity.percent:.2f}%), {len(identity.differences)} difference(s)",
        f"- Trackers: {tracker_totals(trackers)}",
        *(f"- Recall, {name}: {figure}" for name, figure in per_app),
    ]
    text = "\n".join(
        [
            header(reports, argv if argv is not None else sys.argv[1:], summary),
            "## 1. Identity against independent tools",
            "",
            identity_section(identity, broken, (len(apks), len(ipas))),
            ta.HEADING,
            "",
            trackers,
            "## 3. Recall on the vulnerable-by-design apps",
            "",
            recall,
        ]
    )
    args.output.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    for line in summary:
        print(line)
    return 0 if not identity.differences else 1


if __name__ == "__main__":
    sys.exit(main())
