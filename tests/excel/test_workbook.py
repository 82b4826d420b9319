"""The workbook follows the schemas: every field has a column, every enum a drop-down, dates and
numbers-as-text have the right formats, headers are frozen, and the 填表说明 uses the campaign's dates."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from privtravel.diagnostics import Result
from privtravel.excel import textlines, unitdocs, workbook_write
from privtravel.excel.layout import KINDS, UNIT_CODE, layout
from privtravel.excel.save import save
from privtravel.excel.schema_walk import FieldType, base_of, fields, root_schema
from privtravel.load import repository
from privtravel.load.layout import Kind

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def schema_leaves(kind: Kind) -> set[tuple[str, ...]]:
    """Every (array…, field…) path of a kind that holds a value, walked from the schema."""
    out: set[tuple[str, ...]] = set()

    def walk(schema: dict[str, object], base: str, prefix: tuple[str, ...]) -> None:
        for info in fields(schema, base):  # type: ignore[arg-type]
            path = (*prefix, info.name)
            if info.type in (FieldType.GROUP, FieldType.CHILD):
                assert info.schema is not None
                walk(info.schema, base_of(info.schema, base), path)
            elif not (prefix == () and info.name == UNIT_CODE):
                out.add(path)

    walk(*root_schema(kind), ())
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_field_has_exactly_one_column(kind: Kind) -> None:
    columns: list[tuple[str, ...]] = []
    for sheet in layout().of_kind(kind):
        for column in sheet.columns:
            if column.parent_key or (column.option is not None and column.option != column.field.options[0]):
                continue
            if sheet.spec.form and column.path == (UNIT_CODE,):
                continue
            columns.append((*sheet.spec.array, *column.path))
    assert sorted(columns) == sorted(schema_leaves(kind))


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> object:
    campaign = repository.load_campaign(MINI, Result())
    assert campaign is not None
    docs, _ = unitdocs.load(MINI, "srmyy", 10**6)
    path = tmp_path_factory.mktemp("wb") / "srmyy.xlsx"
    save(workbook_write.build(campaign, "绍兴市人民医院", docs), path, dt.datetime(2019, 6, 10))
    return load_workbook(path)


def test_sheets_in_order_with_the_guide_first_and_options_hidden(book: object) -> None:
    names = book.sheetnames  # type: ignore[attr-defined]
    assert names == ["填表说明", *(s.name for s in layout().sheets), "取值"]
    assert book["取值"].sheet_state == "hidden"  # type: ignore[index]


def test_every_choice_column_has_a_drop_down_with_the_schema_values(book: object) -> None:
    options = book["取值"]  # type: ignore[index]
    checked = 0
    for sheet in layout().sheets:
        if sheet.spec.form:
            continue
        ws = book[sheet.name]  # type: ignore[index]
        for i, column in enumerate(sheet.columns, start=1):
            if column.option is not None:
                expected: tuple[str, ...] = ("是",)
            elif column.field.type is FieldType.ENUM:
                expected = column.field.options
            elif column.field.type is FieldType.BOOL:
                expected = ("是", "否")
            else:
                continue
            letter = get_column_letter(i)
            found = [
                dv
                for dv in ws.data_validations.dataValidation
                if f"{letter}{workbook_write.FIRST_ROW}" in dv.sqref
            ]
            assert len(found) == 1, (sheet.name, column.label)
            ref = found[0].formula1.split("!")[1].replace("$", "")
            values = tuple(c.value for row in options[ref] for c in row)
            assert values == expected, (sheet.name, column.label)
            checked += 1
    assert checked > 30


def test_formats_frozen_headers_and_help(book: object) -> None:
    ws = book["证件"]  # type: ignore[index]
    sheet = layout().sheet("证件")
    letters = {c.label: get_column_letter(i) for i, c in enumerate(sheet.columns, start=1)}
    assert ws.freeze_panes == "B4"
    assert ws[f"{letters['签发日期']}4"].number_format == "[<=2958465]yyyy-mm-dd;0"
    assert isinstance(ws[f"{letters['签发日期']}4"].value, dt.datetime)
    assert ws[f"{letters['证件号码']}4"].number_format == "@"
    assert ws.column_dimensions[letters["证件号码"]].number_format == "@"  # for rows typed later too
    header = ws[f"{letters['证件号码']}2"]
    assert header.value == "证件号码" and "E12345678" in header.comment.text and "必填" in header.comment.text


def test_guide_quotes_the_notice_with_the_campaign_dates(book: object) -> None:
    text = "".join(str(c.value) for row in book["填表说明"] for c in row if c.value)  # type: ignore[index]
    assert "6月10日前，各单位组织本单位在职国家工作人员填报" in text
    assert "2016年1月1日以来因私出国（境）情况" in text
    assert "填报时的有效证件及2018年1月1日以后失效的证件" in text
    assert "每月25日前" in text
    assert "零报告" in text and "无需填报" in text


def test_no_guide_line_starts_with_closing_punctuation(book: object) -> None:
    lines = [str(c.value) for row in book["填表说明"] for c in row if c.value]  # type: ignore[index]
    assert len(lines) > 20
    assert not [line for line in lines if line[0] in textlines.NO_LINE_START], lines
    assert textlines.split_lines("一二三四五。六七", 10) == ["一二三四五。", "六七"]
    assert textlines.split_lines("一二三四（五六七", 10) == ["一二三四", "（五六七"]


def test_every_drop_down_refuses_other_values(book: object) -> None:
    found = 0
    for ws in book.worksheets:  # type: ignore[attr-defined]
        for dv in ws.data_validations.dataValidation:
            assert dv.showErrorMessage and dv.errorStyle == "stop" and "下拉列表" in dv.error, (
                ws.title,
                dv.sqref,
            )
            found += 1
    form = book["单位基本情况"]  # type: ignore[index]
    assert form.data_validations.dataValidation, "the form's 专柜/造册登记 have drop-downs"
    assert found > 30


def test_saved_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    save(workbook_write.Workbook(), target, dt.datetime(2019, 6, 10))
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
