"""What libyaml accepts but YAML forbids, or what reads differently from how it looks.

Checked on the text and on composed nodes, cheaply: each check runs only where its trigger
character occurs, so a clean file pays a few string searches.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from privtravel.diagnostics import Diagnostic

MAX_DEPTH = 32  # declarations nest four or five levels; a few hundred levels only crash parsers

# Characters that cannot be seen in an editor but change a value: zero-width, direction marks, BOM.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
# What YAML's reader refuses (c-printable's complement, as libyaml applies it)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_DEEP_INDENT = re.compile(rf"^ {{{MAX_DEPTH},}}", re.MULTILINE)
_MANY_DASHES = re.compile(rf"(?:[-?][ \t]+){{{MAX_DEPTH // 2},}}")


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X}（{unicodedata.name(ch, '控制字符')}）"


def invisible(path: str, text: str) -> Diagnostic | None:
    """The first invisible character (after a leading BOM, already reported)."""
    found = _INVISIBLE.search(text)
    if found is None:
        return None
    return Diagnostic(
        path,
        "F116",
        f"这里有一个看不见的字符 {_describe(found.group())}，会成为值的一部分（如姓名前多出一个字符，"
        "就与登记备案的姓名对不上）：请删掉它，必要时把这一处重新输入。",
        *_where(text, found.start()),
    )


def reader_error(path: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    """libyaml's "control characters are not allowed", at its real place, in Chinese."""
    found = _CONTROL.search(text)  # libyaml's position counts UTF-8 bytes, not characters
    index = found.start() if found is not None else 0
    ch = text[index] if index < len(text) else "\0"
    return Diagnostic(
        path,
        "F116",
        f"文件里有控制字符 {_describe(ch)}，YAML 不允许：请删掉它（常见于从网页、Word 或其他系统复制的文字）。",
        *_where(text, index),
    )


def too_deep(path: str, text: str) -> Diagnostic | None:
    """Refuse nesting deeper than MAX_DEPTH before anything recursive (compose, build, schema) sees it.

    A cheap bound first: nesting needs brackets, deep indentation or many ``- `` on a line."""
    if (
        text.count("[") + text.count("{") < MAX_DEPTH
        and _DEEP_INDENT.search(text) is None
        and _MANY_DASHES.search(text) is None
    ):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
                    return Diagnostic(
                        path,
                        "F114",
                        f"内容嵌套超过 {MAX_DEPTH} 层（括号或缩进一层套一层），填报文件不会这样写：请按示例文件的结构重写。",
                        line,
                        col,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # compose reports the syntax error
    return None


def tagged(lines: list[str], node: yaml.Node) -> str | None:
    """The tag written before a value (``!!str``, ``!foo``, ``!``), if any."""
    mark = node.start_mark
    line = lines[mark.line] if mark.line < len(lines) else ""
    if line[mark.column : mark.column + 1] != "!":
        return None
    return line[mark.column :].split(" ", 1)[0] or "!"


def question_key(lines: list[str], node: yaml.Node) -> bool:
    """``{ ?foo: bar }``: libyaml takes the ``?`` for a key indicator and drops it."""
    mark = node.start_mark
    line = lines[mark.line] if mark.line < len(lines) else ""
    return mark.column > 0 and line[mark.column - 1] == "?"


def scalar_layout(lines: list[str], node: yaml.ScalarNode) -> str | None:
    """A quoted or block scalar whose layout YAML forbids though libyaml reads it."""
    start, end = node.start_mark, node.end_mark
    if node.style in ('"', "'"):
        after = lines[end.line][end.column : end.column + 1] if end.line < len(lines) else ""
        if after == "#":
            return '引号后面紧跟着「#」：注释前面要有一个空格（写成「"…" #注释」），否则 YAML 不认这一行。'
        if end.line == start.line:
            return None
        head = lines[start.line]
        base = len(head) - len(head.lstrip(" -?"))
        for number in range(start.line + 1, end.line + 1):
            text = lines[number]
            if not text.strip():
                continue
            lead = text[: len(text) - len(text.lstrip(" \t"))]
            if "\t" in lead:
                return f"引号里的文字换行后，第 {number + 1} 行用了制表符（Tab）缩进：请换成空格，或把文字写在一行。"
            if len(lead) <= base:
                return f"引号里的文字换行后，第 {number + 1} 行缩进不够：续行要比字段名多缩进，或把文字写在一行。"
    return None
