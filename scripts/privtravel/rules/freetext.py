"""Numbers stay in their fields: an ID, document or phone number typed into free text is reported.

Free text is found in the schemas, not listed here: every string a schema leaves unconstrained (no
``pattern``, ``enum``, ``const`` or ``format``) in every file kind, so a field added to a schema
tomorrow is covered.  The numbers are those of privtravel.masking.find, the same finder every output
masks with.  The message echoes the number masked, never in full (it reaches CI logs), and says
where the number belongs.  Codes (strings with a pattern: 编号, 审批编号 …) are read too, for an
ID number only: a clerk who numbers people by their 公民身份号码 would show it in every file name,
page and summary; a code shaped like a passport number (T20190605) may be an honest 审批编号.

Unlike the other rule modules this one reads one file, not a unit: it runs where each file is
loaded (load/repository.py), on the document as parsed, so its findings are cached with the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from privtravel import masking
from privtravel.diagnostics import Diagnostic, JsonPath, field_label
from privtravel.validate import schemas

_CONSTRAINTS = ("pattern", "enum", "const", "format")
_COMBINATIONS = ("allOf", "anyOf", "oneOf")
_BRANCHES = ("if", "then", "else")

ID_FIELD = "公民身份号码"  # the one coded field where an ID number belongs
WHERE_DOCUMENT = "证件号码只写在报告表「持有证件」和证件保管登记册「证件」的「证件号码」一栏"
WHERE_ID = "公民身份号码只写在登记备案名单（登记备案.yaml）的「公民身份号码」一栏"
WHERE_PHONE = (
    "单位的联系电话写在「单位基本情况」（单位.yaml）的「联系电话」一栏，个人的电话号码不要写进填报内容"
)


@dataclass(slots=True)
class Shape:
    """Where free text can be in a document: what the schemas say about one place and below it."""

    constrained: bool = False  # a string here has a pattern, a list of values or a format
    coded: bool = False  # … a pattern: an 编号 or a code, where an ID number does not belong either
    properties: dict[str, Shape] = field(default_factory=dict)
    extra: Shape | None = None  # additionalProperties given as a schema
    items: Shape | None = None
    texts: bool = True  # free text or a code can be here or below (set by ``prune``)

    def merge(self, node: Mapping[str, Any]) -> None:
        if any(key in node for key in _CONSTRAINTS):
            self.constrained = True
        if "pattern" in node:
            self.coded = True
        for name, sub in (node.get("properties") or {}).items():
            if isinstance(sub, dict):
                self.properties.setdefault(name, Shape()).merge(sub)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            self.extra = self.extra or Shape()
            self.extra.merge(extra)
        items = node.get("items")
        if isinstance(items, dict):
            self.items = self.items or Shape()
            self.items.merge(items)
        for key in _COMBINATIONS:
            for sub in node.get(key) or ():
                if isinstance(sub, dict):
                    self.merge(sub)
        for key in _BRANCHES:
            sub = node.get(key)
            if isinstance(sub, dict):
                self.merge(sub)

    def prune(self) -> bool:
        """Mark the places with neither free text nor a code at or below them (dates, numbers,
        choices), which the walk then skips; whether this place has any."""
        below = [s.prune() for s in (*self.properties.values(), self.extra, self.items) if s is not None]
        self.texts = not self.constrained or self.coded or any(below)
        return self.texts


@cache
def shape(schema_file: str) -> Shape:
    """The free-text places of one schema (its references to common definitions followed)."""
    documents = schemas.load_all()
    root = Shape()
    root.merge(schemas.inline_refs(documents[schema_file], schema_file, documents))
    root.prune()
    return root


def free_texts(schema_file: str, data: Any) -> Iterator[tuple[JsonPath, str]]:
    """Every free-text string of ``data`` (a document of that schema) with its place."""
    return ((path, text) for path, text, free in strings(schema_file, data) if free)


def strings(schema_file: str, data: Any) -> Iterator[tuple[JsonPath, str, bool]]:
    """Every free-text string and every code (a string with a pattern) of ``data``, with its place
    and whether it is free text."""
    pending: list[tuple[Shape, Any, JsonPath]] = [(shape(schema_file), data, ())]
    while pending:
        where, value, path = pending.pop()
        if isinstance(value, str):
            if not where.constrained or where.coded:
                yield path, value, not where.constrained
        elif isinstance(value, dict):
            for key, sub in value.items():
                inner = where.properties.get(key, where.extra)
                if inner is not None and inner.texts and isinstance(key, str):
                    pending.append((inner, sub, (*path, key)))
        elif isinstance(value, list) and where.items is not None and where.items.texts:
            pending.extend((where.items, sub, (*path, i)) for i, sub in enumerate(value))


def check(
    rel: str, schema_file: str, data: Any, root: yaml.Node | None, raw: bytes = b""
) -> list[Diagnostic]:
    """The numbers in the free text of one loaded file (valid or not: whatever could be read).

    ``raw`` (the file's bytes) lets a diagnostic point at the number's own line and column inside a
    long text; without it, at the start of the text."""
    out: list[Diagnostic] = []
    lines: list[str] | None = None
    for path, text, free in strings(schema_file, data):
        if not free and path[-1] == ID_FIELD:
            continue
        seen: set[str] = set()
        for found in masking.find(text):
            if found.number in seen or not (free or (found.kind == masking.ID_NUMBER and found.certain)):
                continue  # in a code only an ID number is sure to be one: E12345678 may be an 审批编号
            seen.add(found.number)
            node = _node(root, path)
            if lines is None:
                lines = raw.decode("utf-8-sig", errors="replace").split("\n")
            line, col = _place(node, found.typed, lines) if node is not None else (0, 0)
            code, message = _message(path, found) if free else ("R335", _in_code(path, found))
            out.append(Diagnostic(rel, code, message, line, col, field_label(path), path))
    out.sort(key=Diagnostic.sort_key)
    return out


def _node(root: yaml.Node | None, path: JsonPath) -> yaml.Node | None:
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return None
    return node


def _place(node: yaml.Node, typed: str, lines: list[str]) -> tuple[int, int]:
    """(line, column), 1-based, of ``typed`` inside the value ``node``; else of the value."""
    first, last = node.start_mark.line, min(node.end_mark.line, len(lines) - 1)
    for number in range(first, last + 1):
        start = node.start_mark.column if number == first else 0
        column = lines[number].find(typed, start)
        if column >= 0:
            return number + 1, column + 1
    return first + 1, node.start_mark.column + 1


def _in_code(path: JsonPath, found: masking.Found) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    return (
        f'「{name}」里写的是公民身份号码 {found.masked}：{name}用本单位自己的编号（如 "0012"），'
        f"{WHERE_ID}。编号会出现在文件名、看板和审核摘要里。"
    )


def _message(path: JsonPath, found: masking.Found) -> tuple[str, str]:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if found.kind == masking.DOCUMENT:
        return "R335", (
            f"「{name}」里写了完整的{found.document_type}号码 {found.masked}：{WHERE_DOCUMENT}；"
            f"这里要提到证件的，只写证件类别和后两位（如 {found.masked}）。"
        )
    if found.kind == masking.ID_NUMBER and found.certain:
        return (
            "R335",
            f"「{name}」里写了完整的公民身份号码 {found.masked}：{WHERE_ID}；这里用姓名或人员编号指代本人。",
        )
    if found.kind == masking.ID_NUMBER:
        return "R336", (
            f"「{name}」里的 {found.masked} 像是公民身份号码（校验位不符）：如果是，{WHERE_ID}，这里删去；"
            "如果不是身份号码，可以保留（看板和导出中会隐去中间几位）。"
        )
    return "R336", f"「{name}」里写了电话号码 {found.masked}：{WHERE_PHONE}（看板和导出中会隐去中间几位）。"
