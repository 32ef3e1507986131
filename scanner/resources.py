"""Where the packaged data lives: signatures/ and report_templates/.

Order: an explicit directory (`--signatures` or FINGERTIP_SIGNATURES), the copy inside an installed
wheel (`scanner/_data/…`), then the source tree beside the package (editable installs, checkouts).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_ENV = {"signatures": "FINGERTIP_SIGNATURES", "report_templates": "FINGERTIP_TEMPLATES"}


def data_dir(name: str, override: Path | None = None) -> Path:
    if override is not None:
        return override
    env = os.environ.get(_ENV.get(name, ""), "")
    if env:
        return Path(env)
    packaged = Path(str(resources.files("scanner"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / name


def signatures_dir(override: Path | None = None) -> Path:
    return data_dir("signatures", override)


def templates_dir() -> Path:
    return data_dir("report_templates")
