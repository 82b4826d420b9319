"""Give rule diagnostics (and cross-check evidence) their line and column, re-reading only the
files that have any.

A place inside a record (one person, one approval) knows the line where that record starts (its
``record`` hint: that line, and how many steps of the path lead to the record); only that record's
lines are composed again, not the whole file (at province scale, re-composing whole registers took
ten seconds for a few hundred diagnostics, and eighty for the cross-check's evidence).  Anything
unusual falls back to composing the whole file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import yaml

from privtravel.diagnostics import Diagnostic, JsonPath
from privtravel.load.yaml_strict import compose_for_location, locate, locate_exactly

# line breaks YAML knows and a plain split on "\n" does not: such files are composed whole
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029", "\r")
_NOT_PLAIN = frozenset("-[{?&!*|>\"'")

Record = tuple[int, int]  # (line where the record starts, steps of the path that lead to it)


def record_of(line: int, where: JsonPath) -> Record:
    """The hint for a place whose deepest list item starts at ``line`` (as load/build.py gives
    every record's Src): the record is that list item."""
    for i in range(len(where) - 1, -1, -1):
        if isinstance(where[i], int):
            return (line, i + 1)
    return (0, 0)


class Locator:
    """Places in the files of one root; each file is read once, composed whole at most once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, tuple[str, list[str] | None] | None] = {}
        self.wholes: dict[str, yaml.Node | None] = {}

    def place(self, path: str, where: JsonPath, record: Record = (0, 0)) -> tuple[int, int] | None:
        """(line, column) of ``where`` in ``path``; None when the file cannot be read again."""
        if path not in self.files:
            try:
                text = (self.root / path).read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self.files[path] = None
            else:
                lines = None if any(c in text for c in _OTHER_BREAKS) else text.split("\n")
                self.files[path] = (text, lines)
        known = self.files[path]
        if known is None:
            return None
        text, lines = known
        spot = _in_record(lines, where, record) if lines is not None else None
        if spot is not None:
            return spot
        if path not in self.wholes:
            self.wholes[path] = compose_for_location(text)
        whole = self.wholes[path]
        return None if whole is None else locate(whole, where)


def resolve(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    pending: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        if d.line == 0 and d.json_path is not None:
            pending[d.path].append(i)
    out = list(diagnostics)
    locator = Locator(root)
    for path, indices in pending.items():
        for i in indices:
            d = out[i]
            assert d.json_path is not None
            spot = locator.place(path, d.json_path, d.record)
            if spot is not None:
                out[i] = replace(d, line=spot[0], col=spot[1])
        locator.files.pop(path, None)  # done with this file
        locator.wholes.pop(path, None)
    return out


def _in_record(lines: list[str], where: JsonPath, record: Record) -> tuple[int, int] | None:
    """The place of ``where`` found by composing only its record, a block-sequence item; or None."""
    first, depth = record
    if (
        first < 1
        or depth < 1
        or first > len(lines)
        or depth > len(where)
        or not isinstance(where[depth - 1], int)
    ):
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
    spot = locate_exactly(node, (0, *where[depth:]))
    return None if spot is None else (spot[0] + first - 1, spot[1])
