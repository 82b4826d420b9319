"""A tiny YAML writer for the project's own declaration style (what an HR clerk would write).

Strings are plain when that is unambiguous under YAML 1.1 and our strict loader, and double-quoted
otherwise (numbers-as-text such as "0012" and phone numbers, anything with YAML punctuation).
"""

from __future__ import annotations

import datetime as dt
import json
import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_YAML_PUNCT = re.compile(r"[:#\[\]{},&*!|>'\"%@`\\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*\Z")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def scalar(value: str | int | bool | dt.date) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _WORD.match(value) and value.lower() not in _YAML11_WORDS:
        return value
    if (
        _CJK.search(value)
        and not _YAML_PUNCT.search(value)
        and value == value.strip()
        and value[0] not in "-?"
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def flow(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


class Doc:
    """Lines of one YAML document, built top-down."""

    def __init__(self, comment: str) -> None:
        self.lines = [comment]

    def put(
        self, indent: int, key: str, value: str | int | bool | dt.date | None, *, dash: bool = False
    ) -> None:
        if value is None:
            return
        self.raw(indent, f"{key}: {scalar(value)}", dash=dash)

    def items(
        self, indent: int, key: str, values: tuple[str, ...] | list[str], *, dash: bool = False
    ) -> None:
        self.raw(indent, f"{key}: {flow(values)}", dash=dash)

    def raw(self, indent: int, text: str, *, dash: bool = False) -> None:
        prefix = " " * indent
        if dash:
            prefix = " " * (indent - 2) + "- "
        self.lines.append(prefix + text)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
