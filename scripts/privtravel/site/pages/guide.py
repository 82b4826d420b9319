"""填报指南 pages: the error-code chapter is generated from codes.py so it cannot drift."""

from __future__ import annotations

from html import escape

from privtravel.codes import CODES


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
            f"| {code.code} | {code.severity.value} | {escape(code.title)} | {escape(code.example)} | "
            f"{escape(code.fix)} |"
        )
    return "\n".join(lines) + "\n"
