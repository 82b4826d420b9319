"""A unit repository's merge-request pipeline, run by gitlab-ci-local with the committee's pipeline
file (ci/unit-pipeline.yml, as the unit project's CI/CD configuration file names it): the tool, the
schemas and campaign.yaml come from a clone of the committee's project, only data from the unit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from privtravel.cli import main
from tests.units.conftest import MINI, World, edit, git, make_world
from tests.workflow import test_pipeline

tool = test_pipeline.tool  # gitlab-ci-local, pinned, installed once
REPO = Path(__file__).parents[2]
TOOL_FILES = ("scripts", "schemas", "requirements.txt", "ci", ".gitlab")
REPORT = "报告/0001-赵明.yaml"


@pytest.fixture
def unit_mr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[World, Path]:
    """The committee (tool and small campaign) on its origin, srmyy split out, an HR branch."""
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "委政治处")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "zzc@example.invalid")
    monkeypatch.setenv("HOME", str(tmp_path))
    source = tmp_path / "source"
    shutil.copytree(MINI, source)
    for name in TOOL_FILES:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        kwargs = {"symlinks": True, "ignore": shutil.ignore_patterns("__pycache__", "*.egg-info")}
        copy(REPO / name, source / name, **(kwargs if copy is shutil.copytree else {}))  # type: ignore[operator]
    world = make_world(tmp_path, source)
    assert (
        main(["--root", str(world.committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 0
    )
    git(world.committee, "push", "-q", "origin", "main")
    clone = world.hr_clone("srmyy")
    # gitlab-ci-local names the project after its remote, as GitLab does: CI_PROJECT_NAME=srmyy
    git(clone, "remote", "set-url", "origin", "git@gitlab.example.invalid:zzc/units/srmyy.git")
    git(clone, "checkout", "-q", "-b", "hr/更正")
    return world, clone


def run_pipeline(world: World, clone: Path, tool: Path) -> subprocess.CompletedProcess[str]:
    pipeline_file = world.top / "unit-pipeline.yml"  # as GitLab reads it: from the committee's project
    shutil.copy2(REPO / "ci" / "unit-pipeline.yml", pipeline_file)
    base = git(clone, "rev-parse", "main").strip()
    home = world.top / "gcl-home"
    home.mkdir(exist_ok=True)
    variables = {
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_DEFAULT_BRANCH": "main",
        "CI_MERGE_REQUEST_TARGET_BRANCH_SHA": base,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
        "CI_MERGE_REQUEST_IID": "1",
        "PRIVTRAVEL_COMMITTEE_URL": str(world.origin),  # instead of the job-token URL of the GitLab host
        "VENV": sys.prefix,  # this test's environment: nothing to install
    }
    args = [
        str(tool),
        "--file",
        os.path.relpath(pipeline_file, clone),
        "--force-shell-executor",
        "--no-color",
    ]
    args += ["--home", str(home), "--ignore-predefined-vars", ",".join(variables)]
    for key, value in variables.items():
        args += ["--variable", f"{key}={value}"]
    env = {**os.environ, "HOME": str(home)}
    env.pop("PYTHONPATH", None)
    return subprocess.run(args, cwd=clone, env=env, capture_output=True, text=True, check=False, timeout=600)


def test_a_units_correction_passes_with_the_committees_judge(unit_mr: tuple[World, Path], tool: Path) -> None:
    world, clone = unit_mr
    edit(clone / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    git(clone, "commit", "-q", "-am", "赵明 入境日期更正")
    done = run_pipeline(world, clone, tool)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert test_pipeline.verdicts(out) == {"judge": "PASS"}
    summary = (clone / "build/review/审核摘要.md").read_text(encoding="utf-8")
    assert "改动 1 个文件" in summary
    assert "- 变更 0001 赵明：出国（境）情况「2018-02-10 日本」：入境日期 2018-02-17 → 2018-02-18" in summary
    assert "submissions/" not in summary and "szyy" not in summary


def test_a_broken_file_fails_even_with_the_units_own_schemas_loosened(
    unit_mr: tuple[World, Path], tool: Path
) -> None:
    world, clone = unit_mr
    edit(clone / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-31")
    loose = clone / "schemas/report.schema.json"  # the unit's copy is for its editor, not the judge
    loose.write_text(json.dumps({"type": "object"}), encoding="utf-8")
    git(clone, "commit", "-q", "-am", "改日期，也改格式说明")
    done = run_pipeline(world, clone, tool)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert test_pipeline.verdicts(out) == {"judge": "FAIL"}
    assert f"{REPORT}:" in out and "F109" in out and "2018-02-31" in out
