"""Benchmark of the Excel bridge at the size of a large unit: export, import, re-import, forms.

    .venv/bin/python bench/excel_scale.py --people 600

A unit of N people (every one registered and reporting; two in three with a passport in custody,
a trip, its approval and the loan of the passport) is generated, written as YAML by the project's
own writer, exported to a workbook, and imported back into an empty folder (every file written),
then again (nothing changes), and once more with one bad cell (nothing written).  Each stage is
timed once.  Not run by `make test`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from privtravel.excel import form_print, importing, unit_workbook, unitdocs
from privtravel.excel.emit import dump
from privtravel.excel.save import save
from privtravel.load.layout import Kind

MINI = Path(__file__).parents[1] / "tests" / "fixtures" / "mini"
CODE = "srmyy"
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "霞",
]


def id_number(birth: dt.date, seq: int, male: bool) -> str:
    order = seq % 500 * 2 + (1 if male else 0)
    body = f"330602{birth:%Y%m%d}{order:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def unit(people: int) -> unitdocs.UnitDocs:
    docs = unitdocs.UnitDocs(CODE)
    roster: list[dict[str, Any]] = []
    custody: list[dict[str, Any]] = []
    approvals: list[dict[str, Any]] = []
    cases: list[dict[str, Any]] = []
    for i in range(1, people + 1):
        pid = f"{i:04d}"
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)] + GIVEN[(i // 7) % len(GIVEN)]
        male = i % 2 == 1
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=i * 17 % 12000)
        roster.append({
            "编号": pid, "姓名": name, "性别": "男" if male else "女", "出生日期": birth.isoformat(),
            "公民身份号码": id_number(birth, i, male), "现任职务": "科员", "登记备案类别": "本地本单位管理的人员",
            "变动记录": [{"日期": "2015-03-01", "变动类型": "新增", "报送公安日期": "2015-03-20", "公安入库日期": "2015-03-23"}],
        })  # fmt: skip
        report: dict[str, Any] = {
            "单位代码": CODE, "编号": pid, "姓名": name, "单位及职务": "绍兴市人民医院 科员",
            "报告类型": "零报告", "签名日期": "2019-06-05", "纸质报告表保管": "本单位",
        }  # fmt: skip
        if i % 3:
            number = f"E{10000000 + i}"
            exit_day = dt.date(2017, 1, 10) + dt.timedelta(days=i % 500)
            entry_day = exit_day + dt.timedelta(days=6)
            applied = exit_day - dt.timedelta(days=20)
            report["报告类型"] = "填报"
            report["持有证件"] = [{
                "证件类别": "普通护照", "证件号码": number, "签发日期": "2015-04-02", "有效期至": "2025-04-01",
                "保管机构": "组织人事科",
            }]  # fmt: skip
            report["出国境情况"] = [{
                "出境日期": exit_day.isoformat(), "入境日期": entry_day.isoformat(), "所到国家（地区）": ["日本"],
                "事由": "旅游", "审批机构": "院党委", "审批编号": f"SP{pid}",
            }]  # fmt: skip
            approvals.append({
                "审批编号": f"SP{pid}", "编号": pid, "申请日期": applied.isoformat(), "事由": "旅游",
                "前往国家（地区）": ["日本"], "计划出境日期": exit_day.isoformat(), "计划入境日期": entry_day.isoformat(),
                "本年度第几次": 1,
                "纪检监察意见": {"意见": "同意", "日期": (applied + dt.timedelta(days=5)).isoformat(), "出具部门": "院纪委"},
                "审批结果": "同意", "审批机构": "院党委", "审批人": "陈建国",
                "审批日期": (applied + dt.timedelta(days=7)).isoformat(),
            })  # fmt: skip
            custody.append({
                "编号": pid, "证件类别": "普通护照", "证件号码": number, "交存日期": "2015-05-01",
                "保管位置": f"专柜 A-{i:03d}",
                "领用记录": [{
                    "领用日期": (exit_day - dt.timedelta(days=2)).isoformat(), "审批编号": f"SP{pid}",
                    "交回日期": (entry_day + dt.timedelta(days=3)).isoformat(), "经办人": "王丽",
                }],
            })  # fmt: skip
        if i % 50 == 0:
            cases.append({
                "问题编号": f"WG{pid}", "编号": pid, "问题类型": ["瞒报出国境情况"], "问题描述": "自查发现。",
                "发现日期": "2019-06-12", "发现途径": "自查自纠",
                "处理": [{"处理方式": "批评教育", "决定日期": "2019-06-20", "决定机关": "院党委"}],
            })  # fmt: skip
        docs.reports[unitdocs.report_rel(CODE, pid, name)] = report
    docs.files[Kind.UNIT] = {
        "单位代码": CODE, "单位名称": "绍兴市人民医院", "国家工作人员总数": people + 10,
        "管理制度": [{"制度名称": "绍兴市人民医院工作人员因私出国（境）管理办法", "出台时间": "2018-05-20"}],
        "证件保管": {"保管机构": "组织人事科", "专人": ["王丽"], "专柜": True, "造册登记": True},
        "填表人": "王丽", "联系电话": "0575-88559001", "审核人": "陈建国",
    }  # fmt: skip
    docs.files[Kind.ROSTER] = {"单位代码": CODE, "人员": roster}
    docs.files[Kind.CUSTODY] = {"单位代码": CODE, "证件": custody}
    docs.files[Kind.APPROVALS] = {"单位代码": CODE, "审批": approvals}
    docs.files[Kind.CASES] = {"单位代码": CODE, "问题": cases}
    return docs


def repository(tmp: Path, people: int) -> Path:
    root = tmp / "repo"
    root.mkdir()
    shutil.copy(MINI / "campaign.yaml", root / "campaign.yaml")
    for rel, (kind, data) in unit(people).all_files().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(dump(kind, rel, data), encoding="utf-8")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=600)
    args = parser.parse_args()
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = repository(Path(tmp), args.people)
        campaign = unit_workbook.load_campaign(root)
        workbook = Path(tmp) / "unit.xlsx"
        t = time.perf_counter()
        unit_workbook.write(root, campaign, CODE, workbook)
        rows.append((f"export ({args.people} people)", time.perf_counter() - t))
        shutil.rmtree(root / "submissions" / CODE)
        t = time.perf_counter()
        outcome = importing.run(root, campaign, workbook, unit=CODE, write=True)
        rows.append((f"import into an empty folder ({outcome.rows} rows)", time.perf_counter() - t))
        if outcome.plan is None or outcome.errors:
            print("\n".join(p.line() for p in outcome.problems[:10]), file=sys.stderr)
            return 1
        written = len(outcome.plan.write)
        t = time.perf_counter()
        again = importing.run(root, campaign, workbook, unit=CODE, write=True)
        rows.append(("import again (nothing changed)", time.perf_counter() - t))
        assert again.plan is not None and not again.plan.write, "a second import must change nothing"
        book = load_workbook(workbook)
        book["证件"]["C10"] = 12345678
        book.save(workbook)
        t = time.perf_counter()
        bad = importing.run(root, campaign, workbook, unit=CODE, write=True)
        rows.append((f"import with a bad cell ({len(bad.errors)} error)", time.perf_counter() - t))
        docs, _ = unitdocs.load(root, CODE, campaign.max_file_kb * 1024)
        reports = [docs.reports[rel] for rel in sorted(docs.reports)]
        t = time.perf_counter()
        save(form_print.build(campaign, reports), Path(tmp) / "forms.xlsx", unit_workbook.stamp(campaign))
        rows.append((f"printed 附件1 ({len(reports)} forms)", time.perf_counter() - t))
        size = workbook.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"workbook {size:.1f} MB; the first import wrote {written} files")
    print(f"{'stage':<48} {'seconds':>8}")
    for name, seconds in rows:
        print(f"{name:<48} {seconds:>8.2f}")
    print(f"peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
