"""Checks of tokens: which projects' CI job tokens reach this project, and what the CI token may do."""

from __future__ import annotations

from privtravel.workflow.doctor.fetch import Snapshot
from privtravel.workflow.doctor.findings import GAP, GOOD, NOTE, PROBLEM, Finding, Roles, role, unreadable
from privtravel.workflow.gitlab_api import TOKEN_VARIABLE

JOB_TOKEN = "作业令牌"
CI_TOKEN = "CI 使用的访问令牌"
CACHE = "检查缓存"
# scopes the review summary and the membership lookups never need
_TOO_MUCH = (
    "sudo",
    "admin_mode",
    "write_repository",
    "write_registry",
    "create_runner",
    "manage_runner",
    "k8s_proxy",
)


def job_token(s: Snapshot, roles: Roles) -> list[Finding]:
    scope = s.job_token
    if scope.status == 404:
        return [
            Finding(
                GAP,
                JOB_TOKEN,
                "本 GitLab 版本没有作业令牌访问范围的接口（/job_token_scope）。",
                "升级 GitLab；在此之前不要把其他项目加为本项目的成员。",
            )
        ]
    if not scope.ok:
        return [unreadable(JOB_TOKEN, "作业令牌设置", scope)]
    out = []
    if not scope.get("inbound_enabled"):
        out.append(
            Finding(
                PROBLEM,
                JOB_TOKEN,
                "任何项目的 CI 作业令牌都能访问本项目（只要运行作业的用户能访问）：其他项目的流水线可以读取填报。",
                "设置 › CI/CD › 作业令牌权限：开启「仅允许列表中的项目访问」，列表只留委政治处的项目。",
            )
        )
    others = [p for p in s.allowlist.items() if str(p.get("id")) != str(s.project.get("id"))]
    if others:
        names = "、".join(str(p.get("path_with_namespace", p.get("id"))) for p in others)
        out.append(
            Finding(
                NOTE, JOB_TOKEN, f"这些项目的 CI 作业令牌可以访问本项目：{names}。应只有委政治处的汇总项目。"
            )
        )
    if not [f for f in out if f.level == PROBLEM]:
        out.insert(0, Finding(GOOD, JOB_TOKEN, "只有允许列表中的项目能用 CI 作业令牌访问本项目。"))
    return out


def ci_token(s: Snapshot, roles: Roles) -> list[Finding]:
    """PRIVTRAVEL_GITLAB_TOKEN is handed to the review jobs: it must be able to do little."""
    me = s.ci_token
    if me.status == 0 and me.data is None:
        return []  # no such variable, or hidden (its value cannot be read back)
    if me.status == 401:
        return [
            Finding(
                NOTE,
                CI_TOKEN,
                f"{TOKEN_VARIABLE} 中的令牌已失效（已撤销或过期）：审核摘要发布不了，群组成员查不到。",
                "创建新的项目访问令牌（报告者角色、api 权限），更新该变量。",
            )
        ]
    if not me.ok:
        return [unreadable(CI_TOKEN, f"{TOKEN_VARIABLE} 中令牌的权限", me)]
    out = []
    scopes = [str(x) for x in me.get("scopes") or []]
    extra = [x for x in scopes if x in _TOO_MUCH]
    if extra:
        out.append(
            Finding(
                PROBLEM,
                CI_TOKEN,
                f"{TOKEN_VARIABLE} 中的令牌有用不到的权限：{'、'.join(extra)}。",
                "重新创建只有 api 权限（或 read_api，不发布审核摘要时）的项目访问令牌。",
            )
        )
    level = s.ci_token_member.get("access_level")
    if isinstance(level, int) and level >= 30:
        out.append(
            Finding(
                PROBLEM,
                CI_TOKEN,
                f"{TOKEN_VARIABLE} 中的令牌是{role(level)}：作业里拿到它的人能推送分支、"
                + ("改项目设置和流水线配置文件。" if level >= 40 else "代别人提交合并请求。"),
                "改用「报告者（Reporter）」角色的项目访问令牌。",
            )
        )
    if not out:
        shown = role(level) if isinstance(level, int) else "未知角色"
        out.append(
            Finding(GOOD, CI_TOKEN, f"{TOKEN_VARIABLE} 中的令牌权限：{'、'.join(scopes) or '无'}，{shown}。")
        )
    return out


CACHE_KEY = "PRIVTRAVEL_CACHE_KEY"


def cache_key(s: Snapshot, roles: Roles) -> list[Finding]:
    """The check cache's key: only protected pipelines (main) may hold it (README「检查」)."""
    if not s.variables.ok:
        return []  # already said under CI/CD 变量
    found = [v for v in [*s.variables.items(), *s.group_variables.items()] if v.get("key") == CACHE_KEY]
    if not found:
        return [
            Finding(
                NOTE,
                CACHE,
                f"没有设置 {CACHE_KEY}：缓存只靠按受保护分支分开来防伪造。",
                f"设置 › CI/CD › 变量：添加 {CACHE_KEY}（随机长字符串），勾选「受保护」，可见性选「掩码并隐藏」。",
            )
        ]
    out = []
    for var in found:
        if not var.get("protected"):
            out.append(
                Finding(
                    PROBLEM,
                    CACHE,
                    f"{CACHE_KEY} 没有设为「受保护」：合并请求流水线也拿得到它，能写出 main 会采用的缓存记录。",
                    f"设置 › CI/CD › 变量：编辑 {CACHE_KEY}，勾选「受保护」。",
                )
            )
    if not out:
        out.append(
            Finding(GOOD, CACHE, f"{CACHE_KEY} 只给受保护分支的流水线：没有它写入的缓存记录，main 不采用。")
        )
    return out
