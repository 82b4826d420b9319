"""核查说明.yaml: findings answered as 核实无问题 or linked to a case; bad answers are reported."""

from __future__ import annotations

import datetime as dt
from typing import Any

from privtravel.commands.check import check
from tests.crosscheck.scenes import Scene, found

RESPONSES = "submissions/szyy/核查说明.yaml"
HEAD = "# yaml-language-server: $schema=../../schemas/responses.schema.json\n单位代码: szyy\n"


def _answers(scene: Scene, body: str) -> None:
    (scene.root / RESPONSES).write_text(HEAD + body, encoding="utf-8")


def _case(scene: Scene, person: str, kinds: list[str]) -> None:
    case = {
        "问题编号": "WG2019-01",
        "编号": person,
        "问题类型": kinds,
        "问题描述": "未按时报送登记备案变动。",
        "发现日期": dt.date(2019, 6, 20),
        "发现途径": "公安比对",
        "处理": [{"处理方式": "批评教育", "决定日期": dt.date(2019, 6, 25), "决定机关": "院党委"}],
    }
    path = scene.root / "submissions/szyy/违规问题.yaml"
    path.write_text(
        "# yaml-language-server: $schema=../../schemas/cases.schema.json\n单位代码: szyy\n问题: []\n",
        encoding="utf-8",
    )

    def change(data: dict[str, Any]) -> None:
        data["问题"] = [case]

    scene.edit("submissions/szyy/违规问题.yaml", change)


def test_cleared_and_confirmed_are_counted_apart(scene: Scene) -> None:
    _case(scene, "A02", ["出国境审批事项把关不严"])
    _answers(
        scene,
        """说明:
  - 核查项: X101-szyy
    核查结论: 核实无问题
    理由: 制度已于 2019-06-20 印发，正在补录。
  - 核查项: X202-A02-20190506-新增
    核查结论: 已查实
    问题编号: WG2019-01
""",
    )
    outcome = scene.run()
    states = {a.finding.key: a.state for a in found(outcome, unit="szyy")}
    assert states == {"X101-szyy": "核实无问题", "X202-A02-20190506-新增": "已查实", "X503-A02": "待核实"}
    szyy = next(u for u in outcome.units if u.unit == "szyy")
    rules = next(s for i, s in szyy.indicators.items() if i.value == "应建尽建")
    assert rules.verdict == "未发现问题" and rules.states["核实无问题"] == 1
    assert not outcome.result.errors


def test_bad_answers_are_reported_at_their_line(scene: Scene) -> None:
    _case(scene, "A01", ["瞒报出国境情况"])
    _answers(
        scene,
        """说明:
  - 核查项: X999-nothing
    核查结论: 核实无问题
    理由: 无此项。
  - 核查项: X202-A02-20190506-新增
    核查结论: 已查实
    问题编号: WG2019-01
  - 核查项: X503-A02
    核查结论: 已查实
    问题编号: WG2019-99
  - 核查项: X503-A02
    核查结论: 核实无问题
    理由: 重复。
""",
    )
    outcome = scene.run()
    got = sorted((d.code, d.line) for d in outcome.result.diagnostics if d.path == RESPONSES)
    assert got == [("R308", 12), ("R310", 13), ("R318", 4), ("R319", 9)]
    assert {a.state for a in found_all(outcome)} == {"待核实"}


def found_all(outcome: Any) -> list[Any]:
    return [a for a in outcome.answered if a.finding.unit == "szyy"]


def test_schema_requires_a_reason_or_a_case(scene: Scene) -> None:
    _answers(
        scene,
        """说明:
  - 核查项: X101-szyy
    核查结论: 核实无问题
  - 核查项: X503-A02
    核查结论: 已查实
""",
    )
    result = check(scene.root)
    missing = sorted((d.code, d.line, d.message) for d in result.errors)
    assert [(c, line) for c, line, _ in missing] == [("S202", 4), ("S202", 6)]
    assert "理由" in missing[0][2] and "问题编号" in missing[1][2]


def test_an_open_finding_a_recorded_case_covers_points_at_it(scene: Scene) -> None:
    def dates(data: dict[str, Any]) -> None:  # 钱芳's report moves her trip by a day: X505 (瞒报出国境情况)
        data["出国境情况"][0].update(出境日期=dt.date(2019, 1, 27))

    scene.edit("submissions/srmyy/报告/0002-钱芳.yaml", dates)
    (hit,) = found(scene.run(), "X505", person="0002")
    assert hit.covering is None and hit.covered_text() == ""

    def case(data: dict[str, Any]) -> None:
        data["问题"] = [
            {
                "问题编号": "WG2019-07",
                "编号": "0002",
                "问题类型": ["瞒报出国境情况"],
                "问题描述": "报告表中出国（境）日期与实际不符。",
                "发现日期": dt.date(2019, 6, 20),
                "发现途径": "公安比对",
            }
        ]

    scene.edit("submissions/srmyy/违规问题.yaml", case)
    outcome = scene.run()
    (hit,) = found(outcome, "X505", person="0002")
    assert hit.state == "待核实" and hit.covering is not None and hit.covering.id == "WG2019-07"
    assert "违规问题 WG2019-07" in hit.covered_text() and "已查实" in hit.covered_text()
    assert found(outcome, "X501", person="0002") == []  # only findings of the case's own kind are linked
