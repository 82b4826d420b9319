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
from collections.abc import Mapping
from pathlib import Path

import pytest

from privtravel.cli import main as cli_main
from tests import gitlab_fake
from tests.workflow.wfgit import ENV, commit, edit, git

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
    ".ci/judge",
)
REPORT = "submissions/srmyy/报告/0001-赵明.yaml"
CORRECTION = {REPORT: ("入境日期: 2018-02-17", "入境日期: 2018-02-18")}
OTHER_UNIT = {"submissions/szyy/单位.yaml": ("审核人:", "审核人: 王五\n# 原审核人:")}
# every job of a merge-request pipeline but the merge request's own tests (which run the whole suite)
JUDGE_JOBS = ("validate:changed", "validate:all", "ownership", "codeowners", "crosscheck", "stats", "review")


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


def merge_request(root: Path, change: Mapping[str, tuple[str, str] | str | None]) -> None:
    """An HR branch with ``change`` (path → (old, new) replaced once, or the whole new text, or None to
    delete), main moving on meanwhile (another unit), and the merge request's merged result checked out."""
    git(root, "checkout", "-q", "-b", "hr/change", "main")
    for path, what in change.items():
        target = root / path
        if what is None:
            target.unlink()
        elif isinstance(what, str):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(what, encoding="utf-8")
        else:
            edit(target, *what)
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
    assert verdicts(out) == dict.fromkeys((*JUDGE_JOBS, "tests:mr"), "PASS")
    assert "运行流水线的用户 @srmyy-hr（填报人员）改动了 1 个文件" in out  # main's own commit is not the MR's
    assert "本合并请求只改动了填报数据，不需要运行它自己的测试。" in out
    summary = (root / "build" / "review" / "审核摘要.md").read_text(encoding="utf-8")
    assert "只改动了填报数据" in summary and "合并后才生效" not in summary
    # the judges' trees lived outside the repository and are gone; the check cache is kept for the next run
    assert git(root, "worktree", "list", "--porcelain").count("worktree ") == 1
    assert (root / ".ci-cache" / "privtravel").is_dir()
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


# The attack matrix: a unit's merge request that tries to change what judges it.  Each is refused or
# harmless; the same merge request without the attack passes (the first test above).


def summary_of(root: Path) -> str:
    return (root / "build" / "review" / "审核摘要.md").read_text(encoding="utf-8")


def without_block(path: Path, start: str, end: str) -> str:
    text = path.read_text(encoding="utf-8")
    a = text.index(start)
    return text[:a] + text[text.index(end, a + len(start)) :]


