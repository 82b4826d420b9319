"""A diagnostic at a record's place; the line and column are found later, only if it is shown."""

from __future__ import annotations

from privtravel.diagnostics import Diagnostic, field_label
from privtravel.model import Src
from privtravel.report.locate import record_of


def at(src: Src, code: str, message: str, *more: str | int) -> Diagnostic:
    where = (*src.where, *more)
    record = record_of(src.line, src.where)
    return Diagnostic(src.path, code, message, field=field_label(where), json_path=where, record=record)
