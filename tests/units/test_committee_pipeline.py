"""The committee's own merge-request pipeline (.gitlab-ci.yml with .ci/judge, run by gitlab-ci-local)
with a unit mounted from its repository: the judge's tree reads the mount at its pinned commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from privtravel.cli import main
from tests.workflow import test_pipeline
from tests.workflow.wfgit import git

tool = test_pipeline.tool  # gitlab-ci-local, pinned, installed once


def test_a_plain_units_merge_request_is_judged_with_the_mounted_unit_read(
    tmp_path: Path, tool: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in {"NAME": "委政治处", "EMAIL": "zzc@example.invalid"}.items():
        monkeypatch.setenv(f"GIT_AUTHOR_{key}", value)
        monkeypatch.setenv(f"GIT_COMMITTER_{key}", value)
    root = test_pipeline.project(tmp_path / "repo")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(tmp_path / "units" / "srmyy.git"))
    assert (
        main(
            [
                "--root",
                str(root),
                "units",
                "split",
                "srmyy",
                "--url",
                "../units/srmyy.git",
                "--committee-url",
                "https://gitlab.example.invalid/zzc/privtravel.git",
            ]
        )
        == 0
    )
    test_pipeline.merge_request(root, test_pipeline.OTHER_UNIT)  # szyy, still a plain folder
    done = test_pipeline.pipeline(root, tool, "szyy-hr", "validate:all", "review")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert test_pipeline.verdicts(out) == {"validate:all": "PASS", "review": "PASS"}
    assert "已取出 1 个单位仓库" in out
    assert "检查了 18 个文件" in out  # as many as with srmyy a plain folder
    summary = (root / "build" / "review" / "审核摘要.md").read_text(encoding="utf-8")
    assert "绍兴市中医院" in summary and "srmyy" not in summary
