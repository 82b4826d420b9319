"""Scenarios on hand-built data: the mini campaign plus police tables that agree with it.

``scene`` is a fresh copy whose police data matches every declaration (so only the mini campaign's
own four findings appear); a test changes one thing and looks at what the cross-check says.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from privtravel.crosscheck.answers import Answered
from privtravel.crosscheck.run import Outcome, crosscheck
from privtravel.police.seal import seal

HOLDING_HEADER = [
    "姓名",
    "性别",
    "出生日期",
    "公民身份号码",
    "证件类别",
    "证件号码",
    "签发日期",
    "有效期至",
    "证件状态",
]
CROSSING_HEADER = ["公民身份号码", "姓名", "出入境日期", "出境/入境", "口岸", "前往国家（地区）", "证件号码"]

ZHAO = ("赵明", "男", "1970-03-12", "33060219700312031X")
QIAN = ("钱芳", "女", "1978-05-06", "330602197805060427")
CHEN = ("陈刚", "男", "1975-12-30", "330602197512300570")


def holding(
    person: tuple[str, str, str, str], kind: str, number: str, issued: str, expires: str, status: str = "有效"
) -> list[str]:
    return [*person, kind, number, issued, expires, status]


def crossing(
    person: tuple[str, str, str, str],
    date: str,
    direction: str,
    place: str,
    number: str,
    port: str = "上海浦东机场",
) -> list[str]:
    return [person[3], person[0], date, direction, port, place, number]


BASE_HOLDINGS = [
    holding(ZHAO, "普通护照", "E12345678", "2014-04-02", "2024-04-01"),
    holding(QIAN, "往来港澳通行证", "CA1234567", "2017-01-05", "2027-01-04"),
    holding(CHEN, "大陆居民往来台湾通行证", "L12345678", "2018-03-01", "2028-02-28"),
]
BASE_CROSSINGS = [
    crossing(ZHAO, "2018-02-10", "出境", "日本", "E12345678"),
    crossing(ZHAO, "2018-02-17", "入境", "日本", "E12345678"),
    crossing(QIAN, "2019-01-26", "出境", "香港", "CA1234567", "深圳罗湖"),
    crossing(QIAN, "2019-01-30", "入境", "香港", "CA1234567", "深圳罗湖"),
    crossing(CHEN, "2018-10-01", "出境", "台湾地区", "L12345678"),
    crossing(CHEN, "2018-10-06", "入境", "台湾地区", "L12345678"),
]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


class Scene:
    """A campaign folder with police data; edit it, then ``run()``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.holdings = [list(r) for r in BASE_HOLDINGS]
        self.crossings = [list(r) for r in BASE_CROSSINGS]
        self.settings: dict[str, Any] = {"公安数据日期": "2019-06-30"}
        self.extracted: str | None = None  # the manifest's 提取日期; None: as campaign.yaml says

    def edit(self, rel: str, change: Callable[[dict[str, Any]], None]) -> None:
        path = self.root / rel
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        data = yaml.safe_load(body) if first.startswith("#") else yaml.safe_load(first + "\n" + body)
        change(data)
        text = yaml.dump(
            data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, default_flow_style=False
        )
        path.write_text(first + "\n" + text, encoding="utf-8")

    def run(self) -> Outcome:
        write_csv(self.root / "police" / "持证信息.csv", HOLDING_HEADER, self.holdings)
        write_csv(self.root / "police" / "出入境记录.csv", CROSSING_HEADER, self.crossings)
        extracted = self.extracted or self.settings.get("公安数据日期") or "2019-06-30"
        seal(self.root / "police", "绍兴市公安局出入境管理支队", dt.date.fromisoformat(extracted))
        config = self.root / "campaign.yaml"
        text = config.read_text(encoding="utf-8").split("\n比对核查:", 1)[0].rstrip("\n")
        block = yaml.safe_dump({"比对核查": self.settings}, allow_unicode=True, sort_keys=False)
        config.write_text(text + "\n" + block, encoding="utf-8")
        return crosscheck(self.root)


def found(
    outcome: Outcome, code: str | None = None, *, unit: str | None = None, person: str | None = None
) -> list[Answered]:
    assert outcome.complete and not outcome.result.errors, [d.message for d in outcome.result.errors]
    return [
        a
        for a in outcome.answered
        if (code is None or a.finding.code == code)
        and (unit is None or a.finding.unit == unit)
        and (person is None or a.finding.person_id == person)
    ]


def codes(outcome: Outcome, *, unit: str | None = None, person: str | None = None) -> list[str]:
    return sorted(a.finding.code for a in found(outcome, unit=unit, person=person))
