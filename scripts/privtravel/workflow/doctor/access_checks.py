"""Checks of who may approve, what MR pipelines can read, and who holds which role."""

from __future__ import annotations

import re
from typing import Any

from privtravel.workflow.doctor.fetch import Snapshot
from privtravel.workflow.doctor.findings import GAP, GOOD, NOTE, PROBLEM, Finding, Roles, role, unreadable
from privtravel.workflow.gitlab_api import TOKEN_VARIABLE
from privtravel.workflow.owners import same

APPROVALS = "审批规则和 CODEOWNERS"
VARIABLES = "CI/CD 变量"
MEMBERS = "成员和角色"

TOKEN_SCOPE = "privtravel-judge"  # the environment only the jobs that need the token name
OVERRIDES = ("PRIVTRAVEL_USER_GROUPS",)
_SECRET_NAME = re.compile(r"TOKEN|PASSWORD|PASSWD|SECRET|PRIVATE|CREDENTIAL|API_?KEY|SSH_KEY|(^|_)KEY$", re.I)
_SECRET_VALUE = re.compile(r"^(glpat|gldt|glptt|glrt|glcbt|gloas|glsoat|glft|glimt|ghp|github_pat)[-_]")
_POLICE = re.compile(r"POLICE|公安|出入境|持证")


def approvals(s: Snapshot, roles: Roles) -> list[Finding]:
    premium = s.approval_rules.ok
    out = []
    if not premium:
        out.append(
            Finding(
                GAP,
                APPROVALS,
                f"本 GitLab 没有合并请求审批规则（HTTP {s.approval_rules.status}；需要 Premium）："
                "不能强制要求审核人员批准，CODEOWNERS 也只起提示作用。",
                "main 只允许维护者（委政治处）合并、流水线必须成功；流水线的 ownership、"
                "codeowners 作业拒绝越权的改动；审计记录经 GitLab 接口核实每个合并请求的批准人和合并人。",
            )
        )
    else:
        out += _rules(s, roles)
    if s.codeowners is None:
        level = PROBLEM if premium else NOTE
        out.append(
            Finding(
                level,
                APPROVALS,
                "默认分支上没有 CODEOWNERS 文件。",
                "运行 privtravel codeowners --write，把 .gitlab/CODEOWNERS 经合并请求提交。",
            )
        )
    return out


def _rules(s: Snapshot, roles: Roles) -> list[Finding]:
    out = []
    rules = s.approval_rules.items()
    required = [r for r in rules if int(r.get("approvals_required") or 0) >= 1]
    if not required:
        out.append(
            Finding(
                PROBLEM,
                APPROVALS,
                "没有要求至少 1 人批准的审批规则：合并请求不经批准也能合并。",
                "设置 › 合并请求 › 合并请求批准：添加规则，批准人为委政治处审核人员，所需批准数至少 1。",
            )
        )
    elif roles.campaign is not None:
        reviewers = roles.campaign.reviewers

        def names(rule: dict[str, Any]) -> list[str]:
            people = (rule.get("users") or []) + (rule.get("eligible_approvers") or [])
            users = [str(u.get("username", "")) for u in people]
            groups = [str(g.get("full_path", "")) for g in rule.get("groups") or []]
            return users + groups

        if not any(any(same(n, h) for n in names(r) for h in reviewers) for r in required):
            out.append(
                Finding(
                    PROBLEM,
                    APPROVALS,
                    "审批规则的批准人中没有 campaign.yaml 的审核人员（" + "、".join(reviewers) + "）。",
                    "设置 › 合并请求 › 合并请求批准：规则的批准人选审核人员的群组。",
                )
            )
    settings = s.approvals
    if not settings.ok:
        return [*out, unreadable(APPROVALS, "合并请求批准设置", settings)]
    wanted = [
        (
            "merge_requests_author_approval",
            False,
            "作者可以批准自己的合并请求",
            "关闭「允许作者批准自己的合并请求」",
        ),
        (
            "merge_requests_disable_committers_approval",
            True,
            "提交过代码的人可以批准",
            "开启「禁止提交者批准」",
        ),
        ("reset_approvals_on_push", True, "批准后再推送的改动不需要重新批准", "开启「有新提交时撤销批准」"),
        (
            "disable_overriding_approvers_per_merge_request",
            True,
            "合并请求的作者可以在合并请求里改掉审批规则",
            "开启「禁止在合并请求中修改审批规则」",
        ),
    ]
    for key, safe, text, fix in wanted:
        if key in settings.data and bool(settings.data[key]) != safe:
            out.append(Finding(PROBLEM, APPROVALS, text + "。", f"设置 › 合并请求 › 合并请求批准：{fix}。"))
    if not out:
        out.append(Finding(GOOD, APPROVALS, "合并请求须经审核人员批准，作者和提交者不能批准自己的改动。"))
    return out


def _secret(var: dict[str, Any]) -> bool:
    key, value = str(var.get("key", "")), str(var.get("value") or "")
    return bool(_SECRET_NAME.search(key) or _SECRET_VALUE.match(value) or var.get("variable_type") == "file")


def variables(s: Snapshot, roles: Roles) -> list[Finding]:
    if not s.variables.ok:
        return [unreadable(VARIABLES, "项目的 CI/CD 变量", s.variables)]
    out = []
    listed = [("项目", v) for v in s.variables.items()] + [("群组", v) for v in s.group_variables.items()]
    for where, var in listed:
        out += _variable(where, var)
    if not s.group_variables.ok:
        out.append(
            Finding(
                NOTE,
                VARIABLES,
                f"无法读取群组的 CI/CD 变量（HTTP {s.group_variables.status}）：群组变量同样传给本项目的流水线。",
                "请群组的维护者按同样的要求检查群组变量，或用群组维护者的令牌再运行一次。",
            )
        )
    if not [f for f in out if f.level == PROBLEM]:
        out.insert(0, Finding(GOOD, VARIABLES, "合并请求流水线读不到未加保护的令牌或密码。"))
    return out


