"""The cost of 进展's findings by day (site/history.py) on a campaign with a realistic Git history:

    .venv/bin/python bench/history_scale.py --units 30 --people 6000

Generates a campaign (``privtravel demo``), then commits it the way a campaign fills a repository:
the declarations arrive over three days, the police data on the fourth, and on each later day a fifth
of the units answer their findings (核查说明.yaml, 核实无问题).  Times the findings history cold (empty
cache) and warm (every day cached), one day more on its own, and the whole ``site``: with every day
cached, and after one more day (which is the work tree's, so the site's own cross-check serves it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from privtravel.crosscheck.run import crosscheck
from privtravel.site import history
from privtravel.site.audit import read_log

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}


def commit(root: Path, day: int, message: str, paths: list[str]) -> None:
    stamp = f"2019-06-{day:02d}T18:00:00+08:00"
    env = {**ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", "add", "--", *paths], cwd=root, env=env, check=True, capture_output=True)
    subprocess.run(
        ["git", "commit", "-q", "--allow-empty", "-m", message],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def answer(root: Path, unit: str, keys: list[str]) -> str:
    rel = f"submissions/{unit}/核查说明.yaml"
    items = "".join(
        f"  - 核查项: {k}\n    核查结论: 核实无问题\n    理由: 经核实已按规定审批。\n" for k in keys
    )
    (root / rel).write_text(
        f"# yaml-language-server: $schema=../../schemas/responses.schema.json\n单位代码: {unit}\n"
        + (f"说明:\n{items}" if items else "说明: []\n"),
        encoding="utf-8",
    )
    return rel


def timed(label: str, work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"| {label} | {seconds:.1f} |", flush=True)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="进展（按日）核查发现的逐日重算：耗时")
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--people", type=int, default=6000)
    parser.add_argument("--answer-days", type=int, default=5)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="privtravel-history-"))
    root = tmp / "campaign"
    try:
        tool = [sys.executable, "-m", "privtravel"]
        demo = [*tool, "demo", "--out", str(root), "--units", str(args.units), "--people", str(args.people)]
        demo += ["--crossings", str(args.people * 10 // 3)]
        subprocess.run(demo, check=True, capture_output=True)
        findings = crosscheck(root).answered  # the keys the units will answer
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
        units = sorted(p.name for p in (root / "submissions").iterdir())
        thirds = [units[i::3] for i in range(3)]
        commit(root, 1, "工具和配置", ["campaign.yaml", *(f"submissions/{u}" for u in thirds[0])])
        commit(root, 2, "第二批单位", [f"submissions/{u}" for u in thirds[1]])
        commit(root, 3, "第三批单位", [f"submissions/{u}" for u in thirds[2]])
        commit(root, 4, "公安数据", ["police"])
        for day in range(args.answer_days):
            chosen = units[day :: args.answer_days]
            paths = [
                answer(root, u, [a.finding.key for a in findings if a.finding.unit == u])
                for u in chosen
                if any(a.finding.unit == u for a in findings)
            ]
            commit(root, 5 + day, "核查说明", paths or ["campaign.yaml"])
        os.environ["PRIVTRAVEL_CACHE_DIR"] = str(tmp / "cache")
        entries = read_log(root)
        days = len(history.input_days(entries))
        print(f"{args.units} 个单位，{args.people} 人，{len(findings)} 项核查发现，{days} 个数据日\n")
        print("| 步骤 | 秒 |\n|---|---:|")
        timed(f"逐日核查发现（冷，{days} 天全部计算）", lambda: history.daily(root, entries))
        timed("逐日核查发现（热，全部取自缓存）", lambda: history.daily(root, entries))
        last = answer(root, units[0], [])
        commit(root, 5 + args.answer_days, "核查说明（撤回）", [last])
        entries = read_log(root)
        timed("逐日核查发现（多一天，单独重算：读入全部数据）", lambda: history.daily(root, entries))
        site = [*tool, "--root", str(root), "site", "--out", str(tmp / "public")]
        timed("site（历史已缓存）", lambda: subprocess.run(site, check=True, capture_output=True))
        again = answer(root, units[1], [])
        commit(root, 6 + args.answer_days, "核查说明（撤回）", [again])
        timed(
            "site（又多一天：那一天就是本次比对的）",
            lambda: subprocess.run(site, check=True, capture_output=True),
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
