"""What the browser's YAML writer (site/forms/privtravel-yaml.js) needs to know of each schema to
write a declaration exactly as excel/emit.py does: the fields in schema order, which are required,
which hold records or groups, and the options whose order multi-choice values follow."""

from __future__ import annotations

import json
import sys
from functools import cache
from typing import Any

from privtravel.excel.schema_walk import FieldInfo, FieldType, base_of, fields, root_schema
from privtravel.load.layout import Kind

# The declarations a unit's HR edit (campaign.yaml and inspections/ are not theirs)
UNIT_KINDS = (
    Kind.UNIT,
    Kind.ROSTER,
    Kind.REPORT,
    Kind.CUSTODY,
    Kind.APPROVALS,
    Kind.CASES,
    Kind.RESPONSES,
    Kind.RECTIFICATION,
)


def shapes() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in UNIT_KINDS:
        schema, base = root_schema(kind)
        out[kind.value] = [_shape(info, base) for info in fields(schema, base)]
    return {"digits": digit_class(), "kinds": out}


def _shape(info: FieldInfo, base: str) -> dict[str, Any]:
    shape: dict[str, Any] = {"name": info.name, "type": info.type.value, "required": info.required}
    if info.type is FieldType.MULTI:
        shape["options"] = list(info.options)
    if info.type in (FieldType.GROUP, FieldType.CHILD):
        assert info.schema is not None
        inner = base_of(info.schema, base)
        shape["fields"] = [_shape(child, inner) for child in fields(info.schema, inner)]
    return shape


@cache
def digit_class() -> str:
    """Python's ``str.isdigit()`` as a JavaScript character class (with the ``u`` flag): the
    writer quotes text that starts with a digit, and "digit" must mean the same on both sides."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if chr(code).isdigit():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{{{a:x}}}" if a == b else f"\\u{{{a:x}}}-\\u{{{b:x}}}" for a, b in ranges)


def script() -> str:
    """privtravel-shapes.js: the shapes as a browser global."""
    text = json.dumps(shapes(), ensure_ascii=False, indent=1)
    return f"// Generated from schemas/ by `privtravel webforms`; do not edit.\nvar PRIVTRAVEL_SHAPES = {text};\n"
