"""Every summary line adds up, over generated campaigns (issue 18, item 4).

A total shown with parts (「应报告 4（报告表 2、零报告 1、免报 0、未报告 1）」) is partitioned by them: in
the summaries themselves, in the text the terminal and the site print from them, in the 总览 table of
the dashboard, and in the terminal's 核查项 line.  Random campaigns are built in memory (roster changes,
revocations, reports of every kind, reports of people not on the roster, unreadable report files,
custody with loans, approvals, cases); the committed demo runs through the real commands.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privtravel.cli import main
from privtravel.crosscheck import context, summary
from privtravel.load.repository import Repository
from privtravel.model import (
    Approval,
    Campaign,
    Case,
    CustodyItem,
    Handling,
    Loan,
    Report,
    RosterChange,
    RosterPerson,
    Src,
    UnitConfig,
    UnitData,
)
from privtravel.police.records import PoliceData
from privtravel.rules import reporting
from privtravel.site.pages import unit as unit_page
from privtravel.site.pages.overview import status_table
from privtravel.site.status import unit_statuses

REPO = Path(__file__).parents[2]
SRC = Src("x.yaml")
CATEGORIES = ["退休满1年的市管干部", "本地本单位管理的人员", "下属单位管理的人员", "其他人员"]
CHANGES = ["新增", "新增", "现任职务变更", "调离", "退休", "死亡"]
KINDS = ["填报", "零报告", "市管领导干部无需填报"]
TYPES = ["普通护照", "往来港澳通行证", "大陆居民往来台湾通行证"]
days = st.dates(dt.date(2015, 1, 1), dt.date(2019, 12, 31))
PART = re.compile(r"(\S+) (\d+)（([^）]*)）")


@st.composite
def units(draw: st.DrawFn, code: str) -> UnitData:
    ids = [f"{i:04d}" for i in range(draw(st.integers(0, 8)))]
    roster = []
    for pid in ids:
        changes = sorted(
            (
                RosterChange(
                    draw(days), draw(st.sampled_from(CHANGES)), draw(st.none() | days), None, None, SRC
                )
                for _ in range(draw(st.integers(1, 3)))
            ),
            key=lambda c: c.date,
        )
        roster.append(
            RosterPerson(
                pid,
                f"人{pid}",
                "男",
                dt.date(1970, 1, 1),
                f"3306021970010100{pid[-2:]}",
                "科长",
                None,
                draw(st.sampled_from(CATEGORIES)),
                False,
                (),
                tuple(changes),
                SRC,
            )
        )
    extra = [f"9{i:03d}" for i in range(draw(st.integers(0, 3)))]  # reports of people not on the roster
    reporters = [pid for pid in ids + extra if draw(st.booleans())]
    reports = [
        Report(
            code, pid, f"人{pid}", "科长", draw(st.sampled_from(KINDS)), (), (), None, None, None, None, SRC
        )
        for pid in reporters
    ]
    unreadable = {pid for pid in ids if pid not in reporters and draw(st.integers(0, 5)) == 0}
    custody = [
        CustodyItem(
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(TYPES)),
            f"E{n:08d}",
            draw(days),
            None,
            tuple(
                Loan(draw(days), "SP1", draw(st.none() | days), None, SRC)
                for _ in range(draw(st.integers(0, 2)))
            ),
            None,
            SRC,
        )
        for n in range(draw(st.integers(0, 4)) if ids else 0)
    ]
    approvals = [
        Approval(
            f"SP{n}",
            draw(st.sampled_from(ids)),
            dt.date(2019, 1, 1),
            "旅游",
            ("日本",),
            dt.date(2019, 2, 1),
            dt.date(2019, 2, 5),
            None,
            None,
            None,
            draw(st.sampled_from(["同意", "不同意", "待审批"])),
            None,
            None,
            None,
            None,
            SRC,
        )
        for n in range(draw(st.integers(0, 3)) if ids else 0)
    ]
    cases = [
        Case(
            f"WG{n}",
            draw(st.sampled_from(ids)),
            ("瞒报出国境情况",),
            "描述",
            draw(days),
            "自查自纠",
            tuple(
                Handling(
                    draw(st.sampled_from(["批评教育", "诫勉"])), dt.date(2019, 6, 25), "院党委", None, SRC
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            (),
            SRC,
        )
        for n in range(draw(st.integers(0, 3)) if ids else 0)
    ]
    files = ["单位.yaml"] if ids or reports else []
    return UnitData(
        code=code,
        roster=roster,
        reports=reports,
        custody=custody,
        approvals=approvals,
        cases=cases,
        files=files,
        unreadable_report_ids=unreadable,
        roster_src=SRC if ids else None,
    )


@st.composite
def campaigns(draw: st.DrawFn) -> tuple[Campaign, dict[str, UnitData]]:
    configs = tuple(UnitConfig(f"u{i}", f"单位{i}", "市直", (), SRC) for i in range(draw(st.integers(1, 3))))
    campaign = Campaign(
        "专项",
        2019,
        "委",
        dt.date(2016, 1, 1),
        dt.date(2018, 1, 1),
        dt.date(2019, 6, 10),
        dt.date(2019, 6, 30),
        dt.date(2019, 7, 5),
        dt.date(2019, 7, 31),
        25,
        7,
        1024,
        ("市直",),
        configs,
        (),
        (),
        SRC,
    )
    return campaign, {c.code: draw(units(c.code)) for c in configs}


def assert_lines_add_up(text: str) -> int:
    """Every 「label N（a x、b y…）」 in ``text`` has parts that sum to N; returns how many were seen."""
    seen = 0
    for match in PART.finditer(text):
        parts = [int(p.rsplit(" ", 1)[1]) for p in match.group(3).split("、")]
        assert sum(parts) == int(match.group(2)), match.group(0)
        seen += 1
    return seen


@settings(max_examples=60, deadline=None)
@given(campaigns())
def test_every_summary_line_partitions_its_total(generated: tuple[Campaign, dict[str, UnitData]]) -> None:
    campaign, data = generated
    ctx = context.build(campaign, data, PoliceData())
    for unit in summary.summarize(ctx, []):
        for line in unit.indicators.values():
            for figure in line.figures:
                if figure.parts:
                    assert sum(n for _, n in figure.parts) == figure.value, figure
            assert assert_lines_add_up(line.text()) == sum(1 for f in line.figures if f.parts)
    for unit_data in data.values():
        assert assert_lines_add_up(unit_page._reporting_line(unit_data)) == 1
        covered = reporting.coverage(unit_data)
        assert sum(n for _, n in covered.parts()) == len(covered.due) == len(covered.state)
        # every report is either a due person's or counted apart, never both, never neither
        due_ids = {p.id for p in covered.due}
        assert {r.id for r in unit_data.reports} == {r.id for r in unit_data.reports if r.id in due_ids} | {
            r.id for r in covered.outside
        }
        assert not due_ids & {r.id for r in covered.outside}
    statuses = unit_statuses(Repository(Path("."), campaign, data), [])
    for s in statuses:
        assert s.registered == s.filed + s.zero + s.exempt + s.missing, s
    rows = re.findall(r"<tr data-region.*?</tr>", "\n".join(status_table(statuses)))
    for row in rows:
        due, filed, zero, exempt, missing = (int(v) for v in re.findall(r'class="num">(\d+)<', row)[:5])
        assert due == filed + zero + exempt + missing, row


def test_the_terminal_lines_of_the_demo_add_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PRIVTRAVEL_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["--root", str(REPO), "crosscheck"]) in (0, 1)
    out = capsys.readouterr().out
    assert assert_lines_add_up(out) > 100
    total, *states = (
        int(n)
        for n in re.search(r"核查项 (\d+) 个：待核实 (\d+)，核实无问题 (\d+)，已查实 (\d+)", out).groups()
    )  # type: ignore[union-attr]
    assert total == sum(states) > 0
