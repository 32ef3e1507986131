#!/usr/bin/env python3
"""Build the sample IPAs in samples/ from our own sources in samples/src/ios/.

No Apple SDK, Xcode, codesign or ldid is used. Per app:

    clang -target arm64-apple-ios12.0 -c   (Objective-C sources -> Mach-O objects,
                                           against our own headers in sdk/include)
    ld64.lld-16                            (link against our hand-written .tbd stubs
                                           in sdk/, and embedded frameworks we build)
    Python                                 (Mach-O header edits the sample needs,
                                           FairPlay-style encryption, the embedded
                                           code signature, CodeResources, the
                                           provisioning profile, Info.plist, the zip;
                                           for ios-tampered, a string literal changed
                                           after signing)

The code signature is written here: a SuperBlob with a CodeDirectory (SHA-256
page hashes of the file up to the signature), an empty Requirements set, the
entitlements and a detached CMS signature over the CodeDirectory, made with
`cryptography` from the test keys in samples/keys/ios/. The profile
(embedded.mobileprovision) is a CMS SignedData holding its plist.

The output is byte-for-byte reproducible with the same clang and lld versions:
fixed dates, fixed zip metadata, sorted entries, deterministic RSA PKCS#1 v1.5
signatures without signed attributes. `--check` builds twice and compares with
the committed IPAs. See samples/README-ios.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

try:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
except ImportError:  # pragma: no cover - depends on the interpreter used
    sys.exit("build_samples_ios: needs `cryptography`; run it with the project's .venv/bin/python")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scripts.sample_builds import build_all, check, parse_args, select_apps  # noqa: E402 (after the path)

SAMPLES = REPO / "samples"
SRC = SAMPLES / "src" / "ios"
SDK = SRC / "sdk"
KEYS = SAMPLES / "keys" / "ios"

CLANG = "clang"
LD64 = "ld64.lld-16"
REQUIRED_TOOLS: dict[str, str] = {CLANG: "clang", LD64: "lld-16"}

# Every zip entry gets this timestamp (as in scripts/build_samples.py).
ZIP_TIMESTAMP = (2008, 1, 1, 0, 0, 0)

TEAM_ID = "FTSAMPLE01"
TEAM_NAME = "Fingertip Samples"
SDK_VERSION = {"ios": "16.0", "watchos": "9.0"}


class BuildError(Exception):
    """A build step failed; the message says which and why."""


def log(message: str) -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------
# Keys and certificates (samples/keys/ios/)
# --------------------------------------------------------------------------

# Apple marks its code-signing certificates with these extensions (empty,
# critical): "iPhone Developer" and "iPhone Distribution".
OID_APPLE_DEVELOPER = x509.ObjectIdentifier("1.2.840.113635.100.6.1.2")
OID_APPLE_DISTRIBUTION = x509.ObjectIdentifier("1.2.840.113635.100.6.1.4")
# The leaf's issuer marker used in designated requirements.
OID_APPLE_WWDR_INTERMEDIATE = "1.2.840.113635.100.6.2.1"


@dataclass(frozen=True)
class CertSpec:
    """A committed test key and certificate; see samples/keys/ios/README.md."""

    stem: str
    common_name: str
    organizational_unit: str
    serial: int
    not_before: dt.datetime
    not_after: dt.datetime
    apple_oid: x509.ObjectIdentifier | None  # None: the CA

    @property
    def key_path(self) -> Path:
        return KEYS / f"{self.stem}.key.pem"

    @property
    def cert_path(self) -> Path:
        return KEYS / f"{self.stem}.cert.pem"

    def name(self) -> x509.Name:
        return x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, self.common_name),
                x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, self.organizational_unit),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, TEAM_NAME),
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            ]
        )


FAKE_CA = CertSpec(
    stem="fake-wwdr-ca",
    common_name="Fingertip Fake Apple Worldwide Developer Relations CA",
    organizational_unit="Fingertip Fake WWDR (not Apple)",
    serial=0x46540001,
    not_before=dt.datetime(2015, 1, 1),
    not_after=dt.datetime(2050, 1, 1),
    apple_oid=None,
)
DEVELOPER = CertSpec(
    stem="developer",
    common_name="iPhone Developer: Fingertip Samples (ABCDE12345)",
    organizational_unit=TEAM_ID,
    serial=0x46540002,
    not_before=dt.datetime(2020, 1, 1),
    not_after=dt.datetime(2045, 1, 1),
    apple_oid=OID_APPLE_DEVELOPER,
)
DISTRIBUTION = CertSpec(
    stem="distribution",
    common_name=f"iPhone Distribution: Fingertip Samples ({TEAM_ID})",
    organizational_unit=TEAM_ID,
    serial=0x46540003,
    not_before=dt.datetime(2020, 1, 1),
    not_after=dt.datetime(2045, 1, 1),
    apple_oid=OID_APPLE_DISTRIBUTION,
)
CERTS: tuple[CertSpec, ...] = (FAKE_CA, DEVELOPER, DISTRIBUTION)


def make_certificate(spec: CertSpec, key: rsa.RSAPrivateKey, ca_key: rsa.RSAPrivateKey) -> bytes:
    """A certificate for `spec`, deterministic for a given pair of keys."""
    ca_public = ca_key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(spec.name())
        .issuer_name(FAKE_CA.name())
        .public_key(key.public_key())
        .serial_number(spec.serial)
        .not_valid_before(spec.not_before)
        .not_valid_after(spec.not_after)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_public), False)
    )
    if spec.apple_oid is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), True)
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            True,
        )
    else:
        builder = (
            builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                True,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), True)
            # DER NULL, as in Apple's certificates.
            .add_extension(x509.UnrecognizedExtension(spec.apple_oid, b"\x05\x00"), True)
        )
    cert = builder.sign(ca_key, hashes.SHA256())
    return cert.public_bytes(serialization.Encoding.PEM)


def generate_keys() -> None:
    """Create missing keys and certificates; never overwrite. The committed
    files are what make the signed samples reproducible."""
    KEYS.mkdir(parents=True, exist_ok=True)
    for spec in CERTS:
        if spec.key_path.exists():
            log(f"keep     {spec.key_path.relative_to(REPO)}")
            continue
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        spec.key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        log(f"created  {spec.key_path.relative_to(REPO)}")
    ca_key = load_key(FAKE_CA)
    for spec in CERTS:
        if spec.cert_path.exists():
            log(f"keep     {spec.cert_path.relative_to(REPO)}")
            continue
        spec.cert_path.write_bytes(make_certificate(spec, load_key(spec), ca_key))
        log(f"created  {spec.cert_path.relative_to(REPO)}")


def load_key(spec: CertSpec) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(spec.key_path.read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise BuildError(f"{spec.key_path}: not an RSA key")
    return key


def load_cert(spec: CertSpec) -> x509.Certificate:
    return x509.load_pem_x509_certificate(spec.cert_path.read_bytes())


def check_keys() -> None:
    missing = [p for s in CERTS for p in (s.key_path, s.cert_path) if not p.is_file()]
    if missing:
        names = ", ".join(str(p.relative_to(REPO)) for p in missing)
        raise BuildError(
            f"missing {names}; they should be committed. Run with --generate-keys to "
            "create NEW ones (this changes every signed sample's bytes)."
        )


@dataclass(frozen=True)
class Identity:
    """What signs a bundle: a leaf certificate and key, plus the fake CA."""

    spec: CertSpec
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    ca_cert: x509.Certificate
    ca_key: rsa.RSAPrivateKey

    @classmethod
    def load(cls, spec: CertSpec) -> Identity:
        return cls(spec, load_cert(spec), load_key(spec), load_cert(FAKE_CA), load_key(FAKE_CA))

    def requirement(self, identifier: str) -> str:
        """Designated requirement text, as codesign records it for nested code."""
        return (
            f'identifier "{identifier}" and anchor apple generic and '
            f'certificate leaf[subject.CN] = "{self.spec.common_name}" and '
            f"certificate 1[field.{OID_APPLE_WWDR_INTERMEDIATE}] /* exists */"
        )


# PKCS#7 without signed attributes: no signingTime, so the same input gives
# the same bytes (RSA PKCS#1 v1.5 is deterministic).
CMS_DETACHED = [
    pkcs7.PKCS7Options.DetachedSignature,
    pkcs7.PKCS7Options.NoAttributes,
    pkcs7.PKCS7Options.Binary,
]
CMS_ATTACHED = [pkcs7.PKCS7Options.NoAttributes, pkcs7.PKCS7Options.Binary]


def cms_sign(
    data: bytes,
    cert: x509.Certificate,
    key: rsa.RSAPrivateKey,
    extra: Sequence[x509.Certificate],
    options: list[pkcs7.PKCS7Options],
) -> bytes:
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(cert, key, hashes.SHA256())
    for c in extra:
        builder = builder.add_certificate(c)
    return builder.sign(serialization.Encoding.DER, options)


# --------------------------------------------------------------------------
# App description
# --------------------------------------------------------------------------

ProfileKind = Literal["development", "adhoc", "enterprise", "appstore"]


@dataclass(frozen=True)
class Profile:
    """A provisioning profile (embedded.mobileprovision)."""

    kind: ProfileKind
    name: str
    uuid: str
    created: dt.datetime
    expires: dt.datetime
    devices: tuple[str, ...] = ()

    @property
    def get_task_allow(self) -> bool:
        return self.kind == "development"


@dataclass(frozen=True)
class Code:
    """One Mach-O image: sources (relative to samples/src/ios), flags, libraries."""

    sources: tuple[str, ...]
    cflags: tuple[str, ...]
    frameworks: tuple[str, ...]  # system frameworks (our .tbd stubs)
    target: str = "arm64-apple-ios12.0"
    sdk: str = ""  # SDK version recorded by the linker; default SDK_VERSION[platform]
    dylib: bool = False
    ldflags: tuple[str, ...] = ()
    # Embedded frameworks (bundle paths inside the app) this image links against.
    links: tuple[str, ...] = ()
    # Post-link edits a sample needs (lld has no flag for them).
    clear_pie: bool = False
    allow_stack_execution: bool = False
    fairplay: bool = False
    signed: bool = True
    # After signing, replace a string literal with another of the same length
    # (in __TEXT,__ustring when it has non-ASCII characters, else __cstring):
    # what a repackager editing a signed binary does. The page hash breaks.
    tamper: tuple[str, str] | None = None


@dataclass(frozen=True)
class Resource:
    """A file copied into a bundle. `form`: copy as is, UTF-16 (with BOM, how
    Xcode used to copy .strings), or compiled to a binary plist."""

    src: str
    dest: str
    form: Literal["copy", "utf16", "bplist"] = "copy"


@dataclass(frozen=True)
class Bundle:
    """A bundle: the app, or an extension/framework/watch app nested in it."""

    path: str  # inside Payload/<App>.app/ ("" for the app itself)
    executable: str
    bundle_id: str
    info_plist: str  # source, relative to samples/src/ios
    code: Code
    binary_plist: bool = True
    entitlements: bool = True  # frameworks have none
    profile: Profile | None = None
    resources: tuple[Resource, ...] = ()
    nested: tuple[Bundle, ...] = ()


@dataclass(frozen=True)
class App:
    name: str  # samples/<name>.ipa
    app_dir: str  # Payload/<app_dir>
    bundle: Bundle
    identity: CertSpec | None  # None: unsigned


HARDENED_CFLAGS: tuple[str, ...] = ("-O2", "-fobjc-arc", "-fstack-protector-strong")
WEAK_CFLAGS: tuple[str, ...] = (
    "-O0",
    "-fno-objc-arc",
    "-fno-stack-protector",
    # Keep -retain/-release as messages, as old MRC code compiled: no
    # objc_retain/objc_release imports at all.
    "-fno-objc-convert-messages-to-runtime-calls",
)
# Release builds strip local symbols (-x) and dead code, as Xcode does.
RELEASE_LDFLAGS: tuple[str, ...] = ("-dead_strip", "-x")
APP_RPATH: tuple[str, ...] = ("-rpath", "@executable_path/Frameworks")
FRAMEWORK_RPATH: tuple[str, ...] = (
    "-rpath",
    "@executable_path/Frameworks",
    "-rpath",
    "@loader_path/Frameworks",
)

# Fixed dates keep the profiles (and so the IPAs) reproducible. Profiles that
# are meant to be valid run to 2040 so that the samples do not expire under
# the tests; only ios-weak's enterprise profile is expired (2021).
CREATED = dt.datetime(2025, 6, 1, 8, 0, 0)
VALID_UNTIL = dt.datetime(2040, 6, 1, 8, 0, 0)
DEVICES = ("00008030-001A2B3C4D5E802E", "00008101-000C19E63A91001E")

STRINGS_ZH = "zh-Hans.lproj/InfoPlist.strings"


def app_store(name: str, uuid: str) -> Profile:
    return Profile("appstore", name, uuid, CREATED, VALID_UNTIL)


CHECKIN_PROFILE = Profile(
    "development",
    "iOS Team Provisioning Profile: cn.gov.example.checkin",
    "6F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F1",
    CREATED,
    VALID_UNTIL,
    DEVICES,
)
TRACE_PROFILE = Profile(
    "adhoc",
    "Fingertip Trace Ad Hoc",
    "7A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9",
    CREATED,
    VALID_UNTIL,
    DEVICES,
)

APPS: tuple[App, ...] = (
    App(
        name="ios-clean",
        app_dir="NoticeBoard.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="NoticeBoard",
            bundle_id="cn.gov.example.notice",
            info_plist="ios-clean/Info.plist",
            binary_plist=False,
            code=Code(
                sources=(
                    "ios-clean/main.m",
                    "ios-clean/AppDelegate.m",
                    "ios-clean/NoticeListViewController.m",
                    "ios-clean/PrivacyPolicyViewController.m",
                    "ios-clean/FeedbackViewController.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "WebKit", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store("Fingertip Notice App Store", "1C2D3E4F-5A6B-4C7D-8E9F-0A1B2C3D4E5F"),
            resources=(
                Resource("ios-clean/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
                Resource(f"ios-clean/{STRINGS_ZH}", STRINGS_ZH, "utf16"),
            ),
        ),
    ),
    App(
        name="ios-prompts",
        app_dir="GovPrompt.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="GovPrompt",
            bundle_id="cn.gov.example.prompts",
            info_plist="ios-prompts/Info.plist",
            binary_plist=False,
            code=Code(
                sources=(
                    "ios-prompts/main.m",
                    "ios-prompts/AppDelegate.m",
                    "ios-prompts/NoticeListViewController.m",
                    "ios-prompts/NoticeDetailViewController.m",
                    "ios-clean/PrivacyPolicyViewController.m",  # shared with ios-clean
                    "ios-clean/FeedbackViewController.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "WebKit", "CoreLocation", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store("Fingertip Prompt App Store", "8D9E0F1A-2B3C-4D5E-8F6A-7B8C9D0E1F2A"),
            resources=(
                Resource("ios-prompts/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
                Resource(f"ios-prompts/{STRINGS_ZH}", STRINGS_ZH, "utf16"),
            ),
        ),
    ),
    App(
        name="ios-checkin",
        app_dir="MobileCheckin.app",
        identity=DEVELOPER,
        bundle=Bundle(
            path="",
            executable="MobileCheckin",
            bundle_id="cn.gov.example.checkin",
            info_plist="ios-checkin/Info.plist",
            code=Code(
                sources=(
                    "ios-checkin/main.m",
                    "ios-checkin/AppDelegate.m",
                    "ios-checkin/CheckinViewController.m",
                    "thirdparty/Bugly/Bugly.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "CoreLocation", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS + APP_RPATH,
                links=("Frameworks/AMapLocationKit.framework",),
            ),
            profile=CHECKIN_PROFILE,
            resources=(
                Resource("ios-checkin/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
                Resource(f"ios-checkin/{STRINGS_ZH}", STRINGS_ZH),
            ),
            nested=(
                Bundle(
                    path="Frameworks/AMapLocationKit.framework",
                    executable="AMapLocationKit",
                    bundle_id="com.amap.api.AMapLocationKit",
                    info_plist="thirdparty/AMapLocationKit/Info.plist",
                    entitlements=False,
                    code=Code(
                        sources=("thirdparty/AMapLocationKit/AMapLocationManager.m",),
                        cflags=HARDENED_CFLAGS,
                        frameworks=("CoreLocation", "Foundation"),
                        dylib=True,
                        ldflags=(
                            "-install_name",
                            "@rpath/AMapLocationKit.framework/AMapLocationKit",
                            "-x",
                        ),
                    ),
                ),
                Bundle(
                    path="PlugIns/CheckinWidget.appex",
                    executable="CheckinWidget",
                    bundle_id="cn.gov.example.checkin.widget",
                    info_plist="ios-checkin/CheckinWidget/Info.plist",
                    code=Code(
                        sources=("ios-checkin/CheckinWidget/CheckinWidgetProvider.m",),
                        target="arm64-apple-ios14.0",
                        cflags=HARDENED_CFLAGS,
                        frameworks=("Foundation",),
                        ldflags=(
                            "-e",
                            "_NSExtensionMain",
                            "-application_extension",
                            *RELEASE_LDFLAGS,
                            *FRAMEWORK_RPATH,
                        ),
                    ),
                    profile=Profile(
                        "development",
                        "iOS Team Provisioning Profile: cn.gov.example.checkin.widget",
                        "6F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F2",
                        CREATED,
                        VALID_UNTIL,
                        DEVICES,
                    ),
                ),
            ),
        ),
    ),
    App(
        name="ios-checkin-dead",
        app_dir="CheckinInfo.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="CheckinInfo",
            bundle_id="cn.gov.example.checkindead",
            info_plist="ios-checkin-dead/Info.plist",
            code=Code(
                sources=(
                    "ios-checkin-dead/main.m",
                    "ios-checkin-dead/AppDelegate.m",
                    "ios-checkin-dead/HomeViewController.m",
                    "ios-checkin-dead/CheckinService.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "CoreLocation", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store(
                "Fingertip Checkin Info App Store", "2D3E4F5A-6B7C-4D8E-9F0A-1B2C3D4E5F60"
            ),
            resources=(
                Resource("ios-checkin-dead/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
            ),
        ),
    ),
    App(
        name="ios-privacy",
        app_dir="DocScan.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="DocScan",
            bundle_id="cn.gov.example.docscan",
            info_plist="ios-privacy/Info.plist",
            code=Code(
                sources=(
                    "ios-privacy/main.m",
                    "ios-privacy/AppDelegate.m",
                    "ios-privacy/AppProbe.m",
                    "ios-privacy/ScanViewController.m",
                    "ios-privacy/VoiceNote.m",
                    "ios-privacy/ContactsSync.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "AVFoundation", "Contacts", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store(
                "Fingertip DocScan App Store", "3E4F5A6B-7C8D-4E9F-8A1B-2C3D4E5F6071"
            ),
        ),
    ),
    App(
        name="ios-trace",
        app_dir="PatrolTrace.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="PatrolTrace",
            bundle_id="cn.gov.example.trace",
            info_plist="ios-trace/Info.plist",
            code=Code(
                sources=(
                    "ios-trace/main.m",
                    "ios-trace/AppDelegate.m",
                    "ios-trace/PatrolViewController.m",
                    "ios-trace/TrackRecorder.m",
                    "ios-trace/StudyTimer.m",
                    "ios-trace/EvidenceUploader.m",
                ),
                cflags=(*HARDENED_CFLAGS, "-Iios-trace"),
                frameworks=(
                    "UIKit",
                    "CoreLocation",
                    "AVFoundation",
                    "AdSupport",
                    "CoreGraphics",
                    "Foundation",
                ),
                ldflags=RELEASE_LDFLAGS + APP_RPATH,
                links=("Frameworks/TraceKit.framework",),
            ),
            profile=TRACE_PROFILE,
            resources=(Resource(f"ios-trace/{STRINGS_ZH}", STRINGS_ZH, "bplist"),),
            nested=(
                Bundle(
                    path="Frameworks/TraceKit.framework",
                    executable="TraceKit",
                    bundle_id="cn.gov.example.trace.TraceKit",
                    info_plist="ios-trace/TraceKit/Info.plist",
                    entitlements=False,
                    code=Code(
                        sources=("ios-trace/TraceKit/TKTrackFormatter.m",),
                        cflags=HARDENED_CFLAGS,
                        frameworks=("CoreLocation", "Foundation"),
                        dylib=True,
                        ldflags=("-install_name", "@rpath/TraceKit.framework/TraceKit", "-x"),
                    ),
                ),
                Bundle(
                    path="Watch/TraceWatch.app",
                    executable="TraceWatch",
                    bundle_id="cn.gov.example.trace.watchkitapp",
                    info_plist="ios-trace/TraceWatch/Info.plist",
                    code=Code(
                        sources=("ios-trace/TraceWatch/main.m",),
                        cflags=HARDENED_CFLAGS,
                        frameworks=("WatchKit", "Foundation"),
                        target="arm64_32-apple-watchos6.0",
                        ldflags=RELEASE_LDFLAGS,
                    ),
                    profile=Profile(
                        "adhoc",
                        "Fingertip Trace Watch Ad Hoc",
                        "7A2B3C4D-5E6F-4071-8293-A4B5C6D7E8FA",
                        CREATED,
                        VALID_UNTIL,
                        DEVICES,
                    ),
                ),
            ),
        ),
    ),
    App(
        name="ios-weak",
        app_dir="LegacyService.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="LegacyService",
            bundle_id="cn.gov.example.legacy",
            info_plist="ios-weak/Info.plist",
            binary_plist=False,
            code=Code(
                sources=(
                    "ios-weak/main.m",
                    "ios-weak/AppDelegate.m",
                    "ios-weak/LegacyViewController.m",
                    "ios-weak/LegacyCrypto.m",
                    "ios-weak/legacy_util.c",
                ),
                cflags=WEAK_CFLAGS,
                frameworks=("UIKit", "CoreGraphics", "Foundation"),
                target="arm64-apple-ios9.0",
                sdk="11.3",
                # Not stripped, no dead-code stripping, an absolute rpath.
                ldflags=("-rpath", "/usr/local/lib"),
                clear_pie=True,
                allow_stack_execution=True,
            ),
            profile=Profile(
                "enterprise",
                "Fingertip Legacy In House",
                "3E4F5A6B-7C8D-4E9F-8A1B-2C3D4E5F6A7B",
                dt.datetime(2020, 3, 1, 8, 0, 0),
                dt.datetime(2021, 3, 1, 8, 0, 0),
            ),
        ),
    ),
    App(
        name="ios-fairplay",
        app_dir="GovServices.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="GovServices",
            bundle_id="cn.gov.example.services",
            info_plist="ios-fairplay/Info.plist",
            code=Code(
                sources=(
                    "ios-fairplay/main.m",
                    "ios-fairplay/AppDelegate.m",
                    "ios-fairplay/ServiceListViewController.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "CoreLocation", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
                fairplay=True,
            ),
            profile=app_store(
                "Fingertip Services App Store", "4F5A6B7C-8D9E-4FA0-8B1C-2D3E4F5A6B7C"
            ),
            resources=(
                Resource("ios-fairplay/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
                Resource(f"ios-fairplay/{STRINGS_ZH}", STRINGS_ZH, "bplist"),
            ),
        ),
    ),
    App(
        name="ios-unsigned",
        app_dir="UnsignedDemo.app",
        identity=None,
        bundle=Bundle(
            path="",
            executable="UnsignedDemo",
            bundle_id="cn.gov.example.unsigned",
            info_plist="ios-unsigned/Info.plist",
            binary_plist=False,
            entitlements=False,
            code=Code(
                sources=("ios-unsigned/main.m",),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
                signed=False,
            ),
        ),
    ),
    App(
        name="ios-forms",
        app_dir="GovForms.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="GovForms",
            bundle_id="cn.gov.example.forms",
            info_plist="ios-forms/Info.plist",
            code=Code(
                sources=(
                    "ios-forms/main.m",
                    "ios-forms/AppDelegate.m",
                    "ios-forms/FormsKit.m",
                    "ios-forms/WorkbenchViewController.m",
                    "ios-forms/FenceViewController.m",
                    "ios-forms/RankViewController.m",
                    "ios-forms/ShareTaskViewController.m",
                    "ios-forms/DailyReportViewController.m",
                    "ios-forms/MallViewController.m",
                    "ios-forms/FeedbackViewController.m",
                    "ios-forms/PrivacyPolicyViewController.m",
                    # Static SDKs: linked into the app's own executable.
                    "thirdparty/WechatOpenSDK/WXApi.m",
                    "thirdparty/AlipaySDK/AlipaySDK.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "CoreLocation", "WebKit", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store("Fingertip Forms App Store", "5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D"),
            resources=(
                Resource("ios-forms/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
                Resource(f"ios-forms/{STRINGS_ZH}", STRINGS_ZH, "bplist"),
            ),
        ),
    ),
    App(
        name="ios-tampered",
        app_dir="TamperedNotice.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="TamperedNotice",
            bundle_id="cn.gov.example.tampered",
            info_plist="ios-tampered/Info.plist",
            binary_plist=False,
            code=Code(
                # ios-clean's own code under another identity: only the change after
                # signing (tamper) tells the two apart.
                sources=(
                    "ios-clean/main.m",
                    "ios-clean/AppDelegate.m",
                    "ios-clean/NoticeListViewController.m",
                    "ios-clean/PrivacyPolicyViewController.m",
                    "ios-clean/FeedbackViewController.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "WebKit", "CoreGraphics", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
                # 通知公告 (notice board) -> 通知广告 (advert board), after signing.
                tamper=("通知公告", "通知广告"),
            ),
            profile=app_store(
                "Fingertip Tampered Notice App Store", "6B7C8D9E-0F1A-4B2C-9D3E-4F5A6B7C8D9E"
            ),
            resources=(
                Resource("ios-clean/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),
                Resource(f"ios-tampered/{STRINGS_ZH}", STRINGS_ZH, "utf16"),
            ),
        ),
    ),
    App(
        name="ios-insecure",
        app_dir="InsecureNotice.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="InsecureNotice",
            bundle_id="cn.gov.example.insecure",
            info_plist="ios-insecure/Info.plist",
            code=Code(
                sources=(
                    "ios-insecure/main.m",
                    "ios-insecure/AppDelegate.m",
                    "ios-insecure/ApiClient.m",
                    "ios-insecure/SessionStore.m",
                ),
                cflags=HARDENED_CFLAGS,
                frameworks=("UIKit", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store(
                "Fingertip Insecure Notice App Store", "7C8D9E0F-1A2B-4C3D-8E4F-5A6B7C8D9E0F"
            ),
            resources=(Resource("ios-insecure/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),),
        ),
    ),
    App(
        # ios-insecure's code, but nothing the app delegate runs reaches it.
        name="ios-insecure-dead",
        app_dir="InsecureInfo.app",
        identity=DISTRIBUTION,
        bundle=Bundle(
            path="",
            executable="InsecureInfo",
            bundle_id="cn.gov.example.insecuredead",
            info_plist="ios-insecure-dead/Info.plist",
            code=Code(
                sources=(
                    "ios-insecure-dead/main.m",
                    "ios-insecure-dead/AppDelegate.m",
                    "ios-insecure/ApiClient.m",
                    "ios-insecure/SessionStore.m",
                ),
                cflags=(*HARDENED_CFLAGS, "-Iios-insecure"),
                frameworks=("UIKit", "Foundation"),
                ldflags=RELEASE_LDFLAGS,
            ),
            profile=app_store(
                "Fingertip Insecure Info App Store", "8D9E0F1A-2B3C-4D4E-9F5A-6B7C8D9E0F1A"
            ),
            resources=(Resource("ios-insecure/PrivacyInfo.xcprivacy", "PrivacyInfo.xcprivacy"),),
        ),
    ),
)


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------


def run(cmd: Sequence[str | Path], cwd: Path | None = None) -> str:
    args = [str(c) for c in cmd]
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or proc.stderr.strip():
        # A warning is an error too: the samples are small enough to be clean.
        raise BuildError(
            f"command failed (exit {proc.returncode}): {' '.join(args)}\n{proc.stdout}{proc.stderr}"
        )
    return proc.stdout


def check_tools() -> None:
    missing = sorted({pkg for tool, pkg in REQUIRED_TOOLS.items() if shutil.which(tool) is None})
    if missing:
        raise BuildError(
            f"missing build tools; install them with:\n    apt-get install {' '.join(missing)}"
        )


TARGET_RE = re.compile(r"^(arm64|arm64_32)-apple-(ios|watchos)(\d+\.\d+)$")


def compile_and_link(code: Code, out: Path, work: Path, framework_dir: Path) -> bytes:
    """Compile the sources and link one Mach-O with lld; return its bytes."""
    m = TARGET_RE.match(code.target)
    if m is None:
        raise BuildError(f"unsupported target {code.target}")
    arch, platform, min_version = m.groups()
    objects: list[Path] = []
    obj_dir = work / "obj" / out.name
    obj_dir.mkdir(parents=True, exist_ok=True)
    for source in code.sources:
        if not (SRC / source).is_file():
            raise BuildError(f"missing source {SRC / source}")
        obj = obj_dir / (Path(source).stem + ".o")
        cflags = list(code.cflags)
        if source.endswith(".c"):
            # Objective-C options are "unused" for plain C (an error with -Werror).
            cflags = [f for f in cflags if not f.startswith(("-fobjc", "-fno-objc"))]
        # Run from samples/src/ios with relative paths: nothing of the checkout
        # location can end up in the objects.
        run(
            [
                CLANG, "-target", code.target,
                "-nostdlibinc", "-isystem", "sdk/include", "-Ithirdparty",
                "-fno-modules", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror",
                *cflags,
                "-c", source, "-o", obj,
            ],
            cwd=SRC,
        )  # fmt: skip
        objects.append(obj)
    cmd: list[str | Path] = [
        LD64, "-arch", arch,
        "-platform_version", platform, min_version, code.sdk or SDK_VERSION[platform],
        "-syslibroot", SDK,
        "-o", out,
        *objects,
    ]  # fmt: skip
    if code.dylib:
        cmd.append("-dylib")
    for fw in code.links:
        cmd += ["-F", framework_dir / Path(fw).parent, "-framework", Path(fw).stem]
    for fw in code.frameworks:
        cmd += ["-framework", fw]
    # Xcode's clang auto-links CoreFoundation (constant NSStrings), libobjc and
    # libSystem into every image; do the same explicitly.
    cmd += ["-framework", "CoreFoundation", "-lobjc", "-lSystem"]
    cmd.append("-adhoc_codesign" if code.signed else "-no_adhoc_codesign")
    cmd += list(code.ldflags)
    run(cmd)
    return out.read_bytes()


# --------------------------------------------------------------------------
# Mach-O editing and code signing
# --------------------------------------------------------------------------

MH_MAGIC = 0xFEEDFACE
MH_MAGIC_64 = 0xFEEDFACF
MH_EXECUTE = 0x2
MH_PIE = 0x200000
MH_ALLOW_STACK_EXECUTION = 0x20000
LC_SEGMENT = 0x1
LC_SEGMENT_64 = 0x19
LC_CODE_SIGNATURE = 0x1D
LC_ENCRYPTION_INFO = 0x21
LC_ENCRYPTION_INFO_64 = 0x2C

CSMAGIC_EMBEDDED_SIGNATURE = 0xFADE0CC0
CSMAGIC_CODEDIRECTORY = 0xFADE0C02
CSMAGIC_REQUIREMENTS = 0xFADE0C01
CSMAGIC_EMBEDDED_ENTITLEMENTS = 0xFADE7171
CSMAGIC_BLOBWRAPPER = 0xFADE0B01
CSSLOT_CODEDIRECTORY = 0
CSSLOT_REQUIREMENTS = 2
CSSLOT_ENTITLEMENTS = 5
CSSLOT_SIGNATURESLOT = 0x10000
CS_HASHTYPE_SHA256 = 2
CS_EXECSEG_MAIN_BINARY = 0x1
CS_EXECSEG_ALLOW_UNSIGNED = 0x10
CD_VERSION = 0x20400  # with execSegBase/Limit/Flags
CD_HEADER_SIZE = 88
PAGE_SHIFT = 12  # 4096-byte code pages
SEGMENT_ALIGN = 0x4000  # arm64 and arm64_32 use 16 KiB pages

# FairPlay leaves the protected range as ciphertext; we imitate that with a
# fixed XOR key stream so the bytes are meaningless but reproducible.
FAIRPLAY_SEED = b"fingertip-sample-fairplay"


@dataclass
class MachO:
    """A thin Mach-O held in a mutable buffer, with the offsets we edit."""

    data: bytearray
    is64: bool = field(init=False)
    commands: list[tuple[int, int, int]] = field(init=False)  # (cmd, offset, size)

    def __post_init__(self) -> None:
        magic = struct.unpack_from("<I", self.data, 0)[0]
        if magic not in (MH_MAGIC, MH_MAGIC_64):
            raise BuildError(f"not a little-endian thin Mach-O (magic {magic:#x})")
        self.is64 = magic == MH_MAGIC_64
        ncmds, sizeofcmds = struct.unpack_from("<II", self.data, 16)
        offset = 32 if self.is64 else 28
        end = offset + sizeofcmds
        self.commands = []
        for _ in range(ncmds):
            cmd, size = struct.unpack_from("<II", self.data, offset)
            self.commands.append((cmd, offset, size))
            offset += size
        if offset != end:
            raise BuildError("load commands do not add up to sizeofcmds")

    @property
    def filetype(self) -> int:
        return int(struct.unpack_from("<I", self.data, 12)[0])

    @property
    def flags(self) -> int:
        return int(struct.unpack_from("<I", self.data, 24)[0])

    @flags.setter
    def flags(self, value: int) -> None:
        struct.pack_into("<I", self.data, 24, value)

    def command(self, cmd: int) -> int | None:
        """Offset of the first load command `cmd`, or None."""
        return next((off for c, off, _ in self.commands if c == cmd), None)

    def segment(self, name: str) -> int:
        want = LC_SEGMENT_64 if self.is64 else LC_SEGMENT
        for cmd, off, _ in self.commands:
            if cmd == want and self.data[off + 8 : off + 24].rstrip(b"\0").decode() == name:
                return off
        raise BuildError(f"no {name} segment")

    def segment_file_range(self, name: str) -> tuple[int, int]:
        off = self.segment(name)
        if self.is64:
            fileoff, filesize = struct.unpack_from("<QQ", self.data, off + 40)
        else:
            fileoff, filesize = struct.unpack_from("<II", self.data, off + 32)
        return int(fileoff), int(filesize)

    def set_segment_sizes(self, name: str, filesize: int, vmsize: int) -> None:
        off = self.segment(name)
        if self.is64:
            struct.pack_into("<Q", self.data, off + 32, vmsize)
            struct.pack_into("<Q", self.data, off + 48, filesize)
        else:
            struct.pack_into("<I", self.data, off + 28, vmsize)
            struct.pack_into("<I", self.data, off + 36, filesize)

    def section_offset(self, segname: str, sectname: str) -> int:
        return self.section_file_range(segname, sectname)[0]

    def section_file_range(self, segname: str, sectname: str) -> tuple[int, int]:
        """(file offset, size) of a section."""
        seg = self.segment(segname)
        nsects = struct.unpack_from("<I", self.data, seg + (64 if self.is64 else 48))[0]
        first = seg + (72 if self.is64 else 56)
        size = 80 if self.is64 else 68
        for i in range(nsects):
            sec = first + i * size
            if self.data[sec : sec + 16].rstrip(b"\0").decode() == sectname:
                if self.is64:
                    sect_size = struct.unpack_from("<Q", self.data, sec + 40)[0]
                    offset = struct.unpack_from("<I", self.data, sec + 48)[0]
                else:
                    sect_size, offset = struct.unpack_from("<II", self.data, sec + 36)
                return int(offset), int(sect_size)
        raise BuildError(f"no {segname},{sectname} section")


def fairplay_encrypt(macho: MachO) -> None:
    """Set cryptid 1 and scramble [cryptoff, cryptoff+cryptsize): what an App
    Store download looks like before it is decrypted on a device."""
    off = macho.command(LC_ENCRYPTION_INFO_64 if macho.is64 else LC_ENCRYPTION_INFO)
    if off is None:
        raise BuildError("lld emitted no LC_ENCRYPTION_INFO(_64)")
    cryptoff, cryptsize, cryptid = struct.unpack_from("<III", macho.data, off + 8)
    text_off, text_size = macho.segment_file_range("__TEXT")
    text_start = macho.section_offset("__TEXT", "__text")
    # lld already uses the brief's layout: from the start of __text to the end
    # of the __TEXT segment. Enforce it rather than trust it.
    if cryptoff != text_start or cryptoff + cryptsize != text_off + text_size or cryptid != 0:
        cryptoff, cryptsize = text_start, text_off + text_size - text_start
        struct.pack_into("<II", macho.data, off + 8, cryptoff, cryptsize)
    struct.pack_into("<I", macho.data, off + 16, 1)
    stream = bytearray()
    counter = 0
    while len(stream) < cryptsize:
        stream += hashlib.sha256(FAIRPLAY_SEED + counter.to_bytes(8, "big")).digest()
        counter += 1
    region = macho.data[cryptoff : cryptoff + cryptsize]
    macho.data[cryptoff : cryptoff + cryptsize] = bytes(
        a ^ b for a, b in zip(region, stream, strict=False)
    )


def tamper_literal(data: bytes, old: str, new: str) -> bytes:
    """Replace the string literal `old` by `new` in a signed image, leaving the
    signature as it was: UTF-16LE in __TEXT,__ustring (where clang puts
    literals with non-ASCII characters), else ASCII in __TEXT,__cstring. The
    literal must occur exactly once, and `new` must have the same length."""
    if old.isascii() != new.isascii():
        raise BuildError(f"tamper {old!r} -> {new!r}: both ASCII or neither")
    sect, enc, unit = ("__cstring", "ascii", 1) if old.isascii() else ("__ustring", "utf-16-le", 2)
    before, after = old.encode(enc), new.encode(enc)
    if len(before) != len(after) or before == after:
        raise BuildError(f"tamper {old!r} -> {new!r}: not a same-length change")
    macho = MachO(bytearray(data))
    offset, size = macho.section_file_range("__TEXT", sect)
    region = bytes(macho.data[offset : offset + size])
    hits = [m.start() for m in re.finditer(re.escape(before), region) if m.start() % unit == 0]
    if len(hits) != 1:
        raise BuildError(f"tamper: {old!r} occurs {len(hits)} times in __TEXT,{sect}, not once")
    at = offset + hits[0]
    macho.data[at : at + len(after)] = after
    return bytes(macho.data)


def blob(magic: int, payload: bytes) -> bytes:
    return struct.pack(">II", magic, 8 + len(payload)) + payload


EMPTY_REQUIREMENTS = struct.pack(">III", CSMAGIC_REQUIREMENTS, 12, 0)


@dataclass(frozen=True)
class SignInput:
    identifier: str
    identity: Identity
    entitlements: bytes | None  # XML plist
    info_plist: bytes | None
    code_resources: bytes | None
    main_binary: bool
    get_task_allow: bool


def code_directory(
    body: bytes, sign: SignInput, special: dict[int, bytes], exec_seg: tuple[int, int]
) -> bytes:
    ident = sign.identifier.encode() + b"\0"
    team = TEAM_ID.encode() + b"\0"
    n_special = max(special)
    code_limit = len(body)
    n_code = (code_limit + (1 << PAGE_SHIFT) - 1) >> PAGE_SHIFT
    hash_offset = CD_HEADER_SIZE + len(ident) + len(team) + n_special * 32
    length = hash_offset + n_code * 32
    exec_flags = 0
    if sign.main_binary:
        exec_flags |= CS_EXECSEG_MAIN_BINARY
        if sign.get_task_allow:
            exec_flags |= CS_EXECSEG_ALLOW_UNSIGNED
    header = struct.pack(
        ">IIIIIIIIIBBBBIIIIQQQQ",
        CSMAGIC_CODEDIRECTORY,
        length,
        CD_VERSION,
        0,  # flags: a real (not ad hoc) signature
        hash_offset,
        CD_HEADER_SIZE,  # identOffset
        n_special,
        n_code,
        code_limit,
        32,  # hashSize
        CS_HASHTYPE_SHA256,
        0,  # platform
        PAGE_SHIFT,
        0,  # spare2
        0,  # scatterOffset
        CD_HEADER_SIZE + len(ident),  # teamOffset
        0,  # spare3
        0,  # codeLimit64 (only for files > 4 GiB)
        exec_seg[0],
        exec_seg[1],
        exec_flags,
    )
    assert len(header) == CD_HEADER_SIZE
    slots = b"".join(special.get(i, bytes(32)) for i in range(n_special, 0, -1))
    pages = b"".join(
        hashlib.sha256(body[i : i + (1 << PAGE_SHIFT)]).digest()
        for i in range(0, code_limit, 1 << PAGE_SHIFT)
    )
    cd = header + ident + team + slots + pages
    assert len(cd) == length
    return cd


def code_sign(data: bytes, sign: SignInput) -> tuple[bytes, bytes]:
    """Replace lld's ad hoc signature with a full one; return (file, cdhash).

    The signature goes where lld put its own (LC_CODE_SIGNATURE dataoff, at
    the end of __LINKEDIT); the load command and __LINKEDIT are resized before
    the pages are hashed, since the header page is hashed too."""
    macho = MachO(bytearray(data))
    cs = macho.command(LC_CODE_SIGNATURE)
    if cs is None:
        raise BuildError("no LC_CODE_SIGNATURE to fill (link with -adhoc_codesign)")
    dataoff = int(struct.unpack_from("<I", macho.data, cs + 8)[0])
    linkedit_off, _ = macho.segment_file_range("__LINKEDIT")
    del macho.data[dataoff:]

    entitlements = (
        blob(CSMAGIC_EMBEDDED_ENTITLEMENTS, sign.entitlements) if sign.entitlements else None
    )
    special: dict[int, bytes] = {
        1: hashlib.sha256(sign.info_plist).digest() if sign.info_plist else bytes(32),
        2: hashlib.sha256(EMPTY_REQUIREMENTS).digest(),
        3: hashlib.sha256(sign.code_resources).digest() if sign.code_resources else bytes(32),
    }
    if entitlements is not None:
        special[4] = bytes(32)  # application-specific slot, unused
        special[5] = hashlib.sha256(entitlements).digest()
    text_off, text_size = macho.segment_file_range("__TEXT")
    exec_seg = (text_off, text_size)
    ident = sign.identity

    def superblob(cd: bytes, cms: bytes) -> bytes:
        blobs: list[tuple[int, bytes]] = [
            (CSSLOT_CODEDIRECTORY, cd),
            (CSSLOT_REQUIREMENTS, EMPTY_REQUIREMENTS),
        ]
        if entitlements is not None:
            blobs.append((CSSLOT_ENTITLEMENTS, entitlements))
        blobs.append((CSSLOT_SIGNATURESLOT, blob(CSMAGIC_BLOBWRAPPER, cms)))
        offset = 12 + 8 * len(blobs)
        index = b""
        for slot, b in blobs:
            index += struct.pack(">II", slot, offset)
            offset += len(b)
        return (
            struct.pack(">III", CSMAGIC_EMBEDDED_SIGNATURE, offset, len(blobs))
            + index
            + b"".join(b for _, b in blobs)
        )

    def sign_cd(cd: bytes) -> bytes:
        return cms_sign(cd, ident.cert, ident.key, [ident.ca_cert], CMS_DETACHED)

    # First pass with the unpatched header: only the sizes matter, and they do
    # not depend on the hashed bytes (the CMS signature has a fixed length).
    draft_cd = code_directory(bytes(macho.data), sign, special, exec_seg)
    size = len(superblob(draft_cd, sign_cd(draft_cd)))
    datasize = (size + 15) & ~15
    struct.pack_into("<I", macho.data, cs + 12, datasize)
    filesize = dataoff + datasize - linkedit_off
    vmsize = (filesize + SEGMENT_ALIGN - 1) & ~(SEGMENT_ALIGN - 1)
    macho.set_segment_sizes("__LINKEDIT", filesize, vmsize)

    body = bytes(macho.data)
    cd = code_directory(body, sign, special, exec_seg)
    signature = superblob(cd, sign_cd(cd))
    if len(signature) != size:
        raise BuildError("code signature size changed between passes")
    signed = body + signature + bytes(datasize - len(signature))
    return signed, hashlib.sha256(cd).digest()[:20]


def edit_header(data: bytes, code: Code) -> bytes:
    macho = MachO(bytearray(data))
    if code.clear_pie:
        # ld64.lld-16 ignores -no_pie for arm64 ("-no_pie ignored for arm64"),
        # like Apple's ld; clear the flag in the header instead.
        macho.flags = macho.flags & ~MH_PIE
    if code.allow_stack_execution:
        macho.flags = macho.flags | MH_ALLOW_STACK_EXECUTION
    if code.fairplay:
        fairplay_encrypt(macho)
    return bytes(macho.data)


# --------------------------------------------------------------------------
# Bundle contents
# --------------------------------------------------------------------------

STRINGS_RE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*=\s*"((?:[^"\\]|\\.)*)"\s*;')
COMMENT_RE = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def parse_strings(text: str) -> dict[str, str]:
    """The subset of the .strings format our sources use: "key" = "value";"""
    out: dict[str, str] = {}
    for key, value in STRINGS_RE.findall(COMMENT_RE.sub("", text)):
        out[key.replace('\\"', '"')] = value.replace('\\"', '"')
    return out


def render_resource(res: Resource) -> bytes:
    raw = (SRC / res.src).read_bytes()
    if res.form == "copy":
        return raw
    text = raw.decode("utf-8")
    if res.form == "utf16":
        return text.encode("utf-16")  # with BOM, host byte order: little endian
    return plistlib.dumps(parse_strings(text), fmt=plistlib.FMT_BINARY, sort_keys=True)


def render_plist(value: Any, binary: bool) -> bytes:
    fmt = plistlib.FMT_BINARY if binary else plistlib.FMT_XML
    return plistlib.dumps(value, fmt=fmt, sort_keys=True)


def entitlements_for(bundle: Bundle, profile: Profile | None) -> dict[str, Any]:
    """What codesign would embed: the profile's entitlements narrowed to the app."""
    return {
        "application-identifier": f"{TEAM_ID}.{bundle.bundle_id}",
        "com.apple.developer.team-identifier": TEAM_ID,
        "get-task-allow": profile is not None and profile.get_task_allow,
        "keychain-access-groups": [f"{TEAM_ID}.{bundle.bundle_id}"],
    }