def test_deleting_the_ownership_job_in_the_merge_request_changes_nothing(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    ci = without_block(root / ".gitlab-ci.yml", "ownership:\n", "# .gitlab/CODEOWNERS")
    merge_request(root, {**CORRECTION, **OTHER_UNIT, ".gitlab-ci.yml": ci})
    done = pipeline(root, tool, "srmyy-hr", *JUDGE_JOBS)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert verdicts(out)["ownership"] == "FAIL"  # the job runs: the pipeline file is the target's
    assert "submissions/szyy/单位.yaml —— 属于 绍兴市中医院（szyy），由 @szyy-hr 负责" in out
    assert ".gitlab-ci.yml —— 属于 维护人员" in out
    summary = summary_of(root)
    assert "本合并请求修改了流水线（`.gitlab-ci.yml`），合并后才生效，须维护人员审核。" in summary


def test_editing_the_ownership_code_in_the_merge_request_changes_nothing(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    path = "scripts/privtravel/workflow/ownership.py"
    code = (root / path).read_text(encoding="utf-8")
    assert "return not self.refusals" in code
    merge_request(
        root, {**CORRECTION, **OTHER_UNIT, path: code.replace("return not self.refusals", "return True")}
    )
    done = pipeline(root, tool, "srmyy-hr", "ownership", "review")
    out = done.stdout + done.stderr
    assert verdicts(out) == {"ownership": "FAIL", "review": "PASS"}
    assert "submissions/szyy/单位.yaml —— 属于 绍兴市中医院（szyy）" in out
    assert f"{path} —— 属于 维护人员" in out
    assert (
        "本合并请求修改了工具代码（`scripts/privtravel/workflow/ownership.py`），合并后才生效"
        in summary_of(root)
    )


def test_editing_the_review_code_in_the_merge_request_does_not_hide_the_notice(
    tmp_path: Path, tool: Path
) -> None:
    root = project(tmp_path / "repo")
    path = "scripts/privtravel/workflow/review/markdown.py"
    code = (root / path).read_text(encoding="utf-8")
    hidden = code.replace("    out += _pending(review)\n", "").replace(
        '"## 审核摘要"', '"## 审核摘要（无需关注）"'
    )
    assert hidden != code
    merge_request(root, {**CORRECTION, path: hidden})
    done = pipeline(root, tool, "srmyy-hr", "review")
    assert verdicts(done.stdout + done.stderr) == {"review": "PASS"}
    summary = summary_of(root)
    assert summary.startswith("<!-- privtravel-review -->\n## 审核摘要\n")
    assert (
        "本合并请求修改了工具代码（`scripts/privtravel/workflow/review/markdown.py`），合并后才生效，须维护人员审核。"
        in summary
    )
    assert "- 变更 0001 赵明：出国（境）情况「2018-02-10 日本」：入境日期 2018-02-17 → 2018-02-18" in summary


def test_files_the_merge_request_plants_for_python_are_never_imported(tmp_path: Path, tool: Path) -> None:
    """A module beside the data (the current folder of some jobs) or a .pth cannot run in the judge."""
    root = project(tmp_path / "repo")
    planted = "import sys\nprint('PLANTED CODE RAN')\nsys.exit(0)\n"
    merge_request(
        root,
        {
            **CORRECTION,
            **OTHER_UNIT,
            "yaml.py": planted,
            "privtravel/__init__.py": planted,
            "sitecustomize.py": planted,
            "submissions/srmyy/yaml.py": planted,
        },
    )
    done = pipeline(root, tool, *("srmyy-hr", "ownership", "codeowners", "validate:changed"))
    out = done.stdout + done.stderr
    assert "PLANTED CODE RAN" not in out
    assert verdicts(out)["ownership"] == "FAIL"
    assert "yaml.py —— 属于 维护人员" in out


def test_a_merge_request_cannot_grant_itself_another_units_folder(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    grant = ('填报人员: ["@szyy-hr"]', '填报人员: ["@szyy-hr", "@srmyy-hr"]')
    merge_request(root, {**CORRECTION, **OTHER_UNIT, "campaign.yaml": grant})
    done = pipeline(root, tool, "srmyy-hr", "ownership", "review", "validate:all")
    out = done.stdout + done.stderr
    assert verdicts(out) == {"ownership": "FAIL", "review": "PASS", "validate:all": "PASS"}
    assert "submissions/szyy/单位.yaml —— 属于 绍兴市中医院（szyy），由 @szyy-hr 负责" in out
    summary = summary_of(root)
    assert "专项整治配置（campaign.yaml）" in summary and "还须委政治处审核人员批准" in summary
    assert (
        "填报人员 @szyy-hr → @szyy-hr、@srmyy-hr" in summary
        or "srmyy-hr" in summary.split("合并后才生效")[-1]
    )


def test_a_symbolic_link_among_the_data_stops_the_judge(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "hr/link", "main")
    (root / "submissions/srmyy/报告/0009-链接.yaml").symlink_to("../../../campaign.yaml")
    commit(root, "链接")
    done = pipeline(root, tool, "srmyy-hr", "validate:all")
    out = done.stdout + done.stderr
    assert verdicts(out) == {"validate:all": "FAIL"}
    assert "不能提交符号链接：submissions/srmyy/报告/0009-链接.yaml" in out


def test_a_committed_ci_cache_is_thrown_away(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    forged = ".ci-cache/privtravel/forged"
    merge_request(root, {**CORRECTION, forged: "forged\n"})
    git(root, "add", "-f", forged)
    commit(root, "缓存")
    done = pipeline(root, tool, "srmyy-hr", "validate:all")
    out = done.stdout + done.stderr
    assert verdicts(out) == {"validate:all": "PASS"}
    assert "被审核的提交中有 .ci-cache/" in out


def test_the_merge_requests_own_tests_run_without_the_token(tmp_path: Path, tool: Path) -> None:
    """tests:mr runs the merge request's own .ci/run; it refuses to start when it can see the token."""
    root = project(tmp_path / "repo")
    run = '#!/bin/sh\necho "OWN TESTS RAN token=${PRIVTRAVEL_GITLAB_TOKEN:-none}"\n'
    merge_request(root, {".ci/run": run})
    (root / ".ci/run").chmod(0o755)
    git(root, "add", ".ci/run")
    commit(root, "可执行")
    done = pipeline(root, tool, "srmyy-hr", "tests:mr")
    out = done.stdout + done.stderr
    assert verdicts(out) == {"tests:mr": "PASS"}, out
    assert "OWN TESTS RAN token=none" in out
    leaked = pipeline(root, tool, "srmyy-hr", "tests:mr", "--variable", "PRIVTRAVEL_GITLAB_TOKEN=secret")
    out = leaked.stdout + leaked.stderr
    assert verdicts(out) == {"tests:mr": "FAIL"}
    assert "不能拿到 PRIVTRAVEL_GITLAB_TOKEN" in out and "OWN TESTS RAN" not in out


def test_an_override_variable_for_group_membership_is_refused(tmp_path: Path, tool: Path) -> None:
    root = project(tmp_path / "repo")
    merge_request(root, {**CORRECTION, **OTHER_UNIT})
    override = ("--variable", "PRIVTRAVEL_USER_GROUPS=privtravel-maintainers")
    done = pipeline(root, tool, "srmyy-hr", "ownership", *override)
    out = done.stdout + done.stderr
    assert verdicts(out) == {"ownership": "FAIL"}
    assert "在 CI 中不能用 变量 PRIVTRAVEL_USER_GROUPS 指定提交人所属的群组" in out
    assert "维护人员）改动了" not in out


def test_commits_written_by_another_units_user_are_refused(tmp_path: Path, tool: Path) -> None:
    """srmyy-hr's merge request carries a commit szyy-hr wrote; GitLab (a local API) names both."""
    root = project(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "hr/change", "main")
    edit(root / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    git(root, "add", "-A")
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "中医院人事科",
        "GIT_AUTHOR_EMAIL": "szyy@example.invalid",
        "HOME": str(root),
    }
    subprocess.run(["git", "commit", "-q", "-m", "替人民医院改"], cwd=root, env=env, check=True)
    srmyy = gitlab_fake.user(21, "srmyy-hr", "人民医院人事科")
    szyy = gitlab_fake.user(22, "szyy-hr", "中医院人事科")
    routes = {
        "/projects/7/merge_requests/1": gitlab_fake.merge_request(1, "更正", srmyy, None, None),
        "/projects/7/pipelines/99": {"id": 99, "status": "running", "user": srmyy},
        "/users": [{**szyy, "public_email": "szyy@example.invalid"}],
    }
    with gitlab_fake.serve(routes) as fake:
        api = [f"CI_SERVER_URL={fake.url}", f"PRIVTRAVEL_GITLAB_TOKEN={gitlab_fake.TOKEN}"]
        api += ["CI_PROJECT_ID=7", "CI_PIPELINE_ID=99"]
        done = pipeline(root, tool, "srmyy-hr", "ownership", *(a for v in api for a in ("--variable", v)))
    out = done.stdout + done.stderr
    assert verdicts(out) == {"ownership": "FAIL"}
    assert "合并请求的作者和运行流水线的用户（GitLab 记录） @srmyy-hr（填报人员）改动了 1 个文件" in out
    assert "的作者是 GitLab 用户 @szyy-hr，它改动的以下文件不在 @szyy-hr 负责的范围内" in out
    assert gitlab_fake.TOKEN not in out


def test_a_number_typed_into_free_text_fails_validation_and_no_job_shows_it(
    tmp_path: Path, tool: Path
) -> None:
    """Numbers stay in their fields: the judge refuses them, and every job's log and the summary mask them."""
    root = project(tmp_path / "repo")
    typed = "事由: 旅游（护照E76543210，同行钱芳 330602197805060427，手机13987654321）"
    merge_request(root, {REPORT: ("事由: 旅游", typed)})
    done = pipeline(root, tool, "srmyy-hr", *JUDGE_JOBS)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    found = verdicts(out)
    assert found["validate:changed"] == "FAIL" and found["ownership"] == "PASS" and found["review"] == "PASS"
    assert f"{REPORT}:17:" in out and "R335" in out and "E******10" in out and "33*************427" in out
    summary = summary_of(root)
    for full in ("E76543210", "330602197805060427", "13987654321"):
        assert full not in out and full not in summary, full
    assert "E\\*\\*\\*\\*\\*\\*10" in summary  # the changed 事由, masked and Markdown-escaped
