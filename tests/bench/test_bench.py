"""`make bench` at a tiny size, so the benchmark cannot rot (the full size is run by hand)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

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
        "stats（用 check 的缓存）",
        "site（用 check 的缓存）",
        "crosscheck（冷，无缓存）",
        "stats（冷，无缓存）",
        "site（冷，无缓存）",
        "units sync（5 个单位仓库，1 个有新版本）",
        "site（冷，挂载单位仓库）",
    ):
        assert stage in rows, stage
        assert float(rows[stage][0]) > 0 and int(rows[stage][2]) > 0
    assert rows["裸解析 CSafeLoader"][3] == "1.00"
    assert (keep / "public" / "index.html").is_file()
    # the memory budget is reported, whatever it says at this size
    assert re.search(
        r"^crosscheck、stats、site 各阶段的峰值内存都在上限 1024 MB 以内（最高 \d+ MB）$", out, re.M
    )


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_peak_memory_is_the_stages_own_and_its_childrens(tmp_path: Path) -> None:
    """What the table's 峰值内存 column measures: a stage that holds 300 MB itself, or whose child
    does, is reported with at least that; one that holds nothing with much less.  Measured from a
    small process, as `make bench` is: a child starts counted at its parent's size (pytest's here)."""
    hold = "b = b'x' * (300 << 20)"  # written, so resident (a zeroed bytearray may not be)
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {hold!r}], check=True)"
    measure = "\n".join(
        [
            "import importlib.util, json, sys",
            f"spec = importlib.util.spec_from_file_location('bench_run', {str(BENCH)!r})",
            "bench = importlib.util.module_from_spec(spec)",
            "sys.modules['bench_run'] = bench",
            "spec.loader.exec_module(bench)",
            "argvs = [['-c', 'pass'], ['-c', sys.argv[1]], ['-c', sys.argv[2]]]",
            "rows = [bench.timed('x', [sys.executable, *a], bench.REPO) for a in argvs]",
            "print(json.dumps([r.peak_mb for r in rows]))",
        ]
    )
    done = subprocess.run(
        [sys.executable, "-c", measure, hold, child], capture_output=True, text=True, check=True
    )
    small, big, nested = json.loads(done.stdout)
    assert 0 < small < 100 and big >= 300 and nested >= 300
    bench = _bench()
    verdict = bench.memory_verdict
    rows = [bench.Row("site（冷，无缓存）", 1.0, 1500.0), bench.Row("stats（冷，无缓存）", 1.0, 500.0)]
    assert verdict(rows, 1024) == "峰值内存超出上限 1024 MB 的阶段：site（冷，无缓存） 1500 MB"
    assert "以内（最高 1500 MB）" in verdict(rows, 2048)
    assert verdict([bench.Row("check（冷，无缓存）", 1.0, 5000.0)], 1024).endswith("以内（最高 0 MB）")
