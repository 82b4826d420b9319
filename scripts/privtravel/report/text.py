"""Diagnostics as lines a terminal, an editor and CI logs understand: path:line:col: 代码 …"""

from __future__ import annotations

from typing import TextIO

from privtravel.diagnostics import Diagnostic, Result
from privtravel.masking import mask_text

# files that are not declarations at all (stray, hidden, linked, not checked out): no rules to hold back
_NOT_LOADED = frozenset({"F111", "F113", "F117", "F118"})


def line(d: Diagnostic) -> str:
    field = f"[{d.field}] " if d.field else ""
    place = f"{d.path}:{d.line}:{d.col}" if d.line else d.path
    # masked again: a message may echo what was typed (a value not in the allowed list, a key)
    return mask_text(f"{place}: {d.code} {d.severity.value} {field}{d.message}")


def write(result: Result, out: TextIO) -> None:
    for d in result.sorted():
        out.write(line(d) + "\n")
    errors, warnings = len(result.errors), len(result.warnings)
    held = sorted({d.path for d in result.errors if d.code[0] in "FS" and d.code not in _NOT_LOADED})
    if held:
        out.write(
            f"说明：{len(held)} 个文件有格式错误（F、S 开头）。YAML 写法的错误（F1xx）改正后文件才能读出、字段才能检查；"
            "字段的错误（S2xx）已一次全部列出；这些文件的单位内规则（R 开头：日期先后、编号引用、与其他文件是否一致）"
            "要在格式改正后才能检查，改正后请再运行一次。\n"
        )
    if errors:
        verdict = "未通过"
    elif warnings:
        verdict = "通过（有警告）"
    else:
        verdict = "通过"
    out.write(f"检查了 {result.files_checked} 个文件：{errors} 个错误，{warnings} 个警告，{verdict}。\n")
