"""`embedded.mobileprovision`: the provisioning profile an iOS build was signed against.

The file is a CMS SignedData (signed by Apple) whose content is an XML plist: who may run the app
(devices, or all devices for enterprise), which team, which entitlements, until when, and the
developer certificates allowed to sign it. Those certificates are the ones filing asks for when
the build's own signature is Apple's re-signing (App Store downloads).

The profile type follows what Xcode shows: enterprise when `ProvisionsAllDevices`, development
when `get-task-allow` is granted and devices are listed, ad hoc when devices are listed without
`get-task-allow`, App Store otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from asn1crypto import cms

from scanner.errors import CorruptPackage, ScannerError
from scanner.facts.certificates import signer_from_der
from scanner.facts.codesign import signer_certificate, verify_signer_info
from scanner.facts.plist import MAX_PLIST_BYTES, iso_date, load_dict
from scanner.model import Signer

MAX_PROFILE_BYTES = MAX_PLIST_BYTES

DEVELOPMENT = "development"
AD_HOC = "ad-hoc"
ENTERPRISE = "enterprise"
APP_STORE = "app-store"


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    location: str
    name: str | None
    uuid: str | None
    app_id_name: str | None  # AppIDName
    application_identifier: str | None  # Entitlements: application-identifier
    team_ids: tuple[str, ...]  # TeamIdentifier
    team_name: str | None
    platforms: tuple[str, ...]  # Platform: iOS, xrOS, …
    creation_date: str | None  # ISO 8601 UTC
    expiration_date: str | None
    time_to_live: int | None  # days
    profile_type: str  # development | ad-hoc | enterprise | app-store
    devices_count: int
    provisions_all_devices: bool
    get_task_allow: bool
    xcode_managed: bool | None
    entitlements: dict[str, Any]
    developer_certificates: tuple[Signer, ...]  # DeveloperCertificates: who may sign the app
    signers: tuple[Signer, ...]  # the CMS certificates: Apple's profile-signing chain
    problems: tuple[str, ...] = ()

    @property
    def team_id(self) -> str | None:
        return self.team_ids[0] if self.team_ids else None

    def expired_at(self, when: dt.datetime) -> bool:
        """Whether the profile had expired at `when` (naive datetimes are taken as UTC)."""
        if self.expiration_date is None:
            return False
        expiry = dt.datetime.strptime(self.expiration_date, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.UTC
        )
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when >= expiry


def profile_type(*, get_task_allow: bool, has_devices: bool, provisions_all_devices: bool) -> str:
    if provisions_all_devices:
        return ENTERPRISE
    if has_devices:
        return DEVELOPMENT if get_task_allow else AD_HOC
    return APP_STORE


def read_profile(data: bytes, location: str = "embedded.mobileprovision") -> Profile:
    """Parse a provisioning profile; a file that is not one raises `CorruptPackage`."""
    if len(data) > MAX_PROFILE_BYTES:
        raise CorruptPackage(f"{location}: {len(data)} bytes, too large for a profile")
    content, cms_certs, verified = _unwrap(data, location)
    plist = load_dict(content, location)
    problems: list[str] = []
    if not verified:
        problems.append(f"{location}: Apple's CMS signature over the profile does not verify")
    entitlements = plist.get("Entitlements")
    if not isinstance(entitlements, dict):
        entitlements = {}
    devices = plist.get("ProvisionedDevices")
    devices_count = len(devices) if isinstance(devices, list) else 0
    all_devices = plist.get("ProvisionsAllDevices") is True
    get_task_allow = entitlements.get("get-task-allow") is True
    return Profile(
        location=location,
        name=_text(plist.get("Name")),
        uuid=_text(plist.get("UUID")),
        app_id_name=_text(plist.get("AppIDName")),
        application_identifier=_text(entitlements.get("application-identifier")),
        team_ids=_texts(plist.get("TeamIdentifier")),
        team_name=_text(plist.get("TeamName")),
        platforms=_texts(plist.get("Platform")),
        creation_date=_date(plist.get("CreationDate")),
        expiration_date=_date(plist.get("ExpirationDate")),
        time_to_live=_int(plist.get("TimeToLive")),
        profile_type=profile_type(
            get_task_allow=get_task_allow,
            has_devices=devices_count > 0,
            provisions_all_devices=all_devices,
        ),
        devices_count=devices_count,
        provisions_all_devices=all_devices,
        get_task_allow=get_task_allow,
        xcode_managed=plist.get("IsXcodeManaged")
        if isinstance(plist.get("IsXcodeManaged"), bool)
        else None,
        entitlements=entitlements,
        developer_certificates=_certificates(
            plist.get("DeveloperCertificates"), "provision", location, problems
        ),
        signers=_certificates(cms_certs, "provision-cms", location, problems, verified),
        problems=tuple(problems),
    )


def _unwrap(data: bytes, location: str) -> tuple[bytes, list[bytes], bool]:
    """The plist inside the CMS envelope, the envelope's certificates (signer first), and
    whether the signer's signature over the plist verifies."""
    try:
        info = cms.ContentInfo.load(data)
        if info["content_type"].native != "signed_data":
            raise CorruptPackage(f"{location}: CMS content is not SignedData")
        signed = info["content"]
        content = signed["encap_content_info"]["content"].native
        certs = [c.chosen.dump() for c in signed["certificates"] or []]
        signer_infos = list(signed["signer_infos"])
    except ScannerError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise CorruptPackage(
            f"{location}: not a provisioning profile (no readable CMS SignedData: {exc})"
        ) from exc
    if not isinstance(content, bytes):
        raise CorruptPackage(f"{location}: the CMS envelope carries no profile")
    leaf = signer_certificate(signer_infos[0], certs) if signer_infos and certs else None
    verified = leaf is not None and verify_signer_info(signer_infos[0], leaf, content)
    ordered = ([leaf] if leaf else []) + [c for c in certs if c != leaf]
    return content, ordered, verified


def _certificates(
    values: object,
    scheme: str,
    location: str,
    problems: list[str],
    first_verified: bool | None = None,
) -> tuple[Signer, ...]:
    if not isinstance(values, list):
        return ()
    out = []
    for i, der in enumerate(values):
        if not isinstance(der, bytes):
            continue
        try:
            out.append(signer_from_der(der, scheme, verified=first_verified if i == 0 else None))
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(f"{location}: certificate {i} ({scheme}) unreadable ({exc})")
    return tuple(out)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: object) -> str | None:
    return iso_date(value) if isinstance(value, dt.datetime) else None
