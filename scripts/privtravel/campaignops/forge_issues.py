"""One reminder issue per unit in the GitLab project, assigned to the unit's HR, updated on every run.

An issue is found again by its labels (``专项整治提醒`` and ``单位-<代码>``), so a second run edits
the same issue instead of opening another: it rewrites the description, reopens it when new items
are due, and closes it when nothing is left.  Nothing changes when nothing changed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import gitlab
import requests

from privtravel.campaignops.remind_output import cn_date, counts, unit_markdown
from privtravel.campaignops.reminders import OPEN, OVERDUE, SOON, Reminder
from privtravel.diagnostics import FatalError
from privtravel.model import Campaign, UnitConfig

LABEL = "专项整治提醒"
CREATED, UPDATED, REOPENED, CLOSED, UNCHANGED = "新建", "更新", "重新打开", "关闭", "无变化"


@dataclass(frozen=True, slots=True)
class Forge:
    url: str
    token: str
    project: str  # numeric id or "group/project"


def unit_label(code: str) -> str:
    return f"单位-{code}"


def title(config: UnitConfig, items: list[Reminder]) -> str:
    c = counts(items)
    if not items:
        return f"【提醒】{config.name}：当前没有到期事项"
    return f"【提醒】{config.name}：{OVERDUE} {c[OVERDUE]} 项，{SOON} {c[SOON]} 项，{OPEN} {c[OPEN]} 项"


def description(config: UnitConfig, items: list[Reminder], today: dt.date) -> str:
    owners = "、".join(o if o.startswith("@") else f"@{o}" for o in config.owners)
    body = unit_markdown(config, items, today, level=3)
    who = f"请 {owners} 在截止日期前处理，改正后提交合并请求。" if owners else "请在截止日期前处理。"
    return (
        f"{who}\n\n{body}\n"
        f"---\n由 `privtravel remind --gitlab` 按 {cn_date(today)} 的填报内容生成；"
        "下次运行时更新本议题，事项全部处理后自动关闭。\n"
    )


def publish(
    forge: Forge, campaign: Campaign, by_unit: dict[str, list[Reminder]], today: dt.date
) -> Counter[str]:
    """Create or update each unit's reminder issue; returns how many were created, updated, …"""
    try:
        gl = gitlab.Gitlab(forge.url, private_token=forge.token, timeout=30)
        project = gl.projects.get(forge.project, lazy=True)
        done: Counter[str] = Counter()
        people = _Assignees(gl)
        for config in campaign.units:
            items = by_unit.get(config.code, [])
            done[_one(project, people, config, items, today)] += 1
        return done
    except gitlab.exceptions.GitlabAuthenticationError as exc:
        raise FatalError(
            f"GitLab 拒绝了访问令牌（{exc.response_code}）：请检查 PRIVTRAVEL_GITLAB_TOKEN。"
        ) from exc
    except gitlab.exceptions.GitlabError as exc:
        raise FatalError(f"GitLab 返回错误（{exc.response_code}）：{exc.error_message}") from exc
    except requests.RequestException as exc:
        raise FatalError(f"无法连接 GitLab（{forge.url}）：{exc.__class__.__name__}") from exc


def _one(project: Any, people: _Assignees, config: UnitConfig, items: list[Reminder], today: dt.date) -> str:
    labels = [LABEL, unit_label(config.code)]
    found = project.issues.list(labels=labels, state="all", order_by="created_at", sort="asc", get_all=True)
    new_title, new_body = title(config, items), description(config, items, today)
    if not found:
        if not items:
            return UNCHANGED
        project.issues.create(
            {
                "title": new_title,
                "description": new_body,
                "labels": ",".join(labels),
                "assignee_ids": people.ids(config.owners),
            }
        )
        return CREATED
    issue = found[-1]  # the newest, should older ones have been made by hand
    outcome = UNCHANGED
    if issue.title != new_title or issue.description != new_body:
        issue.title, issue.description = new_title, new_body
        outcome = UPDATED
    if items and issue.state == "closed":
        issue.state_event, outcome = "reopen", REOPENED
    elif not items and issue.state == "opened":
        issue.state_event, outcome = "close", CLOSED
    if outcome != UNCHANGED:
        issue.save()
    return outcome


class _Assignees:
    """The GitLab user ids of a unit's 填报人员: a user name, or every member of a group."""

    def __init__(self, gl: gitlab.Gitlab) -> None:
        self.gl = gl
        self.cache: dict[str, list[int]] = {}

    def ids(self, owners: tuple[str, ...]) -> list[int]:
        out: list[int] = []
        for owner in owners:
            for ident in self._resolve(owner.lstrip("@")):
                if ident not in out:
                    out.append(ident)
        return out

    def _resolve(self, name: str) -> list[int]:
        if name not in self.cache:
            users = self.gl.users.list(username=name, get_all=True)
            if users:
                self.cache[name] = [int(users[0].id)]
            else:
                try:
                    members = self.gl.groups.get(name, lazy=True).members.list(get_all=True)
                except gitlab.exceptions.GitlabListError as exc:
                    if exc.response_code != 404:
                        raise
                    members = []
                self.cache[name] = sorted(int(m.id) for m in members)
        return self.cache[name]
