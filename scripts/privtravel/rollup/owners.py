"""Who owns which path of a roll-up repository: the ownership check and CODEOWNERS, as for units.

members/<代码>/   that member's 填报人员; approved by the 审核人员
everything else  the 维护人员 (rollup.yaml, CI, scripts), who may change anything
"""

from __future__ import annotations

from pathlib import Path

from privtravel.load.layout import path_parts
from privtravel.model import Campaign
from privtravel.rollup.config import CONFIG_FILE, MEMBERS
from privtravel.workflow import codeowners
from privtravel.workflow.owners import Owner, handle, maintainers, reviewers


def owner_of(campaign: Campaign, rel: str) -> Owner:
    """``campaign`` is the roll-up seen as a campaign (Rollup.as_campaign): its units are the members."""
    parts = path_parts(rel)
    if len(parts) >= 3 and parts[0] == MEMBERS:
        unit = campaign.unit(parts[1])
        if unit is None:
            return Owner(
                f"未列入 {CONFIG_FILE} 的成员文件夹「{parts[1]}」（由维护人员添加成员）", (), parts[1]
            )
        return Owner(f"{unit.name}（{unit.code}）", tuple(handle(h) for h in unit.owners), unit.code)
    if parts[:1] == (MEMBERS,):
        return Owner(f"{MEMBERS}/ 目录本身（只能放各成员的文件夹）", ())
    return Owner(f"维护人员（{CONFIG_FILE}、脚本和 CI）", ())


def render(campaign: Campaign) -> str:
    review_owners = " ".join(reviewers(campaign) or maintainers(campaign))
    lines = [
        f"# 代码所有者（CODEOWNERS）：由 {CONFIG_FILE} 生成，请勿手工修改。",
        f"# 修改 {CONFIG_FILE} 中的成员、填报人员、审核人员或维护人员后运行：privtravel rollup codeowners --write",
        "",
        "# 「审核」一节：各成员报送的统计表由审核人员批准；配置、脚本和 CI 由维护人员批准。",
        "[审核]",
    ]
    if campaign.maintainers:
        lines.append(f"* {' '.join(maintainers(campaign))}")
    if review_owners:
        lines.append(f"/{MEMBERS}/ {review_owners}")
    lines += [
        "",
        "# 「各成员填报人员」一节（^ 表示可选，不要求批准）：每个成员的文件夹归该成员报送。",
        "^[各成员填报人员]",
    ]
    lines += codeowners.folder_owners(campaign, MEMBERS, CONFIG_FILE)
    return "\n".join(lines) + "\n"


def difference(root: Path, campaign: Campaign) -> list[str]:
    return codeowners.difference(root, campaign, render, CONFIG_FILE)
