"""Who a GitLab user is in this campaign: a unit's 填报人员, the 委政治处's 审核人员 or a 维护人员.

campaign.yaml names users and groups (``@srmyy-hr``); a group's members come from the GitLab API when a
token is present (``members_of``), each group asked once.  A user the campaign does not name is shown
as such when the groups could be asked (without a token only users named directly are recognised):
an approval by someone who is not a reviewer is worth a second look.
"""

from __future__ import annotations

from privtravel.model import Campaign
from privtravel.workflow.membership import MembersOf
from privtravel.workflow.owners import same

REVIEWERS = "委政治处审核人员"
MAINTAINERS = "维护人员"
UNKNOWN = "不在 campaign.yaml 中"


class People:
    def __init__(self, campaign: Campaign, members_of: MembersOf | None = None) -> None:
        self._roles: list[tuple[str, tuple[str, ...]]] = [
            *((f"{u.name}填报人员", u.owners) for u in campaign.units),
            (REVIEWERS, campaign.reviewers),
            (MAINTAINERS, campaign.maintainers),
        ]
        self._members_of = members_of
        self._groups: dict[str, frozenset[str] | None] = {}
        self._cache: dict[str, str] = {}

    def _is(self, username: str, handle: str) -> bool:
        if same(username, handle):
            return True
        if self._members_of is None:
            return False
        key = handle.lstrip("@").casefold()
        if key not in self._groups:
            self._groups[key] = self._members_of(handle)
        members = self._groups[key]
        return members is not None and any(same(username, m) for m in members)

    def roles(self, username: str) -> list[str]:
        return [role for role, handles in self._roles if any(self._is(username, h) for h in handles)]

    def name(self, username: str) -> str:
        """``@wangli（绍兴市人民医院填报人员）``; ``@someone（不在 campaign.yaml 中）``."""
        if username not in self._cache:
            roles = self.roles(username)
            known = "、".join(roles) or (UNKNOWN if self._members_of is not None else "")
            handle = f"@{username.lstrip('@')}"
            self._cache[username] = f"{handle}（{known}）" if known else handle
        return self._cache[username]
