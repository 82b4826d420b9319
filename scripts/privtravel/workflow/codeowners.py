""".gitlab/CODEOWNERS, rendered from campaign.yaml, and the check that the committed file agrees.

GitLab reads sections: every section that matches a changed file needs one approval from that
section's owners (when the protected branch requires code-owner approval); ``^[...]`` marks an
optional section, which names owners without requiring their approval.  So:

[审核]            unit folders, police data, inspections and campaign.yaml → the 审核人员 (委政治处);
                  everything else → 维护人员
[维护]            campaign.yaml → also one of the 维护人员 (its dates and tolerances change the tool's verdicts)
^[各单位填报人员]  each unit folder → that unit's 填报人员 (shown as owners, approval not required)
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, POLICE_DIR, SUBMISSIONS
from privtravel.model import Campaign
from privtravel.workflow.owners import handle, maintainers, reviewers

CODEOWNERS = ".gitlab/CODEOWNERS"

HEADER = """\
# 代码所有者（CODEOWNERS）：由 campaign.yaml 生成，请勿手工修改。
# 修改 campaign.yaml 中的单位、填报人员、审核人员或维护人员后运行：privtravel codeowners --write
# 合并请求流水线运行 privtravel codeowners --check：本文件与 campaign.yaml 不一致时流水线失败。
"""


def render(campaign: Campaign) -> str:
    review_owners = " ".join(reviewers(campaign) or maintainers(campaign))
    lines = [
        HEADER,
        "# 「审核」一节：每个改动的文件都需要本节所列人员之一批准（main 分支开启「需要代码所有者批准」）。",
        "# 各单位的填报文件、公安机关提供的数据、专项检查组的检查情况和 campaign.yaml（时间节点、容许天数）由委政治处审核人员批准；"
        "schema、脚本和 CI 由维护人员批准。",
        "[审核]",
    ]
    if campaign.maintainers:
        lines.append(f"* {' '.join(maintainers(campaign))}")
    if review_owners:
        lines.append(f"/{SUBMISSIONS}/ {review_owners}")
        lines.append(f"/{POLICE_DIR}/ {review_owners}")
        lines.append(f"/{INSPECTIONS}/ {review_owners}")
        lines.append(f"/{CAMPAIGN_FILE} {review_owners}")
    if review_owners and campaign.maintainers:
        lines += [
            "",
            "# 「维护」一节：campaign.yaml 的时间节点、容许天数和人员也改变工具的判断，还需要维护人员之一批准。",
            "[维护]",
            f"/{CAMPAIGN_FILE} {' '.join(maintainers(campaign))}",
        ]
    lines += [
        "",
        "# 「各单位填报人员」一节（^ 表示可选，不要求批准）：每个单位的文件夹归本单位组织人事科室填报。",
        "^[各单位填报人员]",
    ]
    lines += folder_owners(campaign, SUBMISSIONS, CAMPAIGN_FILE)
    return "\n".join(lines) + "\n"


def folder_owners(campaign: Campaign, parent: str, source: str) -> list[str]:
    """One line per unit (or roll-up member): its folder under ``parent`` and its 填报人员."""
    lines = []
    for unit in campaign.units:
        lines.append(f"# {unit.name}")
        if unit.owners:
            lines.append(f"/{parent}/{unit.code}/ {' '.join(handle(h) for h in unit.owners)}")
        else:
            lines.append(f"# /{parent}/{unit.code}/ 尚未在 {source} 中指定填报人员")
    return lines


def difference(
    root: Path,
    campaign: Campaign,
    made: Callable[[Campaign], str] | None = None,
    source: str = "campaign.yaml",
) -> list[str]:
    """The unified diff from the committed file to the one ``source`` implies (empty: in sync);
    ``made`` renders it (a roll-up passes its own)."""
    path = root / CODEOWNERS
    committed = path.read_text(encoding="utf-8") if path.is_file() else ""
    expected = (made or render)(campaign)
    if committed == expected:
        return []
    return list(
        difflib.unified_diff(
            committed.splitlines(keepends=True),
            expected.splitlines(keepends=True),
            fromfile=f"{CODEOWNERS}（仓库中的）",
            tofile=f"{CODEOWNERS}（按 {source} 应为）",
        )
    )
