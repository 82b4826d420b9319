"""Who a merge request comes from, as GitLab recorded it: the pipeline user, the merge request's author and
every commit's author, against a local GitLab API (tests/gitlab_fake.py), in real git repositories."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import gitlab_fake
from tests.gitlab_fake import TOKEN, FakeGitLab, user
from tests.workflow.wfgit import ENV, commit, edit, git, privtravel

OWN = "submissions/srmyy/报告/0001-赵明.yaml"
OTHER = "submissions/szyy/单位.yaml"
OVERRIDE = ("--user", "srmyy-hr", "--member-of", "privtravel-maintainers")
SRMYY = user(21, "srmyy-hr", "人民医院人事科")
SZYY = user(22, "szyy-hr", "中医院人事科")


def routes(*, author: dict[str, Any] = SRMYY, runner: dict[str, Any] = SRMYY) -> dict[str, Any]:
    users = [
        {**SRMYY, "public_email": "hr@example.invalid"},
        {**SZYY, "public_email": "szyy@example.invalid"},
    ]
    return {
        "/projects/7/merge_requests/3": gitlab_fake.merge_request(3, "更正", author, None, None),
        "/projects/7/pipelines/99": {"id": 99, "status": "running", "user": runner},
        "/users": users,
    }


@pytest.fixture
def api() -> Iterator[FakeGitLab]:
    with gitlab_fake.serve(routes()) as fake:
        yield fake


def ci(
    root: Path, fake: FakeGitLab | None, login: str = "srmyy-hr", **extra: str
) -> subprocess.CompletedProcess[str]:
    """`privtravel ownership` as the pipeline's job runs it: CI set, the token and the MR's ids given."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
        "CI": "true",
        "GITLAB_USER_LOGIN": login,
        "CI_PROJECT_ID": "7",
        "CI_PIPELINE_ID": "99",
        "CI_MERGE_REQUEST_IID": "3",
    }
    if fake is not None:
        env |= {"CI_SERVER_URL": fake.url, "PRIVTRAVEL_GITLAB_TOKEN": TOKEN}
    env |= extra
    return subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "ownership", "--base", "main"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def commit_as(root: Path, name: str, email: str, message: str) -> None:
    git(root, "add", "-A")
    env = {**ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "HOME": str(root)}
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, env=env, check=True)


def correction(root: Path) -> None:
    edit(root / OWN, "入境日期: 2018-02-17", "入境日期: 2018-02-18")


def test_the_same_merge_request_passes_for_its_author(branch: Path, api: FakeGitLab) -> None:
    correction(branch)
    commit(branch, "更正")
    done = ci(branch, api)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "合并请求的作者和运行流水线的用户（GitLab 记录） @srmyy-hr（填报人员）改动了 1 个文件" in done.stdout
    )
    assert "（GitLab 用户 @srmyy-hr）" in done.stdout  # the commit's author, matched by e-mail
    assert "/projects/7/merge_requests/3" in api.log and "/projects/7/pipelines/99" in api.log


def test_an_override_of_group_membership_is_refused_in_ci(branch: Path) -> None:
    edit(branch / OTHER, "审核人:", "审核人: 王五\n# 原审核人:")
    commit(branch, "改中医院")
    by_variable = ci(branch, None, PRIVTRAVEL_USER_GROUPS="privtravel-maintainers")
    assert by_variable.returncode == 2
    assert "在 CI 中不能用 变量 PRIVTRAVEL_USER_GROUPS 指定提交人所属的群组" in by_variable.stderr
    by_option = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(branch), "ownership", "--base", "main", *OVERRIDE],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(branch), "GITLAB_CI": "true"},
    )
    assert by_option.returncode == 2
    assert "--member-of privtravel-maintainers" in by_option.stderr
    # outside CI (a maintainer's own machine) the option still answers "what if"
    assert (
        privtravel(
            branch, "ownership", "--base", "main", "--user", "x", "--member-of", "privtravel-maintainers"
        ).returncode
        == 0
    )