def _variable(where: str, var: dict[str, Any]) -> list[Finding]:
    key = str(var.get("key", ""))
    name = f"{where}变量 {key}"
    scope = str(var.get("environment_scope") or "*")
    if key in OVERRIDES:
        return [
            Finding(
                PROBLEM,
                VARIABLES,
                f"{name} 会覆盖 GitLab 的群组成员关系（谁是哪个单位的填报人员、谁是维护人员）。",
                f"删除 {key}：在 CI 中成员关系一律从 GitLab 接口读取。",
            )
        ]
    out = []
    police = bool(_POLICE.search(key))
    if (_secret(var) or police) and not var.get("masked") and not var.get("hidden"):
        out.append(
            Finding(
                PROBLEM,
                VARIABLES,
                f"{name} 没有设为「掩码」：值会原样出现在作业日志里。",
                f"设置 › CI/CD › 变量：编辑 {key}，可见性选「掩码」或「掩码并隐藏」。",
            )
        )
    if key == TOKEN_VARIABLE:
        out += _token_variable(var, scope)
    if (_secret(var) or police) and not var.get("protected") and scope == "*":
        if key == TOKEN_VARIABLE:
            fix = f"设置 › CI/CD › 变量：编辑 {key}，「环境范围」设为 {TOKEN_SCOPE}（只有需要令牌的审核作业拿得到）。"
        else:
            fix = f"设置 › CI/CD › 变量：编辑 {key}，勾选「受保护」（只传给受保护分支上的流水线）。"
        out.append(
            Finding(
                PROBLEM,
                VARIABLES,
                f"{name} 未设「受保护」且环境范围为 *：合并请求流水线的每个作业都能读到，"
                "包括运行合并请求自己代码的测试作业。",
                fix,
            )
        )
    return out


def members(s: Snapshot, roles: Roles) -> list[Finding]:
    if not s.members.ok:
        return [unreadable(MEMBERS, "项目成员", s.members)]
    if roles.campaign is None:
        return [Finding(NOTE, MEMBERS, "没有 campaign.yaml：不核对成员的角色。")]
    out = []
    for member in s.members.items():
        name = str(member.get("username", ""))
        level = member.get("access_level")
        if isinstance(level, int) and level < 40 and roles.reviewer(name):
            out.append(
                Finding(
                    NOTE,
                    MEMBERS,
                    f"审核人员 @{name} 的角色是{role(level)}：main 只允许维护者合并，@{name} 不能合并合并请求。",
                    f"项目信息 › 成员：把 @{name} 改为「维护者（Maintainer）」。",
                )
            )
        if not isinstance(level, int) or level < 40:
            continue
        units = roles.units(name)
        if re.match(r"^(project|group)_\d+_bot", name):
            out.append(
                Finding(
                    NOTE,
                    MEMBERS,
                    f"访问令牌 @{name} 的角色是{role(level)}：只用于 doctor 等维护操作，不要作为 CI/CD 变量。",
                )
            )
        elif units:
            out.append(
                Finding(
                    PROBLEM,
                    MEMBERS,
                    f"@{name}（{'、'.join(units)}填报人员）是{role(level)}：能改项目设置、受保护分支和流水线配置文件，"
                    "也能合并自己的合并请求。",
                    f"项目信息 › 成员：把 @{name} 改为「开发者（Developer）」。",
                )
            )
        elif not roles.trusted(name):
            out.append(
                Finding(
                    PROBLEM,
                    MEMBERS,
                    f"@{name} 是{role(level)}，但不在 campaign.yaml 的审核人员或维护人员中：能改项目设置和流水线配置文件。",
                    f"把 @{name} 加入 campaign.yaml 的维护人员或审核人员（经合并请求），或把角色降为开发者。",
                )
            )
    if not [f for f in out if f.level == PROBLEM]:
        out.insert(
            0,
            Finding(
                GOOD,
                MEMBERS,
                "维护者以上角色都是 campaign.yaml 中的审核人员或维护人员；填报人员都不是维护者。",
            ),
        )
    return out


def _token_variable(var: dict[str, Any], scope: str) -> list[Finding]:
    """The CI token: only the judge's jobs (environment privtravel-judge) may get it, in MR pipelines too."""
    out = []
    if var.get("protected"):
        out.append(
            Finding(
                NOTE,
                VARIABLES,
                f"{TOKEN_VARIABLE} 设为「受保护」：各单位的分支不受保护，合并请求流水线拿不到它（审核摘要不发布，群组成员查不到）。",
                f"取消「受保护」，改为「环境范围」{TOKEN_SCOPE}。",
            )
        )
    if scope not in ("*", TOKEN_SCOPE):
        out.append(
            Finding(
                NOTE,
                VARIABLES,
                f"{TOKEN_VARIABLE} 的环境范围是 {scope}：审核作业（环境 {TOKEN_SCOPE}）拿不到它。",
                f"「环境范围」设为 {TOKEN_SCOPE}。",
            )
        )
    if not var.get("hidden"):
        out.append(
            Finding(
                NOTE,
                VARIABLES,
                f"{TOKEN_VARIABLE} 没有设为「隐藏」：有维护者角色的人能在设置里看到令牌。",
                "重新创建变量，可见性选「掩码并隐藏」（此后 doctor 读不到令牌本身，请在「设置 › 访问令牌」确认它是 Reporter、api）。",
            )
        )
    return out
