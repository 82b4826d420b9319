"""Strict YAML loading: bytes in, plain JSON-like data and diagnostics out.

PyYAML's C parser composes the node tree (fast, with positions); the values are then built here,
by our own rules rather than YAML 1.1's: a plain scalar is a string unless it is unmistakably
something else, and anything YAML 1.1 would silently turn into another type (``NO`` → false,
``010`` → 8, ``1:20`` → 80) is an error at its line.  Dates come out as ISO strings, so the
result is exactly what JSON Schema validates.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from privtravel.diagnostics import Diagnostic, JsonPath, field_label
from privtravel.load import encoding, yaml_errors, yaml_lexical
from privtravel.load.encoding import decode as decode
from privtravel.load.yaml_locate import compose_for_location as compose_for_location
from privtravel.load.yaml_locate import locate as locate
from privtravel.load.yaml_locate import locate_exactly as locate_exactly

try:  # pragma: no cover - depends on how PyYAML was built
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"

_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z")


@dataclass(slots=True)
class Loaded:
    """A parsed document.  ``root`` is the node tree, kept only while locating errors."""

    data: Any = None
    root: yaml.Node | None = None
    first_line: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bad_paths: set[JsonPath] = field(default_factory=set)  # values already reported here
    positions: dict[JsonPath, int] = field(default_factory=dict)  # line of every list item

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def load(path: str, raw: bytes, *, max_bytes: int) -> Loaded:
    result = Loaded()
    out = result.diagnostics
    if len(raw) > max_bytes:
        out.append(
            Diagnostic(
                path,
                "F101",
                f"文件大小 {len(raw) / 1024:.0f} KB，超过上限 {max_bytes / 1024:.0f} KB，未作检查。",
            )
        )
        return result
    text = encoding.decode(path, raw, out)
    if text is None:
        return result
    result.first_line = text.split("\n", 1)[0].rstrip("\r")
    if "&" in text or "*" in text or "<<" in text:
        alias = yaml_lexical.find_anchor(path, text, _Loader)
        if alias is not None:
            out.append(alias)
            return result
    early = yaml_lexical.too_deep(path, text)
    if early is not None:
        out.append(early)
        return result
    hidden = yaml_lexical.INVISIBLE.search(text) is not None  # then every value is searched for one
    enabled = gc.isenabled()
    gc.disable()
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:
        out.append(yaml_lexical.reader_error(path, text, exc))
        return result
    except yaml.MarkedYAMLError as exc:
        unseen = yaml_lexical.invisible(path, text) if hidden else None
        out.append(unseen or yaml_errors.syntax_error(path, text, exc))  # the one may cause the other
        return result
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always marks its errors
        out.append(Diagnostic(path, "F104", f"YAML 格式错误：{exc}", 1, 1))
        return result
    finally:
        if enabled:
            gc.enable()
    if root is None:
        out.append(Diagnostic(path, "F110", "文件是空的。", 1, 1))
        return result
    if not isinstance(root, yaml.MappingNode):
        out.append(
            Diagnostic(
                path,
                "F110",
                "文件最外层应当是「字段: 值」的形式。",
                *_pos(root),
            )
        )
        return result
    result.root = root
    builder = _Builder(path, out, result.bad_paths, result.positions, text.split("\n"), hidden)
    result.data = builder.build(root, ())
    return result


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Builds plain values from nodes, reporting what a tired clerk's YAML would get wrong."""

    __slots__ = ("bad", "bangs", "hidden", "lines", "out", "path", "positions")

    def __init__(
        self,
        path: str,
        out: list[Diagnostic],
        bad: set[JsonPath],
        positions: dict[JsonPath, int],
        lines: list[str],
        hidden: bool = False,
    ) -> None:
        self.path = path
        self.hidden = hidden  # the text holds an invisible character (in a value or a comment)
        self.out = out
        self.bad = bad
        self.positions = positions
        self.lines = lines
        self.bangs = any("!" in line for line in lines)  # tags are looked for only where one can be

    def build(self, node: yaml.Node, where: JsonPath) -> Any:
        tag = yaml_lexical.tagged(self.lines, node) if self.bangs else None
        if tag is not None:
            self.error(
                node,
                where,
                "F115",
                f"不支持 YAML 标记「{tag}」：请删掉它；文字、号码、编号直接加英文引号。",
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            if self.hidden and self.unseen(node, where):
                return None
            return self.scalar(node, where)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            first_seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.error(key_node, where, "F110", "字段名必须是文字。")
                    continue
                key = key_node.value
                if self.hidden and self.unseen(key_node, (*where, yaml_lexical.INVISIBLE.sub("", key))):
                    key = yaml_lexical.INVISIBLE.sub("", key)  # reported; the rest is checked as meant
                if node.flow_style and yaml_lexical.question_key(self.lines, key_node):
                    self.error(
                        key_node, where, "F104", f'字段名「?{key}」以问号开头：请加引号写成 "?{key}"。'
                    )
                    continue
                if key_node.tag == _MERGE:
                    self.error(key_node, where, "F107", "不支持合并键「<<」：请把内容直接写出来。")
                    continue
                if key in result or key in first_seen:
                    self.error(
                        key_node,
                        (*where, key),
                        "F106",
                        f"字段「{key}」重复出现（第一次在第 {first_seen[key]} 行）；YAML 只会保留最后一个，"
                        "请删掉多余的一个。",
                    )
                    continue
                first_seen[key] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*where, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                here = (*where, i)
                self.positions[here] = item.start_mark.line + 1  # records are list items
                items.append(self.build(item, here))
            return items
        raise AssertionError(node)  # pragma: no cover

    def unseen(self, node: yaml.Node, where: JsonPath) -> bool:
        """An invisible character in this key or value: an error naming the field and the character."""
        found = yaml_lexical.invisible_in(self.lines, node)
        if found is None:
            return False
        line, col, ch = found
        label = field_label(where)
        self.error(node, where, "F116", yaml_lexical.invisible_message(ch, label), line=line + 1, col=col + 1)
        return True

    def error(
        self, node: yaml.Node, where: JsonPath, code: str, message: str, *, line: int = 0, col: int = 0
    ) -> None:
        """An error at ``node`` (or at ``line``:``col`` within it, 1-based, when known)."""
        self.bad.add(where)
        place = (line, col or 1) if line else _pos(node)
        self.out.append(Diagnostic(self.path, code, message, *place, field_label(where), where))

    def scalar(self, node: yaml.ScalarNode, where: JsonPath) -> Any:
        value: str = node.value
        if node.style:
            layout = yaml_lexical.scalar_layout(self.lines, node)
            if layout is not None:
                self.error(node, where, "F104", layout[1], line=layout[0] + 1)
            return value  # quoted or block scalar: always text
        if node.tag == _STR:
            return value
        tag = node.tag
        if tag == _NULL:
            return None
        if tag == _BOOL:
            if value in ("true", "false", "True", "False", "TRUE", "FALSE"):
                return value.lower() == "true"
            self.error(
                node,
                where,
                "F108",
                f"「{value}」会被部分软件读成 {'true' if value.lower() in ('yes', 'y', 'on') else 'false'}（是/否）："
                f'如果是文字请加引号写成 "{value}"；如果表示是否，请写 true 或 false。',
            )
            return value
        if tag == _INT:
            if _PLAIN_INT.match(value):
                return int(value)
            self.error(node, where, "F108", yaml_errors.number_message(value))
            return value
        if tag == _FLOAT:
            if _PLAIN_FLOAT.match(value):
                return float(value)
            self.error(node, where, "F108", yaml_errors.number_message(value))
            return value
        if tag == _TIMESTAMP:
            match = _DATE.match(value)
            if match is None:
                self.error(
                    node,
                    where,
                    "F109",
                    f"「{value}」带有时间；这里只填写日期，如 {value[:10]}。",
                )
                return value
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                self.error(node, where, "F109", f"日期「{value}」不存在，请核对年月日。")
                return value
        if tag == _MERGE:
            self.error(node, where, "F107", "不支持合并键「<<」：请把内容直接写出来。")
            return value
        return value
