"""No app string reaches the HTML unescaped; the page is self-contained."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SAMPLES
from tests.e2e.helpers import run_cli


def _html(tmp_path: Path, apk: str, lang: str = "zh") -> str:
    run_cli("scan", SAMPLES / apk, "-o", tmp_path, "--format", "html", "--lang", lang)
    (page,) = tmp_path.glob("*.html")
    return page.read_text(encoding="utf-8")


def test_hostile_label_and_version_render_as_text(tmp_path: Path) -> None:
    html = _html(tmp_path, "fingertip-xss.apk")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;fingertip&#39;)&lt;/script&gt;" in html
    assert "1.0&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
    # The only <script> tag would be one we wrote; there is none.
    assert not re.search(r"<script\b", html, re.IGNORECASE)


def test_self_contained_and_offline(tmp_path: Path) -> None:
    html = _html(tmp_path, "fingertip-checkin.apk", lang="en")
    assert "<style>" in html and "stylesheet" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "default-src 'none'" in html


def test_identity_first_in_both_languages(tmp_path: Path) -> None:
    zh = _html(tmp_path / "zh", "fingertip-checkin.apk", lang="zh")
    en = _html(tmp_path / "en", "fingertip-checkin.apk", lang="en")
    assert zh.index("身份与备案特征") < zh.index("检测结果")
    assert en.index("Identity and filing features") < en.index("Findings")
    for page in (zh, en):
        assert "外勤打卡" in page and "cn.gov.example.daka" in page
        assert "FORM-CHECKIN-001" in page and "SEC-SIGN-001" in page
