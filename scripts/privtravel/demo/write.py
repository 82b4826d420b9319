"""Write a generated campaign: campaign.yaml, the police's CSV files and the approval numbering.

Each unit's declarations are written by unit_files.py and report_file.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict

from privtravel.demo.emit import Doc as Yaml
from privtravel.demo.lexicon import category
from privtravel.demo.options import (
    DOCS_EXPIRED_SINCE,
    POLICE_DATA_DATE,
    REPORT_DEADLINE,
    RETURN_DAYS,
    TRIPS_SINCE,
    YEAR,
)
from privtravel.demo.world import (
    Approval,
    Person,
    Unit,
)
from privtravel.load.layout import CAMPAIGN_FILE, POLICE_DIR, POLICE_MANIFEST, Kind, schema_comment

# Who fills in and checks the committee's own statistics tables (fictional, like everything here).
COMMITTEE_FILLER, COMMITTEE_PHONE, COMMITTEE_REVIEWER = "何丽萍", "0575-85132016", "孙国强"
HOLDINGS_FILE = "持证信息.csv"
CROSSINGS_FILE = "出入境记录.csv"
POLICE_PROVIDER = "绍兴市公安局出入境管理支队（示例）"


def finalize(units: list[Unit]) -> dict[int, Person]:
    """Number each unit's approvals by date, count each person's approvals per year; id(approval) → person."""
    owner: dict[int, Person] = {}
    for unit in units:
        approvals: list[tuple[Approval, Person]] = []
        for person in unit.people:
            for trip in person.trips:
                if trip.approval is not None:
                    approvals.append((trip.approval, person))
                    owner[id(trip.approval)] = person
        approvals.sort(key=lambda ap: (ap[0].applied, ap[1].id, ap[0].planned_exit))
        per_year: dict[int, int] = defaultdict(int)
        for approval, _ in approvals:
            per_year[approval.applied.year] += 1
            approval.id = f"SP{approval.applied.year}-{per_year[approval.applied.year]:03d}"
        nth: dict[tuple[str, int], int] = defaultdict(int)
        for approval, person in sorted(approvals, key=lambda ap: (ap[1].id, ap[0].planned_exit)):
            nth[(person.id, approval.planned_exit.year)] += 1
            approval.nth = nth[(person.id, approval.planned_exit.year)]
    return owner


# --- campaign.yaml ---------------------------------------------------------------------------------


def campaign_text(units: list[Unit]) -> str:
    y = Yaml(schema_comment(CAMPAIGN_FILE, Kind.CAMPAIGN))
    y.raw(0, "# 示例数据：本仓库中的单位、人员、证件、行程和公安数据全部由 privtravel demo 生成，纯属虚构。")
    y.raw(
        0,
        "# 正式使用时请用真实的单位名单替换本文件的「单位」和「地区」，并删除 submissions/、police/ 和 inspections/ 下的示例文件。",
    )
    y.put(0, "专项整治名称", "市直卫生健康系统干部因私出国（境）违规问题专项整治（示例数据）")
    y.put(0, "年度", YEAR)
    y.put(0, "发文机关", "中共绍兴市卫生健康委员会委员会")
    y.put(0, "示例数据", True)
    y.raw(0, "起算日期:")
    y.put(2, "出国境起算日期", TRIPS_SINCE)
    y.put(2, "证件失效起算日期", DOCS_EXPIRED_SINCE)
    y.raw(0, "时间节点:")
    y.put(2, "报告截止日期", REPORT_DEADLINE)
    y.put(2, "自查自纠截止日期", dt.date(YEAR, 6, 30))
    y.put(2, "统计表报送截止日期", dt.date(YEAR, 7, 5))
    y.put(2, "集中检查截止日期", dt.date(YEAR, 7, 31))
    y.put(2, "每月报送日", 25)
    y.put(0, "证件交回天数", RETURN_DAYS)
    y.put(0, "文件大小上限KB", 1024)
    y.raw(0, "地区:")
    regions: list[str] = []
    for unit in units:
        if unit.region not in regions:
            regions.append(unit.region)
    for region in regions:
        y.put(4, "名称", region, dash=True)
    y.raw(0, "单位:")
    for unit in units:
        y.put(4, "代码", unit.code, dash=True)
        y.put(4, "名称", unit.name)
        y.put(4, "地区", unit.region)
        y.put(4, "类别", category(unit.name))
        y.items(4, "填报人员", [f"@{unit.code}-hr"])
    y.raw(0, "统计表填表:")
    y.put(2, "填表人", COMMITTEE_FILLER)
    y.put(2, "联系电话", COMMITTEE_PHONE)
    y.put(2, "审核人", COMMITTEE_REVIEWER)
    y.items(0, "审核人员", ["@wzzc-reviewers"])
    y.items(0, "维护人员", ["@privtravel-maintainers"])
    return y.text()


# --- police data ------------------------------------------------------------------------------------


def _headers(schema_file: str) -> list[str]:
    from privtravel.validate.schemas import load_all

    return list(load_all()[schema_file]["properties"])


def _csv(rows: list[list[str]], headers: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def police_files(units: list[Unit]) -> dict[str, str]:
    holdings: list[list[str]] = []
    crossings: list[tuple[str, str, int, list[str]]] = []
    for unit in units:
        for p in unit.people:
            for d in p.docs:
                status = "有效" if d.expires >= POLICE_DATA_DATE else "已失效"
                holdings.append(
                    [
                        p.name,
                        p.sex,
                        p.birth.isoformat(),
                        p.id_number,
                        d.type,
                        d.number,
                        d.issued.isoformat(),
                        d.expires.isoformat(),
                        status,
                    ]
                )
            for t in p.trips:
                if t.exit <= POLICE_DATA_DATE:
                    crossings.append(
                        (
                            t.exit.isoformat(),
                            p.id_number,
                            0,
                            [
                                p.id_number,
                                p.name,
                                t.exit.isoformat(),
                                "出境",
                                t.port,
                                t.places[0],
                                t.doc.number,
                            ],
                        )
                    )
                if t.entry is not None and t.entry <= POLICE_DATA_DATE:
                    crossings.append(
                        (
                            t.entry.isoformat(),
                            p.id_number,
                            1,
                            [
                                p.id_number,
                                p.name,
                                t.entry.isoformat(),
                                "入境",
                                t.port,
                                t.places[-1],
                                t.doc.number,
                            ],
                        )
                    )
    holdings.sort(key=lambda r: (r[3], r[6], r[5]))
    crossings.sort(key=lambda c: c[:3])
    holding_headers = _headers("police-holding.schema.json")
    crossing_headers = _headers("police-crossing.schema.json")
    assert holding_headers == [
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
    assert crossing_headers == [
        "公民身份号码",
        "姓名",
        "出入境日期",
        "出境/入境",
        "口岸",
        "前往国家（地区）",
        "证件号码",
    ]
    files = {
        f"{POLICE_DIR}/{HOLDINGS_FILE}": _csv(holdings, holding_headers),
        f"{POLICE_DIR}/{CROSSINGS_FILE}": _csv([c[3] for c in crossings], crossing_headers),
    }
    rows = {HOLDINGS_FILE: len(holdings), CROSSINGS_FILE: len(crossings)}
    files[f"{POLICE_DIR}/{POLICE_MANIFEST}"] = _delivery(files, rows)
    return files


def _delivery(files: dict[str, str], rows: dict[str, int]) -> str:
    """The police's delivery manifest for the files as written (UTF-8 bytes of the text)."""
    from privtravel.police import manifest

    listed = [
        (name, rows[name], manifest.digest(files[f"{POLICE_DIR}/{name}"].encode("utf-8")))
        for name in (HOLDINGS_FILE, CROSSINGS_FILE)
    ]
    return manifest.text(POLICE_PROVIDER, POLICE_DATA_DATE, POLICE_DATA_DATE + dt.timedelta(days=1), listed)


def crossing_count(units: list[Unit]) -> int:
    return sum(
        (t.exit <= POLICE_DATA_DATE) + (t.entry is not None and t.entry <= POLICE_DATA_DATE)
        for u in units
        for p in u.people
        for t in p.trips
    )


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
