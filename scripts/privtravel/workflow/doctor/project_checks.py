"""Checks of the project's own settings: visibility, the protected main, merge method, pipelines."""

from __future__ import annotations

from typing import Any

from privtravel.workflow.doctor.fetch import Snapshot
from privtravel.workflow.doctor.findings import (
    GAP,
    GOOD,
    NOTE,
    PROBLEM,
    Finding,
    Roles,
    protection,
    role,
    unreadable,
)

VISIBILITY = "项目可见性"
BRANCH = "main 分支保护"
MERGE = "合并方式"
PIPELINE = "流水线"


def visibility(s: Snapshot, roles: Roles) -> list[Finding]:
    out = []
    seen = s.project.get("visibility")
    if seen != "private":
        out.append(
            Finding(
                PROBLEM,
                VISIBILITY,
                f"项目可见性是「{seen}」：填报中有个人信息，项目之外的人也能看到。",
                "设置 › 通用 › 可见性：项目可见性设为「私有」。",
            )
        )
    else:
        out.append(Finding(GOOD, VISIBILITY, "项目为私有，只有成员能看到。"))
    forking = s.project.get("forking_access_level")
    if forking is not None and forking != "disabled":
        out.append(
            Finding(
                PROBLEM,
                VISIBILITY,
                "项目允许派生：来自派生项目的合并请求按派生项目自己的设置运行流水线（不受本项目的保护）。",
                "设置 › 通用 › 可见性、项目功能、权限 › 派生：关闭。",
            )
        )
    pages = s.project.get("pages_access_level")
    if pages == "public":
        out.append(
            Finding(
                PROBLEM,
                VISIBILITY,
                "GitLab Pages（看板）对所有人公开。",
                "设置 › 通用 › 可见性 › Pages：设为「仅项目成员」。",
            )
        )
    return out


def _who(levels: list[dict[str, Any]]) -> list[str]:
    names = []
    for level in levels:
        if level.get("user_id"):
            names.append(f"用户 {level['user_id']}")
        elif level.get("group_id"):
            names.append(f"群组 {level['group_id']}")
        elif level.get("deploy_key_id"):
            names.append(f"部署密钥 {level['deploy_key_id']}")
        else:
            names.append(role(level.get("access_level")))
    return names


def protected_main(s: Snapshot, roles: Roles) -> list[Finding]:
    if not s.protected.ok:
        return [unreadable(BRANCH, "受保护分支", s.protected)]
    branch = s.default_branch
    rule = protection(s.protected, branch)
    if rule is None:
        return [
            Finding(
                PROBLEM,
                BRANCH,
                f"默认分支 {branch} 不是受保护分支：任何开发者（各单位填报人员）都能直接推送，绕过合并请求和审核。",
                f"设置 › 仓库 › 受保护分支：保护 {branch}，「允许合并」选维护者，「允许推送和合并」选「无人」。",
            )
        ]
    out = []
    push = rule.get("push_access_levels") or []
    pushers = [p for p in push if p.get("access_level") != 0 or p.get("user_id") or p.get("deploy_key_id")]
    if pushers:
        out.append(
            Finding(
                PROBLEM,
                BRANCH,
                f"{branch} 允许直接推送：{'、'.join(_who(pushers))}。直接推送的改动不经合并请求、流水线和审核"
                "（审计记录会标为「直接推送」）。",
                f"受保护分支 {branch}：「允许推送和合并」选「无人」，所有改动都经合并请求。",
            )
        )
    if rule.get("allow_force_push"):
        out.append(
            Finding(
                PROBLEM,
                BRANCH,
                f"{branch} 允许强制推送：历史（审计记录）可以被改写。",
                f"受保护分支 {branch}：关闭「允许强制推送」。",
            )
        )
    merge = rule.get("merge_access_levels") or []
    developers = [
        m for m in merge if m.get("access_level") == 30 and not m.get("user_id") and not m.get("group_id")
    ]
    if developers:
        out.append(
            Finding(
                PROBLEM,
                BRANCH,
                f"开发者（各单位填报人员）可以合并到 {branch}：单位能自己合并自己的合并请求。",
                f"受保护分支 {branch}：「允许合并」只选维护者（委政治处审核人员）。",
            )
        )
    if merge and all(
        m.get("access_level") == 0 and not m.get("user_id") and not m.get("group_id") for m in merge
    ):
        out.append(
            Finding(
                PROBLEM,
                BRANCH,
                f"没有人可以合并到 {branch}：合并请求无法合并。",
                f"受保护分支 {branch}：「允许合并」选维护者。",
            )
        )
    if "code_owner_approval_required" not in rule:
        out.append(
            Finding(
                GAP,
                BRANCH,
                "「需要代码所有者批准」是 Premium 功能，本 GitLab 没有：CODEOWNERS 只起提示作用。",
                "由 merge 权限（只有维护者能合并）和流水线中的 ownership、codeowners 作业把关；审核人员合并前看审核摘要。",
            )
        )
    elif not rule.get("code_owner_approval_required"):
        out.append(
            Finding(
                PROBLEM,
                BRANCH,
                f"{branch} 没有开启「需要代码所有者批准」：CODEOWNERS 中的审核人员不是必须批准。",
                f"受保护分支 {branch}：开启「需要代码所有者批准」。",
            )
        )
    if not out or all(f.level == GAP for f in out):
        out.insert(
            0, Finding(GOOD, BRANCH, f"{branch} 受保护：不能直接推送，只有{'、'.join(_who(merge))}能合并。")
        )
    return out


