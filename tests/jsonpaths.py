"""Every place inside a loaded document, for tests that compare two ways of judging or finding them."""

from __future__ import annotations

from typing import Any

from privtravel.diagnostics import JsonPath


def every_path(node: Any, here: JsonPath = ()) -> list[JsonPath]:
    """``here`` and the path of every mapping value and list item below it, depth first."""
    out = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            out += every_path(value, (*here, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += every_path(value, (*here, i))
    return out
