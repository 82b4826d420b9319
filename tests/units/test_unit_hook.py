"""The unit repository's pre-commit hook, for real: pre-commit installs the committee's tool from the
committee's repository at the pinned revision, and `git commit` of a broken file is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from privtravel.cli import main
from tests.units.conftest import MINI, edit, git, make_world

REPO = Path(__file__).parents[2]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
TOOL_FILES = ("scripts", "schemas", "requirements.txt", "pyproject.toml", ".pre-commit-hooks.yaml")


def test_the_units_hook_runs_the_committees_pinned_tool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in {"NAME": "委政治处", "EMAIL": "zzc@example.invalid"}.items():
        monkeypatch.setenv(f"GIT_AUTHOR_{key}", value)
        monkeypatch.setenv(f"GIT_COMMITTER_{key}", value)
    monkeypatch.setenv("HOME", str(tmp_path))
    source = tmp_path / "source"
    shutil.copytree(MINI, source)
    for name in TOOL_FILES:
        if (REPO / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(REPO / name, source / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy2(REPO / name, source / name)
    world = make_world(tmp_path, source)
    assert (
        main(["--root", str(world.committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 0
    )
    clone = world.hr_clone("srmyy")
    env = {**os.environ, "PRE_COMMIT_HOME": str(REPO / ".cache" / "pre-commit")}
    env.pop("PYTHONPATH", None)

    def sh(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=clone, env=env, capture_output=True, text=True, check=False)

    assert sh(str(PRE_COMMIT), "install").returncode == 0
    edit(clone / "报告/0003-孙伟.yaml", "签名日期: 2019-06-04", "签名日期: 2019-06-31")
    done = sh("git", "commit", "-qam", "孙伟零报告")
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "报告/0003-孙伟.yaml:7:7: F109 错误 [签名日期] 日期「2019-06-31」不存在" in out
    edit(clone / "报告/0003-孙伟.yaml", "签名日期: 2019-06-31", "签名日期: 2019-06-05")
    done = sh("git", "commit", "-qam", "孙伟零报告")
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(clone, "log", "-1", "--format=%s").strip() == "孙伟零报告"
