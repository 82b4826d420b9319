"""Benchmark at province scale: `make bench` (full size) or `python bench/run.py --units 5 --people 120`.

Generates a campaign in a temporary folder, then times in one run, each stage in its own process
(so that its peak memory is its own): the bare ``yaml.CSafeLoader`` parse of every declaration file,
``check`` cold (empty cache), ``check`` again after one file changed, the pre-commit hook on that one
file, and every later stage the tool has (crosscheck, stats, site), with check's cache and cold.
Prints a table of seconds, MB/s of declarations, peak memory and each stage's ratio to the bare
parse, and which of crosscheck, stats and site went over the memory budget (``--memory-limit``).

Peak memory is the stage's peak resident set size as the kernel counts it (``wait4``'s
``ru_maxrss``): the largest of the stage's process and every process it waited for (forked
workers count one by one, as the largest of them, not summed).  The kernel counts a child from
the size of the process that started it, so the benchmark's own process stays small (its size is
printed: no stage can be reported below it).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LATER_STAGES = {  # command → extra arguments (output goes to the temporary folder)
    "crosscheck": [],
    "stats": ["--out", "{tmp}/stats"],
    "site": ["--out", "{tmp}/public"],
}
MEMORY_LIMIT_MB = 1024  # issue 18: crosscheck, stats and site at province scale within 1 GB each


@dataclass
class Row:
    stage: str
    seconds: float
    peak_mb: float
    note: str = ""


def declaration_files(root: Path) -> list[Path]:
    files = [root / "campaign.yaml"]
    for folder, dirs, names in os.walk(root / "submissions"):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(folder) / n for n in sorted(names) if n.endswith(".yaml"))
    return files


def bare_parse(root: Path) -> None:
    """The yardstick: PyYAML's C loader on every declaration file, nothing else."""
    import yaml

    for path in declaration_files(root):
        yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)


def timed(stage: str, argv: list[str], cwd: Path) -> Row:
    """Run one stage in a child process; wall time and that child's own peak RSS (wait4)."""
    env = dict(os.environ, CI="1")  # no progress output inside the measurement
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if code != 0:
        raise SystemExit(f"阶段「{stage}」失败（退出码 {code}）：\n{text[-2000:]}")
    last = text.strip().splitlines()
    return Row(stage, seconds, usage.ru_maxrss / 1024, last[-1] if last else "")


def table(rows: list[Row], megabytes: float) -> str:
    bare = rows[0].seconds
    lines = ["| 阶段 | 秒 | MB/s | 峰值内存 MB | 相对裸解析 |", "|---|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row.stage} | {row.seconds:.2f} | {megabytes / row.seconds:.1f} | {row.peak_mb:.0f} "
            f"| {row.seconds / bare:.2f} |"
        )
    return "\n".join(lines)


def memory_verdict(rows: list[Row], limit_mb: int) -> str:
    """One line: whether every crosscheck, stats and site stage stayed within ``limit_mb``."""
    measured = [r for r in rows if r.stage.split("（", 1)[0] in LATER_STAGES]
    over = [f"{r.stage} {r.peak_mb:.0f} MB" for r in measured if r.peak_mb > limit_mb]
    if over:
        return f"峰值内存超出上限 {limit_mb} MB 的阶段：{'；'.join(over)}"
    peak = max((r.peak_mb for r in measured), default=0.0)
    return f"crosscheck、stats、site 各阶段的峰值内存都在上限 {limit_mb} MB 以内（最高 {peak:.0f} MB）"


