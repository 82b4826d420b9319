"""The printed 附件1: one person per page, laid out like the notice's form, pre-filled, to sign."""

from __future__ import annotations

from pathlib import Path

import pytest
from excel_helpers import cli
from openpyxl import load_workbook

from privtravel.diagnostics import Result
from privtravel.excel import form_print
from privtravel.load import repository


def texts(book: object) -> list[str]:
    return [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None]  # type: ignore[attr-defined]


def test_forms_one_page_per_person(campaign: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = campaign.parent / "forms.xlsx"
    status, text = cli(capsys, campaign, "forms", "srmyy", "--out", str(out))
    assert status == 0, text
    assert "3 份报告表" in text
    book = load_workbook(out)
    assert book.sheetnames == ["0001-赵明", "0002-钱芳", "0003-孙伟"]  # one sheet, one page, per person
    values = texts(book)
    assert values.count("国家工作人员持有因私出入境证件") == 3
    assert values.count("和因私出国（境）情况报告表") == 3
    for ws in book:
        assert (
            int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "portrait"
        )
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    for expected in ("赵明", "绍兴市人民医院 副院长", "E12345678", "2014.04.02 至 2024.04.01", "委政治处",
                     "2018.02.10 至 2018.02.17", "日本", "配偶于 2016 年取得澳大利亚永久居留权。"):  # fmt: skip
        assert expected in values, expected
    assert any(v.startswith("零报告") for v in values)  # 孙伟 reported nothing: the form says so
    assert sum(v.startswith("填表说明：1.此表由本单位在职国家工作人员本人填写") for v in values) == 3
    assert sum("2018年1月1日以后失效的证件" in v for v in values) == 3
    assert values.count("本人郑重承诺，对上述填报内容的真实性和完整性负责，并自愿接受组织监督和查核。") == 3
    assert sum(v.startswith("本人签名：") and v.endswith("日") for v in values) == 3
    # the notice's form has 3 document lines and 4 trip lines even when fewer are filled
    assert values.count("至") == 3 * (3 + 4) - 2 - 2


def test_exempt_leaders_have_no_form_and_named_people_only(
    campaign: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = cli(capsys, campaign, "forms", "szyy", "--out", str(campaign.parent / "f.xlsx"))
    assert status == 2 and "没有需要打印的报告表" in text
    out = campaign.parent / "one.xlsx"
    status, text = cli(capsys, campaign, "forms", "srmyy", "0002", "--out", str(out))
    assert status == 0
    values = texts(load_workbook(out))
    assert "钱芳" in values and "赵明" not in values
    status, text = cli(capsys, campaign, "forms", "srmyy", "0099")
    assert status == 2 and "0099" in text


def test_a_long_form_continues_on_named_numbered_pages_and_is_signed_once() -> None:
    campaign = repository.load_campaign(Path(__file__).parents[1] / "fixtures" / "mini", Result())
    assert campaign is not None
    trip = {"出境日期": "2018-02-10", "入境日期": "2018-02-17", "所到国家（地区）": ["日本"], "事由": "旅游",
            "审批机构": "委政治处"}  # fmt: skip
    report = {"编号": "0009", "姓名": "周敏", "单位及职务": "绍兴市人民医院 护士", "报告类型": "个人报告",
              "出国境情况": [trip] * 30}  # fmt: skip
    laid = form_print.pages(report)
    assert len(laid) == 3
    assert sum(len(lines) for page in laid for name, lines in page if name == "trips") == 30
    assert len(form_print.pages({**report, "出国境情况": [trip] * 4})) == 1  # the notice's own form
    ws = form_print.build(campaign, [report]).active
    values = texts([ws])
    assert values.count("附件1（续页）") == 2 and values.count("周敏") == 3
    assert [v for v in values if v.startswith("第")] == ["第1页，共3页", "第2页，共3页", "第3页，共3页"]
    assert values.count("本人因私出国(境)情况") == 3  # each page's table has its own header
    assert sum(v.startswith("本人签名：") for v in values) == 1
    assert len(ws.row_breaks.brk) == 2
