"""What libyaml accepts but YAML forbids, or what reads differently from how it looks.

Checked on the text and on composed nodes, cheaply: each check runs only where its trigger
character occurs, so a clean file pays a few string searches.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from privtravel.diagnostics import Diagnostic

MAX_DEPTH = 32  # declarations nest four or five levels; a few hundred levels only crash parsers

# Characters that cannot be seen in an editor but change a value: every format character (Unicode
# category Cf: zero-width spaces and joiners, direction marks, embeddings and isolates, BOM, soft
# hyphen, invisible operators, tag characters), line and paragraph separators, the combining
# grapheme joiner, variation selectors and the Hangul fillers.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)
# What YAML's reader refuses (c-printable's complement, as libyaml applies it)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_DEEP_INDENT = re.compile(rf"^ {{{MAX_DEPTH},}}", re.MULTILINE)
_MANY_DASHES = re.compile(rf"(?:[-?][ \t]+){{{MAX_DEPTH // 2},}}")


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _describe(ch: str) -> str:
    return (
        f"U+{ord(ch):04X}（{unicodedata.name(ch, '控制字符')}）"
        if unicodedata.name(ch, "")
        else f"U+{ord(ch):04X}"
    )


def invisible_message(ch: str, field: str) -> str:
    where = f"「{field}」里" if field else "这里"
    return (
        f"{where}有一个看不见的字符 {_describe(ch)}，它会成为值的一部分（如姓名前多出一个字符，"
        "就与登记备案的姓名对不上）：请删掉它，必要时把这一处重新输入。注释（# 之后）里的这类字符不影响填报内容，可以保留。"
    )


def invisible(path: str, text: str) -> Diagnostic | None:
    """The first invisible character not in a comment, for a file that does not parse (where a
    parsed file reports each one in its value, with the field)."""
    for found in INVISIBLE.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        before = text[start : found.start()]
        if before.lstrip().startswith("#") or " #" in before:
            continue  # most likely a comment: nothing a value holds
        return Diagnostic(path, "F116", invisible_message(found.group(), ""), *_where(text, found.start()))
    return None


def invisible_in(lines: list[str], node: yaml.Node) -> tuple[int, int, str] | None:
    """Where (0-based line, 0-based column) the first invisible character of a scalar is, and which."""
    start, end = node.start_mark, node.end_mark
    for number in range(start.line, min(end.line, len(lines) - 1) + 1):
        text = lines[number][: end.column] if number == end.line else lines[number]  # not a comment after it
        found = INVISIBLE.search(text, start.column if number == start.line else 0)
        if found is not None:
            return number, found.start(), found.group()
    return None


def find_anchor(path: str, text: str, loader: Any) -> Diagnostic | None:
    """Refuse anchors, aliases and merge keys before anything is expanded (alias bombs)."""
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                assert mark is not None
                return Diagnostic(
                    path,
                    "F107",
                    "不支持 YAML 锚点（&）和别名（*）：请把内容直接写出来。",
                    mark.line + 1,
                    mark.column + 1,
                )
            if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and not event.style:
                mark = event.start_mark
                assert mark is not None
                return Diagnostic(
                    path,
                    "F107",
                    "不支持合并键「<<」：请把内容直接写出来。",
                    mark.line + 1,
                    mark.column + 1,
                )
    except yaml.YAMLError:
        return None  # the syntax error is reported by compose with a better message
    return None


_KEY = re.compile(r"^[ ]*(?:-[ ]+)*([^\s#'\"][^:#'\"]*):(?:[ ]|$)")


def reader_error(path: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    """libyaml's "control characters are not allowed", at its real place, in Chinese."""
    found = _CONTROL.search(text)  # libyaml's position counts UTF-8 bytes, not characters
    index = found.start() if found is not None else 0
    ch = text[index] if index < len(text) else "\0"
    line, col = _where(text, index)
    key = _KEY.match(text.split("\n")[line - 1])
    field = key.group(1).strip() if key is not None else ""
    where = f"「{field}」里" if field else "文件里"
    return Diagnostic(
        path,
        "F116",
        f"{where}有控制字符 {_describe(ch)}（看不见或显示为方框），YAML 不允许，注释里也不行："
        "请删掉它（常见于从网页、Word 或其他系统复制的文字）。",
        line,
        col,
        field,
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


def scalar_layout(lines: list[str], node: yaml.ScalarNode) -> tuple[int, str] | None:
    """A quoted or block scalar whose layout YAML forbids though libyaml reads it: (0-based line, why)."""
    found = _quoted_layout(lines, node)
    if found is not None:
        return node.start_mark.line, found
    if node.style in ("|", ">"):
        return block_scalar_problem(lines, node.start_mark.line)
    return None


def _quoted_layout(lines: list[str], node: yaml.ScalarNode) -> str | None:
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


# --- block scalars ("|" and ">") ----------------------------------------------------------------
_BLOCK_HEADER = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?:(?P<key>[^\s#'\"][^#'\"]*?):[ ]+)?(?P<style>[|>])(?P<flags>[0-9+-]*)[ ]*(?:#.*)?$"
)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def block_scalar_problem(lines: list[str], header: int) -> tuple[int, str] | None:
    """(0-based line, message) when the block scalar whose header is line ``header`` is laid out as
    YAML forbids: a leading line of spaces deeper than the first line of text (libyaml reads some
    of these silently), or a later line less indented than the first (the text ends there, and
    libyaml then fails with a message about keys)."""
    found = _BLOCK_HEADER.match(lines[header]) if header < len(lines) else None
    if found is None or any(ch.isdigit() for ch in found.group("flags")):
        return None  # an explicit indentation indicator: the writer chose the indentation
    lead = found.group("lead")
    base = len(lead) if found.group("key") is not None or not lead else len(lead) - 2
    style = found.group("style")
    blank: list[int] = []
    number = header + 1
    while number < len(lines) and not lines[number].strip(" "):
        blank.append(number)
        number += 1
    if number >= len(lines) or _indent(lines[number]) <= base:
        return None  # empty text: the next line belongs to what follows
    first = _indent(lines[number])
    for spaces in blank:
        if len(lines[spaces]) > first:
            return spaces, (
                f"多行文字（「{style}」之后）开头的第 {spaces + 1} 行只有空格，而且比第一行文字缩进得还多，"
                "YAML 不允许这样写：请删掉这一行里的空格（或删掉这一空行）。"
            )
    for later in range(number + 1, len(lines)):
        text = lines[later]
        if not text.strip(" "):
            continue
        depth = _indent(text)
        if depth <= base:
            return None  # the text ended; what follows is the next field
        if depth < first:
            return later, (
                f"多行文字（「{style}」之后）的第 {later + 1} 行比第一行（第 {number + 1} 行）缩进得少："
                "多行文字的每一行都要至少和第一行一样缩进，请把这一行和第一行对齐。"
            )
    return None


def block_scalar_before(lines: list[str], near: int) -> tuple[int, str, str] | None:
    """The block scalar problem that explains a syntax error reported at line ``near`` (1-based):
    (0-based line, message, the field's key)."""
    for header in range(min(near, len(lines)) - 1, -1, -1):
        found = _BLOCK_HEADER.match(lines[header])
        if found is None:
            continue
        problem = block_scalar_problem(lines, header)
        if problem is not None and problem[0] <= near:
            return problem[0], problem[1], (found.group("key") or "").strip()
    return None
