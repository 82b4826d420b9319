"""Roll-up problems as lines: 文件!单元格: 代码 错误/警告 说明 (the cell form HR know from Excel)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from privtravel.diagnostics import Diagnostic


def line(d: Diagnostic) -> str:
    place = f"{d.path}!{d.field}" if d.field else d.path
    return f"{place}: {d.code} {d.severity.value} {d.message}"


def write(diagnostics: Iterable[Diagnostic], out: TextIO) -> tuple[int, int]:
    errors = warnings = 0
    for d in diagnostics:
        out.write(line(d) + "\n")
        errors += d.is_error
        warnings += not d.is_error
    return errors, warnings
