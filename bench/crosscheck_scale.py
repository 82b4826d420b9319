"""Timing of the cross-check at province scale, and at twice that, to show it grows linearly.

    .venv/bin/python bench/crosscheck_scale.py [--people 60000] [--crossings 200000]

Builds a synthetic campaign in memory (declarations as typed records: the YAML side is timed by
`check`), writes the police crossings and holdings as CSV in a temporary folder, then times reading
and validating the police tables and the matching (context, pairing, links, every family, answers,
summary).  Not part of `make test`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from privtravel.crosscheck.run import match
from privtravel.diagnostics import Result
from privtravel.load.build import crosscheck_settings
from privtravel.model import (
    Approval,
    Campaign,
    Opinion,
    Report,
    RosterChange,
    RosterPerson,
    Src,
    Trip,
    UnitConfig,
    UnitData,
)
from privtravel.police import load as police_load
from privtravel.police.seal import seal
from privtravel.rules.identity import check_digit

PLACES = ["日本", "泰国", "香港", "澳门", "台湾地区", "美国", "澳大利亚"]


CHARS = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"


def person_name(i: int) -> str:
    out = "张"
    while True:
        out += CHARS[i % len(CHARS)]
        i //= len(CHARS)
        if not i:
            return out


def id_number(i: int) -> str:
    """Unique per i: the birth date moves every 1,000 people, the sequence number is i mod 1,000."""
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=i // 1000)
    first = f"330602{birth:%Y%m%d}{i % 1000:03d}"
    return first + check_digit(first)


def campaign(units: int) -> Campaign:
    d = dt.date.fromisoformat
    return Campaign(
        "基准",
        2019,
        "",
        d("2016-01-01"),
        d("2018-01-01"),
        d("2019-06-10"),
        d("2019-06-30"),
        d("2019-07-05"),
        d("2019-07-31"),
        25,
        7,
        1024,
        ("地区",),
        tuple(UnitConfig(f"u{n:03d}", f"单位{n}", "地区", (), Src("campaign.yaml")) for n in range(units)),
        (),
        (),
        Src("campaign.yaml"),
        crosscheck_settings({"公安数据日期": "2019-06-30", "在外停留天数上限": 12}),
    )


def build(people: int, crossings: int, folder: Path, seed: int = 7) -> tuple[Campaign, dict[str, UnitData]]:
    rng = random.Random(seed)
    units_n = max(1, people // 200)
    camp = campaign(units_n)
    units = {u.code: UnitData(code=u.code) for u in camp.units}
    trips_per_person = crossings / 2 / people
    holdings_rows, crossing_rows = [], []
    for i in range(people):
        unit = units[f"u{i % units_n:03d}"]
        pid, ident, src = f"{i:06d}", id_number(i), Src(f"submissions/{unit.code}/登记备案.yaml", ("人员", i))
        change = RosterChange(
            dt.date(2015, 1, 5), "新增", dt.date(2015, 1, 20), dt.date(2015, 1, 21), None, src
        )
        unit.roster.append(
            RosterPerson(
                pid,
                person_name(i),
                "男",
                dt.date(1970, 1, 1),
                ident,
                "科长",
                None,
                "本地本单位管理的人员",
                False,
                (),
                (change,),
                src,
            )
        )
        number = f"E{i:08d}"
        holdings_rows.append(
            [
                person_name(i),
                "男",
                "1970-01-01",
                ident,
                "普通护照",
                number,
                "2016-01-01",
                "2026-01-01",
                "有效",
            ]
        )
        trips: list[Trip] = []
        count = int(trips_per_person) + (1 if rng.random() < trips_per_person % 1 else 0)
        for k in range(count):
            start = dt.date(2016, 2, 1) + dt.timedelta(days=k * 120 + rng.randint(0, 60))
            end = start + dt.timedelta(days=rng.randint(0, 10))
            place = rng.choice(PLACES)
            aid = f"SP{i}-{k}"
            unit.approvals.append(
                Approval(
                    aid,
                    pid,
                    start - dt.timedelta(days=20),
                    "旅游",
                    (place,),
                    start,
                    end,
                    None,
                    Opinion("同意", start - dt.timedelta(days=15), None),
                    None,
                    "同意",
                    "党委",
                    None,
                    start - dt.timedelta(days=10),
                    None,
                    src,
                )
            )
            trips.append(Trip(start, end, (place,), "旅游", "党委", aid, None, src))
            crossing_rows.append([ident, person_name(i), start.isoformat(), "出境", "口岸", place, number])
            crossing_rows.append([ident, person_name(i), end.isoformat(), "入境", "口岸", place, number])
        unit.reports.append(
            Report(
                unit.code,
                pid,
                person_name(i),
                "科长",
                "填报",
                (),
                tuple(trips),
                None,
                dt.date(2019, 6, 5),
                "本单位",
                None,
                src,
            )
        )
    police = folder / "police"
    police.mkdir()
    for name, header, rows in (
        (
            "持证信息",
            [
                "姓名",
                "性别",
                "出生日期",
                "公民身份号码",
                "证件类别",
                "证件号码",
                "签发日期",
                "有效期至",
                "证件状态",
            ],
            holdings_rows,
        ),
        (
            "出入境记录",
            ["公民身份号码", "姓名", "出入境日期", "出境/入境", "口岸", "前往国家（地区）", "证件号码"],
            crossing_rows,
        ),
    ):
        with (police / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
    seal(police, "绍兴市公安局出入境管理支队（基准）", dt.date(2019, 6, 30))  # as the police deliver it
    return camp, units


def measure(people: int, crossings: int) -> tuple[float, float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        camp, units = build(people, crossings, Path(tmp))
        t0 = time.process_time()
        result = Result()
        police = police_load.load(Path(tmp), None, result)
        t1 = time.process_time()
        assert not result.errors, result.errors[:3]
        _, answered, _ = match(camp, units, police, result.diagnostics)
        found = len(answered)
        t2 = time.process_time()
        return t1 - t0, t2 - t1, len(police.crossings), found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=60000)
    parser.add_argument("--crossings", type=int, default=200000)
    args = parser.parse_args()
    print("人数\t出入境记录\t读取校验公安数据 s\t比对 s\t核查项")
    for factor in (1, 2):
        read, match, rows, found = measure(args.people * factor, args.crossings * factor)
        print(f"{args.people * factor}\t{rows}\t{read:.2f}\t{match:.2f}\t{found}")


if __name__ == "__main__":
    main()
