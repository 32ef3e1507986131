"""Hard-coded secret candidates in a piece of text, checked and redacted; no rule logic.

YARA (signatures/yara/android/secrets.yar) finds candidates in the package's bytes; this
module decides which are secrets. Kept out:

- a PEM header with no key body after it (key-loading code strips headers from keys it gets
  elsewhere), and public keys (SubjectPublicKeyInfo reads `…AAOC`, a private key `…AASC`);
- documentation placeholders (`AKIAIOSFODNN7EXAMPLE`, `LTAIxxxxxxxxxxxx`, the jwt.io sample
  token) and unsigned JWTs (`alg: none`);
- `password=` values that are placeholders, template variables or UI labels.

SDK app keys (AMap, Umeng, JPush appkeys in the manifest) are not secrets: they identify the
app to the vendor and are meant to ship in it. They match none of these patterns.

A secret never leaves this module whole: `redact` keeps four characters and the length.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Secret:
    kind: str  # private-key | aws-key | aliyun-key | jwt | password | cipher-key | compared
    value: str  # the secret itself: only ever shown through `redact`

    @property
    def redacted(self) -> str:
        return redact(self.value)


KIND_NAMES: Final = {
    "private-key": ("私钥", "a private key"),
    "aws-key": ("AWS访问密钥ID", "an AWS access key id"),
    "aliyun-key": ("阿里云AccessKey ID", "an Alibaba Cloud AccessKey id"),
    "jwt": ("JWT令牌", "a signed JWT"),
    "password": ("配置文件中的口令", "a password in a config file"),
    "cipher-key": ("常量加密密钥", "a constant encryption key"),
    "compared": ("与用户输入比较的硬编码值", "a hard-coded value compared with user input"),
}

_PEM = re.compile(
    r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"
    r"(?:\\n|\\r|[\r\n ])*[A-Za-z0-9+/]{64}[A-Za-z0-9+/=\r\n \\]*"
    r"(?:-----END [A-Z ]*PRIVATE KEY-----)?"
)
_DER_B64 = re.compile(
    r"MII[A-Za-z0-9+/]{1,3}IBADANBgkqhkiG9w0BAQEFAASC[A-Za-z0-9+/=]{60,}"  # PKCS#8
    r"|MII[A-Za-z0-9+/]{2}IBAAK[BC][A-Za-z0-9+/=]{60,}"  # PKCS#1 RSAPrivateKey
)
_AWS = re.compile(r"(?<![A-Za-z0-9])AKIA[0-9A-Z]{16}(?![A-Za-z0-9])")
_ALIYUN = re.compile(r"(?<![A-Za-z0-9])LTAI[0-9A-Za-z]{12,20}(?![A-Za-z0-9])")
_JWT = re.compile(
    r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}"
)
_PASSWORD = re.compile(
    r"(?i)(?:password|passwd|pwd|secret|secret_?key|access_?key_?secret)[\"']?[ \t]*[:=][ \t]*"
    r"[\"']?([^ \t\r\n\"'<>,;&]{4,})"
)
# Values that are not a password: template variables, placeholders, booleans, labels.
_PLACEHOLDER = re.compile(
    r"\$\{|\{\{|%[sd]|^@|your|xxx|\*\*\*|example|placeholder|changeme|dummy|^(?:null|none|"
    r"true|false|password|passwd|secret|required|optional|string|text|hidden|input)$",
    re.IGNORECASE,
)
# Files where `password=` is configuration: assets and raw resources in these formats.
CONFIG_FILE = re.compile(
    r"(?:^|!)(?:assets|res/raw)/.*\.(?:properties|ini|cfg|conf|env|json|ya?ml|xml|txt)$",
    re.IGNORECASE,
)


def redact(value: str) -> str:
    """Four characters and the length; a PEM key keeps its header line, which is no secret."""
    if value.startswith("-----BEGIN"):
        end = value.find("-----", 10)
        head = value[: end + 5] if end > 0 else value[:10]
        return f"{head}…({len(value)} chars)"
    return f"{value[:4]}…({len(value)} chars)"


def _b64json(part: str) -> object:
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        return json.loads(raw)
    except (binascii.Error, ValueError):
        return None


def _real_jwt(token: str) -> bool:
    header_part, payload_part, _ = token.split(".", 2)
    header, payload = _b64json(header_part), _b64json(payload_part)
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return False
    if str(header.get("alg", "none")).lower() == "none":
        return False
    # jwt.io's sample token, copied into tutorials and tests.
    return not (payload.get("sub") == "1234567890" and payload.get("name") == "John Doe")


def _varied(body: str) -> bool:
    """Real key ids mix letters and digits; placeholders repeat one character."""
    return len(set(body)) >= 6 and any(c.isdigit() for c in body)


def find_secrets(text: str, *, config: bool = False) -> list[Secret]:
    """The secrets in `text`; `config`: the text is a config file, where `password=` counts."""
    out: list[Secret] = []
    if "PRIVATE KEY-----" in text:
        out.extend(Secret("private-key", m.group(0).strip()) for m in _PEM.finditer(text))
    if "MII" in text:
        out.extend(Secret("private-key", m.group(0)) for m in _DER_B64.finditer(text))
    if "AKIA" in text:
        out.extend(
            Secret("aws-key", m.group(0))
            for m in _AWS.finditer(text)
            if "EXAMPLE" not in m.group(0) and _varied(m.group(0)[4:])
        )
    if "LTAI" in text:
        out.extend(
            Secret("aliyun-key", m.group(0))
            for m in _ALIYUN.finditer(text)
            if _varied(m.group(0)[4:])
        )
    if "eyJ" in text:
        out.extend(Secret("jwt", m.group(0)) for m in _JWT.finditer(text) if _real_jwt(m.group(0)))
    if config:
        for m in _PASSWORD.finditer(text):
            value = m.group(1)
            if value.isascii() and not _PLACEHOLDER.search(value):
                out.append(Secret("password", value))
    return list(dict.fromkeys(out))


def match_text(data: bytes) -> str:
    """A YARA match as text: UTF-16LE (binary XML, `wide`) or UTF-8."""
    if len(data) > 1 and data[1] == 0:
        return data.decode("utf-16-le", "replace")
    return data.decode("utf-8", "replace")


def shown_in_file(secret: Secret) -> str:
    """The redacted value of a match in a file. YARA's PEM match stops after the first
    line of the key body, so its length says nothing: only the header is shown."""
    if secret.value.startswith("-----BEGIN"):
        return "-----" + secret.value.split("-----", 2)[1] + "-----…"
    return secret.redacted
