"""Roster and reports: who must report, a report whose roster entry is gone, and lines that add up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from privtravel.commands.check import check_repository
from privtravel.crosscheck.run import crosscheck
from privtravel.rules import reporting

ROSTER = "submissions/srmyy/登记备案.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/roster.schema.json\n"


def _edit_roster(root: Path, change: Any) -> None:
    path = root / ROSTER
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(SCHEMA_LINE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _codes(root: Path, code: str) -> list[tuple[str, str]]:
    _, result = check_repository(root)
    return [(d.path, d.message) for d in result.diagnostics if d.code == code]


def test_a_report_of_someone_not_registered_is_right_and_counted_apart(campaign: Path) -> None:
    # 0003 孙伟, a doctor outside the registration scope, files a 零报告: no warning, but not 应报告 either
    assert _codes(campaign, "R321") == []
    repo, _ = check_repository(campaign)
    covered = reporting.coverage(repo.units["srmyy"])
    assert [r.id for r in covered.outside] == ["0003"]
    assert len(covered.due) == sum(n for _, n in covered.parts())


def test_a_roster_entry_deleted_while_its_report_stays_is_r321(campaign: Path) -> None:
    # 钱芳's passport is in the unit's custody register: she is a registered person, deleted from the roster
    _edit_roster(campaign, lambda d: d["人员"].pop(1))
    hits = _codes(campaign, "R321")
    assert [path for path, _ in hits] == ["submissions/srmyy/报告/0002-钱芳.yaml"]
    assert "登记备案名单（登记备案.yaml）" in hits[0][1] and "证件保管登记册" in hits[0][1]
    assert [path for path, _ in _codes(campaign, "R307")] == ["submissions/szyy/登记备案.yaml"]


def test_a_mistyped_number_names_the_roster_entry(campaign: Path) -> None:
    def retype(data: dict[str, Any]) -> None:
        data["人员"][0]["编号"] = "0009"

    _edit_roster(campaign, retype)
    hits = _codes(campaign, "R321")
    assert [path for path, _ in hits] == ["submissions/srmyy/报告/0001-赵明.yaml"]
    assert "名单中的 赵明 编号是 0009" in hits[0][1]
    assert any("0009 赵明" in message for _, message in _codes(campaign, "R307"))


def test_the_investigation_line_partitions_its_total(campaign: Path) -> None:
    _edit_roster(campaign, lambda d: d["人员"].pop(1))
    outcome = crosscheck(campaign)
    srmyy = next(u for u in outcome.units if u.unit == "srmyy")
    line = srmyy.indicators[next(i for i in srmyy.indicators if i.value == "应查尽查")]
    due = next(f for f in line.figures if f.label == "应报告")
    assert due.value == sum(n for _, n in due.parts) == 1
    assert line.flat()["名单外的报告"] == 2