def test_the_merge_requests_author_must_own_the_change_too(branch: Path) -> None:
    """szyy-hr opened the merge request changing srmyy's folder; srmyy-hr only ran its pipeline."""
    correction(branch)
    commit(branch, "更正")
    with gitlab_fake.serve(routes(author=SZYY)) as fake:
        done = ci(branch, fake)
    assert done.returncode == 1
    assert "不在合并请求的作者（GitLab 记录） @szyy-hr 负责的范围内" in done.stdout
    assert f"  {OWN} —— 属于 绍兴市人民医院（srmyy），由 @srmyy-hr 负责" in done.stdout
    assert "运行流水线的用户（GitLab 记录） @srmyy-hr（填报人员）改动了 1 个文件" in done.stdout


def test_an_overridden_pipeline_user_is_caught(branch: Path) -> None:
    edit(branch / OTHER, "审核人:", "审核人: 王五\n# 原审核人:")
    commit(branch, "改中医院")
    with gitlab_fake.serve(routes(author=SRMYY, runner=SRMYY)) as fake:
        done = ci(branch, fake, login="szyy-hr")
    assert done.returncode == 2
    assert "GITLAB_USER_LOGIN（szyy-hr）与 GitLab 记录的运行流水线的用户（@srmyy-hr）不一致" in done.stderr


def test_group_membership_and_maintainers_come_from_the_api(branch: Path) -> None:
    edit(branch / OTHER, "审核人:", "审核人: 王五\n# 原审核人:")
    commit_as(branch, "李四", "lisi@example.invalid", "改中医院")
    wang = user(30, "wang", "王维护")
    table = routes(author=wang, runner=wang) | gitlab_fake.group(41, "privtravel-maintainers", [wang])
    with gitlab_fake.serve(table) as fake:
        done = ci(branch, fake, login="wang")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "@wang（维护人员）改动了 1 个文件" in done.stdout
    li = user(31, "lisi", "李四")
    table = routes(author=li, runner=li) | gitlab_fake.group(42, "szyy-hr", [li])
    with gitlab_fake.serve(table) as fake:
        done = ci(branch, fake, login="lisi")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "@lisi（填报人员）改动了 1 个文件，都在其负责的范围内：绍兴市中医院（szyy）" in done.stdout


def test_a_commit_written_by_another_units_user_is_refused(branch: Path, api: FakeGitLab) -> None:
    """srmyy-hr's merge request carries a commit szyy-hr wrote in srmyy's folder."""
    correction(branch)
    commit_as(branch, "中医院人事科", "szyy@example.invalid", "替人民医院改")
    done = ci(branch, api)
    assert done.returncode == 1
    assert "中医院人事科 <szyy@example.invalid>（GitLab 用户 @szyy-hr）" in done.stdout
    assert "的作者是 GitLab 用户 @szyy-hr，它改动的以下文件不在 @szyy-hr 负责的范围内" in done.stdout
    assert f"  {OWN} —— 属于 绍兴市人民医院（srmyy）" in done.stdout


def test_another_users_commit_that_a_later_commit_undid_is_harmless(branch: Path, api: FakeGitLab) -> None:
    unit = "submissions/srmyy/单位.yaml"
    before = (branch / unit).read_text(encoding="utf-8")
    correction(branch)
    commit(branch, "更正")
    edit(branch / unit, "审核人:", "审核人: 王五\n# 原审核人:")
    commit_as(branch, "中医院人事科", "szyy@example.invalid", "改错了")
    (branch / unit).write_text(before, encoding="utf-8")
    commit(branch, "改回")
    done = ci(branch, api)
    assert done.returncode == 0, done.stdout
    assert "中医院人事科 <szyy@example.invalid>（GitLab 用户 @szyy-hr）" in done.stdout  # still listed


def test_without_a_token_authors_are_listed_and_the_gap_is_said(branch: Path) -> None:
    correction(branch)
    commit_as(branch, "中医院人事科", "szyy@example.invalid", "替人民医院改")
    done = ci(branch, None, GITLAB_USER_EMAIL="hr@example.invalid")
    assert done.returncode == 0, done.stdout
    assert "运行流水线的用户 @srmyy-hr（填报人员）" in done.stdout
    assert "未配置 PRIVTRAVEL_GITLAB_TOKEN：合并请求的作者无法从 GitLab 确认" in done.stdout
    assert "中医院人事科 <szyy@example.invalid>（未能对应到 GitLab 用户）" in done.stdout
