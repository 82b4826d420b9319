"""Three campaigns publish their JSON, a fourth member sends a hand-filled workbook: the roll-up's
合计 is the sum of the four members' 合计 computed straight from their declarations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from privtravel import cli
from privtravel.rollup import config, members, table
from privtravel.stats.compute import Statistics
from privtravel.stats.table import RowKind, Total
from tests.rollup import handfill
from tests.rollup.conftest import Demo, MakeRollup, need_soffice

MEMBERS = [
    ("ycq", "越城区", "区", "json"),
    ("kqq", "柯桥区", "区", "json"),
    ("syq", "上虞区", "区", "json"),
    ("szs", "嵊州市", "县（市）", "表格"),
    ("zjs", "诸暨市", "县（市）", "表格"),  # never submits
]


def direct_total(stats: list[Statistics], key: str, column: str, total: Total) -> int:
    """The sum of the members' own 合计, computed from their declarations."""
    out = 0
    for s in stats:
        t = next(t for t in s.tables if t.spec.key == key)
        value = next(r for r in t.rows if r.kind is RowKind.TOTAL).cells[column].value
        assert isinstance(value, int)
        out += value
    return out


def four_member_files(demos: list[Demo], tmp: Path) -> dict[str, bytes]:
    hand = handfill.save(handfill.workbook(handfill.rows_of(demos[3].stats)), tmp / "hand" / "统计表.xlsx")
    return {
        "members/ycq/统计表.json": demos[0].published,
        "members/kqq/统计表.json": demos[1].published,
        "members/syq/统计表.json": demos[2].published,
        "members/szs/统计表.xlsx": hand.read_bytes(),
    }


def assert_rollup_equals_direct(root: Path, demos: list[Demo]) -> None:
    rollup = config.load(root)
    gathered = members.gather(root, rollup)
    assert [d for d in gathered.diagnostics if d.is_error] == []
    states = {s.member.code: s.status for s in gathered.states}
    assert states == {"ycq": "已报送", "kqq": "已报送", "syq": "已报送", "szs": "已报送", "zjs": "未报送"}
    stats = table.statistics(root, gathered)
    for t in stats.tables:
        total = next(r for r in t.rows if r.kind is RowKind.TOTAL)
        for column in t.spec.data_columns:
            if column.total is Total.NONE:
                continue
            expected = direct_total([d.stats for d in demos], t.spec.key, column.key, column.total)
            assert total.cells[column.key].value == expected, (t.spec.key, column.key)
        missing = t.row("zjs")
        assert missing.note == "未报送" and all(c.value is None for c in missing.cells.values())
        assert total.note == "不含未报送或有错误的 1 个成员"


def test_three_published_campaigns_and_a_hand_filled_workbook(
    demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_rollup(MEMBERS, four_member_files(demos, tmp_path))
    assert_rollup_equals_direct(root, demos)
    assert cli.main(["--root", str(root), "rollup", "check"]) == 0
    assert cli.main(["--root", str(root), "rollup", "stats", "--out", str(root / "out")]) == 0
    out = capsys.readouterr()
    assert "5 个成员：未报送 1 个，有错误 0 个，已报送 4 个" in out.err
    doc = json.loads((root / "out" / "统计表.json").read_text(encoding="utf-8"))
    fj3 = doc["表"][1]
    szs = next(r for r in fj3["行"] if r["成员代码"] == "szs")
    source = szs["来源"]["registered"][0]
    assert source["文件"] == "members/szs/统计表.xlsx"
    assert source["单元格"].startswith("附件3!E")  # 实备数 is column E of the notice's 附件3
    assert "文件 SHA-256" in source["版本"] and "提交" in source["版本"]
    ycq = next(r for r in fj3["行"] if r["成员代码"] == "ycq")
    assert "成员数据版本：提交" in ycq["来源"]["registered"][0]["版本"]
    zjs = next(r for r in fj3["行"] if r["成员代码"] == "zjs")
    assert zjs["备注"] == "未报送" and set(zjs["数值"].values()) == {None}
    wb = load_workbook(root / "out" / "统计表.xlsx")
    names = [wb["附件3"].cell(r, 2).value for r in range(1, wb["附件3"].max_row + 1)]
    assert "诸暨市（未报送）" in names and "区小计" in names
    assert (root / "out" / "附件2.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_roll_up_holds_no_person(demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path) -> None:
    root = make_rollup(MEMBERS, four_member_files(demos, tmp_path))
    assert cli.main(["--root", str(root), "rollup", "stats", "--out", str(root / "out")]) == 0
    people = set()
    for demo in demos:
        for path in (demo.root / "submissions").rglob("报告/*.yaml"):
            people.add(path.stem.split("-", 1)[1])
    assert len(people) > 100
    texts = [p.read_bytes().decode("utf-8", "replace") for p in (root / "out").glob("*.json")]
    texts += [d.published.decode("utf-8") for d in demos]
    for text in texts:
        for person in people:
            assert person not in text, person


def test_a_workbook_resaved_by_libreoffice_reads_the_same(
    demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path
) -> None:
    need_soffice()
    files = four_member_files(demos, tmp_path)
    path = tmp_path / "lo" / "统计表.xlsx"
    path.parent.mkdir()
    path.write_bytes(files["members/szs/统计表.xlsx"])
    files["members/szs/统计表.xlsx"] = handfill.resave_with_libreoffice(path, tmp_path).read_bytes()
    root = make_rollup(MEMBERS, files)
    assert_rollup_equals_direct(root, demos)


def test_the_tool_own_workbook_is_a_valid_hand_filled_table(
    demos: list[Demo], make_rollup: MakeRollup
) -> None:
    """A member running the tool may send its printed workbook instead of the JSON."""
    files = {
        "members/ycq/统计表.json": demos[0].published,
        "members/kqq/统计表.json": demos[1].published,
        "members/syq/统计表.json": demos[2].published,
        "members/szs/统计表.xlsx": (demos[3].root / "上报" / "统计表.xlsx").read_bytes(),
    }
    assert_rollup_equals_direct(make_rollup(MEMBERS, files), demos)


def _facts(path: Path) -> dict[str, str]:
    ws = load_workbook(path)["统计口径"]
    out = {}
    for row in range(2, ws.max_row + 1):
        label, text = ws.cell(row, 1).value, ws.cell(row, 2).value
        if label == "表":  # the column table starts
            break
        if label:
            out[str(label)] = str(text)
    return out


def test_the_roll_up_workbooks_state_the_roll_ups_own_counting(
    demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path
) -> None:
    """Not a campaign's options (统计截止日期, 实备以 …, which a roll-up does not apply) but its own."""
    root = make_rollup(MEMBERS, four_member_files(demos, tmp_path))
    assert cli.main(["--root", str(root), "rollup", "stats", "--out", str(root / "out")]) == 0
    assert cli.main(["--root", str(root), "rollup", "template", "--out", str(root / "blank")]) == 0
    summed, blank = _facts(root / "out" / "统计表.xlsx"), _facts(root / "blank" / "统计表.xlsx")
    for facts in (summed, blank):
        assert {"实备以", "处理人数含责任追究", "统计截止日期", "范围"}.isdisjoint(facts), facts
        assert facts["汇总"] == "绍兴市统计汇总" and facts["违规问题计数"] == "人数"
        assert facts["出国境起算日期"].endswith("日") and "数据版本" in facts
    assert summed["计算方法"].startswith("各成员报送的统计表相加")
    assert summed["尚未报送的单位"] == "诸暨市"
    assert blank["计算方法"].startswith("由成员按各列统计口径手工填写")