def provisioning_profile(bundle: Bundle, profile: Profile, identity: Identity) -> bytes:
    entitlements: dict[str, Any] = {
        "application-identifier": f"{TEAM_ID}.{bundle.bundle_id}",
        "com.apple.developer.team-identifier": TEAM_ID,
        "get-task-allow": profile.get_task_allow,
        "keychain-access-groups": [f"{TEAM_ID}.*"],
    }
    if profile.kind == "appstore":
        entitlements["beta-reports-active"] = True
    plist: dict[str, Any] = {
        "AppIDName": f"Fingertip {bundle.executable}",
        "ApplicationIdentifierPrefix": [TEAM_ID],
        "CreationDate": profile.created,
        "DeveloperCertificates": [identity.cert.public_bytes(serialization.Encoding.DER)],
        "Entitlements": entitlements,
        "ExpirationDate": profile.expires,
        "IsXcodeManaged": profile.kind == "development",
        "Name": profile.name,
        "Platform": ["iOS"],
        "TeamIdentifier": [TEAM_ID],
        "TeamName": TEAM_NAME,
        "TimeToLive": (profile.expires - profile.created).days,
        "UUID": profile.uuid,
        "Version": 1,
    }
    if profile.kind in ("development", "adhoc"):
        plist["ProvisionedDevices"] = list(profile.devices)
    elif profile.kind == "enterprise":
        plist["ProvisionsAllDevices"] = True
    content = render_plist(plist, binary=False)
    # Apple signs profiles with its own profile-signing certificate; the
    # samples use the fake CA, and attach the plist as the CMS content.
    return cms_sign(content, identity.ca_cert, identity.ca_key, [], CMS_ATTACHED)


