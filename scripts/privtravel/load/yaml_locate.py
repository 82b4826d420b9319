"""From a JSON path in a loaded document back to its line and column in the YAML text."""

from __future__ import annotations

from typing import Any

import yaml

from privtravel.diagnostics import JsonPath
from privtravel.load.yaml_lexical import INVISIBLE  # a key reported with them removed

try:  # pragma: no cover - depends on how PyYAML was built
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def locate(root: yaml.Node, where: JsonPath, *, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the value at ``where``; of its key when ``key`` is set.

    Where the path leads nowhere, the place of the last step that was found."""
    return _walk(root, where, key)[0]


def locate_exactly(root: yaml.Node, where: JsonPath) -> tuple[int, int] | None:
    """As ``locate``, but None unless every step of ``where`` is found."""
    spot, complete = _walk(root, where, False)
    return spot if complete else None


def _walk(root: yaml.Node, where: JsonPath, key: bool) -> tuple[tuple[int, int], bool]:
    node = root
    key_node: yaml.Node | None = None
    found = True
    for part in where:
        found = False
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for k, v in node.value:
                if k.value == part or (k.value != part and INVISIBLE.sub("", k.value) == part):
                    node, key_node, found = v, k, True
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node, found = node.value[part], None, True
        if not found:
            break
    target = key_node if key and key_node is not None else node
    return _pos(target), found


def compose_for_location(text: str) -> yaml.Node | None:
    """Re-compose a file that loaded cleanly, to find the line of a later (rule) diagnostic."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:  # pragma: no cover - the file loaded before
        return None
    return node
