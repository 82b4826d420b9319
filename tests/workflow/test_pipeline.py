"""The merge-request pipeline of .gitlab-ci.yml, run for real with gitlab-ci-local (shell executor).

A copy of the project with the small campaign is committed on main; an HR branch makes a change,
main moves on (another unit), and the merge request's merged result is what the pipeline runs on,
through .ci/mr-pipeline exactly as a maintainer would run it.  The jobs reuse this test's Python
environment (VENV), so nothing is installed but gitlab-ci-local itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from privtravel.cli import main as cli_main
from tests.workflow.wfgit import commit, edit, git

REPO = Path(__file__).parents[2]
TOOL_DIR = REPO / ".ci" / "gitlab-ci-local"
TOOL = TOOL_DIR / "node_modules" / ".bin" / "gitlab-ci-local"
MINI = REPO / "tests" / "fixtures" / "mini"
PROJECT_FILES = (
    "scripts",
    "schemas",
    "requirements.txt",
    ".gitlab-ci.yml",
    ".gitlab",
    ".gitignore",
    ".ci/mr-pipeline",
)
REPORT = "submissions/srmyy/报告/0001-赵明.yaml"


@pytest.fixture(scope="module")
def tool() -> Path:
    """gitlab-ci-local as pinned in .ci/gitlab-ci-local (installed once with npm ci), and rsync."""
    missing = [] if shutil.which("npm") else ["npm"]
    if shutil.which("rsync") is None and os.geteuid() != 0:  # as root, .ci/mr-pipeline installs it
        missing.append("rsync")
    if missing:
        message = (
            f"gitlab-ci-local needs {', '.join(missing)} (.ci/mr-pipeline installs rsync when run as root)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if not TOOL.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=TOOL_DIR,
            check=True,
            capture_output=True,
        )
    return TOOL


def project(root: Path) -> Path:
    """The project's CI files and code with the small campaign, committed on main."""
    for name in PROJECT_FILES:
        source = REPO / name
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(
                source, target, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
            )
        else:
            shutil.copy2(source, target)
    shutil.copytree(MINI, root, dirs_exist_ok=True)
    # the repository's CODEOWNERS belongs to its own (demo) campaign: make the small campaign's
    assert cli_main(["--root", str(root), "codeowners", "--write"]) == 0
    git(root, "init", "-q", "-b", "main")
    commit(root, "初始提交")
    return root


def merge_request(root: Path, change: dict[str, tuple[str, str]]) -> None:
    """An HR branch with ``change`` (path → old, new), main moving on meanwhile, and the merged result."""
    git(root, "checkout", "-q", "-b", "hr/change", "main")
    for path, (old, new) in change.items():
        edit(root / path, old, new)
    commit(root, "单位填报更正")
    git(root, "checkout", "-q", "main")
    edit(root / "submissions/sjkzx/单位.yaml", "审核人:", "审核人: 李华\n# 原审核人:")
    commit(root, "疾控中心更换审核人")
    git(root, "checkout", "-q", "-b", "merged-result", "main")
    git(root, "merge", "-q", "--no-ff", "hr/change", "-m", "合并 hr/change")


def pipeline(root: Path, tool: Path, user: str, *jobs: str) -> subprocess.CompletedProcess[str]:
    home = root.parent / "home"  # outside the repository: tools write there (an untracked file is a change)
    home.mkdir(exist_ok=True)
    env = {**os.environ, "GITLAB_CI_LOCAL": str(tool), "VENV": sys.prefix, "HOME": str(home)}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(root / ".ci" / "mr-pipeline"), "main", user, *jobs],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def verdicts(output: str) -> dict[str, str]:
    """The closing lines of gitlab-ci-local: ' PASS  job' / ' FAIL  job'."""
    found = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("PASS", "FAIL"):
            found[parts[1]] = parts[0]
    return found


def test_a_units_correction_passes_every_job_and_leaves_the_summary(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    merge_request(root, {REPORT: ("入境日期: 2018-02-17", "入境日期: 2018-02-18")})
    done = pipeline(root, tool, "srmyy-hr")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    jobs = ("validate:changed", "validate:all", "ownership", "codeowners", "crosscheck", "stats", "review")
    assert verdicts(out) == dict.fromkeys(jobs, "PASS")
    assert "提交人 @srmyy-hr（填报人员）改动了 1 个文件" in out  # main's own commit is not the MR's
    summary = (root / "build" / "review" / "审核摘要.md").read_text(encoding="utf-8")
    assert "- 变更 0001 赵明：出国（境）情况「2018-02-10 日本」：入境日期 2018-02-17 → 2018-02-18" in summary
    assert "sjkzx" not in summary
    assert "附件2、附件3 的数字和比对核查发现的问题都没有变化。" in summary


def test_a_change_to_another_units_folder_fails_the_ownership_job(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    merge_request(
        root,
        {
            REPORT: ("入境日期: 2018-02-17", "入境日期: 2018-02-18"),
            "submissions/szyy/单位.yaml": ("审核人:", "审核人: 王五\n# 原审核人:"),
        },
    )
    done = pipeline(root, tool, "srmyy-hr")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert verdicts(out)["ownership"] == "FAIL"
    assert verdicts(out)["validate:changed"] == "PASS"
    assert "submissions/szyy/单位.yaml —— 属于 绍兴市中医院（szyy），由 @szyy-hr 负责" in out


def test_a_broken_declaration_fails_validation_with_file_and_line(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    merge_request(root, {REPORT: ("签名日期: 2019-06-05", "签名日期: 2019-06-31")})
    done = pipeline(root, tool, "srmyy-hr", "validate:changed", "codeowners")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert verdicts(out) == {"validate:changed": "FAIL", "codeowners": "PASS"}
    assert f"{REPORT}:" in out and "F109" in out and "2019-06-31" in out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("push", {"codeowners", "pages", "exports"}),
        ("schedule", {"codeowners", "remind"}),
    ],
)
def test_a_schedule_on_main_only_reminds(tmp_path: Path, tool: Path, source: str, expected: set[str]) -> None:
    """A push to main publishes the dashboard and exports; the weekday schedule only updates reminders."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(REPO / ".gitlab-ci.yml", root / ".gitlab-ci.yml")
    git(root, "init", "-q", "-b", "main")
    commit(root, "初始提交")
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [
            str(tool),
            "--list",
            "--variable",
            f"CI_PIPELINE_SOURCE={source}",
            "--variable",
            "PRIVTRAVEL_REMIND=1",
        ],
        cwd=root,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("name"))
    assert {line.split()[0] for line in lines[header + 1 :] if line.strip()} == expected