RULES: dict[str, Any] = {
    "^.*": True,
    "^.*\\.lproj/": {"optional": True, "weight": 1000.0},
    "^.*\\.lproj/locversion.plist$": {"omit": True, "weight": 1100.0},
    "^Base\\.lproj/": {"weight": 1010.0},
    "^version.plist$": True,
}
RULES2: dict[str, Any] = {
    ".*\\.dSYM($|/)": {"weight": 11.0},
    "^(.*/)?\\.DS_Store$": {"omit": True, "weight": 2000.0},
    "^.*": True,
    "^.*\\.lproj/": {"optional": True, "weight": 1000.0},
    "^.*\\.lproj/locversion.plist$": {"omit": True, "weight": 1100.0},
    "^Base\\.lproj/": {"weight": 1010.0},
    "^Info\\.plist$": {"omit": True, "weight": 20.0},
    "^PkgInfo$": {"omit": True, "weight": 20.0},
    "^embedded\\.provisionprofile$": {"weight": 20.0},
    "^version\\.plist$": {"weight": 20.0},
}


def code_resources(
    files: dict[str, bytes], executable: str, nested: dict[str, tuple[bytes, str]]
) -> bytes:
    """_CodeSignature/CodeResources: a hash of every resource of the bundle.
    `files` are relative to the bundle; nested code is listed by cdhash."""
    v1: dict[str, Any] = {}
    v2: dict[str, Any] = {}
    for path in sorted(files):
        if path == executable or path.startswith("_CodeSignature/"):
            continue
        if any(path.startswith(n + "/") for n in nested):
            continue
        data = files[path]
        sha1 = hashlib.sha1(data).digest()
        sha256 = hashlib.sha256(data).digest()
        optional = ".lproj/" in path
        v1[path] = {"hash": sha1, "optional": True} if optional else sha1
        if path in ("Info.plist", "PkgInfo"):
            continue
        entry: dict[str, Any] = {"hash": sha1, "hash2": sha256}
        if optional:
            entry["optional"] = True
        v2[path] = entry
    for path, (cdhash, requirement) in nested.items():
        v2[path] = {"cdhash": cdhash, "requirement": requirement}
    return render_plist({"files": v1, "files2": v2, "rules": RULES, "rules2": RULES2}, False)


