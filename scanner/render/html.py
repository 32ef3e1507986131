"""The HTML report: one self-contained file (CSS inlined, nothing fetched), zh or en.

It renders the same document as the JSON report, so the two never disagree. Jinja2 autoescapes
every value: app strings (labels, class names, matched text) are untrusted.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from scanner.model import Rule
from scanner.resources import templates_dir

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "report": "检测报告",
        "identity": "身份与备案特征",
        "package": "包名",
        "label": "应用名称",
        "version": "版本",
        "sdk": "最低/目标 SDK",
        "file": "文件",
        "size": "大小",
        "schemes": "签名方案",
        "signers": "签名证书",
        "subject": "主体",
        "issuer": "颁发者",
        "validity": "有效期",
        "public_key": "公钥",
        "verified": "校验",
        "summary": "概要",
        "verdict": "结论",
        "score": "得分",
        "by_severity": "按严重程度",
        "by_category": "按类别",
        "findings": "检测结果",
        "no_findings": "未发现问题。",
        "evidence": "证据",
        "location": "位置",
        "symbol": "对象",
        "excerpt": "内容",
        "offset": "偏移",
        "level": "证据等级",
        "needs_review": "需人工复核（安保、应急等场景可豁免）",
        "rationale": "依据",
        "remediation": "整改建议",
        "basis": "法规/标准",
        "permissions": "权限",
        "protection": "保护级别",
        "description": "说明",
        "sdks": "第三方SDK",
        "vendor": "厂商",
        "categories": "类别",
        "classes": "匹配类",
        "components": "组件",
        "bundles": "包结构",
        "personal_data": "可收集的个人信息（代码中实际调用）",
        "profile": "描述文件",
        "min_os": "最低系统版本",
        "signature": "签名",
        "team": "团队",
        "devices": "设备数",
        "all_devices": "全部设备",
        "entitlements": "权限（Entitlements）",
        "encrypted": "加密",
        "exported": "导出",
        "native": "原生库",
        "coverage_partial": "静态检测覆盖不完整",
        "errors": "错误",
        "tool": "工具",
        "ruleset": "规则集",
        "yes": "是",
        "no": "否",
        "none": "无",
        "path": "调用路径",
        "kind": "类型",
        "name": "名称",
        "permission": "权限",
        "library": "库",
    },
    "en": {
        "report": "Scan report",
        "identity": "Identity and filing features",
        "package": "Package",
        "label": "App name",
        "version": "Version",
        "sdk": "Min / target SDK",
        "file": "File",
        "size": "Size",
        "schemes": "Signature schemes",
        "signers": "Signing certificates",
        "subject": "Subject",
        "issuer": "Issuer",
        "validity": "Validity",
        "public_key": "Public key",
        "verified": "Verified",
        "summary": "Summary",
        "verdict": "Verdict",
        "score": "Score",
        "by_severity": "By severity",
        "by_category": "By category",
        "findings": "Findings",
        "no_findings": "No findings.",
        "evidence": "Evidence",
        "location": "Location",
        "symbol": "Symbol",
        "excerpt": "Excerpt",
        "offset": "Offset",
        "level": "Evidence level",
        "needs_review": "Needs review (security and emergency uses are exempt)",
        "rationale": "Rationale",
        "remediation": "Remediation",
        "basis": "Basis",
        "permissions": "Permissions",
        "protection": "Protection level",
        "description": "Description",
        "sdks": "Third-party SDKs",
        "vendor": "Vendor",
        "categories": "Categories",
        "classes": "Matching classes",
        "components": "Components",
        "bundles": "Bundles",
        "personal_data": "Personal data it can reach (calls in this app's code)",
        "profile": "Provisioning profile",
        "min_os": "Minimum OS",
        "signature": "signature",
        "team": "team",
        "devices": "devices",
        "all_devices": "all devices",
        "entitlements": "Entitlements",
        "encrypted": "encrypted",
        "exported": "Exported",
        "native": "Native libraries",
        "coverage_partial": "Static coverage is partial",
        "errors": "Errors",
        "tool": "Tool",
        "ruleset": "Ruleset",
        "yes": "yes",
        "no": "no",
        "none": "none",
        "path": "Call path",
        "kind": "Kind",
        "name": "Name",
        "permission": "Permission",
        "library": "Library",
    },
}


def _environment() -> Environment:
    directory = templates_dir()
    env = Environment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_html(doc: dict[str, Any], rules: dict[str, Rule], lang: str = "zh") -> str:
    env = _environment()
    css = (templates_dir() / "report.css").read_text(encoding="utf-8")
    template = env.get_template("report.html.j2")
    names = doc.get("app", {}).get("names") or {}
    # The Chinese label, whatever the platform calls the locale (zh-rCN, zh, zh-Hans, zh_CN).
    zh_name = next(
        (names[k] for k in ("zh-rCN", "zh-Hans", "zh_CN", "zh-CN", "zh") if k in names),
        next((v for k, v in sorted(names.items()) if k.lower().startswith("zh")), None),
    )
    return template.render(
        doc=doc,
        rules=rules,
        lang=lang,
        zh_name=zh_name,
        t=LABELS["zh" if lang == "zh" else "en"],
        css=css,
    )


def batch_environment() -> Environment:
    """The same escaping environment, for the batch's index page."""
    return _environment()
