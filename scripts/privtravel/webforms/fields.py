"""Each schema field as a Decap CMS widget: label and hint from the schema's title and description.

Numbers that are identifiers (编号, 证件号码, 联系电话, 公民身份号码) are text fields in the schema,
so they are text widgets here and stay strings; dates are date pickers writing 年-月-日 (YYYY-MM-DD);
enums are drop-downs; arrays of records are repeatable groups.
"""

from __future__ import annotations

import re
from typing import Any

from privtravel.excel.schema_walk import FieldInfo, FieldType, Schema, base_of, fields, resolve

Widget = dict[str, Any]
YAML_ONLY = ("引号", "「- ", ": []")
LONG_TEXT = 100  # text fields allowed more than this many characters get a multi-line box


def widgets(schema: Schema, base: str, *, nested: bool = False) -> list[Widget]:
    """The form fields of an object schema, in schema order.  ``nested``: inside a record, where
    a list of records (a person's 变动记录) shows open: the record itself was opened to see it."""
    raw = schema.get("properties", {})
    return [_widget(info, *resolve(raw[info.name], base), nested) for info in fields(schema, base)]


def _widget(info: FieldInfo, schema: Schema, base: str, nested: bool) -> Widget:
    """``schema`` is the field's own schema ($ref resolved), ``base`` the file it came from."""
    out: Widget = {"name": info.name, "label": info.title}
    if hint := _hint(info.description):
        out["hint"] = hint
    if not info.required:
        out["required"] = False
    out.update(_kind(info, schema, base, nested))
    return out


def _hint(description: str) -> str:
    """The description without what only concerns typing YAML by hand (quotes, 「- 名称」 lines,
    「: []」): a form keeps text as text and has its own buttons for lists."""
    parts = re.split(r"(?<=[；。，])", description)
    kept = "".join(p for p in parts if not any(yaml in p for yaml in YAML_ONLY))
    return kept[:-1] + "。" if kept.endswith(("；", "，")) else kept


def _kind(info: FieldInfo, schema: Schema, base: str, nested: bool) -> Widget:
    t = info.type
    if t is FieldType.TEXT:
        text: Widget = {"widget": "text" if schema.get("maxLength", 0) > LONG_TEXT else "string"}
        if "pattern" in schema:
            text["pattern"] = [schema["pattern"], f"格式不对：{info.description or info.title}"]
        return text
    if t is FieldType.DATE:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,  # a date picker (the browser's own), in the user's time zone
        }
    if t is FieldType.INT:
        number: Widget = {"widget": "number", "value_type": "int"}
        if "minimum" in schema:
            number["min"] = schema["minimum"]
        return number
    if t is FieldType.BOOL:
        return {"widget": "boolean"}
    if t in (FieldType.ENUM, FieldType.MULTI):
        choice: Widget = {"widget": "select", "options": list(info.options)}
        if t is FieldType.MULTI:
            choice["multiple"] = True
        return choice
    if t is FieldType.LIST:
        items, _ = resolve(schema.get("items", {}), base)
        item = {"name": "项", "label": str(items.get("title", info.title))}
        return {"widget": "list", "label_singular": item["label"], "field": {**item, "widget": "string"}}
    assert info.schema is not None  # GROUP and CHILD
    inner = widgets(info.schema, base_of(info.schema, base), nested=True)  # base: the record's own file
    if t is FieldType.GROUP:
        return {"widget": "object", "collapsed": False, "fields": inner}
    return {
        "widget": "list",
        **({"collapsed": False} if nested else {}),
        "label_singular": str(info.schema.get("title", info.title)),
        "summary": _summary(inner),
        "fields": inner,
    }


def _summary(inner: list[Widget]) -> str:
    """A collapsed record shows its first two fields (e.g. 证件类别 证件号码, 出境日期 入境日期)."""
    shown = [w["name"] for w in inner if w.get("widget") not in ("list", "object")][:2]
    return " ".join("{{fields." + name + "}}" for name in shown)