def change_one_file(root: Path) -> str:
    """Edit one report the way a clerk would (same person, one more remark) and return its path."""
    reports = sorted((root / "submissions").glob("*/报告/*.yaml"))
    target = reports[len(reports) // 2]
    text = target.read_text(encoding="utf-8")
    if "其他需要说明情况:" in text:
        text = text.replace("其他需要说明情况:", "其他需要说明情况: 补充说明。", 1)
    else:
        text = text.replace("\n签名日期:", "\n其他需要说明情况: 补充说明。\n签名日期:", 1)
    target.write_text(text, encoding="utf-8")
    return target.relative_to(root).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="省级规模的性能基准（默认 300 个单位、60000 人、约 200000 条出入境记录）"
    )
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--people", type=int, default=60000)
    parser.add_argument(
        "--crossings", type=int, help="出入境记录的大约条数（默认每 3 人 10 条，6 万人时 20 万条）"
    )
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--keep", help="把生成的数据保留在这个目录（默认用临时目录，结束后删除）")
    parser.add_argument(
        "--memory-limit",
        type=int,
        default=MEMORY_LIMIT_MB,
        metavar="MB",
        help=f"crosscheck、stats、site 各阶段的峰值内存上限（默认 {MEMORY_LIMIT_MB} MB），超出的阶段列在表后",
    )
    parser.add_argument("--stage", help=argparse.SUPPRESS)  # internal: run one stage in this process
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.crossings is None:  # in proportion: a small --people with 200,000 crossings cannot be generated
        args.crossings = args.people * 10 // 3
    if args.stage == "bare":
        bare_parse(Path(args.root))
        return 0

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="privtravel-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    root = tmp / "campaign"
    python = sys.executable
    tool = [python, "-m", "privtravel"]
    try:
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        generated = timed(
            "生成示例数据",
            [
                *tool,
                "demo",
                "--out",
                str(root),
                "--seed",
                str(args.seed),
                "--units",
                str(args.units),
                "--people",
                str(args.people),
                "--crossings",
                str(args.crossings),
            ],
            REPO,
        )
        files = declaration_files(root)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        rows = [timed("裸解析 CSafeLoader", [python, __file__, "--stage", "bare", "--root", str(root)], REPO)]
        rows.append(timed("check（冷，无缓存）", [*tool, "--root", str(root), "check"], REPO))
        changed = change_one_file(root)
        rows.append(timed("check（改一个文件后）", [*tool, "--root", str(root), "check"], REPO))
        rows.append(
            timed(
                "pre-commit 钩子（一个文件）",
                [python, str(REPO / "scripts" / "hook_check.py"), changed],
                root,
            )
        )
        rows.append(timed("check（无改动）", [*tool, "--root", str(root), "check"], REPO))
        from privtravel.cli import COMMANDS

        def later(stage: str, label: str) -> Row:
            extra = [a.format(tmp=tmp) for a in LATER_STAGES[stage]]
            return timed(label, [*tool, "--root", str(root), stage, *extra], REPO)

        for stage in LATER_STAGES:
            if stage in COMMANDS:  # after check, as in CI: unchanged files come from its cache
                rows.append(later(stage, f"{stage}（用 check 的缓存）"))
        shutil.rmtree(root / ".cache", ignore_errors=True)  # a fresh clone: nothing cached
        for stage in LATER_STAGES:
            if stage in COMMANDS:  # none of them writes the cache: each is cold
                rows.append(later(stage, f"{stage}（冷，无缓存）"))
        if "export" in COMMANDS and "import" in COMMANDS:  # the Excel bridge, on the largest unit
            unit = max((root / "submissions").iterdir(), key=lambda d: len(list(d.rglob("*.yaml"))))
            people = len(list((unit / "报告").glob("*.yaml")))
            workbook = tmp / "unit.xlsx"
            rows.append(
                timed(
                    f"export（{people} 人的单位）",
                    [*tool, "--root", str(root), "export", unit.name, "--out", str(workbook)],
                    REPO,
                )
            )
            rows.append(
                timed(
                    "import（同一表格，只检查）",
                    [*tool, "--root", str(root), "import", str(workbook), "--dry-run"],
                    REPO,
                )
            )
            rows.extend(_libreoffice_import(tool, root, workbook, tmp))
        if "units" in COMMANDS:  # one repository per unit: sync, and the dashboard read through mounts
            import units_scale  # bench/, beside this script

            codes = units_scale.mount_all(root, tmp / "units")
            units_scale.change_one_unit(tmp / "units", codes[0], tmp)
            sync = [*tool, "--root", str(root), "units", "sync"]
            rows.append(timed(f"units sync（{len(codes)} 个单位仓库，1 个有新版本）", sync, REPO))
            shutil.rmtree(root / ".cache", ignore_errors=True)
            rows.append(later("site", "site（冷，挂载单位仓库）"))
        cpu = os.cpu_count()
        memory = _memory_gib()
        print(
            f"规模：{args.units} 个单位，{args.people} 人，{generated.note}\n"
            f"声明文件 {len(files)} 个，{megabytes:.1f} MB；生成用时 {generated.seconds:.1f} 秒\n"
            f"机器：{platform.machine()}，{cpu} 核，内存 {memory}，Python {platform.python_version()}\n"
            f"峰值内存：各阶段进程及其子进程中最大者的最大常驻内存（基准进程自身 {_own_peak_mb():.0f} MB，"
            "各阶段的数值不会低于它）\n"
        )
        print(table(rows, megabytes))
        print(memory_verdict(rows, args.memory_limit))
        missing = [s for s in LATER_STAGES if s not in COMMANDS]
        if missing:
            print(f"（尚未实现、未计时的阶段：{'、'.join(missing)}）")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _libreoffice_import(tool: list[str], root: Path, workbook: Path, tmp: Path) -> list[Row]:
    """The same workbook after a clerk's LibreOffice session (rows deleted, sheets sorted, saved as
    .xlsx: every sheet 1,048,576 rows deep), imported.  Needs soffice (.ci/run installs it)."""
    if shutil.which("soffice") is None:
        print("（没有 LibreOffice（soffice），未计时「LibreOffice 另存的表格」的导入）")
        return []
    sys.path.insert(0, str(REPO))
    from tests.office import Job, clerk_edits

    saved = tmp / "unit-libreoffice.xlsx"
    clerk_edits(Job(), workbook).save_xlsx(saved).close().run(tmp)
    argv = [*tool, "--root", str(root), "import", str(saved), "--dry-run"]
    return [timed("import（LibreOffice 删行、排序后另存，只检查）", argv, REPO)]


def _own_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _memory_gib() -> str:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            kb = int(f.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        return "未知"


if __name__ == "__main__":
    raise SystemExit(main())
