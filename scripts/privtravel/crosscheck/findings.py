"""A finding: one situation the cross-check found, with its stable key and masked evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from privtravel.crosscheck.catalog import FINDINGS, FindingCode
from privtravel.diagnostics import JsonPath, field_label
from privtravel.masking import document_number
from privtravel.model import Src
from privtravel.police.records import Row
from privtravel.report.locate import record_of


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str  # 公安出入境记录, 报告表, 审批, …
    text: str  # masked: never a full document or ID number
    path: str
    line: int = 0  # police rows: the row; declarations: found later from ``where``
    where: str = ""  # the field inside a declaration, e.g. 审批第2项
    json_path: JsonPath | None = None  # to find the declaration's line when it is shown
    record: tuple[int, int] = (0, 0)  # where its record starts (report/locate.py's hint)


def from_row(source: str, text: str, row: Row) -> Evidence:
    return Evidence(source, text, row.path, row.line)


def from_src(source: str, text: str, src: Src) -> Evidence:
    return Evidence(
        source, text, src.path, 0, field_label(src.where), src.where, record_of(src.line, src.where)
    )


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    key: str  # stable across runs: what a unit writes in 核查说明.yaml
    unit: str  # unit code; "" when the police data names someone no unit has registered
    person_id: str | None
    person_name: str
    message: str
    evidence: tuple[Evidence, ...]
    src: Src | None = None  # the declaration record the finding is about, if any (for its line)

    @property
    def info(self) -> FindingCode:
        return FINDINGS[self.code]


def day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def doc_tag(number: str) -> str:
    """A document in a key, as masking allows: the type letter and the last two characters."""
    masked = document_number(number)
    return masked[0] + masked[-2:]


def make_key(code: str, *parts: str) -> str:
    return "-".join((code, *parts))
