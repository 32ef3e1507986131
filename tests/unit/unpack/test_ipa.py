"""IPA layout: the app bundle, nested bundles, identity and localised names, broken packages."""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

import pytest

from scanner.config import Limits
from scanner.errors import CorruptPackage, UnsafeArchive, UnsupportedPackage
from scanner.facts.plist import load_plist, load_strings, plain
from scanner.unpack.ipa import open_ipa
from tests.builders import write_zip

ZH_STRINGS = '/* 名称 */\n"CFBundleDisplayName" = "移动考勤";\n'

APP = "Payload/Checkin.app/"


def info(**values: Any) -> bytes:
    base: dict[str, Any] = {
        "CFBundleIdentifier": "cn.gov.example.checkin",
        "CFBundleName": "Checkin",
        "CFBundleDisplayName": "Mobile Checkin",
        "CFBundleExecutable": "Checkin",
        "CFBundleShortVersionString": "2.3.1",
        "CFBundleVersion": "231",
        "MinimumOSVersion": "12.0",
        "DTPlatformName": "iphoneos",
        "DTPlatformVersion": "16.0",
        "DTSDKName": "iphoneos16.0",
        "DTXcode": "1400",
        "DTXcodeBuild": "14A309",
        "DTCompiler": "com.apple.compilers.llvm.clang.1_0",
        "UIDeviceFamily": [1, 2],
    }
    base.update(values)
    return plistlib.dumps({k: v for k, v in base.items() if v is not None}, fmt=plistlib.FMT_BINARY)


def full_app() -> dict[str, bytes]:
    return {
        APP + "Info.plist": info(),
        APP + "Checkin": b"\xcf\xfa\xed\xfe" + b"\0" * 60,
        APP + "embedded.mobileprovision": b"profile",
        APP + "_CodeSignature/CodeResources": b"<plist/>",
        APP + "PrivacyInfo.xcprivacy": plistlib.dumps({"NSPrivacyTracking": False}),
        # Old-style strings, UTF-16 with a BOM, as Xcode copies them unconverted.
        APP + "zh-Hans.lproj/InfoPlist.strings": ZH_STRINGS.encode("utf-16"),
        APP + "zh-Hant.lproj/InfoPlist.strings": plistlib.dumps(
            {"CFBundleDisplayName": "移動考勤"}, fmt=plistlib.FMT_BINARY
        ),
        APP + "en.lproj/InfoPlist.strings": b'"CFBundleDisplayName" = "Checkin";',
        APP + "PlugIns/Widget.appex/Info.plist": info(
            CFBundleIdentifier="cn.gov.example.checkin.widget", CFBundleExecutable="Widget"
        ),
        APP + "PlugIns/Widget.appex/Widget": b"\xcf\xfa\xed\xfe",
        APP + "Watch/Watch.app/Info.plist": info(
            CFBundleIdentifier="cn.gov.example.checkin.watchkitapp",
            CFBundleExecutable="Watch",
            UIDeviceFamily=[4],
        ),
        APP + "Watch/Watch.app/Watch": b"\xcf\xfa\xed\xfe",
        APP + "Watch/Watch.app/PlugIns/Ext.appex/Info.plist": info(
            CFBundleIdentifier="cn.gov.example.checkin.watchkitapp.ext", CFBundleExecutable="Ext"
        ),
        APP + "Watch/Watch.app/PlugIns/Ext.appex/Ext": b"\xcf\xfa\xed\xfe",
        APP + "Frameworks/AMapLocationKit.framework/AMapLocationKit": b"\xcf\xfa\xed\xfe",
        APP + "Frameworks/Bugly.framework/Info.plist": info(
            CFBundleIdentifier="com.tencent.bugly", CFBundleExecutable="BuglyCore"
        ),
        APP + "Frameworks/Bugly.framework/BuglyCore": b"\xcf\xfa\xed\xfe",
        APP + "Frameworks/libswiftCore.dylib": b"\xcf\xfa\xed\xfe",
    }


