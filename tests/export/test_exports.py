"""The exports read back: the workbook with openpyxl, the CSV and JSON as text; byte-identical reruns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from campaign_builder import base, write
from openpyxl import load_workbook

from privtravel.cli import main
from privtravel.export import write_all
from privtravel.stats import from_repository, provenance

FULL_NUMBERS = ("E12345678", "CA1234567", "E22334455", "CB7654321", "L12345678")

FJ2_MERGED = {
    "A4:A6",
    "B4:B6",
    "C4:D4",
    "F4:T4",
    "C5:C6",
    "D5:D6",
    "E5:E6",
    "F5:F6",
    "G5:G6",
    "H5:H6",
    "I5:I6",
    "J5:J6",
    "K5:K6",
    "L5:L6",
    "M5:M6",
    "N5:T5",
}
FJ3_MERGED = {
    "A4:A6",
    "B4:B6",
    "C4:I4",
    "J4:N4",
    "O4:P4",
    "C5:C6",
    "D5:D6",
    "E5:E6",
    "F5:I5",
    "J5:J6",
    "K5:K6",
    "L5:N5",
    "O5:O6",
    "P5:P6",
}


def git(root: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "测试",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "测试",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
        "GIT_COMMITTER_DATE": "2019-07-03T10:00:00+08:00",
        "GIT_AUTHOR_DATE": "2019-07-03T10:00:00+08:00",
    }
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = write(base(), tmp_path / "campaign")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "填报")
    return root


def export(root: Path, out: Path, *args: str) -> int:
    return main(["--root", str(root), "stats", "--out", str(out), *args])


def text(cell: object) -> str:
    """A header as one line (the workbook breaks long headers into lines)."""
    return str(cell.value).replace("\n", "")  # type: ignore[attr-defined]


def merged(ws: object) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}  # type: ignore[attr-defined]


def test_workbook_layout_values_and_print_settings(repo: Path, tmp_path: Path) -> None:
    assert export(repo, tmp_path / "out", "--filled-on", "2019-07-04") == 0
    wb = load_workbook(tmp_path / "out" / "统计表.xlsx")
    assert wb.sheetnames == ["附件2", "附件3", "统计口径"]
    ws2, ws3 = wb["附件2"], wb["附件3"]
    assert ws2["A1"].value == "附件2"
    assert ws2["A2"].value == "干部因私出国（境）专项整治工作情况汇总统计表"
    assert ws2["A3"].value == "填表单位（盖章）：测试委员会"
    assert ws2.cell(3, 14).value == "填表时间：2019年7月4日"  # as given on the command line
    assert merged(ws2) - {"A2:T2", "A3:M3", "N3:T3", "A13:T13", "A14:T14"} == FJ2_MERGED
    assert merged(ws3) - {"A2:P2", "A3:J3", "K3:P3", "A13:P13", "A14:P14"} == FJ3_MERGED
    assert [text(ws2.cell(4, c)) for c in (1, 2, 3, 5, 6)] == [
        "序号",
        "地区、单位（部门）",
        "组织开展情况",
        "问题排查情况",
        "违规违纪问题处理情况",
    ]
    assert [text(ws2.cell(5, c)) for c in range(3, 15)] == [
        "新增登记备案人数",
        "新收缴证件数(本)",
        "2016年1月1日以来未经审批出国（境）人数",
        "违规办理因私证照",
        "违规持有因私证照",
        "瞒报持有因私证照",
        "未经批准擅自出国(境)",
        "未按审批要求出国境",
        "瞒报出国境情况",
        "出国境审批事项把关不严",
        "处理人数",
        "处理方式（人次）",
    ]
    assert [text(ws2.cell(6, c)) for c in range(14, 21)] == [
        "批评教育",
        "诫勉",
        "调离岗位",
        "责令辞职",
        "免职",
        "降职",
        "移交纪检监察机关",
    ]
    assert [text(ws3.cell(5, c)) for c in (3, 4, 5, 6, 10, 11, 12, 15, 16)] == [
        "国家工作人员总数",
        "应备数",
        "实备数",
        "实际登记备案人数",
        "应收数",
        "实收数",
        "因私证件集中保管情况",
        "是否建立相关制度（是/否）",
        "制度名称及出台时间",
    ]
    assert [text(ws3.cell(6, c)) for c in (6, 7, 8, 9, 12, 13, 14)] == [
        "退休满1年的市管干部",
        "本地本单位管理的人员",
        "下属单位管理的人员",
        "其他人员",
        "因私护照",
        "往来港澳通行证",
        "大陆居民往来台湾通行证",
    ]
    rows = [[c.value for c in r] for r in ws3.iter_rows(min_row=7, max_row=11)]
    assert rows[0][:16] == [
        1,
        "甲一医院",
        10,
        5,
        4,
        1,
        2,
        1,
        1,
        3,
        2,
        2,
        1,
        0,
        "是",
        "《甲一医院因私出国（境）管理办法》（2018年5月20日出台）",
    ]
    assert rows[2][:3] == [None, "甲地区小计", 13]
    assert [r[1] for r in rows] == ["甲一医院", "甲二医院", "甲地区小计", "乙一中心", "乙地区小计"]
    assert ws3["B13"].value is None and ws3["A13"].value == "注：此表请于7月5日前上报。"
    assert ws3.cell(11, 2).value == "乙地区小计"
    total = [c.value for c in next(ws2.iter_rows(min_row=12, max_row=12))]
    assert total[1] == "合计" and total[2:5] == [1, 1, 1]
    for ws in (ws2, ws3):
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$4:$6"
        assert ws["B7"].font.name == "宋体"
    definitions = [r[3] for r in wb["统计口径"].iter_rows(values_only=True) if r[0] in ("附件2", "附件3")]
    assert len(definitions) == 36 and all(definitions)


def test_single_unit_workbook_has_the_unit_footer(repo: Path, tmp_path: Path) -> None:
    assert export(repo, tmp_path / "out", "--unit", "a1") == 0
    ws = load_workbook(tmp_path / "out" / "统计表.xlsx")["附件2"]
    assert ws["A3"].value == "填表单位（盖章）：甲一医院"
    assert [c.value for c in ws[7]][:3] == [1, "甲一医院", 1]
    assert ws["A8"].value == "注：此表请于7月5日前上报。"
    assert ws["A9"].value.split() == ["填表人：王丽", "联系电话：0575-88559001", "审核人：陈建国"]


def test_csv_has_bom_one_header_row_and_every_row(repo: Path, tmp_path: Path) -> None:
    assert export(repo, tmp_path / "out") == 0
    raw = (tmp_path / "out" / "附件2.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows[0]) == 20
    assert rows[0][2] == "组织开展情况-新增登记备案人数"
    assert rows[0][19] == "违规违纪问题处理情况-处理方式（人次）-移交纪检监察机关"
    assert [r[1] for r in rows[1:]] == [
        "甲一医院",
        "甲二医院",
        "甲地区小计",
        "乙一中心",
        "乙地区小计",
        "合计",
    ]
    assert rows[1][:5] == ["1", "甲一医院", "1", "1", "1"]
    assert len(next(csv.reader(io.StringIO((tmp_path / "out" / "附件3.csv").read_text("utf-8-sig"))))) == 16


def test_json_carries_commit_definitions_and_provenance(repo: Path, tmp_path: Path) -> None:
    assert export(repo, tmp_path / "out") == 0
    data = json.loads((tmp_path / "out" / "统计表.json").read_text("utf-8"))
    assert data["数据版本"]["提交"] == git(repo, "rev-parse", "HEAD").strip()
    assert data["数据版本"]["工作区有未提交的改动"] is False
    fj3 = data["表"][1]
    assert len(fj3["列"]) == 16 and all(c["统计口径"] for c in fj3["列"])
    a1 = fj3["行"][0]
    sources = a1["来源"]["collected"]
    assert a1["数值"]["collected"] == len(sources) == 2
    assert {s["编号"] for s in sources} == {"0001", "0005"}
    register = next(s for s in sources if s["编号"] == "0001")
    assert register["文件"] == "submissions/a1/证件保管.yaml" and register["位置"] == "证件第1项"
    text = (repo / register["文件"]).read_text("utf-8").splitlines()
    assert "编号: '0001'" in text[register["行"] - 1]
    assert fj3["行"][2]["由以下行相加"] == ["a1", "a2"]


@pytest.mark.parametrize("numbers_in_text", [True, False])
def test_json_made_a_row_at_a_time_is_the_dump_of_the_whole(repo: Path, numbers_in_text: bool) -> None:
    from privtravel import masking
    from privtravel.export import json as json_export

    if numbers_in_text:  # a number typed into free text that the tables quote: every string is masked
        unit = repo / "submissions/a1/单位.yaml"
        text = unit.read_text(encoding="utf-8").replace("管理办法", "管理办法（见E12345678）", 1)
        unit.write_text(text, encoding="utf-8")
    _, stats = from_repository(repo)
    assert stats is not None
    lines = provenance.lines(repo, provenance.refs(stats))
    whole = json_export.as_dict_all(stats, lines)
    plain = json.dumps(whole, ensure_ascii=False, separators=(",", ":"))
    expected = json.dumps(masking.mask_strings(whole), ensure_ascii=False, separators=(",", ":"))
    assert (expected != plain) is numbers_in_text
    pieces = json_export.chunks(stats, lines)
    assert len(pieces) > 5 and b"".join(pieces) == (expected + "\n").encode("utf-8")
    assert json_export.document(stats, lines) == b"".join(pieces)


def test_no_full_document_or_id_number_in_any_export(repo: Path, tmp_path: Path) -> None:
    assert export(repo, tmp_path / "out") == 0
    blobs = []
    for path in (tmp_path / "out").iterdir():
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                blobs += [z.read(n).decode("utf-8") for n in z.namelist()]
        else:
            blobs.append(path.read_bytes().decode("utf-8-sig"))
    joined = "\n".join(blobs)
    for number in FULL_NUMBERS:
        assert number not in joined
    assert "E******78" in joined
    assert "330602" not in joined


def test_same_commit_gives_byte_identical_exports(repo: Path, tmp_path: Path) -> None:
    assert export(repo, tmp_path / "one") == 0
    assert export(repo, tmp_path / "two") == 0
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert set(names) == {"附件2.csv", "附件3.csv", "统计表.json", "统计表.xlsx"}
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    with zipfile.ZipFile(tmp_path / "one" / "统计表.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2019, 7, 3, 10, 0, 0)}
        assert "2019-07-03T02:00:00Z" in z.read("docProps/core.xml").decode()


def test_dirty_tree_and_no_git_are_said(repo: Path, tmp_path: Path) -> None:
    path = repo / "submissions/a1/单位.yaml"
    path.write_text(path.read_text("utf-8").replace("国家工作人员总数: 10", "国家工作人员总数: 12"), "utf-8")
    _, stats = from_repository(repo)
    assert stats is not None and stats.version.dirty
    assert "工作区有未提交的改动" in stats.version.describe()
    plain = write(base(), tmp_path / "plain")
    _, stats = from_repository(plain)
    assert stats is not None and stats.version.commit is None
    assert "不是 git 仓库" in stats.version.describe()
    written = write_all(stats, tmp_path / "plain-out", provenance.lines(plain, provenance.refs(stats)))
    ws = load_workbook(written[0])["附件2"]
    today = dt.date.today()  # no date given: the day the tables are produced
    assert ws.cell(3, 14).value == f"填表时间：{today.year}年{today.month}月{today.day}日"


def test_an_interrupted_export_leaves_the_previous_tables_whole(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert export(repo, out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    report = next((repo / "submissions").rglob("报告/*.yaml"))
    report.write_text(report.read_text(encoding="utf-8") + "# 改过\n", encoding="utf-8")
    real, calls = os.replace, [0]

    def power_cut(*args: Any) -> None:
        calls[0] += 1
        if calls[0] == 3:  # the third of the four tables moving into place
            raise KeyboardInterrupt
        real(*args)

    monkeypatch.setattr(os, "replace", power_cut)
    assert export(repo, out) != 0
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # all old: none half new
