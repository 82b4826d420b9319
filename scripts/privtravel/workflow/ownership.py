"""The ownership check: every path a merge request changes must belong to its author.

A path in a unit folder belongs to that unit's 填报人员; police data to the 审核人员; anything else to
the 维护人员, who may change everything.  The config used is the one at the merge base, so that a merge
request cannot grant itself the right to the change it makes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from privtravel.model import Campaign
from privtravel.workflow.identity import Commit
from privtravel.workflow.membership import Member
from privtravel.workflow.owners import Owner, maintainers, owner_of


@dataclass(frozen=True, slots=True)
class Refusal:
    path: str
    owner: Owner


@dataclass
class Verdict:
    login: str
    paths: list[str]
    maintainer: bool = False
    owners: list[str] = field(default_factory=list)  # labels of the owners whose paths were changed
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refusals


def check(
    campaign: Campaign,
    paths: Sequence[str],
    login: str,
    member: Member,
    owner: Callable[[Campaign, str], Owner] = owner_of,
) -> Verdict:
    """``owner`` maps a path to its owner (a roll-up passes its own: members instead of units)."""
    verdict = Verdict(login, list(paths))
    verdict.maintainer = any(member(h) for h in maintainers(campaign))
    for path in paths:
        owner_ = owner(campaign, path)
        if owner_.label not in verdict.owners:
            verdict.owners.append(owner_.label)
        if verdict.maintainer or any(member(h) for h in owner_.handles):
            continue
        verdict.refusals.append(Refusal(path, owner_))
    return verdict


@dataclass(frozen=True, slots=True)
class CommitRefusal:
    commit: Commit
    verdict: Verdict


def check_commits(
    campaign: Campaign,
    paths: Sequence[str],
    commits: Sequence[Commit],
    people: Sequence[str],
    member_for: Callable[[str], Member],
    owner: Callable[[Campaign, str], Owner] = owner_of,
) -> list[CommitRefusal]:
    """Commits another GitLab user wrote: each must stay within that user's part of the net change.

    A commit's author is only what git recorded (anyone can write any name), so it can refuse but never
    allow: the people checked above (author, pipeline user) are checked on every path anyway, and a path a
    later commit put back is no change at all.
    """
    net = set(paths)
    checked = {p.lstrip("@").casefold() for p in people}
    out = []
    for commit in commits:
        if commit.login is None or commit.login.casefold() in checked:
            continue
        touched = [p for p in commit.paths if p in net]
        verdict = check(campaign, touched, commit.login, member_for(commit.login), owner)
        if verdict.refusals:
            out.append(CommitRefusal(commit, verdict))
    return out


def explain(verdict: Verdict, *, lookup: bool, who: str = "提交人") -> str:
    """The verdict in Chinese, naming each refused file and the unit (or role) that owns it."""
    me = f"{who} @{verdict.login.lstrip('@')}"
    if not verdict.paths:
        return f"本合并请求没有改动文件（{me}）。"
    if verdict.ok:
        role = "维护人员" if verdict.maintainer else "填报人员"
        return f"{me}（{role}）改动了 {len(verdict.paths)} 个文件，都在其负责的范围内：{'、'.join(verdict.owners)}。"
    lines = [f"以下 {len(verdict.refusals)} 个文件不在{me} 负责的范围内，本合并请求不能修改："]
    lines += _refused(verdict)
    lines.append(
        "每个单位只能修改自己的文件夹。请把这些文件恢复原样（git checkout <对比基准> -- 文件名）后重新提交；"
        "确需修改的，请由负责的单位或维护人员另行提交合并请求。"
    )
    if not lookup:
        lines.append(
            "如果 campaign.yaml 中的填报人员是 GitLab 群组：流水线没有配置 PRIVTRAVEL_GITLAB_TOKEN，无法查询群组成员，"
            "请配置该变量，或在填报人员中直接写用户名。"
        )
    return "\n".join(lines)


def _refused(verdict: Verdict) -> list[str]:
    lines = []
    for refusal in verdict.refusals:
        owners = "、".join(refusal.owner.handles)
        by = f"，由 {owners} 负责" if owners else ""
        lines.append(f"  {refusal.path} —— 属于 {refusal.owner.label}{by}")
    return lines


def explain_commits(commits: Sequence[Commit], refused: Sequence[CommitRefusal], *, lookup: bool) -> str:
    """Every commit's author as git recorded it (and the GitLab user, when known), then the refusals."""
    if not commits:
        return ""
    lines = [f"本合并请求的 {len(commits)} 个提交及其作者（git 记录的姓名和邮箱）："]
    for c in commits:
        known = f"GitLab 用户 @{c.login}" if c.login else "未能对应到 GitLab 用户"
        lines.append(f"  {c.sha[:8]} {c.author}（{known}）")
    if not lookup and any(c.login is None for c in commits):
        lines.append("  （没有配置 PRIVTRAVEL_GITLAB_TOKEN：只能认出运行流水线的用户自己的邮箱。）")
    for r in refused:
        lines.append(
            f"提交 {r.commit.sha[:8]} 的作者是 GitLab 用户 @{r.commit.login}，它改动的以下文件不在 @{r.commit.login} "
            "负责的范围内（由另一个用户写的提交，不能借本合并请求提交人的权限合并）："
        )
        lines += _refused(r.verdict)
    return "\n".join(lines)
