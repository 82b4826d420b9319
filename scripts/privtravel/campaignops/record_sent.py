"""Writing 报送公安日期 into 登记备案.yaml for the changes just sent, touching nothing else.

The file is edited as text: one line ``报送公安日期: YYYY-MM-DD`` right after the change's
``变动类型`` line, at its indentation, so comments, order and layout stay as HR wrote them and the
merge request shows exactly the lines added.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import yaml

from privtravel.diagnostics import FatalError
from privtravel.model import RosterChange

BOM = "\ufeff"


def record(root: Path, changes: Iterable[RosterChange], sent: dt.date) -> int:
    """Mark each change (not yet marked) as sent on ``sent``; returns how many were marked."""
    by_file: dict[str, list[RosterChange]] = defaultdict(list)
    for change in changes:
        if change.reported is None:
            by_file[change.src.path].append(change)
    for rel, todo in sorted(by_file.items()):
        _edit(root, rel, todo, sent)
    return sum(len(todo) for todo in by_file.values())


def _edit(root: Path, rel: str, changes: list[RosterChange], sent: dt.date) -> None:
    path = root / rel
    raw = path.read_bytes().decode("utf-8")
    bom = raw.startswith(BOM)
    text = raw.removeprefix(BOM)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    document = yaml.compose(text, Loader=yaml.SafeLoader)
    inserts: list[tuple[int, str]] = []
    for change in changes:
        key, value = _kind_entry(document, change, rel)
        if value.end_mark.line != key.start_mark.line:
            raise FatalError(
                f"{rel}:{key.start_mark.line + 1}: 「变动类型」应写在一行上，无法自动填写报送公安日期。"
            )
        indent = " " * key.start_mark.column
        inserts.append((key.start_mark.line + 1, f"{indent}报送公安日期: {sent.isoformat()}"))
    for at, line in sorted(inserts, reverse=True):
        lines.insert(at, line)
    path.write_bytes(((BOM if bom else "") + newline.join(lines)).encode("utf-8"))


def _kind_entry(document: yaml.Node | None, change: RosterChange, rel: str) -> tuple[yaml.Node, yaml.Node]:
    node: yaml.Node | None = document
    for step in change.src.where:
        node = _child(node, step)
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        for key, value in node.value:
            if key.value == "变动类型":
                return key, value
    line = node.start_mark.line + 1 if node is not None else 0
    raise FatalError(
        f"{rel}:{line}: 找不到这条变动记录的「变动类型」（请用每行一个字段的写法），无法自动填写报送公安日期。"
    )


def _child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and step < len(node.value):
        child: yaml.Node = node.value[step]
        return child
    if isinstance(step, str) and isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                found: yaml.Node = value
                return found
    return None