def test_app_identity_and_files(tmp_path: Path) -> None:
    with open_ipa(write_zip(tmp_path, "a.ipa", full_app()), Limits()) as ipa:
        app = ipa.app
        assert (ipa.root, ipa.notes, ipa.errors) == ("", [], [])
        assert (app.path, app.kind, app.parent) == (APP, "app", None)
        assert app.executable == APP + "Checkin" and app.executable_name == "Checkin"
        assert (app.bundle_id, app.name, app.display_name) == (
            "cn.gov.example.checkin",
            "Checkin",
            "Mobile Checkin",
        )
        assert (app.short_version, app.build_version, app.min_os) == ("2.3.1", "231", "12.0")
        assert (app.platform_name, app.platform_version, app.sdk_name) == (
            "iphoneos",
            "16.0",
            "iphoneos16.0",
        )
        assert (app.xcode, app.xcode_build) == ("1400", "14A309")
        assert app.compiler == "com.apple.compilers.llvm.clang.1_0"
        assert app.device_family == (1, 2)
        assert app.has_provision and app.has_code_resources
        assert app.privacy_manifest == {"NSPrivacyTracking": False}
        assert app.localized_names == {"zh-Hans": "移动考勤", "zh-Hant": "移動考勤"}
        assert app.zh_name == "移动考勤"
        assert app.problems == ()
        assert ipa.read(app.executable).startswith(b"\xcf\xfa\xed\xfe")
        assert ipa.location(app.executable) == "a.ipa!" + APP + "Checkin"


def test_nested_bundles(tmp_path: Path) -> None:
    with open_ipa(write_zip(tmp_path, "a.ipa", full_app()), Limits()) as ipa:
        found = [(b.kind, b.path.removeprefix(APP), b.parent, b.executable) for b in ipa.bundles]
    assert found == [
        ("app", "", None, APP + "Checkin"),
        ("dylib", "Frameworks/libswiftCore.dylib", APP, APP + "Frameworks/libswiftCore.dylib"),
        ("appex", "PlugIns/Widget.appex/", APP, APP + "PlugIns/Widget.appex/Widget"),
        ("watch", "Watch/Watch.app/", APP, APP + "Watch/Watch.app/Watch"),
        (
            "appex",
            "Watch/Watch.app/PlugIns/Ext.appex/",
            APP + "Watch/Watch.app/",
            APP + "Watch/Watch.app/PlugIns/Ext.appex/Ext",
        ),
        # no Info.plist: the executable is named after the framework
        (
            "framework",
            "Frameworks/AMapLocationKit.framework/",
            APP,
            APP + "Frameworks/AMapLocationKit.framework/AMapLocationKit",
        ),
        # CFBundleExecutable wins over the framework's name
        (
            "framework",
            "Frameworks/Bugly.framework/",
            APP,
            APP + "Frameworks/Bugly.framework/BuglyCore",
        ),
    ]


def test_files_of_a_bundle(tmp_path: Path) -> None:
    with open_ipa(write_zip(tmp_path, "a.ipa", full_app()), Limits()) as ipa:
        watch = next(b for b in ipa.bundles if b.kind == "watch")
        assert sorted(ipa.files(watch)) == [
            APP + "Watch/Watch.app/Info.plist",
            APP + "Watch/Watch.app/PlugIns/Ext.appex/Ext",
            APP + "Watch/Watch.app/PlugIns/Ext.appex/Info.plist",
            APP + "Watch/Watch.app/Watch",
        ]


def test_payload_wrapped_in_a_folder_with_macosx_shadow(tmp_path: Path) -> None:
    files = {
        "Sample/Payload/Checkin.app/Info.plist": info(CFBundleExecutable="Missing"),
        "__MACOSX/Sample/Payload/Checkin.app/._Info.plist": b"\0\x05\x16\x07",
    }
    with open_ipa(write_zip(tmp_path, "w.ipa", files), Limits()) as ipa:
        assert ipa.root == "Sample/"
        assert ipa.app.path == "Sample/Payload/Checkin.app/"
        assert "inside the folder 'Sample/'" in ipa.notes[0]
        assert ipa.app.executable is None
        assert "executable 'Missing' (CFBundleExecutable) is missing" in ipa.app.problems[0]


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.ipa"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(UnsupportedPackage, match="not a zip archive"):
        open_ipa(path, Limits())


def test_no_app_bundle(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedPackage, match=r"Payload/ folder holds no \.app bundle"):
        open_ipa(write_zip(tmp_path, "e.ipa", {"Payload/readme.txt": b"x"}), Limits())
    with pytest.raises(UnsupportedPackage, match=r"no Payload/<Name>\.app/ folder"):
        open_ipa(write_zip(tmp_path, "f.ipa", {"Other/x": b"x"}), Limits())


