"""Each kind of mistake in a hand-filled table is refused at its cell (文件!单元格) with its code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from privtravel import cli
from privtravel.export import json as json_export
from privtravel.rollup import config, members
from privtravel.rollup.grid import HAND_FILLED
from tests.rollup import handfill
from tests.rollup.conftest import Demo, MakeRollup

ROWS3 = [
    [
        1,
        "甲医院",
        100,
        20,
        18,
        0,
        15,
        2,
        1,
        12,
        10,
        6,
        3,
        1,
        "是",
        "《甲医院干部因私出国（境）管理办法》（2017年3月1日出台）",
    ],
    [2, "乙医院", 50, 10, 10, 1, 8, 1, 0, 6, 6, 3, 3, 0, "否", None],
    [None, "某区小计", 150, 30, 28, 1, 23, 3, 1, 18, 16, 9, 6, 1, 1, None],
    [None, "合计", 150, 30, 28, 1, 23, 3, 1, 18, 16, 9, 6, 1, 1, None],
]
ROWS2 = [
    [1, "甲医院", 2, 3, 1, 0, 1, 0, 1, 0, 0, 0, 2, 1, 1, 0, 0, 0, 0, 0],
    [2, "乙医院", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [None, "某区小计", 3, 3, 1, 0, 1, 0, 1, 0, 0, 0, 2, 1, 1, 0, 0, 0, 0, 0],
    [None, "合计", 3, 3, 1, 0, 1, 0, 1, 0, 0, 0, 2, 1, 1, 0, 0, 0, 0, 0],
]
MEMBER = [("szs", "嵊州市", "县（市）", "表格")]
FILE = "members/szs/统计表.xlsx"

Spoil = Callable[[Workbook], None]


def found(make_rollup: MakeRollup, data: bytes, path: str = FILE) -> set[tuple[str, str]]:
    root = make_rollup(
        MEMBER if path.endswith("xlsx") else [("szs", "嵊州市", "县（市）", "json")], {path: data}
    )
    gathered = members.gather(root, config.load(root))
    return {(d.code, d.field) for d in gathered.diagnostics}


def spoiled(tmp_path: Path, spoil: Spoil, rows3: list[list[object]] | None = None) -> bytes:
    wb = handfill.workbook({"附件2": ROWS2, "附件3": rows3 or ROWS3})
    spoil(wb)
    return handfill.save(wb, tmp_path / "x.xlsx").read_bytes()


def put(sheet: str, cell: str, value: object) -> Spoil:
    def spoil(wb: Workbook) -> None:
        wb[sheet][cell] = value

    return spoil


def test_the_clean_table_passes(make_rollup: MakeRollup, tmp_path: Path) -> None:
    assert found(make_rollup, spoiled(tmp_path, lambda wb: None)) == set()


CASES = [
    ("header", put("附件3", "E5", "实收数"), "T103", "附件3!E5"),
    ("extra column", put("附件2", "U5", "备注"), "T103", "附件2!U5"),
    ("text", put("附件3", "D7", "20人"), "T104", "附件3!D7"),
    ("number as text", put("附件3", "D7", "20"), "T104", "附件3!D7"),
    ("blank", put("附件2", "Q8", None), "T104", "附件2!Q8"),
    ("formula never calculated", put("附件3", "C8", "=25*2"), "T104", "附件3!C8"),
    ("decimal", put("附件2", "D7", 2.5), "T104", "附件2!D7"),
    ("a note right of the table", put("附件3", "Q8", "张三 E12345678"), "T116", "附件3!Q8"),
    (
        "a sheet of persons",
        lambda wb: wb.create_sheet("人员名单").append(["张三", "E12345678"]),
        "T116",
        "人员名单",
    ),
    ("negative", put("附件2", "C8", -1), "T105", "附件2!C8"),
    ("merged data cells", lambda wb: wb["附件3"].merge_cells("C7:C8"), "T106", "附件3!C7:C8"),
    ("odd header merge", lambda wb: wb["附件3"].merge_cells("F6:G6"), "T106", "附件3!F6:G6"),
    ("小计", put("附件3", "D9", 31), "T107", "附件3!D9"),
    ("合计", put("附件2", "D10", 4), "T108", "附件2!D10"),
    ("合计 of 是否建立", put("附件3", "O10", 2), "T108", "附件3!O10"),
    ("row without a name", put("附件2", "B8", None), "T109", "附件2!B8"),
    ("实备 > 应备", put("附件3", "E8", 12), "T201", "附件3!E8"),
    ("four categories", put("附件3", "G7", 14), "T202", "附件3!E7"),
    ("实收 > 应收", put("附件3", "K8", 7), "T203", "附件3!K8"),
    ("three document types", put("附件3", "L7", 5), "T204", "附件3!K7"),
    ("fewer 人次 than people", put("附件2", "M7", 3), "T205", "附件2!M7"),
    ("人次 without people", put("附件2", "N8", 1), "T206", "附件2!M8"),
    ("是否 not 是/否", put("附件3", "O7", "有"), "T207", "附件3!O7"),
    ("是 without a rule", put("附件3", "P7", None), "T207", "附件3!P7"),
    ("否 with a rule", put("附件3", "P8", "《乙医院管理办法》"), "T207", "附件3!O8"),
    ("more unapproved trips than people", put("附件2", "I8", 1), "T208", "附件2!I8"),
]


@pytest.mark.parametrize(("spoil", "code", "cell"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_is_named_at_its_cell(
    make_rollup: MakeRollup, tmp_path: Path, spoil: Spoil, code: str, cell: str
) -> None:
    problems = found(make_rollup, spoiled(tmp_path, spoil))
    assert (code, cell) in problems, problems


def test_documents_due_without_anyone_to_register(make_rollup: MakeRollup, tmp_path: Path) -> None:
    rows3 = [[1, "丙中心", 5, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, "否", None]]
    rows2 = [[1, "丙中心", *([0] * 18)]]
    wb = handfill.workbook({"附件2": rows2, "附件3": rows3})
    assert ("T209", "附件3!J7") in found(make_rollup, handfill.save(wb, tmp_path / "y.xlsx").read_bytes())


def test_a_refused_member_is_shown_as_such_never_as_zero(make_rollup: MakeRollup, tmp_path: Path) -> None:
    root = make_rollup(MEMBER, {FILE: spoiled(tmp_path, put("附件3", "D7", "二十"))})
    assert cli.main(["--root", str(root), "rollup", "check"]) == 1
    from privtravel.rollup import table

    stats = table.statistics(root, members.gather(root, config.load(root)))
    row = stats.fj3.row("szs")
    assert row.note == "有错误，未计入" and {c.value for c in row.cells.values()} == {None}


def test_not_a_workbook_and_a_missing_sheet(make_rollup: MakeRollup, tmp_path: Path) -> None:
    assert {c for c, _ in found(make_rollup, b"PK\x03\x04 not really")} == {"T101"}
    assert {c for c, _ in found(make_rollup, "序号,名称\n".encode("gbk"))} == {"T101"}

    def rename(wb: Workbook) -> None:
        wb["附件3"].title = "Sheet1"

    assert found(make_rollup, spoiled(tmp_path, rename)) == set()  # found by its title

    def rename_and_retitle(wb: Workbook) -> None:
        wb["附件3"]["A2"] = "统计表"
        wb["附件3"].title = "Sheet1"

    assert ("T102", "附件3") in found(make_rollup, spoiled(tmp_path, rename_and_retitle))


def test_check_prints_file_and_cell(
    make_rollup: MakeRollup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_rollup(MEMBER, {FILE: spoiled(tmp_path, put("附件3", "D7", "20人"))})
    assert cli.main(["--root", str(root), "rollup", "check"]) == 1
    out = capsys.readouterr().out
    assert "members/szs/统计表.xlsx!附件3!D7: T104 错误 「应备数」写的是文字「20人」，应只填一个整数" in out


def test_published_json_problems(demos: list[Demo], make_rollup: MakeRollup) -> None:
    path = "members/szs/统计表.json"
    stats = demos[0].stats
    with_persons = json_export.document(stats, None)
    assert ("T111", "来源") in found(make_rollup, with_persons, path)
    assert {c for c, _ in found(make_rollup, b'{"x": 1}', path)} == {"T110"}
    assert {c for c, _ in found(make_rollup, b"{", path)} == {"T101"}
    doc = json.loads(demos[0].published)
    doc["违规问题计数"] = "起数"
    doc["尚未报送单位"] = ["某医院"]
    doc["表"][1]["列"][4]["表头"] = ["登记备案数情况", "实收数"]
    problems = found(make_rollup, json.dumps(doc, ensure_ascii=False).encode(), path)
    assert {("T113", "违规问题计数"), ("T114", "尚未报送单位"), ("T103", "附件3!列第5项")} <= problems
    del doc["数据版本"]
    doc["表"][1]["列"][4]["表头"] = ["登记备案数情况", "实备数"]
    doc["表"][0]["行"][0]["数值"]["new_registered"] = -3
    problems = found(make_rollup, json.dumps(doc, ensure_ascii=False).encode(), path)
    label = doc["表"][0]["行"][0]["地区、单位（部门）"]
    assert ("T110", "数据版本") in problems
    assert ("T105", f"附件2!{label}!新增登记备案人数") in problems


def test_files_in_the_wrong_place(demos: list[Demo], make_rollup: MakeRollup) -> None:
    root = make_rollup(
        [("ycq", "越城区", "区", "json")],
        {"members/ycq/统计表.xlsx": b"x", "members/nobody/统计表.json": demos[0].published},
    )
    gathered = members.gather(root, config.load(root))
    assert {(d.code, d.path) for d in gathered.diagnostics} == {
        ("T112", "members/ycq/统计表.xlsx"),
        ("T112", "members/nobody"),
    }
    assert gathered.states[0].status == "有错误"


def test_rollup_yaml_contradictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.rollup.conftest import config_text

    text = config_text([("a1", "甲区", "区", "json"), ("a1", "乙区", "县", "json")], ["区"])
    (tmp_path / "rollup.yaml").write_text(text, encoding="utf-8")
    assert cli.main(["--root", str(tmp_path), "rollup", "check"]) == 2
    err = capsys.readouterr().err
    assert "T115" in err and "乙区" in err and "代码「a1」重复" in err


def test_the_tool_own_workbook_counts_by_its_own_rule(make_rollup: MakeRollup, tmp_path: Path) -> None:
    """The tool's workbook (with its 统计口径 sheet) may count more registered persons and kept documents by
    category than 实备数 and 实收数 (still registered or kept though no longer due), never fewer."""

    def made_by_tool(wb: Workbook, *spoils: Spoil) -> bytes:
        wb.create_sheet("统计口径")
        for spoil in spoils:
            spoil(wb)
        return handfill.save(wb, tmp_path / "t.xlsx").read_bytes()

    more = (put("附件3", "G7", 16), put("附件3", "G9", 24), put("附件3", "G10", 24))
    fewer = (put("附件3", "G7", 14), put("附件3", "G9", 22), put("附件3", "G10", 22))
    assert (
        found(make_rollup, made_by_tool(handfill.workbook({"附件2": ROWS2, "附件3": ROWS3}), *more)) == set()
    )
    problems = found(make_rollup, made_by_tool(handfill.workbook({"附件2": ROWS2, "附件3": ROWS3}), *fewer))
    every_row = {("T202", "附件3!E7"), ("T202", "附件3!E9"), ("T202", "附件3!E10")}
    assert problems == every_row
    hand = handfill.workbook({"附件2": ROWS2, "附件3": ROWS3})
    for spoil in more:
        spoil(hand)
    assert found(make_rollup, handfill.save(hand, tmp_path / "h.xlsx").read_bytes()) == every_row


def test_the_tool_blank_filled_by_hand_counts_by_the_notice(make_rollup: MakeRollup, tmp_path: Path) -> None:
    """``rollup template``'s blank also has a 统计口径 sheet, but its figures are typed by hand: 「等于」 holds."""
    wb = handfill.workbook({"附件2": ROWS2, "附件3": ROWS3})
    facts = wb.create_sheet("统计口径")
    facts["A2"], facts["B2"] = "计算方法", f"{HAND_FILLED}，填好后提交到汇总仓库的 members/<成员代码>/ 下"
    for spoil in (put("附件3", "G7", 16), put("附件3", "G9", 24), put("附件3", "G10", 24)):
        spoil(wb)
    every_row = {("T202", "附件3!E7"), ("T202", "附件3!E9"), ("T202", "附件3!E10")}
    assert found(make_rollup, handfill.save(wb, tmp_path / "b.xlsx").read_bytes()) == every_row