@dataclass
class Built:
    files: dict[str, bytes] = field(default_factory=dict)  # path in the app -> bytes
    executables: set[str] = field(default_factory=set)


def build_bundle(
    app: App, bundle: Bundle, identity: Identity | None, work: Path, out: Built
) -> bytes | None:
    """Build `bundle` (nested bundles first: they are signed before their
    parent hashes them) into `out`; return its cdhash (None if unsigned)."""
    prefix = f"{bundle.path}/" if bundle.path else ""
    nested: dict[str, tuple[bytes, str]] = {}
    for child in bundle.nested:
        child_hash = build_bundle(app, child, identity, work, out)
        if child_hash is not None and identity is not None:
            rel = child.path.removeprefix(prefix)
            nested[rel] = (child_hash, identity.requirement(child.bundle_id))

    framework_dir = work / "fw"
    exe_path = framework_dir / bundle.path / bundle.executable if bundle.path else work / "app"
    exe_path.parent.mkdir(parents=True, exist_ok=True)
    macho = compile_and_link(bundle.code, exe_path, work, framework_dir)
    macho = edit_header(macho, bundle.code)

    files: dict[str, bytes] = {}
    info = plistlib.loads((SRC / bundle.info_plist).read_bytes())
    if info.get("CFBundleIdentifier") != bundle.bundle_id:
        raise BuildError(f"{bundle.info_plist}: CFBundleIdentifier is not {bundle.bundle_id}")
    if info.get("CFBundleExecutable") != bundle.executable:
        raise BuildError(f"{bundle.info_plist}: CFBundleExecutable is not {bundle.executable}")
    files["Info.plist"] = render_plist(info, bundle.binary_plist)
    if info.get("CFBundlePackageType") == "APPL":
        files["PkgInfo"] = b"APPL????"
    for res in bundle.resources:
        files[res.dest] = render_resource(res)
    if identity is not None and bundle.profile is not None:
        files["embedded.mobileprovision"] = provisioning_profile(bundle, bundle.profile, identity)
    # Files nested bundles already put in the app, relative to this bundle.
    inner = {
        path.removeprefix(prefix): data
        for path, data in out.files.items()
        if path.startswith(prefix) or not prefix
    }

    cdhash: bytes | None = None
    if bundle.code.signed:
        if identity is None:
            raise BuildError(
                f"{app.name}: {bundle.bundle_id} is signed but the app has no identity"
            )
        resources = code_resources({**inner, **files}, bundle.executable, nested)
        files["_CodeSignature/CodeResources"] = resources
        entitlements = (
            render_plist(entitlements_for(bundle, bundle.profile), binary=False)
            if bundle.entitlements
            else None
        )
        macho, cdhash = code_sign(
            macho,
            SignInput(
                identifier=bundle.bundle_id,
                identity=identity,
                entitlements=entitlements,
                info_plist=files["Info.plist"],
                code_resources=resources,
                main_binary=not bundle.code.dylib,
                get_task_allow=bundle.profile is not None and bundle.profile.get_task_allow,
            ),
        )
    if bundle.code.tamper is not None:
        macho = tamper_literal(macho, *bundle.code.tamper)
    # Keep the signed image where the parent links against it.
    exe_path.write_bytes(macho)
    files[bundle.executable] = macho
    for rel, data in files.items():
        out.files[prefix + rel] = data
    out.executables.add(prefix + bundle.executable)
    return cdhash


