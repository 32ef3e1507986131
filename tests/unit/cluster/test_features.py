"""Similarity facts written by the scan (scanner/cluster/features.py), on the cluster samples."""

from __future__ import annotations

from typing import Any

from scanner.cluster.features import SimilarityTable, hosts_in, load_table
from scanner.cluster.sketch import jaccard, sketch
from scanner.config import ScanConfig
from scanner.pipeline import Ruleset, scan
from scanner.resources import signatures_dir
from tests.conftest import SAMPLES

TEMPLATE_HOST = "api.govtmpl.example.cn"


def sim(docs: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    found: dict[str, Any] = docs[name]["facts"]["similarity"]
    return found


def table() -> SimilarityTable:
    return load_table(signatures_dir(None))


def test_backend_host_of_the_template_code_and_not_the_namespace(
    cluster_docs: dict[str, dict[str, Any]],
) -> None:
    for name in ("tmpl-notice-a", "tmpl-notice-b", "tmpl-survey"):
        assert sim(cluster_docs, name)["backend_hosts"] == [TEMPLATE_HOST]
    assert sim(cluster_docs, "fingertip-clean")["backend_hosts"] == ["notice.example.gov.cn"]


def test_renamed_package_sketches_the_same_code(cluster_docs: dict[str, dict[str, Any]]) -> None:
    a, b = sim(cluster_docs, "tmpl-notice-a")["code"], sim(cluster_docs, "tmpl-notice-b")["code"]
    assert a["tokens"] == b["tokens"] > 5
    assert a["sketch"] == b["sketch"]
    survey = sim(cluster_docs, "tmpl-survey")["code"]
    assert 0.5 < jaccard(a["sketch"], survey["sketch"]) < 1.0
    control = sim(cluster_docs, "fingertip-clean")["code"]
    assert jaccard(a["sketch"], control["sketch"]) < 0.3


def test_resources_icon_template_and_signer(cluster_docs: dict[str, dict[str, Any]]) -> None:
    a, b = sim(cluster_docs, "tmpl-notice-a"), sim(cluster_docs, "tmpl-notice-b")
    survey, control = sim(cluster_docs, "tmpl-survey"), sim(cluster_docs, "fingertip-clean")
    assert a["resources"] == b["resources"]  # strings differ only in resources.arsc
    assert a["resources"]["icon"] is not None
    assert survey["resources"]["icon"] == a["resources"]["icon"]
    assert control["resources"]["icon"] is None
    assert a["framework"] == control["framework"] == "native"
    assert a["template"]["launcher"] == b["template"]["launcher"] == "NoticeListActivity"
    assert a["signers"] == control["signers"] and len(a["signers"][0]) == 64


def test_function_vector_tells_the_survey_apart(cluster_docs: dict[str, dict[str, Any]]) -> None:
    assert sim(cluster_docs, "tmpl-notice-a")["features"] == ["perm:INTERNET"]
    survey = sim(cluster_docs, "tmpl-survey")["features"]
    assert "perm:ACCESS_FINE_LOCATION" in survey
    assert "rule:PRIV-LOC-001" in survey


def test_excluded_hosts_namespaces_and_vendors() -> None:
    texts = [
        "http://schemas.android.com/apk/res/android",
        "https://restapi.amap.com/v3/geocode",
        "https://plus.umeng.com/x https://api.city.gov.cn/v1/list?x=1",
        "http://127.0.0.1:8080/ http://10.1.2.3/api https://bucket.oss-cn-hangzhou.aliyuncs.com/a",
        "no url here",
    ]
    assert hosts_in(texts, table()) == {
        "api.city.gov.cn",
        "10.1.2.3",
        "bucket.oss-cn-hangzhou.aliyuncs.com",
    }


def test_sketch_is_exact_for_small_sets_and_close_for_big_ones() -> None:
    assert jaccard(sketch(["a", "b", "c"]), sketch(["b", "c", "d"])) == 0.5
    assert jaccard([], sketch(["a"])) == 0.0
    big_a = sketch(f"t{i}" for i in range(0, 3000))
    big_b = sketch(f"t{i}" for i in range(1000, 4000))  # true Jaccard 0.5
    assert len(big_a) == 256
    assert abs(jaccard(big_a, big_b) - 0.5) < 0.12
    assert all(0 <= h < 2**53 for h in big_a)


def test_sdk_keys_from_manifest_meta_data() -> None:
    keys = table().sdk_keys
    assert {"com.amap.api.v2.apikey", "JPUSH_APPKEY", "UMENG_APPKEY"} <= keys


def test_real_sdk_app_key_is_read(ruleset: Ruleset) -> None:
    """The AMap demo declares its key in the manifest (../shared/samples, skipped if absent)."""
    from tests.conftest import shared

    result = scan(shared("amap-demo/locationServiceDemo.apk"), ScanConfig(), ruleset)
    keys = result.facts["similarity"]["sdk_keys"]  # type: ignore[index]
    assert [k["name"] for k in keys] == ["com.amap.api.v2.apikey"]


def test_ios_similarity_facts(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "ios-clean.ipa", ScanConfig(), ruleset)
    facts: Any = result.facts["similarity"]
    assert facts["framework"] == "native"
    assert facts["resources"]["files"] > 0
    assert facts["signers"]
    assert set(facts) >= {"backend_hosts", "sdk_keys", "code", "features"}


def test_no_code_graph_still_gives_facts(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "tmpl-notice-a.apk", ScanConfig(code_graph=False), ruleset)
    facts: Any = result.facts["similarity"]
    assert facts["code"] is None
    assert facts["resources"]["icon"] is not None


def test_hybrid_bundle_appid_and_library_js_hosts(ruleset: Ruleset) -> None:
    """form-hybrid-checkin: an HBuilder bundle `assets/apps/H5F1A6E01/www`."""
    result = scan(SAMPLES / "form-hybrid-checkin.apk", ScanConfig(), ruleset)
    facts: Any = result.facts["similarity"]
    assert facts["framework"] == "uni-app"
    assert facts["template"]["uni_appid"] == "H5F1A6E01"
    assert facts["template"]["bundle"] is not None


def test_library_javascript_is_not_read_for_hosts() -> None:
    from scanner.cluster.features import LIBRARY_JS

    assert LIBRARY_JS.search("assets/apps/H51423BFB/www/js/jquery.mobile-1.1.1.js")
    assert LIBRARY_JS.search("assets/www/js/app.min.js")
    assert not LIBRARY_JS.search("assets/apps/__UNI__1/www/app-service.js")
