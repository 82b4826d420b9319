"""Hypothesis strategies for a unit's declarations, generated from the JSON Schemas themselves.

Strings mix Chinese, YAML's troublemakers (NO, 010, 1:20, ~, - a, a: b, #x, quotes) and Excel's
(=1+1, #N/A, 0012); values keep to what a cell can hold (no control characters, no surrounding
spaces: a cell's surrounding spaces are not data).
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from hypothesis import strategies as st

from privtravel.excel.schema_walk import Schema, base_of, resolve, root_schema
from privtravel.excel.unitdocs import UnitDocs, report_rel
from privtravel.load.layout import Kind

CHINESE = "张王李赵钱孙周吴郑冯陈刚芳伟明国华医院科长护照香港澳门台湾日本泰国旅游探亲（）、，：；“”《》"
ALPHABET = CHINESE + string.ascii_letters + string.digits + " -:#&*!|>'\"%@`=,[]{}?~.\\/_\n"
TRICKY = (
    "NO", "yes", "010", "0012", "1:20", "~", "null", "true", "- a", "a: b", "#x", "'q'", '"q"',
    "=1+1", "#N/A", "2019-06-01", "1e3", ".5", "@x", "`x`", "a #b", "<<", "&a", "*a", "!x", "%x",
)  # fmt: skip
LIST_ALPHABET = "".join(ch for ch in CHINESE + string.ascii_letters if ch not in "、，；")
NAME_ALPHABET = "".join(ch for ch in CHINESE if ch not in "、，；") + "NOyes"


def text(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    plain = st.text(ALPHABET, min_size=min_size, max_size=max_size).map(str.strip)
    tricky = st.sampled_from([t for t in TRICKY if min_size <= len(t) <= max_size])
    return (tricky | plain).filter(lambda s: min_size <= len(s) <= max_size)


def for_field(schema: Schema, base: str, name: str) -> st.SearchStrategy[Any]:
    s, base = resolve(schema, base)
    if "enum" in s:
        return st.sampled_from(s["enum"])
    kind = s.get("type")
    if kind == "string":
        if s.get("format") == "date":
            return st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
        low, high = s.get("minLength", 1), s.get("maxLength", 10**6)
        if "pattern" in s:
            chars = NAME_ALPHABET if name in ("姓名", "审批人", "经办人") else ALPHABET.replace("\n", "")
            regex = st.from_regex(s["pattern"], fullmatch=True, alphabet=st.sampled_from(chars))
            return regex.filter(lambda v: low <= len(v) <= high and v == v.strip())
        return text(low, min(high, 12))
    if kind == "integer":
        return st.integers(s.get("minimum", -1000), s.get("maximum", 1000))
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        items, item_base = resolve(s.get("items", {}), base)
        low = s.get("minItems", 0)
        if "enum" in items:
            return st.lists(st.sampled_from(items["enum"]), min_size=low, max_size=3, unique=True)
        if items.get("type") == "string":
            shortest = max(items.get("minLength", 1), 2)
            item = st.text(LIST_ALPHABET, min_size=shortest, max_size=8)
            if "pattern" in items:
                item = st.from_regex(
                    items["pattern"], fullmatch=True, alphabet=st.sampled_from(NAME_ALPHABET)
                )
            return st.lists(item.filter(lambda v: shortest <= len(v) <= 20), min_size=low, max_size=3)
        return st.lists(for_object(items, item_base), min_size=low, max_size=2)
    if kind == "object":
        return for_object(s, base)
    raise AssertionError(s)


def for_object(schema: Schema, base: str, *, fixed: dict[str, Any] | None = None) -> st.SearchStrategy[Any]:
    fixed = fixed or {}
    base = base_of(schema, base)
    required = set(schema.get("required", ()))
    parts: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, sub in schema.get("properties", {}).items():
        strategy = st.just(fixed[name]) if name in fixed else for_field(sub, base, name)
        (parts if name in required or name in fixed else optional)[name] = strategy
    return st.fixed_dictionaries(parts, optional=optional)


def _dedupe(items: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    seen: set[Any] = set()
    out = []
    for item in items:
        if item[key] not in seen:
            seen.add(item[key])
            out.append(item)
    return out


KEYS = {Kind.ROSTER: ("人员", "编号"), Kind.CUSTODY: ("证件", "证件号码"), Kind.CASES: ("问题", "问题编号")}


@st.composite
def unit_docs(draw: st.DrawFn, code: str = "srmyy") -> UnitDocs:
    """Any schema-valid set of one unit's files (rows that child rows name have unique keys)."""
    docs = UnitDocs(code)
    fixed = {"单位代码": code}
    for kind in (Kind.UNIT, Kind.ROSTER, Kind.CUSTODY, Kind.APPROVALS, Kind.CASES):
        if draw(st.booleans()):
            schema, base = root_schema(kind)
            data = draw(for_object(schema, base, fixed=fixed))
            if kind in KEYS:
                array, key = KEYS[kind]
                data[array] = _dedupe(data[array], key)
            docs.files[kind] = data
    schema, base = root_schema(Kind.REPORT)
    reports = draw(st.lists(for_object(schema, base, fixed=fixed), max_size=3, unique_by=lambda r: r["编号"]))
    for report in reports:
        docs.reports[report_rel(code, report["编号"], report["姓名"])] = report
    return docs
