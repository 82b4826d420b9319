"""`make bench` at a tiny size, so the benchmark cannot rot (the full size is run by hand)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "run.py"
ROW = re.compile(r"^\| ([^|]+?) \| ([\d.]+) \| ([\d.]+) \| (\d+) \| ([\d.]+) \|$", re.M)


def test_bench_runs_every_stage_and_prints_the_table(tmp_path: Path) -> None:
    keep = tmp_path / "bench"
    args = ["--units", "5", "--people", "150", "--crossings", "300", "--keep", str(keep)]
    done = subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "5 个单位" in out and "核" in out and "GiB" in out
    rows = {m[0]: m[1:] for m in ROW.findall(out)}
    for stage in (
        "裸解析 CSafeLoader",
        "check（冷，无缓存）",
        "check（改一个文件后）",
        "pre-commit 钩子（一个文件）",
        "crosscheck（用 check 的缓存）",
        "site（用 check 的缓存）",
        "site（冷，无缓存）",
        "units sync（5 个单位仓库，1 个有新版本）",
        "site（冷，挂载单位仓库）",
    ):
        assert stage in rows, stage
        assert float(rows[stage][0]) > 0 and int(rows[stage][2]) > 0
    assert rows["裸解析 CSafeLoader"][3] == "1.00"
    assert (keep / "public" / "index.html").is_file()
