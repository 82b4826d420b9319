"""Diagnostics as lines a terminal, an editor and CI logs understand: path:line:col: 代码 …"""

from __future__ import annotations

from typing import TextIO

from privtravel.diagnostics import Diagnostic, Result
from privtravel.masking import mask_text


def line(d: Diagnostic) -> str:
    field = f"[{d.field}] " if d.field else ""
    place = f"{d.path}:{d.line}:{d.col}" if d.line else d.path
    # masked again: a message may echo what was typed (a value not in the allowed list, a key)
    return mask_text(f"{place}: {d.code} {d.severity.value} {field}{d.message}")


def write(result: Result, out: TextIO) -> None:
    for d in result.sorted():
        out.write(line(d) + "\n")
    errors, warnings = len(result.errors), len(result.warnings)
    if errors:
        verdict = "未通过"
    elif warnings:
        verdict = "通过（有警告）"
    else:
        verdict = "通过"
    out.write(f"检查了 {result.files_checked} 个文件：{errors} 个错误，{warnings} 个警告，{verdict}。\n")
