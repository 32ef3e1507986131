"""In-memory synthetic packages for unit tests (after APKiD's test factories).

Manifests are written as text XML, which `unpack.apk` accepts; real binary AXML is covered by the
project's built samples and the shared real apps.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ANDROID = "http://schemas.android.com/apk/res/android"


def manifest(
    package: str = "cn.example.test",
    *,
    application_attrs: str = "",
    body: str = "",
    uses_sdk: str = 'android:minSdkVersion="24" android:targetSdkVersion="30"',
    permissions: tuple[str, ...] = (),
) -> bytes:
    perms = "".join(f'<uses-permission android:name="{p}"/>' for p in permissions)
    return (
        f'<manifest xmlns:android="{ANDROID}" package="{package}" android:versionCode="7" '
        f'android:versionName="1.7"><uses-sdk {uses_sdk}/>{perms}'
        f"<application {application_attrs}>{body}</application></manifest>"
    ).encode()


def make_zip(files: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def write_apk(tmp: Path, name: str = "app.apk", **files: bytes) -> Path:
    contents = {
        "AndroidManifest.xml": manifest(),
        **{k.replace("__", "/"): v for k, v in files.items()},
    }
    path = tmp / name
    path.write_bytes(make_zip(contents))
    return path


def write_zip(tmp: Path, name: str, files: dict[str, bytes]) -> Path:
    path = tmp / name
    path.write_bytes(make_zip(files))
    return path
