#!/usr/bin/env python3
"""Build the sample APKs in samples/ from our own sources in samples/src/android/.

Each app directory holds AndroidManifest.xml, res/, smali/, optional assets/ and
optional native/ C sources. The pipeline per app is:

    gcc (native/*.c -> lib/x86_64/*.so)
    aapt package (manifest + res + assets -> resources.arsc, binary XML)
    smali assemble -j 1 (smali/ -> classes.dex)
    zipfile (repack everything, sorted, fixed timestamps)
    zipalign -p -f 4
    apksigner sign (skipped for the unsigned sample)

The output is meant to be byte-for-byte reproducible on the same Debian tool
versions: `--check` builds everything twice and compares with the committed APKs.

Only the Python 3.11 standard library is used so the script runs before the
project's own environment exists. The keystores in samples/keys/ are throwaway
test keys; their passwords are deliberately written here and in
samples/keys/README.md.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scripts.sample_builds import build_all, check, parse_args, select_apps  # noqa: E402 (after the path)

SAMPLES = REPO / "samples"
SRC = SAMPLES / "src" / "android"
KEYS = SAMPLES / "keys"

# aapt needs a platform to resolve android: attributes. Debian ships API 29's
# framework-res.apk, which knows foregroundServiceType and usesCleartextTraffic.
FRAMEWORK_RES = Path("/usr/share/android-framework-res/framework-res.apk")

# Every zip entry gets this timestamp so rebuilding does not change the bytes.
# 2008-01-01 is what AOSP's own reproducible packaging uses; anything >= 1980
# (the DOS epoch) would do.
ZIP_TIMESTAMP = (2008, 1, 1, 0, 0, 0)

# Android 11+ refuses to install targetSdk >= 30 APKs whose resources.arsc is
# compressed, so it is stored (and zipalign then 4-byte aligns it).
STORED_ENTRIES = frozenset({"resources.arsc"})

# Command -> Debian package that provides it, so a missing tool is reported
# with the exact `apt-get install` fix.
REQUIRED_TOOLS: dict[str, str] = {
    "smali": "libsmali-java",
    "aapt": "aapt",
    "zipalign": "zipalign",
    "apksigner": "apksigner",
    "gcc": "gcc",
    "java": "default-jre-headless",
    "keytool": "default-jre-headless",
}

# Flags from the sample specification. The weak set turns off every ELF
# hardening the scanner checks; the hard set turns all of them on. The order
# matters only for readability: gcc and ld treat them as a set here.
WEAK_CFLAGS: tuple[str, ...] = (
    "-shared",
    "-fPIC",
    "-O0",
    "-fno-stack-protector",
    "-U_FORTIFY_SOURCE",
    "-Wl,-z,execstack",
    "-Wl,-z,norelro",
    "-Wl,-rpath,/data/local/tmp",
)
HARD_CFLAGS: tuple[str, ...] = (
    "-shared",
    "-fPIC",
    "-O2",
    "-fstack-protector-strong",
    "-D_FORTIFY_SOURCE=2",
    "-Wl,-z,relro,-z,now",
    "-Wl,-z,noexecstack",
    "-s",
)


class BuildError(Exception):
    """A build step failed; the message says which and why."""


@dataclass(frozen=True)
class Keystore:
    """A committed test keystore (see samples/keys/README.md)."""

    filename: str
    alias: str
    password: str  # store and key password are the same, as keytool suggests
    keysize: int
    dname: str

    @property
    def path(self) -> Path:
        return KEYS / self.filename


# The conventional Android debug keystore password and alias, so the debug
# certificate looks exactly like one produced by the SDK tools (but 1024-bit).
DEBUG1024 = Keystore(
    filename="debug1024.jks",
    alias="androiddebugkey",
    password="android",  # public test key, see samples/keys/README.md
    keysize=1024,
    dname="CN=Android Debug,O=Android,C=US",
)
RELEASE2048 = Keystore(
    filename="release2048.jks",
    alias="release",
    password="fingertip-release",  # public test key
    keysize=2048,
    dname="CN=Fingertip Sample Release,O=Fingertip,C=CN",
)
KEYSTORES: tuple[Keystore, ...] = (DEBUG1024, RELEASE2048)


@dataclass(frozen=True)
class Signing:
    """Which key and which APK signature schemes to use."""

    key: Keystore
    v1: bool
    v2: bool
    v3: bool


@dataclass(frozen=True)
class NativeLib:
    """One C source compiled into one shared library inside the APK."""

    source: str  # file name inside the app's native/ directory
    entry: str  # path of the library inside the APK
    cflags: tuple[str, ...]


@dataclass(frozen=True)
class App:
    """One sample application."""

    name: str
    native: tuple[NativeLib, ...]
    signing: Signing | None  # None: leave the APK unsigned
    sources: str | None = None  # another app's sources (default: its own directory)
    tamper: bytes | None = None  # a string in resources.arsc to alter after signing

    @property
    def src(self) -> Path:
        return SRC / (self.sources or self.name)


# v2 + v3 with the 2048-bit release key and no v1: the "correctly signed" case,
# so that no signing rule fires.
V2V3_RELEASE = Signing(RELEASE2048, v1=False, v2=True, v3=True)

# Code-graph fixtures (samples/README.md, "Code-graph samples"): one formalism
# or privacy feature each, as a positive or a negative, Java only (no native
# library) and signed like fingertip-clean, so that only the feature under test
# shows. Sources in samples/src/android/<name>/.
CODE_GRAPH_APPS: tuple[str, ...] = (
    "form-checkin-button",
    "form-checkin-dead",
    "form-keyword-only",
    "form-geofence",
    "form-trace-boot",
    "form-watermark-photo",
    "form-camera-plain",
    "form-screenshot",
    "form-ranking",
    "form-study-duration",
    "form-media-player",
    "form-social-tasks",
    "form-report-forms",
    "form-force-login",
    "form-commerce",
    "priv-preconsent",
    "priv-after-consent",
    "form-hybrid-checkin",
    "priv-apis",
    "priv-apis-dead",
    "sec-weak-code",
    "sec-weak-code-dead",
    "sec-tls",
    "sec-tls-dead",
    "sec-storage-secret",
    "sec-storage-secret-dead",
    "priv-contacts",
    "priv-contacts-dead",
    "priv-perms",
    "priv-perms-used",
    "zomb-shell",
    "func-complete",
    "tmpl-notice-a",  # cluster samples: one vendor template, three apps
    "tmpl-notice-b",
    "tmpl-survey",
)

APPS: tuple[App, ...] = (
    App(
        name="fingertip-checkin",
        native=(NativeLib("weak.c", "lib/x86_64/libweak.so", WEAK_CFLAGS),),
        # v1 only with minSdk 21: the Janus (CVE-2017-13156) exposure the
        # scanner must flag.
        signing=Signing(DEBUG1024, v1=True, v2=False, v3=False),
    ),
    App(
        name="fingertip-clean",
        native=(NativeLib("hard.c", "lib/x86_64/libhard.so", HARD_CFLAGS),),
        signing=V2V3_RELEASE,
    ),
    App(
        name="fingertip-packed",
        native=(NativeLib("jiagu.c", "lib/x86_64/libjiagu.so", HARD_CFLAGS),),
        signing=V2V3_RELEASE,
    ),
    App(name="fingertip-xss", native=(), signing=None),
    # fingertip-clean's sources, signed like it, then one letter of the app name changed in the
    # stored resources.arsc (CRCs fixed, so the zip is sound): the v2/v3 digests no longer match,
    # as after a repackaging that kept the old signing block (SEC-SIGN-004).
    App(
        name="fingertip-tampered",
        sources="fingertip-clean",
        native=(NativeLib("hard.c", "lib/x86_64/libhard.so", HARD_CFLAGS),),
        signing=V2V3_RELEASE,
        tamper=b"Notice Board",
    ),
    *(App(name=name, native=(), signing=V2V3_RELEASE) for name in CODE_GRAPH_APPS),
)


def log(message: str) -> None:
    print(message, flush=True)


def tool_env() -> dict[str, str]:
    """Environment for the tools: a fixed locale and time zone, so that Java's
    default charset and any time formatting cannot vary between machines."""
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env["TZ"] = "UTC"
    env["SOURCE_DATE_EPOCH"] = "1199145600"  # 2008-01-01, matches ZIP_TIMESTAMP
    return env


def run(cmd: Sequence[str | Path], cwd: Path | None = None) -> str:
    """Run a tool and return its stdout; raise BuildError with its output if it
    fails, because a half-built sample is worse than no sample."""
    args = [str(c) for c in cmd]
    proc = subprocess.run(
        args, cwd=cwd, env=tool_env(), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise BuildError(
            f"command failed (exit {proc.returncode}): {' '.join(args)}\n{proc.stdout}{proc.stderr}"
        )
    return proc.stdout


def check_tools() -> None:
    """Fail before doing anything if a tool is missing, naming the package."""
    missing = sorted({pkg for tool, pkg in REQUIRED_TOOLS.items() if shutil.which(tool) is None})
    if not FRAMEWORK_RES.is_file():
        missing.append("android-framework-res")
    if missing:
        raise BuildError(
            "missing build tools; install them with:\n"
            f"    apt-get install {' '.join(sorted(set(missing)))}"
        )


def check_keystores(apps: Sequence[App]) -> None:
    for app in apps:
        if app.signing is not None and not app.signing.key.path.is_file():
            raise BuildError(
                f"{app.name}: keystore {app.signing.key.path} is missing; it should be "
                "committed. Run with --generate-keys to create a NEW one (this changes "
                "every signed sample's bytes)."
            )


def generate_keys() -> None:
    """Create any missing keystore with keytool. Never overwrites: the committed
    keys are what make signed samples reproducible."""
    KEYS.mkdir(parents=True, exist_ok=True)
    for ks in KEYSTORES:
        if ks.path.exists():
            log(f"keep     {ks.path.relative_to(REPO)}")
            continue
        run(
            [
                "keytool", "-genkeypair",
                "-keystore", ks.path,
                "-storetype", "JKS",
                "-storepass", ks.password,
                "-keypass", ks.password,
                "-alias", ks.alias,
                "-keyalg", "RSA",
                "-keysize", str(ks.keysize),
                "-sigalg", "SHA256withRSA",
                "-dname", ks.dname,
                "-startdate", "2024/01/01 00:00:00",
                "-validity", "10950",
            ]
        )  # fmt: skip
        log(f"created  {ks.path.relative_to(REPO)}")


def compile_native(app: App, work: Path) -> dict[str, bytes]:
    """Compile each native source; return {APK entry name: library bytes}."""
    libs: dict[str, bytes] = {}
    native_dir = app.src / "native"
    for lib in app.native:
        if not (native_dir / lib.source).is_file():
            raise BuildError(f"{app.name}: missing native source {native_dir / lib.source}")
        out = work / "native" / Path(lib.entry).name
        out.parent.mkdir(parents=True, exist_ok=True)
        # Run in native/ with a bare file name: an unstripped library keeps the
        # source name as an STT_FILE symbol, and an absolute path would make the
        # bytes depend on where the repository is checked out.
        run(["gcc", *lib.cflags, "-o", out, lib.source], cwd=native_dir)
        libs[lib.entry] = out.read_bytes()
    return libs


def run_aapt(app: App, work: Path) -> tuple[Path, Path]:
    """Compile manifest and resources; return (aapt's APK, its R.java)."""
    gen = work / "gen"
    gen.mkdir()
    apk = work / "aapt.apk"
    cmd: list[str | Path] = [
        "aapt", "package", "-f",
        "-M", app.src / "AndroidManifest.xml",
        "-S", app.src / "res",
        "-I", FRAMEWORK_RES,
        "-J", gen,
        "-F", apk,
    ]  # fmt: skip
    if (app.src / "assets").is_dir():
        cmd[-2:-2] = ["-A", app.src / "assets"]
    run(cmd)
    # Debian's aapt writes R.java straight into -J, upstream into a package
    # path; search for it rather than guess.
    r_java = next(gen.rglob("R.java"), None)
    if r_java is None:
        raise BuildError(f"{app.name}: aapt produced no R.java")
    return apk, r_java


R_FIELD = re.compile(r"public static final int (\w+)=(0x[0-9a-fA-F]+);")
R_CLASS = re.compile(r"public static final class (\w+) \{")
SMALI_R_REF = re.compile(r"const(?:/high16)?\s+[vp]\d+,\s*(0x[0-9a-fA-F]+)\s*#\s*R\.(\w+)\.(\w+)")


def parse_r_java(r_java: Path) -> dict[tuple[str, str], int]:
    ids: dict[tuple[str, str], int] = {}
    current: str | None = None
    for line in r_java.read_text(encoding="utf-8").splitlines():
        if m := R_CLASS.search(line):
            current = m.group(1)
        elif (m := R_FIELD.search(line)) and current is not None:
            ids[(current, m.group(1))] = int(m.group(2), 16)
    return ids


def check_resource_ids(app: App, r_java: Path) -> None:
    """The smali inlines resource IDs (as javac would), annotated with
    `# R.type.name`. aapt assigns IDs by itself, so a new resource can shift
    them; catch that here instead of shipping code that points at the wrong
    resource."""
    ids = parse_r_java(r_java)
    for smali_file in sorted((app.src / "smali").rglob("*.smali")):
        text = smali_file.read_text(encoding="utf-8")
        for m in SMALI_R_REF.finditer(text):
            value, rtype, rname = int(m.group(1), 16), m.group(2), m.group(3)
            actual = ids.get((rtype, rname))
            if actual != value:
                want = "undefined" if actual is None else f"0x{actual:08x}"
                raise BuildError(
                    f"{smali_file.relative_to(REPO)}: R.{rtype}.{rname} is 0x{value:08x} "
                    f"in smali but {want} in aapt's R.java; update the constant"
                )


def assemble_dex(app: App, work: Path) -> bytes:
    dex = work / "classes.dex"
    # -j 1: with several threads smali's output order (and so the dex bytes)
    # can change from run to run.
    run(["smali", "assemble", "-j", "1", "--api", "21", "-o", dex, app.src / "smali"])
    return dex.read_bytes()


def zip_entry(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = compress
    # ZipInfo defaults create_system to the host OS; pin it (Unix, rw-r--r--)
    # so the central directory is the same wherever the build runs.
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    return info


def repack(aapt_apk: Path, extra: dict[str, bytes], out: Path) -> None:
    """Write one zip with aapt's entries plus classes.dex and native libs,
    sorted by name, with fixed metadata. aapt stamps entries with the current
    time, which is the main source of non-reproducibility this removes."""
    entries: dict[str, tuple[bytes, int]] = {}
    with zipfile.ZipFile(aapt_apk) as src:
        for info in src.infolist():
            entries[info.filename] = (src.read(info), info.compress_type)
    for name, data in extra.items():
        if name in entries:
            raise BuildError(f"{out.name}: {name} would be added twice")
        entries[name] = (data, zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for name in sorted(entries):
            data, compress = entries[name]
            if name in STORED_ENTRIES:
                compress = zipfile.ZIP_STORED
            dst.writestr(zip_entry(name, compress), data)


def sign(signing: Signing, aligned: Path, out: Path) -> None:
    ks = signing.key
    run(
        [
            "apksigner", "sign",
            "--ks", ks.path,
            "--ks-key-alias", ks.alias,
            "--ks-pass", f"pass:{ks.password}",
            "--key-pass", f"pass:{ks.password}",
            "--v1-signing-enabled", str(signing.v1).lower(),
            "--v2-signing-enabled", str(signing.v2).lower(),
            "--v3-signing-enabled", str(signing.v3).lower(),
            # v4 would write a separate .idsig file next to the APK; not wanted.
            "--v4-signing-enabled", "false",
            # META-INF/CERT.SF/.RSA like Gradle builds, not the alias-derived
            # ANDROIDD.SF apksigner would pick for "androiddebugkey".
            "--v1-signer-name", "CERT",
            "--out", out,
            aligned,
        ]
    )  # fmt: skip


def tamper_after_signing(apk: Path, text: bytes) -> None:
    """Change the first letter of `text` inside the stored resources.arsc and rewrite that
    entry's CRC-32 in its local header and its central-directory record: the archive stays
    valid, the signature no longer covers its bytes."""
    data = bytearray(apk.read_bytes())
    with zipfile.ZipFile(apk) as zf:
        info = zf.getinfo("resources.arsc")
    if info.compress_type != zipfile.ZIP_STORED:
        raise BuildError(f"{apk.name}: resources.arsc must be stored to be altered in place")
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    body = data[start : start + info.file_size]
    at = body.find(text)
    if at < 0:
        raise BuildError(f"{apk.name}: {text!r} is not in resources.arsc")
    body[at] = body[at] ^ 0x20  # the letter's case: same length, still a valid string
    data[start : start + info.file_size] = body
    crc = zlib.crc32(body)
    struct.pack_into("<I", data, info.header_offset + 14, crc)
    # Find this entry's central record by its local-header offset rather than trust one search.
    cd_offset = struct.unpack_from("<I", data, len(data) - 22 + 16)[0]  # no archive comment
    pos = cd_offset
    while data[pos : pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        if struct.unpack_from("<I", data, pos + 42)[0] == info.header_offset:
            struct.pack_into("<I", data, pos + 16, crc)
            break
        pos += 46 + n + m + k
    else:
        raise BuildError(f"{apk.name}: no central-directory record for resources.arsc")
    apk.write_bytes(bytes(data))


def build_app(app: App, out_dir: Path) -> Path:
    for required in ("AndroidManifest.xml", "res", "smali"):
        if not (app.src / required).exists():
            raise BuildError(f"{app.name}: missing {app.src / required}")
    with tempfile.TemporaryDirectory(prefix=f"{app.name}-") as tmp:
        work = Path(tmp)
        libs = compile_native(app, work)
        aapt_apk, r_java = run_aapt(app, work)
        check_resource_ids(app, r_java)
        dex = assemble_dex(app, work)

        unaligned = work / "unaligned.apk"
        repack(aapt_apk, {"classes.dex": dex, **libs}, unaligned)

        aligned = work / "aligned.apk"
        # -p page-aligns stored .so files; 4 aligns every other stored entry
        # (resources.arsc). Signing must come after: v2/v3 cover the bytes.
        run(["zipalign", "-p", "-f", "4", unaligned, aligned])

        final = work / "final.apk"
        if app.signing is None:
            shutil.copyfile(aligned, final)
        else:
            sign(app.signing, aligned, final)
        if app.tamper is not None:
            tamper_after_signing(final, app.tamper)
        # apksigner keeps alignment, but check rather than trust it.
        run(["zipalign", "-c", "-p", "4", final])

        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{app.name}.apk"
        shutil.copyfile(final, target)
    return target


def main(argv: Sequence[str]) -> int:
    description = __doc__.splitlines()[0] if __doc__ else None
    keys_help = "create missing keystores in samples/keys/ with keytool, then exit"
    args = parse_args(argv, description, ".apk", keys_help)
    out_dir = args.out_dir or SAMPLES
    try:
        check_tools()
        if args.generate_keys:
            generate_keys()
            return 0
        apps = select_apps(args.apps, APPS, BuildError)
        check_keystores(apps)
        if args.check:
            return 0 if check(apps, build_app, samples=SAMPLES, repo=REPO, suffix=".apk") else 1
        build_all(apps, out_dir.resolve(), build_app)
    except BuildError as exc:
        print(f"build_samples: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
