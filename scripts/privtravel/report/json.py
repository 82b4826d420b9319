"""Diagnostics as JSON, for CI, the review summary and the dashboard."""

from __future__ import annotations

import json
from typing import Any, TextIO

from privtravel.codes import CODES
from privtravel.diagnostics import Result
from privtravel.masking import mask_text


def as_dict(result: Result) -> dict[str, Any]:
    return {
        "files_checked": result.files_checked,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "code": d.code,
                "severity": d.severity.value,
                "title": CODES[d.code].title,
                "field": mask_text(d.field),
                "message": mask_text(d.message),  # it may echo what was typed
            }
            for d in result.sorted()
        ],
    }


def write(result: Result, out: TextIO) -> None:
    json.dump(as_dict(result), out, ensure_ascii=False, indent=1)
    out.write("\n")
