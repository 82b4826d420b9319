"""Who the author of a merge request is: a GitLab login, and the groups it belongs to.

campaign.yaml names GitLab users or groups (``@srmyy-hr``); GitLab tells CI only the login
(``GITLAB_USER_LOGIN``).  Group membership comes from the command line (``--member-of``) or, when a
token is configured, from the GitLab API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from privtravel.workflow.owners import same

# member(handle) -> True/False: whether the author is that user or belongs to that group
Member = Callable[[str], bool]
# members_of(handle) -> the group's usernames, or None when the handle is not a group
MembersOf = Callable[[str], frozenset[str] | None]


def static(login: str, groups: Iterable[str]) -> Member:
    known = tuple(groups)

    def member(handle: str) -> bool:
        return same(handle, login) or any(same(handle, g) for g in known)

    return member


def with_lookup(login: str, groups: Iterable[str], members_of: MembersOf) -> Member:
    """As ``static``, and for any other handle ask ``members_of`` (once per handle)."""
    first = static(login, groups)
    cache: dict[str, bool] = {}

    def member(handle: str) -> bool:
        if first(handle):
            return True
        key = handle.lstrip("@").casefold()
        if key not in cache:
            names = members_of(handle)
            cache[key] = names is not None and any(same(n, login) for n in names)
        return cache[key]

    return member
