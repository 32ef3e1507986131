"""Provisioning profiles built here: a plist signed into CMS SignedData with a throwaway key."""

from __future__ import annotations

import datetime as dt
import hashlib
import plistlib
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from scanner.errors import CorruptPackage
from scanner.facts.provisioning import profile_type, read_profile
from tests.unit.facts.test_codesign import CERT, CERT_DER, KEY, TEAM

CREATED = dt.datetime(2024, 3, 1, 8, 0, 0)
EXPIRES = dt.datetime(2025, 3, 1, 8, 0, 0)


def profile_plist(**overrides: Any) -> dict[str, Any]:
    plist: dict[str, Any] = {
        "AppIDName": "Demo",
        "ApplicationIdentifierPrefix": [TEAM],
        "CreationDate": CREATED,
        "ExpirationDate": EXPIRES,
        "Platform": ["iOS"],
        "IsXcodeManaged": False,
        "DeveloperCertificates": [CERT_DER],
        "Entitlements": {
            "application-identifier": f"{TEAM}.cn.gov.demo",
            "get-task-allow": True,
            "keychain-access-groups": [f"{TEAM}.*"],
        },
        "Name": "Demo Development",
        "ProvisionedDevices": ["00008030-000A", "00008030-000B"],
        "TeamIdentifier": [TEAM],
        "TeamName": "Demo Bureau",
        "TimeToLive": 365,
        "UUID": "0b1c2d3e-0000-4000-8000-1234567890ab",
        "Version": 1,
    }
    plist.update(overrides)
    return {k: v for k, v in plist.items() if v is not None}


def sign(plist: dict[str, Any]) -> bytes:
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(plistlib.dumps(plist))
        .add_signer(CERT, KEY, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def test_development_profile_fields() -> None:
    p = read_profile(sign(profile_plist()), "A.app/embedded.mobileprovision")
    assert p.location == "A.app/embedded.mobileprovision"
    assert (p.name, p.uuid, p.app_id_name) == (
        "Demo Development",
        "0b1c2d3e-0000-4000-8000-1234567890ab",
        "Demo",
    )
    assert p.application_identifier == f"{TEAM}.cn.gov.demo"
    assert p.team_ids == (TEAM,) and p.team_id == TEAM and p.team_name == "Demo Bureau"
    assert p.platforms == ("iOS",)
    assert (p.creation_date, p.expiration_date) == ("2024-03-01T08:00:00Z", "2025-03-01T08:00:00Z")
    assert p.time_to_live == 365
    assert p.profile_type == "development"
    assert p.devices_count == 2 and p.get_task_allow and not p.provisions_all_devices
    assert p.xcode_managed is False
    assert p.entitlements["keychain-access-groups"] == [f"{TEAM}.*"]
    (dev,) = p.developer_certificates
    assert dev.sha1 == hashlib.sha1(CERT_DER).hexdigest()
    assert dev.scheme == "provision"
    (signer,) = p.signers
    assert signer.verified is True and p.problems == ()


def test_expiry_at_a_given_date() -> None:
    p = read_profile(sign(profile_plist()))
    assert not p.expired_at(CREATED)
    assert not p.expired_at(EXPIRES - dt.timedelta(seconds=1))
    assert p.expired_at(EXPIRES)
    assert p.expired_at(dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, "development"),
        ({"Entitlements": {"get-task-allow": False}}, "ad-hoc"),
        ({"ProvisionedDevices": None, "ProvisionsAllDevices": True}, "enterprise"),
        ({"ProvisionedDevices": None, "Entitlements": {"get-task-allow": False}}, "app-store"),
    ],
)
def test_profile_types(overrides: dict[str, Any], expected: str) -> None:
    assert read_profile(sign(profile_plist(**overrides))).profile_type == expected


def test_profile_type_rule() -> None:
    assert profile_type(get_task_allow=True, has_devices=False, provisions_all_devices=False) == (
        "app-store"
    )
    assert profile_type(get_task_allow=True, has_devices=True, provisions_all_devices=True) == (
        "enterprise"
    )


def test_changed_profile_does_not_verify() -> None:
    signed = sign(profile_plist())
    tampered = signed.replace(b"Demo Development", b"Demo Developmenx")
    p = read_profile(tampered)
    assert p.name == "Demo Developmenx"
    assert p.signers[0].verified is False
    assert any("does not verify" in problem for problem in p.problems)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a profile", "not a provisioning profile"),
        (b"\x30\x03\x02\x01\x00", "not a provisioning profile"),
        (b"", "not a provisioning profile"),
    ],
)
def test_not_a_profile(data: bytes, message: str) -> None:
    with pytest.raises(CorruptPackage, match=message):
        read_profile(data)


def test_profile_whose_content_is_not_a_dictionary() -> None:
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(plistlib.dumps(["a", "list"]))
        .add_signer(CERT, KEY, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    with pytest.raises(CorruptPackage, match="not a dictionary"):
        read_profile(signed)


def test_odd_values_are_ignored_not_trusted() -> None:
    p = read_profile(
        sign(
            profile_plist(
                TeamIdentifier="SINGLE",
                Platform=7,
                DeveloperCertificates=[b"junk", "text"],
                ProvisionedDevices="not a list",
                TimeToLive=True,
            )
        )
    )
    assert p.team_ids == ("SINGLE",) and p.platforms == ()
    assert p.devices_count == 0 and p.time_to_live is None
    assert p.developer_certificates == ()
    assert any("certificate 0" in problem for problem in p.problems)
