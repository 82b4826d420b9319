"""Text as it is printed: display width (a CJK character is two columns) and line breaking that
never starts a line with 。，」 nor ends one with 「（ (the printer's rules for Chinese text)."""

from __future__ import annotations

import unicodedata


def width_of(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def split_lines(text: str, width: int) -> list[str]:
    """Break a paragraph into lines of at most ``width`` display columns (CJK counts 2).

    Lines are broken here rather than by the spreadsheet's wrap, which depends on the fonts installed."""
    lines: list[str] = []
    current = ""
    for ch in text:
        if width_of(current + ch) <= width or not current or ch in NO_LINE_START:
            current += ch
        elif current[-1] in NO_LINE_END:  # 「（ go down with what they open
            lines.append(current[:-1])
            current = current[-1] + ch
        else:
            lines.append(current)
            current = "" if ch == " " else ch
    return [*lines, current] if current or not lines else lines


NO_LINE_START = frozenset("。，、；：？！）」』”’》〉】．，,.;:!?)")
NO_LINE_END = frozenset("（「『“‘《〈【(")