def merge_method(s: Snapshot, roles: Roles) -> list[Finding]:
    out = []
    method = s.project.get("merge_method")
    if method == "ff":
        out.append(
            Finding(
                PROBLEM,
                MERGE,
                "合并方式是「快进合并」：main 上没有合并提交，审计记录分不清哪些提交经过了合并请求和审核。",
                "设置 › 合并请求 › 合并方式：选「合并提交」。",
            )
        )
    elif method in ("merge", "rebase_merge"):
        out.append(Finding(GOOD, MERGE, "每个合并请求在 main 上留下一个合并提交（审计记录据此认定）。"))
    else:
        out.append(
            Finding(
                PROBLEM,
                MERGE,
                f"无法确认合并方式（{method!r}）。",
                "设置 › 合并请求 › 合并方式：选「合并提交」。",
            )
        )
    template = s.project.get("merge_commit_template")
    if template and "%{reference}" not in template:
        out.append(
            Finding(
                PROBLEM,
                MERGE,
                "合并提交模板里没有 %{reference}：合并提交不写合并请求编号，审计记录无法对应合并请求。",
                "设置 › 合并请求 › 合并提交模板：保留「See merge request %{reference}」。",
            )
        )
    if not template or "%{approved_by}" not in template:
        out.append(
            Finding(
                NOTE,
                MERGE,
                "合并提交模板里没有 %{approved_by}：没有令牌生成看板时，审计记录看不到审核通过人。",
                "设置 › 合并请求 › 合并提交模板：在末尾加一行 %{approved_by}。",
            )
        )
    return out


def pipelines(s: Snapshot, roles: Roles) -> list[Finding]:
    out = []
    p = s.project
    if not p.get("only_allow_merge_if_pipeline_succeeds"):
        out.append(
            Finding(
                PROBLEM,
                PIPELINE,
                "流水线失败（检查出错误、改了别的单位的文件）的合并请求也能合并。",
                "设置 › 合并请求 › 合并检查：开启「流水线必须成功」。",
            )
        )
    if p.get("allow_merge_on_skipped_pipeline"):
        out.append(
            Finding(
                PROBLEM,
                PIPELINE,
                "流水线被跳过（提交说明写 [skip ci]）时也能合并：不经检查。",
                "设置 › 合并请求 › 合并检查：关闭「跳过的流水线视为成功」。",
            )
        )
    if p.get("ci_separated_caches") is False:
        out.append(
            Finding(
                PROBLEM,
                PIPELINE,
                "受保护分支与其他分支共用 CI 缓存：合并请求流水线写的缓存会被 main 的流水线读到。",
                "设置 › CI/CD › 通用流水线：开启「为受保护分支使用单独的缓存」。",
            )
        )
    override = p.get("ci_pipeline_variables_minimum_override_role")
    if override is not None:
        if override == "developer":
            out.append(
                Finding(
                    PROBLEM,
                    PIPELINE,
                    "开发者（各单位填报人员）运行流水线时可以自己设置变量。",
                    "设置 › CI/CD › 变量：「可以使用流水线变量的最低角色」设为「维护者」或「不允许」。",
                )
            )
    elif not p.get("restrict_user_defined_variables"):
        out.append(
            Finding(
                PROBLEM,
                PIPELINE,
                "开发者（各单位填报人员）运行流水线时可以自己设置变量。",
                "设置 › CI/CD › 变量：开启「限制用户定义的变量」（API：restrict_user_defined_variables）。",
            )
        )
    if not out:
        out.append(
            Finding(
                GOOD, PIPELINE, "流水线必须成功才能合并；缓存按受保护分支分开；填报人员不能设置流水线变量。"
            )
        )
    out.append(
        Finding(
            NOTE,
            PIPELINE,
            "Runner 的执行器无法通过接口确认：请确认用每个作业一个新容器的执行器（Docker、Kubernetes），"
            "不用 shell 执行器（tests:mr 运行合并请求自己的代码）。",
        )
    )
    return out
