"""Who owns which path, from campaign.yaml: the one table behind CODEOWNERS and the ownership check.

submissions/<单位代码>/  the unit's 填报人员 (GitLab users or groups); approved by the 审核人员
police/                 the 审核人员 (委政治处 receives the police data and commits it)
inspections/            the 审核人员 (the 专项检查组's findings, committed by them or the 委政治处)
campaign.yaml           the 审核人员 (the 委政治处 sets the campaign's dates, tolerances and people)
everything else         the 维护人员 (schemas, scripts, config, CI, site)
The 维护人员 may change anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, POLICE_DIR, SUBMISSIONS, unit_of
from privtravel.model import Campaign


def handle(name: str) -> str:
    """A GitLab user or group as CODEOWNERS writes it: with one leading @."""
    return "@" + name.lstrip("@")


def same(a: str, b: str) -> bool:
    """GitLab user and group paths compare without the @ and without regard to case."""
    return a.lstrip("@").casefold() == b.lstrip("@").casefold()


@dataclass(frozen=True, slots=True)
class Owner:
    """Who may change a path, and how to name that path's owner in a message."""

    label: str  # 绍兴市人民医院（srmyy）, 维护人员, 审核人员（委政治处）
    handles: tuple[str, ...]  # @-handles, maintainers not included
    unit: str | None = None  # the unit code for a unit folder


def maintainers(campaign: Campaign) -> tuple[str, ...]:
    return tuple(handle(h) for h in campaign.maintainers)


def reviewers(campaign: Campaign) -> tuple[str, ...]:
    return tuple(handle(h) for h in campaign.reviewers)


def owner_of(campaign: Campaign, rel: str) -> Owner:
    """The owner of a repository-relative POSIX path."""
    code = unit_of(rel)
    if code is not None:
        unit = campaign.unit(code)
        if unit is None:
            return Owner(f"未列入 campaign.yaml 的单位文件夹「{code}」（由维护人员添加单位）", (), code)
        return Owner(f"{unit.name}（{unit.code}）", tuple(handle(h) for h in unit.owners), unit.code)
    if PurePosixPath(rel).parts[:1] == (POLICE_DIR,):
        return Owner("审核人员（委政治处，公安机关提供的数据）", reviewers(campaign))
    if PurePosixPath(rel).parts[:1] == (INSPECTIONS,):
        return Owner("审核人员（委政治处，专项检查组的检查情况）", reviewers(campaign))
    if rel == CAMPAIGN_FILE:
        return Owner("审核人员（委政治处，专项整治工作配置）", reviewers(campaign))
    if PurePosixPath(rel).parts[:1] == (SUBMISSIONS,):
        return Owner("submissions/ 目录本身（只能放各单位的文件夹）", ())
    return Owner("维护人员（schema、脚本、配置和 CI）", ())
