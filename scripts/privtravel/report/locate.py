"""Give rule diagnostics their line and column, re-reading only the files that have any.

A diagnostic about one record (one person, one approval) knows the line where that record starts
(``Diagnostic.record``); only that record's lines are composed again, not the whole file (at
province scale, re-composing whole registers took ten seconds for a few hundred diagnostics).
Anything unusual falls back to composing the whole file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from privtravel.diagnostics import Diagnostic
from privtravel.load.yaml_strict import compose_for_location, locate, locate_exactly

# line breaks YAML knows and a plain split on "\n" does not: such files are composed whole
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029", "\r")
_NOT_PLAIN = frozenset("-[{?&!*|>\"'")


def resolve(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    pending: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        if d.line == 0 and d.json_path is not None:
            pending[d.path].append(i)
    out = list(diagnostics)
    for path, indices in pending.items():
        try:
            text = (root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        lines = None if any(c in text for c in _OTHER_BREAKS) else text.split("\n")
        whole = None
        for i in indices:
            d = out[i]
            assert d.json_path is not None
            spot = _in_record(lines, d) if lines is not None else None
            if spot is None:
                whole = whole or compose_for_location(text)
                if whole is None:
                    continue
                spot = locate(whole, d.json_path)
            out[i] = replace(d, line=spot[0], col=spot[1])
    return out


def _in_record(lines: list[str], d: Diagnostic) -> tuple[int, int] | None:
    """The place of ``d`` found by composing only its record, a block-sequence item; or None."""
    first, depth = d.record
    assert d.json_path is not None
    if first < 1 or depth < 1 or first > len(lines) or not isinstance(d.json_path[depth - 1], int):
        return None
    head = lines[first - 1]
    body = head.lstrip(" ")
    if not body.startswith("- ") or body[2:].lstrip(" ")[:1] in _NOT_PLAIN:
        return None  # a nested or flow collection: its items may be records on this same line
    indent = len(head) - len(body)
    end = first
    while end < len(lines):
        body = lines[end].lstrip(" ")
        if body and not body.startswith("#") and len(lines[end]) - len(body) <= indent:
            break
        end += 1
    node = compose_for_location("\n".join(lines[first - 1 : end]))
    if node is None:
        return None
    spot = locate_exactly(node, (0, *d.json_path[depth:]))
    return None if spot is None else (spot[0] + first - 1, spot[1])
