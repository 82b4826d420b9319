"""The audit trail the site shows: git's first-parent history, confirmed through GitLab when it can be.

With ``PRIVTRAVEL_GITLAB_TOKEN`` and the server (``CI_SERVER_URL``) and project (``CI_PROJECT_ID``)
configured, every merge request is looked up and people are named by their GitLab usernames and their
roles in campaign.yaml.  Everything is resolved here, in one process, so that the unit pages' forked
workers only read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.model import Campaign
from privtravel.site.audit import Entry, by_unit, gitlab_login, read_log
from privtravel.site.audit_confirm import Lookup, LookupFailed, Recorded, Verdict, confirm
from privtravel.site.audit_people import MAINTAINERS, REVIEWERS, People
from privtravel.workflow import gitlab_api


@dataclass
class Trail:
    entries: list[Entry]
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # GitLab username -> how the site names them
    source: str = ""  # how the trail was confirmed, for the page's head
    mergers: frozenset[str] | None = None  # who may merge (reviewers, maintainers), when GitLab told us
    units: dict[str, list[Entry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.units = by_unit(self.entries)

    def name(self, username: str | None) -> str:
        if not username:
            return ""
        return self.names.get(username, f"@{username}")

    def person(self, name: str, email: str) -> str:
        """A git author or committer: by GitLab username when the email is GitLab's private one."""
        login = gitlab_login(email)
        return self.name(login) if login else name


def _logins(entries: list[Entry]) -> set[str]:
    commits = [c for e in entries for c in (e.commit, *e.brought)]
    emails = {c.author_email for c in commits} | {c.committer_email for c in commits}
    return {login for e in emails if (login := gitlab_login(e))}


def load(root: Path, campaign: Campaign, env: Mapping[str, str] | None = None) -> Trail:
    env = os.environ if env is None else env
    entries = read_log(root)
    client = gitlab_api.connect(env)
    project = env.get("CI_PROJECT_ID") or env.get("CI_PROJECT_PATH") or ""
    logins = _logins(entries)
    if client is None or not project:
        verdicts = confirm(entries, None)
        return Trail(
            entries,
            verdicts,
            _names(People(campaign), logins),
            "未配置 GitLab 令牌：合并请求编号和审核通过人仅见于合并提交说明，未经 GitLab 核实。",
        )
    try:
        about = gitlab_api.project_of(client, project)
    except FatalError as exc:
        verdicts = confirm(entries, _failing(str(exc)))
        return Trail(entries, verdicts, _names(People(campaign), logins), f"无法核实：{exc}")
    default_branch = str(about.get("default_branch") or "main")
    path = str(about.get("path_with_namespace") or "")

    def lookup(iid: int) -> Recorded | None:
        try:
            found = gitlab_api.merge_request_with_approvals(client, project, iid)
        except FatalError as exc:
            raise LookupFailed(str(exc)) from exc
        return None if found is None else Recorded.from_api(*found)

    verdicts = confirm(entries, lookup, default_branch=default_branch, project_path=path)
    people = People(campaign, lambda handle: gitlab_api.members_of(client, handle))
    recorded = {
        u
        for v in verdicts.values()
        if v.record is not None
        for u in (v.record.author, v.record.merged_by, *v.record.approvers)
        if u
    }
    names = _names(people, recorded | logins)
    merged_by = {v.record.merged_by for v in verdicts.values() if v.record is not None and v.record.merged_by}
    return Trail(
        entries,
        verdicts,
        names,
        f"合并请求、合并人和审核通过人已通过 GitLab 接口核实（项目 {path}）。",
        _mergers(people, merged_by),
    )


def _mergers(people: People, usernames: set[str]) -> frozenset[str] | None:
    """Which of these users are 审核人员 or 维护人员 (None when the groups could not be read)."""
    try:
        return frozenset(u for u in usernames if {REVIEWERS, MAINTAINERS} & set(people.roles(u)))
    except FatalError:
        return None


def _names(people: People, usernames: set[str]) -> dict[str, str]:
    """How the site names each user, resolved here once (the unit pages' workers only read)."""
    try:
        return {u: people.name(u) for u in sorted(usernames)}
    except FatalError:  # group members could not be read: users are shown by username alone
        return {}


def _failing(reason: str) -> Lookup:
    def lookup(iid: int) -> Recorded | None:
        raise LookupFailed(reason)

    return lookup
