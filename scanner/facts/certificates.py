"""X.509 certificates as app filing (备案) records them.

Parsing uses asn1crypto, which accepts the slightly-off DER that old Android signing tools wrote
(negative serials, odd string types); hashes are always over the certificate's exact DER bytes.
"""

from __future__ import annotations

import hashlib

from asn1crypto import keys, x509

from scanner.model import Signer

# Short names in the order Java's X500Principal prints them, as apksigner and keytool show DNs.
_SHORT = {
    "common_name": "CN",
    "organizational_unit_name": "OU",
    "organization_name": "O",
    "locality_name": "L",
    "state_or_province_name": "ST",
    "country_name": "C",
    "email_address": "EMAILADDRESS",
    "serial_number": "SERIALNUMBER",
    "street_address": "STREET",
    "domain_component": "DC",
    "name": "NAME",
    "surname": "SURNAME",
    "given_name": "GIVENNAME",
    "title": "T",
}


def _escape(value: str) -> str:
    out = value.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+")
    return out.replace('"', '\\"').replace("<", "\\<").replace(">", "\\>").replace(";", "\\;")


def format_name(name: x509.Name) -> str:
    """A DN most-specific first (`CN=…, O=…, C=…`), as apksigner and keytool print it."""
    rdns = []
    for rdn in reversed(name.chosen):
        parts = []
        for atv in rdn:
            key = atv["type"].native
            short = _SHORT.get(key) or atv["type"].dotted
            try:
                value = atv["value"].native
            except (ValueError, TypeError):
                value = atv["value"].dump().hex()
            parts.append(f"{short}={_escape(str(value))}")
        rdns.append("+".join(parts))
    return ", ".join(rdns)


def public_key_fields(spki: keys.PublicKeyInfo) -> tuple[str, int, str]:
    """(algorithm, bits, filing value): hex RSA modulus, else hex DER SubjectPublicKeyInfo."""
    algo = spki.algorithm
    try:
        bits = int(spki.bit_size)
    except (ValueError, TypeError):
        bits = 0
    if algo == "rsa":
        modulus = spki["public_key"].parsed["modulus"].native
        return "RSA", bits, format(modulus, "x")
    name = {"ec": "EC", "dsa": "DSA"}.get(algo, algo.upper())
    return name, bits, spki.dump().hex()


def signer_from_der(der: bytes, scheme: str, *, verified: bool | None = None) -> Signer:
    cert = x509.Certificate.load(der)
    tbs = cert["tbs_certificate"]
    algo, bits, public_key = public_key_fields(tbs["subject_public_key_info"])
    validity = tbs["validity"]
    return Signer(
        scheme=scheme,
        subject=format_name(tbs["subject"]),
        issuer=format_name(tbs["issuer"]),
        serial=format(tbs["serial_number"].native, "x"),
        not_before=_iso(validity["not_before"]),
        not_after=_iso(validity["not_after"]),
        md5=hashlib.md5(der).hexdigest(),
        sha1=hashlib.sha1(der).hexdigest(),
        sha256=hashlib.sha256(der).hexdigest(),
        public_key_algorithm=algo,
        public_key_bits=bits,
        public_key=public_key,
        signature_algorithm=_signature_algorithm(cert),
        verified=verified,
    )


def _iso(t: x509.Time) -> str:
    try:
        return str(t.native.strftime("%Y-%m-%dT%H:%M:%SZ"))
    except (ValueError, AttributeError):
        return ""


def _signature_algorithm(cert: x509.Certificate) -> str:
    try:
        return str(cert["signature_algorithm"].signature_algo + "_" + cert.hash_algo)
    except (ValueError, KeyError):
        return str(cert["signature_algorithm"]["algorithm"].dotted)