def zip_entry(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.create_system = 3  # Unix, whatever the host
    info.external_attr = mode << 16
    if name.endswith("/"):
        info.external_attr |= 0x10  # MS-DOS directory bit, as zip(1) sets it
        info.compress_type = zipfile.ZIP_STORED
    else:
        info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_ipa(app: App, built: Built, target: Path) -> None:
    root = f"Payload/{app.app_dir}/"
    entries: dict[str, tuple[bytes, int]] = {}
    for path, data in built.files.items():
        name = root + path
        mode = 0o100755 if path in built.executables else 0o100644
        entries[name] = (data, mode)
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            entries.setdefault("/".join(parts[:i]) + "/", (b"", 0o40755))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(entries):
            data, mode = entries[name]
            z.writestr(zip_entry(name, mode), data)


def build_app(app: App, out_dir: Path) -> Path:
    identity = Identity.load(app.identity) if app.identity is not None else None
    with tempfile.TemporaryDirectory(prefix=f"{app.name}-") as tmp:
        built = Built()
        build_bundle(app, app.bundle, identity, Path(tmp), built)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{app.name}.ipa"
        write_ipa(app, built, target)
    return target


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def main(argv: Sequence[str]) -> int:
    description = __doc__.splitlines()[0] if __doc__ else None
    keys_help = "create missing keys and certificates in samples/keys/ios/, then exit"
    args = parse_args(argv, description, ".ipa", keys_help)
    out_dir = args.out_dir or SAMPLES
    try:
        if args.generate_keys:
            generate_keys()
            return 0
        check_tools()
        check_keys()
        apps = select_apps(args.apps, APPS, BuildError)
        if args.check:
            return 0 if check(apps, build_app, samples=SAMPLES, repo=REPO, suffix=".ipa") else 1
        build_all(apps, out_dir.resolve(), build_app)
    except BuildError as exc:
        print(f"build_samples_ios: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