def test_missing_info_plist(tmp_path: Path) -> None:
    with pytest.raises(CorruptPackage, match=r"the app bundle has no Info\.plist"):
        open_ipa(write_zip(tmp_path, "m.ipa", {APP + "Checkin": b"x"}), Limits())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?><plist><dict><key>a</key>", "not a readable property list"),
        (b"bplist00\xff\xff", "not a readable property list"),
        (plistlib.dumps(["a", "list"]), "not a dictionary"),
        (
            b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><plist><string>&a;</string>"
            b"</plist>",
            "not a readable property list",
        ),
    ],
)
def test_unparsable_info_plist(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(CorruptPackage, match=message):
        open_ipa(write_zip(tmp_path, "u.ipa", {APP + "Info.plist": data}), Limits())


def test_broken_nested_bundle_is_a_problem_not_an_error(tmp_path: Path) -> None:
    files = {
        APP + "Info.plist": info(CFBundleExecutable=None),
        APP + "PlugIns/Bad.appex/Info.plist": b"garbage",
        APP + "Watch/W.app/Info-Watch.plist": info(),
    }
    with open_ipa(write_zip(tmp_path, "n.ipa", files), Limits()) as ipa:
        app, bad, watch = ipa.bundles
        assert "names no CFBundleExecutable" in app.problems[0]
        assert bad.info == {} and "not a readable property list" in bad.problems[0]
        assert watch.info_path is None
        assert "no Info.plist (found Info-Watch.plist)" in watch.problems[0]


def test_reads_are_capped(tmp_path: Path) -> None:
    files = {APP + "Info.plist": info(), APP + "Checkin": b"\0" * 5000}
    limits = Limits(max_entry_bytes=4096)
    with pytest.raises(UnsafeArchive):
        open_ipa(write_zip(tmp_path, "c.ipa", files), limits)
    small = Limits(max_entry_bytes=10_000, max_total_bytes=6000)
    with (
        open_ipa(write_zip(tmp_path, "d.ipa", files), small) as ipa,
        pytest.raises(UnsafeArchive, match="total uncompressed size"),
    ):
        ipa.read(APP + "Checkin")
        ipa.read(APP + "Checkin")


def test_path_traversal_rejects_the_package(tmp_path: Path) -> None:
    files = {APP + "Info.plist": info(), "Payload/../../evil": b"x"}
    with pytest.raises(UnsafeArchive, match="path traversal"):
        open_ipa(write_zip(tmp_path, "t.ipa", files), Limits())


# ------------------------------------------------------------------------ plist and strings


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'"a" = "b";\n"c"="d"', {"a": "b", "c": "d"}),  # last ';' may be missing
        (b'// x\n/* y\n z */ "k" = "v\\"q\\n\\U4E2D";', {"k": 'v"q\n中'}),
        (b'"only";', {"only": "only"}),
        ('key = "unquoted key";'.encode("utf-16-le"), {"key": "unquoted key"}),  # no BOM
        ('"名" = "值";'.encode("utf-16-be"), {"名": "值"}),
        (b'\xef\xbb\xbf"a" = "\xe4\xb8\xad";', {"a": "中"}),
        (plistlib.dumps({"a": "b", "n": 1}), {"a": "b"}),
    ],
)
def test_strings_files(data: bytes, expected: dict[str, str]) -> None:
    assert load_strings(data, "x.strings") == expected


@pytest.mark.parametrize("data", [b'"a" = ;', b'"a" "b";', b'= "a";', b'"a" = "b" junk'])
def test_malformed_strings_files(data: bytes) -> None:
    with pytest.raises(CorruptPackage, match=r"x\.strings: not a strings file"):
        load_strings(data, "x.strings")


def test_plist_size_cap_and_plain_values() -> None:
    with pytest.raises(CorruptPackage, match="over the 10-byte plist limit"):
        load_plist(b"x" * 11, "big.plist", max_bytes=10)
    import datetime as dt

    value = {
        "d": b"\x01\x02",
        "t": dt.datetime(2024, 1, 2, 3, 4, 5),
        "u": plistlib.UID(3),
        "l": [True, 1.5],
    }
    assert plain(value) == {"d": "AQI=", "t": "2024-01-02T03:04:05Z", "u": 3, "l": [True, 1.5]}
