"""Benchmark of `stats` at province scale: generate a campaign, then time each stage once.

    .venv/bin/python bench/stats_scale.py --units 300 --people 200

Stages: load + validate + unit rules (what `stats` must do first), the computation of both tables,
the line lookup for provenance, and the four exports.  Not run by `make test`.  The generator here is
deliberately plain (one report per person, a few documents, trips and cases); the realistic
generator belongs to the demo campaign.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from privtravel import export
from privtravel.stats import from_repository, provenance

CATEGORIES = ["本地本单位管理的人员", "下属单位管理的人员", "其他人员", "退休满1年的市管干部"]
KINDS = ["违规持有因私证照", "瞒报持有因私证照", "未经批准擅自出国(境)", "瞒报出国境情况"]
METHODS = ["批评教育", "诫勉", "调离岗位"]


def id_number(n: int) -> str:
    body = f"33060219750101{(2 * n + 1) % 1000:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def generate(root: Path, units: int, people: int, seed: int) -> int:
    rng = random.Random(seed)
    regions = ["市直", "越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县"]
    lines = [
        "# yaml-language-server: $schema=schemas/campaign.schema.json",
        "专项整治名称: 基准测试",
        "年度: 2019",
        "起算日期: {出国境起算日期: 2016-01-01, 证件失效起算日期: 2018-01-01}",
        "时间节点: {报告截止日期: 2019-06-10, 自查自纠截止日期: 2019-06-30, 统计表报送截止日期: 2019-07-05, "
        "集中检查截止日期: 2019-07-31, 每月报送日: 25}",
        "证件交回天数: 7",
        "地区:",
        *[f"  - 名称: {r}" for r in regions],
        "单位:",
    ]
    files = 1
    for u in range(units):
        code = f"u{u:03d}"
        lines += [f"  - 代码: {code}", f"    名称: 基准单位{u:03d}", f"    地区: {regions[u % len(regions)]}"]
        base = root / "submissions" / code
        (base / "报告").mkdir(parents=True)
        (base / "单位.yaml").write_text(
            "# yaml-language-server: $schema=../../schemas/unit.schema.json\n"
            f"单位代码: {code}\n单位名称: 基准单位{u:03d}\n国家工作人员总数: {people + 10}\n"
            "管理制度:\n  - 制度名称: 基准单位因私出国（境）管理办法\n    出台时间: 2018-05-20\n"
            "证件保管: {保管机构: 组织人事科, 专人: [王丽], 专柜: true}\n"
            '填表人: 王丽\n联系电话: "0575-88559001"\n审核人: 陈建国\n',
            "utf-8",
        )
        roster = [
            "# yaml-language-server: $schema=../../schemas/roster.schema.json",
            f"单位代码: {code}",
            "人员:",
        ]
        custody = [
            "# yaml-language-server: $schema=../../schemas/custody.schema.json",
            f"单位代码: {code}",
            "证件:",
        ]
        cases = [
            "# yaml-language-server: $schema=../../schemas/cases.schema.json",
            f"单位代码: {code}",
            "问题:",
        ]
        for p in range(people):
            pid = f"{p:05d}"
            name = "张" + "伟芳娜敏静丽强磊军洋"[p % 10] + "一二三四五六七八九十"[(p // 10) % 10]
            reported = rng.random() < 0.95
            roster += [
                f'  - 编号: "{pid}"',
                f"    姓名: {name}",
                "    性别: 男",
                "    出生日期: 1975-01-01",
                f'    公民身份号码: "{id_number(p)}"',
                "    现任职务: 科长",
                f"    登记备案类别: {rng.choice(CATEGORIES)}",
                "    变动记录:",
                "      - 日期: 2016-03-01",
                "        变动类型: 新增",
                *(
                    ["        报送公安日期: 2016-03-10", "        公安入库日期: 2016-03-11"]
                    if reported
                    else []
                ),
            ]
            report = [
                "# yaml-language-server: $schema=../../../schemas/report.schema.json",
                f"单位代码: {code}",
                f'编号: "{pid}"',
                f"姓名: {name}",
                f"单位及职务: 基准单位{u:03d} 科长",
            ]
            has_doc = rng.random() < 0.6
            if has_doc:
                number = f"E{u:03d}{p:05d}"
                kept = rng.random() < 0.8
                report += [
                    "报告类型: 填报",
                    "持有证件:",
                    "  - 证件类别: 普通护照",
                    f"    证件号码: {number}",
                    "    签发日期: 2017-01-05",
                    "    有效期至: 2027-01-04",
                    f"    保管机构: {'组织人事科' if kept else '本人'}",
                ]
                if kept:
                    custody += [
                        f'  - 编号: "{pid}"',
                        "    证件类别: 普通护照",
                        f"    证件号码: {number}",
                        "    交存日期: 2019-06-03",
                    ]
                if rng.random() < 0.3:
                    report += [
                        "出国境情况:",
                        "  - 出境日期: 2018-02-10",
                        "    入境日期: 2018-02-17",
                        "    所到国家（地区）: [日本]",
                        "    事由: 旅游",
                        f"    审批机构: {'未经审批' if rng.random() < 0.05 else '院党委'}",
                    ]
            else:
                report.append("报告类型: 零报告")
            report += ["签名日期: 2019-06-05", "纸质报告表保管: 本单位"]
            (base / "报告" / f"{pid}-{name}.yaml").write_text("\n".join(report) + "\n", "utf-8")
            if rng.random() < 0.02:
                cases += [
                    f"  - 问题编号: WG{pid}",
                    f'    编号: "{pid}"',
                    f"    问题类型: [{rng.choice(KINDS)}]",
                    "    问题描述: 自查发现。",
                    "    发现日期: 2019-06-12",
                    "    发现途径: 自查自纠",
                    f"    处理: [{{处理方式: {rng.choice(METHODS)}, 决定日期: 2019-06-20, 决定机关: 院党委}}]",
                ]
        if len(custody) == 3:
            custody[-1] = "证件: []"
        if len(cases) == 3:
            cases[-1] = "问题: []"
        (base / "登记备案.yaml").write_text("\n".join(roster) + "\n", "utf-8")
        (base / "证件保管.yaml").write_text("\n".join(custody) + "\n", "utf-8")
        (base / "违规问题.yaml").write_text("\n".join(cases) + "\n", "utf-8")
        files += 4 + people
    (root / "campaign.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--people", type=int, default=200, help="registered people per unit")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        files = generate(root, args.units, args.people, args.seed)
        size = sum(p.stat().st_size for p in root.rglob("*.yaml")) / 1e6
        print(
            f"generated {files} files, {size:.1f} MB, {args.units * args.people} people in {time.perf_counter() - t:.1f} s"
        )
        rows = []
        t = time.perf_counter()
        result, stats = from_repository(root)
        rows.append(("load + validate + rules + compute", time.perf_counter() - t))
        if result.errors or stats is None:
            print(f"{len(result.errors)} errors, first: {result.errors[:3]}", file=sys.stderr)
            return 1
        from privtravel.diagnostics import Result
        from privtravel.load.repository import load
        from privtravel.stats import compute
        from privtravel.stats.version import of

        repo = load(root, Result())
        assert repo.campaign is not None
        t = time.perf_counter()
        stats = compute(repo.campaign, repo.units, of(root))
        rows.append(("compute both tables (from loaded records)", time.perf_counter() - t))
        t = time.perf_counter()
        cited = list(provenance.refs(stats))
        lines = provenance.lines(root, cited)
        rows.append((f"provenance lines ({len(cited)} records)", time.perf_counter() - t))
        t = time.perf_counter()
        written = export.write_all(stats, root / "out", lines)
        rows.append(("exports (xlsx, 2 csv, json)", time.perf_counter() - t))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        for label, seconds in rows:
            print(f"{label:45s} {seconds:8.2f} s  {size / seconds:7.1f} MB/s")
        for path in written:
            print(f"  {path.name}: {path.stat().st_size / 1e6:.2f} MB")
        print(f"peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
