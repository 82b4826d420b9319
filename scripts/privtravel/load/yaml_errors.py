"""libyaml's syntax errors and YAML 1.1's surprising numbers, explained in Chinese."""

from __future__ import annotations

import re

import yaml

from privtravel.diagnostics import Diagnostic
from privtravel.load import yaml_lexical

# Problems reported by libyaml, in Chinese.  The English original is kept in brackets for experts.
_PROBLEMS = (
    (
        "mapping values are not allowed",
        "这里不能出现冒号；值里含有「: 」时请给整个值加引号，或检查上一行是否漏了缩进",
    ),
    ("could not find expected ':'", "缺少冒号，或上一行的引号没有闭合"),
    ("did not find expected key", "缩进不一致：同一层的字段要对齐，列表项以「- 」开头"),
    ("did not find expected '-' indicator", "列表缩进不一致：同一列表的各项「- 」要对齐"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
    ("found unknown escape character", "双引号里的反斜杠 \\ 不合法；改用单引号，或写成 \\\\"),
    ("did not find expected node content", "缺少内容，或使用了 YAML 不允许的符号开头（如 @ ` %）"),
    ("found character that cannot start any token", "该字符不能出现在值的开头（如 @ ` %），请给值加引号"),
    ("found undefined tag handle", "不支持以「!」开头的标记，请给值加引号"),
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("expected a single document", "一个文件只能写一份内容，请删掉「---」分隔线"),
)


def syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = exc.problem or ""
    lines = text.split("\n")
    tab_line = _tab_indented_line(lines, line)
    if tab_line is not None:
        return Diagnostic(
            path,
            "F105",
            "这一行用制表符（Tab）缩进，YAML 只允许空格：请把行首的 Tab 换成空格。",
            tab_line,
            1,
        )
    context = exc.context or ""
    colon = _colon_mistake(lines, line)
    if colon is not None and ("':'" in problem or "mapping values" in problem or "expected key" in problem):
        return Diagnostic(path, "F104", colon[1], colon[0], 1)
    block = yaml_lexical.block_scalar_before(lines, line)
    if block is not None:
        return Diagnostic(path, "F104", block[1], block[0] + 1, 1, block[2])
    if "escape" in problem:
        return Diagnostic(path, "F104", _escape_message(problem), line, col)
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return Diagnostic(
            path,
            "F104",
            "这一行的引号没有闭合：值两边的引号要成对出现。",
            start.line + 1,
            start.column + 1,
        )
    if "scanning an anchor" in context or "scanning an alias" in context:
        return Diagnostic(path, "F107", "不支持 YAML 锚点（&）和别名（*）：请把内容直接写出来。", line, col)
    for needle, chinese in _PROBLEMS:
        if needle in problem or needle in context:
            return Diagnostic(path, "F104", f"{chinese}（{problem or context}）", line, col)
    return Diagnostic(path, "F104", f"YAML 格式错误（{problem or context}）", line, col)


_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:- )?[^\s#:'\"][^:'\"]*:[^\s:/]")


def _colon_mistake(lines: list[str], near: int) -> tuple[int, str] | None:
    """A Chinese colon or a colon without its space, on the line reported or just above it."""
    for number in (near - 1, near, near - 2):
        if not 1 <= number <= len(lines):
            continue
        text = lines[number - 1]
        if text.lstrip().startswith("#"):
            continue
        if "：" in text and ": " not in text:
            return number, "这一行用了中文冒号「：」：字段名后面要用英文冒号加一个空格，如「姓名: 张三」。"
        if ":\u3000" in text and ": " not in text:
            return number, "这一行冒号后面是全角空格（中文输入法的空格）：要用半角空格，写成「姓名: 张三」。"
        if _KEY_WITHOUT_SPACE.match(text):
            return number, "这一行的冒号后面缺少空格：要写成「字段: 值」（英文冒号，后面一个空格）。"
    return None


def _tab_indented_line(lines: list[str], near: int) -> int | None:
    """The tab-indented line that most likely caused an error reported at ``near`` (1-based)."""
    for number in (near, near - 1, near + 1):
        if 1 <= number <= len(lines):
            stripped = lines[number - 1].lstrip(" ")
            if stripped.startswith("\t"):
                return number
    for number, text in enumerate(lines[:near], start=1):
        if text.lstrip(" ").startswith("\t"):
            return number
    return None


def _escape_message(problem: str) -> str:
    if "Unicode" in problem:
        return (
            "双引号里的「\\u…」「\\U…」转义写的不是一个有效的字符：直接写出这个字符，"
            f"或改用单引号（{problem}）"
        )
    return f"双引号里的反斜杠 \\ 后面跟的字符不能转义：改用单引号，或把 \\ 写成 \\\\（{problem}）"


def number_message(value: str) -> str:
    if ":" in value:
        return f'「{value}」会被读成六十进制数字（YAML 1.1 的规则）：如果是文字或时间请加引号写成 "{value}"。'
    digits = value.lstrip("+-").lower()
    if digits.startswith(("0x", "0o", "0b")):
        kind = {"0x": "十六进制", "0o": "八进制", "0b": "二进制"}[digits[:2]]
        return f'「{value}」会被读成{kind}数字：如果是号码、编号或文字，请加引号写成 "{value}"。'
    if value.lstrip("+-").startswith("0") and len(value.lstrip("+-")) > 1:
        return (
            f"「{value}」以 0 开头，会被读成八进制或去掉前导零的数字："
            f'编号、号码、电话等请加引号写成 "{value}"。'
        )
    return f'「{value}」的数字写法含义不明确：如果是文字请加引号写成 "{value}"。'
