"""A diagnostic at a record's place; the line and column are found later, only if it is shown."""

from __future__ import annotations

from privtravel.diagnostics import Diagnostic, field_label
from privtravel.model import Src


def at(src: Src, code: str, message: str, *more: str | int) -> Diagnostic:
    where = (*src.where, *more)
    return Diagnostic(
        src.path, code, message, field=field_label(where), json_path=where, record=(src.line, len(src.where))
    )
