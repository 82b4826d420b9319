"""The monthly roster file for the police: exactly the month's changes, read back from a real .xlsx;
the sending recorded in 登记备案.yaml; a later change to a sent month shown; byte-identical output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from privtravel.campaignops.deadlines import roster_month
from privtravel.campaignops.police_xlsx import HEADER
from privtravel.commands.check import check

ROSTER = "submissions/srmyy/登记备案.yaml"
MORE = """\
  - 编号: "0004"
    姓名: 李娜
    性别: 女
    出生日期: 1982-02-14
    公民身份号码: "330602198202140625"
    现任职务: 医务科科长
    登记备案类别: 本地本单位管理的人员
    变动记录:
      - 日期: 2019-05-27
        变动类型: 新增
      - 日期: 2019-06-25
        变动类型: 现任职务变更
        说明: 任医务部主任
      - 日期: 2019-06-26
        变动类型: 调离
        说明: 调往绍兴市卫生健康委员会
"""


@pytest.fixture
def roster(campaign: Path) -> Path:
    path = campaign / ROSTER
    path.write_text(path.read_text(encoding="utf-8") + MORE, encoding="utf-8")
    (campaign / "submissions/srmyy/报告/0004-李娜.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/report.schema.json\n"
        '单位代码: srmyy\n编号: "0004"\n姓名: 李娜\n单位及职务: 绍兴市人民医院 医务科科长\n'
        "报告类型: 零报告\n签名日期: 2019-06-05\n纸质报告表保管: 本单位\n",
        encoding="utf-8",
    )
    return campaign


def police_report(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "privtravel", "--root", str(root), "police-report", *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def rows(path: Path) -> list[dict[str, object]]:
    ws = load_workbook(path, read_only=True)["登记备案变动"]
    values = list(ws.iter_rows(values_only=True))
    assert values[3] == HEADER
    assert "完整的公民身份号码" in str(values[1][0]) and "不得公开" in str(values[1][0])
    table = [row for row in values[4:] if isinstance(row[0], int)]  # the signature lines follow
    return [dict(zip(HEADER, row, strict=True)) for row in table]


@pytest.mark.parametrize(
    ("day", "month"),
    [
        ("2019-05-25", (2019, 5)),
        ("2019-05-26", (2019, 6)),
        ("2019-12-26", (2020, 1)),
        ("2019-12-01", (2019, 12)),
    ],
)
def test_the_25th_splits_the_months(day: str, month: tuple[int, int]) -> None:
    import datetime as dt

    assert roster_month(dt.date.fromisoformat(day), 25) == month


def test_exactly_the_month_s_changes(roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "六月.xlsx"
    done = police_report(roster, "--month", "2019-06", "--out", str(out))
    assert done.returncode == 0, done.stderr
    got = [(r["姓名"], r["变动类别"], r["变动事项"], r["变动日期"]) for r in rows(out)]
    # 5/27 goes with June; 6/25 is still June; 6/26 is July's
    assert got == [("李娜", "新增", "新增", "2019-05-27"), ("李娜", "变更", "现任职务变更", "2019-06-25")]
    first = rows(out)[0]
    assert first["公民身份号码"] == "330602198202140625"  # the police need the full number
    assert first["备案单位"] == "绍兴市人民医院" and first["报送情况"] == "未报送"
    assert "2019-05" in done.stdout  # szyy's A02 (5/6) was never sent: said, not included
    may = tmp_path / "五月.xlsx"
    assert police_report(roster, "--month", "2019-05", "--out", str(may)).returncode == 0
    # unit by unit in campaign order
    assert [(r["姓名"], r["变动事项"]) for r in rows(may)] == [("钱芳", "现任职务变更"), ("冯涛", "新增")]
    july = tmp_path / "七月.xlsx"
    assert police_report(roster, "--month", "2019-07", "--unit", "srmyy", "--out", str(july)).returncode == 0
    assert [(r["变动类别"], r["变动事项"]) for r in rows(july)] == [("撤销", "调离")]


def test_same_declarations_give_the_same_bytes(roster: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert police_report(roster, "--month", "2019-06", "--out", str(a)).returncode == 0
    assert police_report(roster, "--month", "2019-06", "--out", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_sending_is_recorded_in_the_roster_and_a_later_change_is_shown(roster: Path, tmp_path: Path) -> None:
    before = (roster / ROSTER).read_text(encoding="utf-8")
    done = police_report(roster, "--month", "2019-06", "--unit", "srmyy", "--record-sent", "2019-06-25")
    assert done.returncode == 0, done.stderr
    assert (roster / "build/police/登记备案变动-2019-06-srmyy.xlsx").is_file()
    after = (roster / ROSTER).read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert (
        added == ["        报送公安日期: 2019-06-25"] * 2
    )  # only the two June changes, nothing else touched
    result = check(roster)
    assert not result.errors, [(d.path, d.line, d.message) for d in result.errors]
    # HR now records a change of June they had forgotten
    late = "      - 日期: 2019-06-03\n        变动类型: 人事主管部门变更\n        说明: 改由委政治处主管\n"
    (roster / ROSTER).write_text(
        after.replace("      - 日期: 2019-06-25\n", late + "      - 日期: 2019-06-25\n")
    )
    out = tmp_path / "again.xlsx"
    again = police_report(roster, "--month", "2019-06", "--unit", "srmyy", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "补报" in again.stdout and "人事主管部门变更" in again.stdout
    status = {(r["变动事项"], r["报送情况"]) for r in rows(out)}
    assert ("人事主管部门变更", "本月已于 2019-06-25 报送，此条为其后补报") in status
    assert ("新增", "已于 2019-06-25 报送") in status


def test_bad_input_is_a_clear_message(roster: Path) -> None:
    month = police_report(roster, "--month", "2019-6")
    assert month.returncode == 2 and "年-月" in month.stderr
    early = police_report(roster, "--month", "2019-06", "--record-sent", "2019-06-01")
    assert early.returncode == 2 and "报送日期早于" in early.stderr
    path = roster / ROSTER
    path.write_text(path.read_text(encoding="utf-8").replace("性别: 女", "性别: 女的", 1), encoding="utf-8")
    broken = police_report(roster, "--month", "2019-06")
    assert (
        broken.returncode == 2 and "登记备案名单有错误" in broken.stderr and "Traceback" not in broken.stderr
    )
