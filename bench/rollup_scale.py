"""Benchmark of a roll-up: many members, half sending a notice-layout workbook, half the published JSON.

    .venv/bin/python bench/rollup_scale.py --members 200

One small demo campaign is generated and published once (json and xlsx); its files are then copied into
every member's folder of a roll-up repository.  Times `rollup check`, `rollup stats --out` and `rollup
site` once each (CPU seconds of this process, and wall time).  Not run by `make test`.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from privtravel import cli


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=b", "-c", "user.email=b@b", *args], cwd=root, check=True, capture_output=True
    )


def build(work: Path, members: int) -> Path:
    campaign = work / "campaign"
    demo = [
        "demo",
        "--out",
        str(campaign),
        "--seed",
        "12",
        "--units",
        "4",
        "--people",
        "160",
        "--crossings",
        "80",
    ]
    assert cli.main(demo) == 0
    git(campaign, "init", "-q")
    git(campaign, "add", "-A")
    git(campaign, "commit", "-qm", "demo")
    assert cli.main(["--root", str(campaign), "rollup", "publish", "--out", str(work / "pub")]) == 0
    root = work / "rollup"
    regions = ["市直", "越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县"]
    lines = [
        "# yaml-language-server: $schema=schemas/rollup.schema.json",
        "汇总名称: 基准测试汇总",
        "填表单位: 组织部",
        "年度: 2019",
        "出国境起算日期: 2016-01-01",
        "统计表报送截止日期: 2019-07-10",
        "地区:",
        *[f"  - 名称: {r}" for r in regions],
        "成员:",
    ]
    for i in range(members):
        source = "json" if i % 2 else "表格"
        lines.append(
            f"  - {{代码: m{i:04d}, 名称: 成员{i}, 地区: {regions[i % len(regions)]}, 报送方式: {source}}}"
        )
        name = "统计表.json" if i % 2 else "统计表.xlsx"
        folder = root / "members" / f"m{i:04d}"
        folder.mkdir(parents=True)
        (folder / name).write_bytes((work / "pub" / name).read_bytes())
    (root / "rollup.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "members")
    return root


def timed(label: str, args: list[str]) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    code = cli.main(args)
    print(
        f"| {label} | {time.perf_counter() - wall:.2f} | {time.process_time() - cpu:.2f} | {code} |",
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = build(Path(tmp), args.members)
        print(
            f"\n{args.members} 个成员（一半 xlsx，一半 json）\n| 阶段 | 墙钟秒 | CPU 秒 | 退出码 |\n|---|--:|--:|--:|",
            file=sys.stderr,
        )
        timed("rollup check", ["--root", str(root), "rollup", "check"])
        timed("rollup stats --out", ["--root", str(root), "rollup", "stats", "--out", str(root / "out")])
        timed("rollup site", ["--root", str(root), "rollup", "site", "--out", str(root / "public")])
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
        print(f"峰值内存 {peak:.2f} GiB", file=sys.stderr)


if __name__ == "__main__":
    main()
