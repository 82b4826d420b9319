"""`units sync` at province scale: every unit of a generated campaign becomes a unit repository
(with a bare remote) mounted in the committee's repository; then one unit merges a change and
`privtravel units sync` takes it in.  Used by bench/run.py (`make bench`); on its own:

    .venv/bin/python bench/units_scale.py --root <a generated campaign>

The conversion writes each unit's repository directly (init, commit, bare clone) and the committee's
gitlinks in one `git update-index`: `units split` per unit gives the same result, slower.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from privtravel.units import scaffold

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}


def git(cwd: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["git", "-c", "protocol.file.allow=always", *args],
        cwd=cwd,
        env=ENV,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def mount_all(root: Path, remotes: Path) -> list[str]:
    """Turn ``root`` (a generated campaign, not yet a git repository) into a committee repository
    whose every unit is a mounted unit repository with a bare remote under ``remotes``."""
    remotes.mkdir(parents=True, exist_ok=True)
    codes = sorted(p.name for p in (root / "submissions").iterdir() if p.is_dir())
    links, modules = [], []
    for code in codes:
        unit = root / "submissions" / code
        scaffold.write_schemas(unit)
        scaffold.rewrite_modelines(unit, code)
        git(unit, "init", "-q", "-b", "main")
        git(unit, "add", "-A")
        git(unit, "commit", "-q", "-m", f"{code} 填报")
        bare = remotes / f"{code}.git"
        git(remotes, "clone", "-q", "--bare", str(unit), str(bare))
        git(unit, "remote", "add", "origin", str(bare))
        git(unit, "fetch", "-q", "origin")
        links.append(f"160000 commit {git(unit, 'rev-parse', 'HEAD').strip()}\tsubmissions/{code}\n")
        modules.append(
            f'[submodule "{code}"]\n\tpath = submissions/{code}\n\turl = {bare}\n\tbranch = main\n'
        )
    (root / ".gitmodules").write_text("".join(modules), encoding="utf-8")
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A", "--", ".", ":!submissions")
    git(root, "update-index", "--index-info", stdin="".join(links))
    git(root, "commit", "-q", "-m", "committee with mounted unit repositories")
    return codes


def change_one_unit(remotes: Path, code: str, work: Path) -> None:
    """A unit's HR commits and pushes a change to main (a harmless comment in 单位.yaml)."""
    clone = work / f"hr-{code}"
    git(work, "clone", "-q", "-b", "main", str(remotes / f"{code}.git"), str(clone))
    with (clone / "单位.yaml").open("a", encoding="utf-8") as out:
        out.write("# 更正：补充说明\n")
    git(clone, "commit", "-q", "-am", "单位基本情况更正")
    git(clone, "push", "-q", "origin", "main")


def time_sync(root: Path) -> tuple[float, str]:
    """Wall time of `privtravel units sync` as a process, and its closing line."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "units", "sync"],
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"units sync 失败：{done.stdout}{done.stderr}")
    return seconds, done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description="units sync 的性能基准")
    parser.add_argument(
        "--root", required=True, help="privtravel demo 生成的工作目录（会被改为委政治处仓库）"
    )
    args = parser.parse_args()
    root = Path(args.root)
    codes = mount_all(root, root.parent / "units")
    change_one_unit(root.parent / "units", codes[0], root.parent)
    seconds, line = time_sync(root)
    print(f"units sync（{len(codes)} 个单位仓库，1 个有新版本）：{seconds:.2f} 秒；{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
