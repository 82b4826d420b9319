"""What a check finds: a level, the topic, what is wrong (or right) and how to fix it, in Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from privtravel.model import Campaign
from privtravel.workflow.doctor.fetch import Answer, Snapshot
from privtravel.workflow.owners import same

PROBLEM = "不安全"
UNREADABLE = "无法读取"  # counts as unsafe: not knowing is not safe
GAP = "本版本没有"  # the GitLab tier or version lacks the setting: said, with what covers the gap
GOOD = "正常"
NOTE = "提示"

FAILING = (PROBLEM, UNREADABLE)

ROLE_NAMES = {
    10: "访客（Guest）",
    20: "报告者（Reporter）",
    30: "开发者（Developer）",
    40: "维护者（Maintainer）",
    50: "所有者（Owner）",
    60: "管理员",
    0: "无人",
}


@dataclass(frozen=True, slots=True)
class Finding:
    level: str
    topic: str
    text: str
    fix: str = ""


def unreadable(topic: str, what: str, answer: Answer) -> Finding:
    reason = f"HTTP {answer.status}" if answer.status else "没有回答"
    return Finding(
        UNREADABLE,
        topic,
        f"无法读取{what}（{reason}）。",
        "用有「维护者（Maintainer）」角色、`api` 权限的令牌运行（设在 PRIVTRAVEL_GITLAB_TOKEN 中）。",
    )


def role(level: object) -> str:
    return ROLE_NAMES.get(level, f"访问级别 {level}") if isinstance(level, int) else str(level)


class Roles:
    """Who a GitLab user is in campaign.yaml, with the groups' members as the snapshot read them."""

    def __init__(self, campaign: Campaign | None, snapshot: Snapshot) -> None:
        self.campaign = campaign
        self._snapshot = snapshot

    def _in(self, username: str, handles: tuple[str, ...]) -> bool:
        for handle in handles:
            if same(username, handle):
                return True
            members = self._snapshot.groups.get(handle)
            if members is not None and any(
                same(username, str(m.get("username", ""))) for m in members.items()
            ):
                return True
        return False

    def units(self, username: str) -> list[str]:
        if self.campaign is None:
            return []
        return [u.name for u in self.campaign.units if self._in(username, u.owners)]

    def reviewer(self, username: str) -> bool:
        return self.campaign is not None and self._in(username, self.campaign.reviewers)

    def trusted(self, username: str) -> bool:
        """A 审核人员 or 维护人员 of campaign.yaml."""
        if self.campaign is None:
            return False
        return self._in(username, self.campaign.reviewers) or self._in(username, self.campaign.maintainers)


def protection(protected: Answer, branch: str) -> dict[str, Any] | None:
    """The protected-branch rule that covers ``branch``: its own, else the first matching wildcard."""
    rules = protected.items()
    for rule in rules:
        if rule.get("name") == branch:
            return rule
    for rule in rules:
        if fnmatchcase(branch, str(rule.get("name", ""))):
            return rule
    return None
