"""`privtravel gitlab doctor` against a local HTTP server answering as GitLab's API documents it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from privtravel.cli import main
from tests import gitlab_fake
from tests.workflow.gitlab_settings import (
    BOT,
    P,
    ci_token,
    member,
    premium,
    protected_main,
    protected_tags,
    safe,
    variable,
)

Change = Callable[[dict[str, Any]], None]


def doctor(
    routes: dict[str, Any],
    root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tokens: dict[str, dict[str, Any]] | None = None,
) -> tuple[int, str]:
    with gitlab_fake.serve(routes, ci_token() if tokens is None else tokens) as fake:
        monkeypatch.setenv("PRIVTRAVEL_GITLAB_TOKEN", gitlab_fake.TOKEN)
        code = main(
            ["--root", str(root), "gitlab", "doctor", "--gitlab-url", fake.url, "--project", "wjw/privtravel"]
        )
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_safe_free_project_passes(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = doctor(safe(), campaign, capsys, monkeypatch)
    assert code == 0, out
    assert "结论：没有发现不安全的设置。" in out
    assert "Premium" in out  # says what the tier lacks, and what covers the gap
    assert "替代" in out
    assert "流水线定义取自 wjw/privtravel 的 main 分支上的 .gitlab-ci.yml" in out
    assert "PRIVTRAVEL_GITLAB_TOKEN 中的令牌权限：api，报告者（Reporter）" in out
    assert "PRIVTRAVEL_CACHE_KEY 只给受保护分支的流水线" in out
    assert "glpat-" not in out  # a variable's value never printed


def test_a_safe_premium_project_passes(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = doctor(premium(safe()), campaign, capsys, monkeypatch)
    assert code == 0, out
    assert "合并请求须经审核人员批准" in out
    assert "Premium" not in out


def _set(path: str, key: str, value: Any) -> Change:
    def change(routes: dict[str, Any]) -> None:
        routes[path][key] = value
        if path == P:
            routes["/projects/wjw/privtravel"][key] = value

    return change


def _route(path: str, value: Any) -> Change:
    def change(routes: dict[str, Any]) -> None:
        routes[path] = value

    return change


def _token(**fields: Any) -> Change:
    def change(routes: dict[str, Any]) -> None:
        token = next(v for v in routes[f"{P}/variables"] if v["key"] == "PRIVTRAVEL_GITLAB_TOKEN")
        token.update(fields)

    return change


def _add_variable(var: dict[str, Any], where: str = f"{P}/variables") -> Change:
    def change(routes: dict[str, Any]) -> None:
        routes[where].append(var)

    return change


def _other_pipeline_project(unit_level: int) -> Change:
    """The pipeline file in another project, wjw/privtravel-ci, where 王丽 (a unit's HR) has a role."""

    def change(routes: dict[str, Any]) -> None:
        routes[P]["ci_config_path"] = routes["/projects/wjw/privtravel"]["ci_config_path"] = (
            "pipeline.yml@wjw/privtravel-ci"
        )
        routes["/projects/wjw/privtravel-ci"] = {
            "id": 8,
            "path_with_namespace": "wjw/privtravel-ci",
            "default_branch": "main",
        }
        routes["/projects/wjw/privtravel-ci/protected_branches"] = [protected_main()]
        routes["/projects/wjw/privtravel-ci/protected_tags"] = [protected_tags()]
        routes["/projects/wjw/privtravel-ci/repository/files/pipeline.yml"] = {"file_path": "pipeline.yml"}
        routes["/projects/wjw/privtravel-ci/members/all"] = [
            member(gitlab_fake.user(11, "wangli", "王丽"), unit_level)
        ]

    return change


UNSAFE: dict[str, tuple[Change, str]] = {
    "public project": (_set(P, "visibility", "internal"), "项目可见性是「internal」"),
    "forks allowed": (_set(P, "forking_access_level", "enabled"), "项目允许派生"),
    "tags not protected": (_route(f"{P}/protected_tags", []), "名为 main 的标签不受保护"),
    "tags creatable by developers": (
        _route(f"{P}/protected_tags", [protected_tags(create=30)]),
        "允许开发者创建",
    ),
    "public pages": (_set(P, "pages_access_level", "public"), "Pages（看板）对所有人公开"),
    "main not protected": (_route(f"{P}/protected_branches", []), "默认分支 main 不是受保护分支"),
    "developers push": (
        _route(f"{P}/protected_branches", [protected_main(push=30)]),
        "main 允许直接推送：开发者",
    ),
    "maintainers push": (
        _route(f"{P}/protected_branches", [protected_main(push=40)]),
        "main 允许直接推送：维护者",
    ),
    "developers merge": (
        _route(f"{P}/protected_branches", [protected_main(merge=30)]),
        "单位能自己合并自己的合并请求",
    ),
    "nobody merges": (_route(f"{P}/protected_branches", [protected_main(merge=0)]), "没有人可以合并到 main"),
    "force push": (
        _route(f"{P}/protected_branches", [{**protected_main(), "allow_force_push": True}]),
        "允许强制推送",
    ),
    "fast forward": (_set(P, "merge_method", "ff"), "合并方式是「快进合并」"),
    "template without reference": (_set(P, "merge_commit_template", "%{title}"), "没有 %{reference}"),
    "pipeline may fail": (_set(P, "only_allow_merge_if_pipeline_succeeds", False), "开启「流水线必须成功」"),
    "skipped pipeline": (_set(P, "allow_merge_on_skipped_pipeline", True), "[skip ci]"),
    "shared caches": (_set(P, "ci_separated_caches", False), "共用 CI 缓存"),
    "developers set variables": (
        _set(P, "ci_pipeline_variables_minimum_override_role", "developer"),
        "运行流水线时可以自己设置变量",
    ),
    "pipeline file from the MR": (_set(P, "ci_config_path", None), "流水线定义取自本项目的 .gitlab-ci.yml"),
    "pipeline file in the MR tree": (
        _set(P, "ci_config_path", "ci/pipeline.yml"),
        "流水线定义取自本项目的 ci/pipeline.yml",
    ),
    "pipeline file on an unprotected branch": (
        _set(P, "ci_config_path", ".gitlab-ci.yml@wjw/privtravel:dev"),
        "dev 不是受保护分支",
    ),
    "pipeline file missing": (
        _route(
            "/projects/wjw/privtravel/repository/files/.gitlab-ci.yml",
            (404, {"message": "404 File Not Found"}),
        ),
        "找不到流水线配置文件",
    ),
    "unit can edit the pipeline project": (_other_pipeline_project(30), "能改审核自己的流水线"),
    "token readable by every MR job": (_token(environment_scope="*"), "环境范围」设为 privtravel-judge"),
    "token not masked": (_token(masked=False), "没有设为「掩码」"),
    "unprotected secret": (
        _add_variable(variable("DEPLOY_PASSWORD", "x", protected=False, masked=True)),
        "项目变量 DEPLOY_PASSWORD 未设「受保护」",
    ),
    "group secret": (
        _add_variable(
            variable("POLICE_DATA_TOKEN", "x", protected=False, masked=False), "/groups/3/variables"
        ),
        "群组变量 POLICE_DATA_TOKEN",
    ),
    "cache key readable by MR pipelines": (
        lambda r: next(v for v in r[f"{P}/variables"] if v["key"] == "PRIVTRAVEL_CACHE_KEY").update(
            protected=False
        ),
        "PRIVTRAVEL_CACHE_KEY 没有设为「受保护」",
    ),
    "override variable": (
        _add_variable(
            variable("PRIVTRAVEL_USER_GROUPS", "privtravel-maintainers", protected=False, masked=False)
        ),
        "删除 PRIVTRAVEL_USER_GROUPS",
    ),
    "variables unreadable": (
        _route(f"{P}/variables", (403, {"message": "403 Forbidden"})),
        "无法读取项目的 CI/CD 变量（HTTP 403）",
    ),
    "job token open": (
        _route(f"{P}/job_token_scope", {"inbound_enabled": False, "outbound_enabled": False}),
        "任何项目的 CI 作业令牌都能访问本项目",
    ),
    "unit HR is maintainer": (
        _route(f"{P}/members/all", [member(gitlab_fake.user(11, "wangli", "王丽"), 40)]),
        "@wangli（绍兴市人民医院填报人员）是维护者（Maintainer）",
    ),
    "CI token is a maintainer": (
        _route(f"{P}/members/all/77", member(BOT, 40)),
        "PRIVTRAVEL_GITLAB_TOKEN 中的令牌是维护者（Maintainer）",
    ),
    "stranger is owner": (
        _route(f"{P}/members/all", [member(gitlab_fake.user(99, "stranger", "某人"), 50)]),
        "@stranger 是所有者（Owner），但不在 campaign.yaml 的审核人员或维护人员中",
    ),
}


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_each_unsafe_setting_is_named_with_its_fix(
    case: str, campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    change, expected = UNSAFE[case]
    routes = safe()
    change(routes)
    code, out = doctor(routes, campaign, capsys, monkeypatch)
    assert code == 1, out
    assert expected in out, out
    assert "改法：" in out
    assert "glpat-" not in out


PREMIUM_UNSAFE: dict[str, tuple[Change, str]] = {
    "no required approval": (
        lambda r: r[f"{P}/approval_rules"][0].update(approvals_required=0),
        "没有要求至少 1 人批准的审批规则",
    ),
    "approvers are not reviewers": (
        lambda r: r[f"{P}/approval_rules"][0].update(groups=[], eligible_approvers=[]),
        "审批规则的批准人中没有 campaign.yaml 的审核人员",
    ),
    "author approves": (
        _set(f"{P}/approvals", "merge_requests_author_approval", True),
        "作者可以批准自己的合并请求",
    ),
    "MR edits its rules": (
        _set(f"{P}/approvals", "disable_overriding_approvers_per_merge_request", False),
        "作者可以在合并请求里改掉审批规则",
    ),
    "code owners not required": (
        lambda r: r[f"{P}/protected_branches"][0].update(code_owner_approval_required=False),
        "没有开启「需要代码所有者批准」",
    ),
    "no CODEOWNERS": (
        _route(f"{P}/repository/files/.gitlab/CODEOWNERS", (404, {"message": "404 File Not Found"})),
        "默认分支上没有 CODEOWNERS 文件",
    ),
}


@pytest.mark.parametrize("case", sorted(PREMIUM_UNSAFE))
def test_premium_approval_settings(
    case: str, campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    change, expected = PREMIUM_UNSAFE[case]
    routes = premium(safe())
    change(routes)
    code, out = doctor(routes, campaign, capsys, monkeypatch)
    assert code == 1, out
    assert expected in out, out


def test_without_a_token_it_says_what_to_do(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRIVTRAVEL_GITLAB_TOKEN", raising=False)
    code = main(
        ["--root", str(campaign), "gitlab", "doctor", "--gitlab-url", "http://127.0.0.1:9", "--project", "7"]
    )
    assert code == 2
    assert "PRIVTRAVEL_GITLAB_TOKEN" in capsys.readouterr().err


def test_a_wrong_token_is_a_clear_stop(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with gitlab_fake.serve(safe()) as fake:
        monkeypatch.setenv("PRIVTRAVEL_GITLAB_TOKEN", "glpat-wrong")
        code = main(["--root", str(campaign), "gitlab", "doctor", "--gitlab-url", fake.url, "--project", "7"])
    err = capsys.readouterr().err
    assert code == 2
    assert "HTTP 401" in err and "glpat-wrong" not in err


def test_a_ci_token_with_too_many_scopes(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = doctor(safe(), campaign, capsys, monkeypatch, ci_token(("api", "write_repository")))
    assert code == 1
    assert "有用不到的权限：write_repository" in out


def test_a_revoked_ci_token_is_a_note(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = doctor(safe(), campaign, capsys, monkeypatch, {})
    assert code == 0
    assert "令牌已失效" in out
    assert "glpat-ci" not in out


def test_a_reviewer_who_cannot_merge_is_a_note(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    routes = safe()
    routes[f"{P}/members/all"] = [member(gitlab_fake.user(21, "xutong", "徐彤"), 30)]
    code, out = doctor(routes, campaign, capsys, monkeypatch)
    assert code == 0
    assert "审核人员 @xutong 的角色是开发者（Developer）" in out
