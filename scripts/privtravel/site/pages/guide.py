"""填报指南 pages: the code chapters are generated from the registries so they cannot drift."""

from __future__ import annotations

from privtravel.codes import CODES
from privtravel.crosscheck.catalog import FINDINGS
from privtravel.site.pages.common import cell


def codes_page() -> str:
    lines = [
        "# 检查提示代码",
        "",
        "提交前检查（pre-commit）和 CI 会按「文件:行:列: 代码 错误/警告 [字段] 说明」的格式给出提示。"
        "错误必须改正后才能提交；警告可以先提交，但要在截止日期前处理。",
        "",
        "| 代码 | 类别 | 说明 | 例子 | 怎样改正 |",
        "|---|---|---|---|---|",
    ]
    for code in CODES.values():
        lines.append(
            f"| {code.code} | {code.severity.value} | {cell(code.title)} | {cell(code.example)} | "
            f"{cell(code.fix)} |"
        )
    return "\n".join(lines) + "\n"


def findings_page() -> str:
    lines = [
        "# 核查发现代码",
        "",
        "与公安机关出入境管理部门的数据比对后给出的发现，按六个「应…尽…」归类。每一项发现都要在本单位的"
        "「核查说明.yaml」中答复：核实无问题的写明理由，属实的对应「违规问题.yaml」中的问题编号。",
        "",
        "| 代码 | 发现 | 对应 | 依据（通知原文） | 例子 | 单位应当 |",
        "|---|---|---|---|---|---|",
    ]
    for f in FINDINGS.values():
        lines.append(
            f"| {f.code} | {cell(f.title)} | {f.indicator} | {cell(f.rule)} | {cell(f.example)} | "
            f"{cell(f.fix)} |"
        )
    return "\n".join(lines) + "\n"
