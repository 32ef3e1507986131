"""Build signatures/data/android_permissions.json from the platform's own framework-res.apk.

Every platform permission with its protection level and the platform's own English and Chinese
(zh-rCN) label and description, so reports describe permissions in the words users see on their
phones. Source: Debian's android-framework-res (API 29). Run: python scripts/import_permissions.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORK = Path("/usr/share/android-framework-res/framework-res.apk")
TARGET = ROOT / "signatures" / "data" / "android_permissions.json"
NS = "{http://schemas.android.com/apk/res/android}"
LEVELS = {0: "normal", 1: "dangerous", 2: "signature", 3: "signatureOrSystem", 4: "internal"}


def main() -> int:
    from androguard.core.apk import APK
    from loguru import logger

    logger.remove()
    apk = APK(str(FRAMEWORK))
    arsc = apk.get_android_resources()
    manifest = apk.get_android_manifest_xml()
    # Locales as androguard names them: "" is the default (English) configuration.
    en = "\x00\x00"
    zh = "zh-rCN"

    def resolve(ref: str | None, config: Any) -> str:
        if not ref or not ref.startswith("@"):
            return ref or ""
        try:
            rid = int(ref.rsplit(":", 1)[-1].lstrip("@"), 16)
            values = [
                v
                for c, v in arsc.get_resolved_res_configs(rid)
                if c.get_language_and_region() == config
            ]
        except (ValueError, KeyError):
            return ""
        return str(values[0]) if values else ""

    out = {}
    for el in manifest.findall("permission"):
        name = el.get(NS + "name")
        if not name:
            continue
        raw = el.get(NS + "protectionLevel") or "0"
        level_num = int(raw, 0) if raw.lstrip("-").isdigit() or raw.startswith("0x") else 0
        base = LEVELS.get(level_num & 0xF, "normal")
        out[name] = {
            "protection_level": base,
            "protection_flags": level_num & ~0xF,
            "label": {
                "en": resolve(el.get(NS + "label"), en),
                "zh": resolve(el.get(NS + "label"), zh),
            },
            "description": {
                "en": resolve(el.get(NS + "description"), en),
                "zh": resolve(el.get(NS + "description"), zh),
            },
        }
    doc = {
        "source": {
            "file": str(FRAMEWORK),
            "package": "Debian android-framework-res (Android 10, API 29)",
            "sha256": hashlib.sha256(FRAMEWORK.read_bytes()).hexdigest(),
            "imported": dt.date.today().isoformat(),
        },
        "permissions": dict(sorted(out.items())),
    }
    TARGET.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(out)} permissions to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
