"""`privtravel template` / `export` / `import` on a real repository, with real workbooks."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from excel_helpers import cell, cli, column, form_cell, git_status
from openpyxl import load_workbook

from privtravel.excel.workbook_write import FIRST_ROW

SENSITIVE = ("证件号码", "公民身份号码", "联系电话")

SRMYY = "submissions/srmyy"


def export(capsys: pytest.CaptureFixture[str], root: Path, code: str = "srmyy") -> Path:
    out = root.parent / f"{code}.xlsx"
    status, text = cli(capsys, root, "export", code, "--out", str(out))
    assert status == 0, text
    return out


def edit(path: Path, change: Callable[[Any], None]) -> Path:
    book = load_workbook(path)
    change(book)
    book.save(path)
    return path


def test_export_then_import_changes_nothing(campaign_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for code in ("srmyy", "szyy", "sjkzx"):
        status, text = cli(capsys, campaign_repo, "import", str(export(capsys, campaign_repo, code)))
        assert status == 0, text
        assert "写入 0 个文件" in text
    assert git_status(campaign_repo) == ""


def test_import_into_an_empty_folder_writes_the_same_bytes(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = export(capsys, campaign_repo)
    for name in ("报告", "单位.yaml", "登记备案.yaml", "证件保管.yaml", "审批.yaml", "违规问题.yaml"):
        target = campaign_repo / SRMYY / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    status, text = cli(capsys, campaign_repo, "import", str(workbook), "--unit", "srmyy")
    assert status == 0, text
    # every file is byte-identical; the empty 违规问题.yaml is not re-created from an empty sheet
    assert git_status(campaign_repo).splitlines() == [f" D {SRMYY}/违规问题.yaml"]
    assert cli(capsys, campaign_repo, "check")[0] == 0


def test_one_changed_cell_changes_one_line_of_one_file(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(book: Any) -> None:
        book["出国（境）情况"][cell("出国（境）情况", "事由", 2)] = "探亲、访友"

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 0, text
    assert git_status(campaign_repo).strip() == f"M {SRMYY}/报告/0002-钱芳.yaml"
    diff = subprocess.run(["git", "diff", "-U0"], cwd=campaign_repo, capture_output=True, text=True).stdout
    assert "-    事由: 探亲\n+    事由: 探亲、访友\n" in diff


def test_removing_a_report_row_deletes_its_file_and_renaming_renames_it(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(book: Any) -> None:
        sheet = book["报告表"]
        sheet.delete_rows(FIRST_ROW + 2)  # 0003 孙伟
        sheet[cell("报告表", "姓名", 2)] = "钱芳芳"
        book["登记备案人员"][cell("登记备案人员", "姓名", 2)] = "钱芳芳"

    workbook = edit(export(capsys, campaign_repo), change)
    status, text = cli(capsys, campaign_repo, "import", str(workbook))
    assert status == 1, text  # a signed report goes only when asked for
    assert "「报告表」工作表少了 1 人，导入会删除他们本人签名的报告表文件：0003-孙伟。" in text
    assert "--remove" in text and git_status(campaign_repo) == ""
    status, text = cli(capsys, campaign_repo, "import", str(workbook), "--remove")
    assert status == 0, text
    assert f"删除 {SRMYY}/报告/0003-孙伟.yaml" in text
    assert not (campaign_repo / SRMYY / "报告/0003-孙伟.yaml").exists()
    assert not (campaign_repo / SRMYY / "报告/0002-钱芳.yaml").exists()
    assert "姓名: 钱芳芳" in (campaign_repo / SRMYY / "报告/0002-钱芳芳.yaml").read_text(encoding="utf-8")


def test_emptied_sheets_and_missing_ledger_rows_are_errors_naming_what_would_go(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(book: Any) -> None:
        for name in ("报告表", "登记备案变动", "证件保管"):
            sheet = book[name]
            sheet.delete_rows(FIRST_ROW, sheet.max_row)

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 1, text
    lines = [line for line in text.splitlines() if "导入会删除" in line]
    assert len(lines) == 4, text  # 证件领用: the loans of the document no longer in 证件保管
    reports = next(line for line in lines if line.startswith("「报告表」工作表"))
    assert "0001-赵明" in reports and "0003-孙伟" in reports
    assert any("0002 钱芳 的变动记录 2 条" in line for line in lines)
    custody = next(line for line in lines if line.startswith("「证件保管」工作表"))
    assert "******" in custody  # document numbers masked in the message
    assert git_status(campaign_repo) == ""


@pytest.mark.parametrize(
    ("typed", "date_cell"),
    [
        ("2019.6.5", False),
        ("2019年6月5日", False),
        ("2019/6/5", False),
        ("20190605", False),
        (20190605, False),
        (dt.datetime(2019, 6, 5), True),
        (20190605, True),  # typed into a date cell: Excel shows ####, LibreOffice #FMT; it is no day number
        ("2019.6.5", True),  # not taken for a date by the spreadsheet: kept as text
    ],
)
def test_dates_are_read_the_way_people_type_them(
    typed: object, date_cell: bool, campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(book: Any) -> None:
        target = book["报告表"][cell("报告表", "签名日期", 1)]
        target.value = typed
        target.number_format = "yyyy-mm-dd" if date_cell else "General"

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 0, text
    assert "Warning" not in text and "#VALUE" not in text
    assert "签名日期: 2019-06-05\n" in (campaign_repo / SRMYY / "报告/0001-赵明.yaml").read_text(
        encoding="utf-8"
    )


BAD_CELLS = [
    ("证件", "证件号码", 1, 12345678, "单元格里是数字"),
    ("登记备案人员", "公民身份号码", 1, 330602197003120310, "单元格里是数字"),
    ("登记备案人员", "人员编号", 1, 1, "单元格里是数字"),
    ("证件", "证件号码", 1, "e1234567", "格式不对"),
    ("报告表", "签名日期", 1, "2019-02-30", "不存在"),
    ("报告表", "签名日期", 1, "上周三", "看不懂的日期"),
    ("报告表", "签名日期", 1, 43621, "是一个数字，不是日期"),
    ("出国（境）情况", "出境日期", 1, dt.datetime(2018, 2, 10, 14, 30), "带有时间"),
    ("登记备案人员", "性别", 1, "男性", "是不是要写「男」"),
    ("证件", "证件类别", 1, "护照", "不在可选的取值中"),
    ("登记备案人员", "委管干部", 1, "对", "只能填「是」或「否」"),
    ("审批", "从严审查·机要档案岗位", 1, "x", "不属于的留空"),
    ("审批", "本年度第几次", 1, 1.5, "不是整数"),
    ("报告表", "单位及职务", 1, None, "「单位及职务」必须填写"),
    ("登记备案变动", "人员编号", 1, "0009", "没有人员编号「0009」的记录"),
    ("登记备案人员", "人员编号", 2, "0001", "重复"),
    ("报告表", "姓名", 1, "赵/明", "不能用于文件名"),
    ("出国（境）情况", "所到国家（地区）", 1, None, "至少要填写 1 项"),
]


@pytest.mark.parametrize(("sheet", "label", "record", "value", "expected"), BAD_CELLS)
def test_a_bad_cell_is_named_and_nothing_is_written(
    sheet: str,
    label: str,
    record: int,
    value: object,
    expected: str,
    campaign_repo: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def change(book: Any) -> None:
        target = book[sheet][cell(sheet, label, record)]
        target.value = value
        if not isinstance(value, dt.date):
            target.number_format = "General"

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 1
    lines = [line for line in text.splitlines() if line.startswith(f"{sheet}!{cell(sheet, label, record)}: ")]
    assert lines and expected in lines[0], text
    assert "没有写入任何文件" in text
    assert git_status(campaign_repo) == ""
    if label in SENSITIVE:
        assert str(value) not in text  # personal numbers are masked even when wrong


def test_every_bad_cell_is_reported_at_once(campaign_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(book: Any) -> None:
        book["单位基本情况"][form_cell("国家工作人员总数")] = "四"
        book["证件"][cell("证件", "有效期至")] = "2024-13-01"
        book["审批"][cell("审批", "纪检监察意见·意见", 2)] = None

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 1
    assert f"单位基本情况!{form_cell('国家工作人员总数')}: 错误 「国家工作人员总数」「四」不是整数" in text
    assert f"证件!{cell('证件', '有效期至')}: " in text
    assert f"审批!{cell('审批', '纪检监察意见·意见', 2)}: 错误 「纪检监察意见·意见」必须填写。" in text
    assert "3 个错误" in text


def test_rule_errors_point_at_cells_too(campaign_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(book: Any) -> None:
        book["出国（境）情况"][cell("出国（境）情况", "入境日期")] = dt.date(2018, 2, 1)

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 1
    assert f"出国（境）情况!{cell('出国（境）情况', '入境日期')}: R301 错误 入境日期早于出境日期。" in text
    assert git_status(campaign_repo) == ""


def test_warnings_do_not_stop_an_import(campaign_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, text = cli(capsys, campaign_repo, "import", str(export(capsys, campaign_repo, "szyy")))
    assert status == 0
    assert f"登记备案人员!{cell('登记备案人员', '人员编号', 2)}: R307 警告" in text


def test_a_changed_header_or_a_missing_sheet_is_refused(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(book: Any) -> None:
        book["证件"][f"{column('证件', '证件号码')}2"] = "证件号"
        del book["审批"]

    status, text = cli(capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)))
    assert status == 1
    assert f"证件!{column('证件', '证件号码')}2: 错误 无法识别的列「证件号」" in text
    assert "表格: 错误 缺少工作表「审批」" in text
    assert git_status(campaign_repo) == ""


def test_a_workbook_of_another_unit_is_refused(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = cli(capsys, campaign_repo, "import", str(export(capsys, campaign_repo)), "--unit", "szyy")
    assert status == 1
    assert f"单位基本情况!{form_cell('单位代码')}: 错误 这是单位「srmyy」的表格，不是「szyy」的" in text


def test_a_file_that_is_not_a_workbook_exits_2(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = campaign_repo.parent / "报告.xlsx"
    fake.write_text("姓名,证件号码\n", encoding="utf-8")
    status, text = cli(capsys, campaign_repo, "import", str(fake))
    assert status == 2
    assert "不是 .xlsx 表格" in text


def test_a_blank_template_filled_in_becomes_a_valid_unit(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(campaign_repo / "submissions/sjkzx")
    out = campaign_repo.parent / "blank.xlsx"
    status, text = cli(capsys, campaign_repo, "template", "sjkzx", "--out", str(out))
    assert status == 0 and "空白表格" in text

    def fill(book: Any) -> None:
        form = book["单位基本情况"]
        assert form[form_cell("单位名称")].value == "绍兴市疾病预防控制中心"
        for label, value in (
            ("国家工作人员总数", 1), ("证件保管·保管机构", "人事科"), ("证件保管·专人", "何静"),
            ("证件保管·专柜", "是"), ("填表人", "何静"), ("联系电话", "13800000000"), ("审核人", "吕志强"),
        ):  # fmt: skip
            form[form_cell(label)] = value
        people = book["登记备案人员"]
        for label, value in (
            ("人员编号", "01"), ("姓名", "陈刚"), ("性别", "男"), ("出生日期", "1975.12.30"),
            ("公民身份号码", "330602197512300570"), ("现任职务", "副主任"), ("登记备案类别", "本地本单位管理的人员"),
        ):  # fmt: skip
            people[cell("登记备案人员", label)] = value
        changes = book["登记备案变动"]
        changes[cell("登记备案变动", "人员编号")] = "01"
        changes[cell("登记备案变动", "日期")] = "2014年2月1日"
        changes[cell("登记备案变动", "变动类型")] = "新增"
        reports = book["报告表"]
        for label, value in (
            ("人员编号", "01"), ("姓名", "陈刚"), ("单位及职务", "绍兴市疾病预防控制中心 副主任"),
            ("报告类型", "零报告"), ("签名日期", "2019-06-03"), ("纸质报告表保管", "本单位"),
        ):  # fmt: skip
            reports[cell("报告表", label)] = value

    status, text = cli(capsys, campaign_repo, "import", str(edit(out, fill)))
    assert status == 0, text
    assert sorted(p.name for p in (campaign_repo / "submissions/sjkzx").rglob("*.yaml")) == [
        "01-陈刚.yaml", "单位.yaml", "登记备案.yaml",
    ]  # fmt: skip
    roster = (campaign_repo / "submissions/sjkzx/登记备案.yaml").read_text(encoding="utf-8")
    assert '公民身份号码: "330602197512300570"' in roster and "出生日期: 1975-12-30" in roster
    assert cli(capsys, campaign_repo, "check")[0] == 0


def test_template_refuses_a_unit_whose_files_have_errors(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = campaign_repo / SRMYY / "报告/0003-孙伟.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("报告类型: 零报告", "报告类型: 零"), encoding="utf-8"
    )
    status, text = cli(
        capsys, campaign_repo, "template", "srmyy", "--out", str(campaign_repo.parent / "x.xlsx")
    )
    assert status == 2
    assert "导入时会丢失" in text and "0003-孙伟.yaml" in text


def test_dry_run_writes_nothing(campaign_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(book: Any) -> None:
        book["出国（境）情况"][cell("出国（境）情况", "事由")] = "访友"

    status, text = cli(
        capsys, campaign_repo, "import", str(edit(export(capsys, campaign_repo), change)), "--dry-run"
    )
    assert status == 0 and f"将写入 {SRMYY}/报告/0001-赵明.yaml" in text
    assert git_status(campaign_repo) == ""


@pytest.mark.parametrize("suffix", [".ods", ".csv", ".xls", ".et"])
def test_other_formats_are_refused_in_chinese(
    suffix: str, campaign_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = campaign_repo.parent / f"填报表{suffix}"
    other.write_bytes(b"PK\x03\x04 not really")
    status, text = cli(capsys, campaign_repo, "import", str(other))
    assert status == 2  # cannot run at all: FatalError's exit code
    assert "另存为" in text and ".xlsx" in text
    assert not any(word in text for word in ("File", "Error", "zip", "Traceback")), text
