"""Both tables as JSON, with the 统计口径 of every column and the provenance of every figure."""

from __future__ import annotations

import json as _json
from collections.abc import Iterator
from typing import IO, Any

from privtravel import masking
from privtravel.stats.compute import Statistics
from privtravel.stats.provenance import Lines, as_dict
from privtravel.stats.table import Row, RowKind, Table


def version(stats: Statistics) -> dict[str, Any]:
    v = stats.version
    return {
        "提交": v.commit,
        "提交时间": v.committed.isoformat() if v.committed else None,
        "工作区有未提交的改动": v.dirty,
        "说明": v.describe(),
    }


def _row(row: Row, t: Table, lines: Lines | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "行类型": row.kind.value,
        "序号": row.number,
        "地区、单位（部门）": row.label,
        "单位代码": row.id if row.kind is RowKind.UNIT else None,
        "地区": row.region,
        "备注": row.note,
        "数值": {c.key: row.cells[c.key].value for c in t.spec.data_columns},
    }
    if row.kind is RowKind.UNIT:
        out["来源"] = {
            c.key: [as_dict(ref, lines) for ref in row.cells[c.key].refs] for c in t.spec.data_columns
        }
    else:
        out["由以下行相加"] = list(row.adds)
    return out


def _table_head(t: Table) -> dict[str, Any]:
    return {
        "附件": t.spec.attachment,
        "表名": t.spec.title,
        "列": [
            {"键": c.key, "表头": list(c.path), "计量单位": c.measure, "统计口径": c.definition}
            for c in t.spec.columns
        ],
    }


def tables(stats: Statistics, lines: Lines | None) -> list[dict[str, Any]]:
    return [_table_head(t) | {"行": [_row(row, t, lines) for row in t.rows]} for t in stats.tables]


def _head(stats: Statistics) -> dict[str, Any]:
    o = stats.options
    return {
        "专项整治": stats.campaign.name,
        "范围": stats.scope.describe(),
        "统计截止日期": o.as_of.isoformat(),
        "组织开展起算日期": o.since.isoformat(),
        "出国境起算日期": o.trips_since.isoformat(),
        "违规问题计数": o.cases_by,
        "实备以": o.registered_by,
        "处理人数含责任追究": o.accountable_handled,
        "数据版本": version(stats),
        "尚未报送单位": list(stats.not_submitted),
        "填表单位": stats.footer.unit,
    }


def as_dict_all(stats: Statistics, lines: Lines | None = None) -> dict[str, Any]:
    return _head(stats) | {"表": tables(stats, lines)}


def document(stats: Statistics, lines: Lines | None = None) -> bytes:
    return b"".join(chunks(stats, lines))


def write(stats: Statistics, lines: Lines | None, stream: IO[bytes]) -> None:
    for chunk in chunks(stats, lines):
        stream.write(chunk)


def chunks(stats: Statistics, lines: Lines | None = None) -> list[bytes]:
    """``json.dumps(as_dict_all(stats, lines))``, compact, and encoded, in pieces: made a row at a
    time, since the whole tree of a province's provenance (a dict per counted record) took five
    times the document's size.  Compact: with ``indent`` the json module falls back to its
    pure-Python encoder, which took tens of seconds on a province's provenance.
    Free text (names, 制度名称, records) may hold a number: then every string is masked."""
    out: list[bytes] = []
    for text in _texts(stats, lines, masked=False):
        if masking.find(text):
            return [text.encode("utf-8") for text in _texts(stats, lines, masked=True)]
        out.append(text.encode("utf-8"))
    return out


def _texts(stats: Statistics, lines: Lines | None, *, masked: bool) -> Iterator[str]:
    """The pieces of the document's text; joined, they are the dump of ``as_dict_all``."""
    yield _dumps(_head(stats), masked)[:-1] + ',"表":['  # the head is never empty: "{…" + ","
    for i, t in enumerate(stats.tables):
        yield ("," if i else "") + _dumps(_table_head(t), masked)[:-1] + ',"行":['
        for j, row in enumerate(t.rows):
            yield ("," if j else "") + _dumps(_row(row, t, lines), masked)
        yield "]}"
    yield "]}\n"


def _dumps(value: Any, masked: bool) -> str:
    return _json.dumps(
        masking.mask_strings(value) if masked else value, ensure_ascii=False, separators=(",", ":")
    )
