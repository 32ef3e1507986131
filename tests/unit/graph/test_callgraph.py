"""The call graph on the project's code-graph samples, and against androguard's."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from scanner.config import Limits
from scanner.facts.android import read_android_facts
from scanner.graph.callgraph import CodeGraph, build
from scanner.graph.dex import DexFile
from scanner.graph.entries import EntryPoint, entry_points
from scanner.graph.reach import Reach
from scanner.unpack.apk import open_apk
from tests.conftest import SAMPLES, shared


def _graph(path: Path) -> CodeGraph:
    contents = open_apk(path, Limits())
    try:
        facts = read_android_facts(contents)
        dexes = [DexFile(d.data, d.location) for d in contents.dex]
        return build(dexes, entry_points(facts))
    finally:
        contents.view.close()


def _path(g: CodeGraph, reach: Reach, api: str) -> list[str]:
    nodes = [n for sig, n in g.index.items() if api in sig and reach.reachable(n)]
    if not nodes:
        return []
    best = min((reach.path(n) for n in nodes), key=len)
    return [g.short(n) for n in best]


def test_button_path_to_location_and_upload() -> None:
    g = _graph(SAMPLES / "form-checkin-button.apk")
    reach = Reach(g)
    assert _path(g, reach, "LocationManager;->requestLocationUpdates") == [
        "cn.gov.example.checkin.MainActivity.onCreate",
        "cn.gov.example.checkin.MainActivity$1.onClick",
        "cn.gov.example.checkin.CheckinClient.checkIn",
        "android.location.LocationManager.requestLocationUpdates",
    ]
    assert _path(g, reach, "HttpURLConnection;->getOutputStream")[-2:] == [
        "cn.gov.example.checkin.Uploader.post",
        "java.net.HttpURLConnection.getOutputStream",
    ]


def test_dead_code_is_not_reachable() -> None:
    g = _graph(SAMPLES / "form-checkin-dead.apk")
    reach = Reach(g)
    assert _path(g, reach, "LocationManager;->requestLocationUpdates") == []
    dead = {g.short(n) for n in reach.dead()}
    assert "cn.gov.example.checkindead.CheckinClient.checkIn" in dead
    assert "cn.gov.example.checkindead.Uploader.post" in dead


def test_boot_receiver_starts_the_location_service() -> None:
    g = _graph(SAMPLES / "form-trace-boot.apk")
    path = _path(g, Reach(g), "LocationManager;->requestLocationUpdates")
    assert path[0] == "cn.gov.example.trace.BootReceiver.onReceive"
    assert "cn.gov.example.trace.LocationService.onStartCommand" in path
    # Inherited framework methods are named by the framework class that declares them.
    assert "Landroid/app/Service;->startForeground(ILandroid/app/Notification;)V" in g.index


def test_identifiers_read_in_application_on_create() -> None:
    g = _graph(SAMPLES / "priv-preconsent.apk")
    assert _path(g, Reach(g), "TelephonyManager;->getDeviceId") == [
        "cn.gov.example.preconsent.App.onCreate",
        "android.telephony.TelephonyManager.getDeviceId",
    ]
    g2 = _graph(SAMPLES / "priv-after-consent.apk")
    path = _path(g2, Reach(g2), "TelephonyManager;->getDeviceId")
    assert path[0].endswith("MainActivity.onCreate") and path[1].endswith("$1.onClick")


def test_strings_and_fields_are_recorded_per_method() -> None:
    g = _graph(SAMPLES / "form-study-duration.apk")
    on_pause = next(n for s, n in g.index.items() if "CourseActivity;->onPause" in s)
    assert "Lcn/gov/example/study/CourseActivity;->resumedAt:J" in g.fields(on_pause)
    assert "有效学习时长已记录" in g.strings(on_pause)
    beat = next(n for s, n in g.index.items() if "StudyReporter;->heartbeat" in s)
    assert "https://xuexi.example.gov.cn/api/study/heartbeat" in g.strings(beat)


def test_entry_points_come_from_the_manifest() -> None:
    g = _graph(SAMPLES / "form-trace-boot.apk")
    kinds = {(e.component, e.kind, e.primary) for e in g.entries.values()}
    assert ("Lcn/gov/example/trace/BootReceiver;", "receiver", True) in kinds
    assert ("Lcn/gov/example/trace/LocationService;", "service", False) in kinds


def _androguard_app_edges(path: Path) -> set[tuple[str, str]]:
    from loguru import logger

    logger.remove()
    from androguard.misc import AnalyzeAPK

    _, _, analysis = AnalyzeAPK(str(path))
    cg = analysis.get_call_graph()
    out = set()

    def sig(m):  # type: ignore[no-untyped-def]
        return f"{m.get_class_name()}->{m.get_name()}{m.get_descriptor().replace(' ', '')}"

    for a, b in cg.edges():
        # Nodes are EncodedMethod (defined in the app's dex) or ExternalMethod (framework).
        if type(a).__name__ == "EncodedMethod" and type(b).__name__ == "EncodedMethod":
            out.add((sig(a), sig(b)))
    assert out, "androguard found no app-internal edges: the comparison would prove nothing"
    return out


@pytest.mark.parametrize(
    "apk",
    [
        SAMPLES / "form-trace-boot.apk",
        SAMPLES / "form-study-duration.apk",
        SAMPLES / "fingertip-checkin.apk",
        "owasp-mastg/UnCrackable-Level1.apk",
    ],
    ids=lambda p: Path(p).name,
)
def test_every_androguard_edge_between_app_methods_is_found(apk: Path | str) -> None:
    path = apk if isinstance(apk, Path) else shared(apk)
    with zipfile.ZipFile(path):
        pass
    g = _graph(path)
    ours = {(g.names[a], g.names[b]) for a, b in g.graph.edges()}
    missing = _androguard_app_edges(path) - ours
    assert not missing, sorted(missing)[:10]


def test_entry_point_type() -> None:
    assert EntryPoint("La;", "activity", exported=False).primary is False
    assert EntryPoint("La;", "provider", exported=False).primary is True


def test_rules_naming_the_declaring_class_match_calls_through_framework_subclasses() -> None:
    g = CodeGraph()
    inherited = g.node("Landroid/app/IntentService;->startForeground(ILandroid/app/Notification;)V")
    direct = g.node("Landroid/app/Service;->startForeground(ILandroid/app/Notification;)V")
    other = g.node("Landroid/app/Service;->stopSelf()V")
    assert g.matching(["Landroid/app/Service;->startForeground"]) == {inherited, direct}
    assert other not in g.matching(["Landroid/app/Service;->startForeground"])
