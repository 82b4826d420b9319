"""Changes to campaign.yaml: dates, regions, units and who fills in, reviews and maintains."""

from __future__ import annotations

from privtravel.load.layout import CAMPAIGN_FILE
from privtravel.model import Campaign, UnitConfig
from privtravel.workflow.review import values
from privtravel.workflow.review.align import align
from privtravel.workflow.review.changes import Item, Op, Section
from privtravel.workflow.review.fields import Field, differences
from privtravel.workflow.review.itemize import items

CAMPAIGN: tuple[Field[Campaign], ...] = (
    Field("专项整治名称", lambda c: c.name),
    Field("年度", lambda c: c.year),
    Field("发文机关", lambda c: c.issuer),
    Field("示例数据", lambda c: c.demo),
    Field("出国境起算日期", lambda c: c.trips_since),
    Field("证件失效起算日期", lambda c: c.documents_expired_since),
    Field("报告截止日期", lambda c: c.report_deadline),
    Field("自查自纠截止日期", lambda c: c.self_check_deadline),
    Field("统计表报送截止日期", lambda c: c.tables_deadline),
    Field("集中检查截止日期", lambda c: c.inspection_deadline),
    Field("每月报送日", lambda c: c.monthly_report_day),
    Field("证件交回天数", lambda c: c.return_days),
    Field("文件大小上限KB", lambda c: c.max_file_kb),
    Field("地区", lambda c: c.regions),
    Field("审核人员", lambda c: c.reviewers),
    Field("维护人员", lambda c: c.maintainers),
)
UNIT: tuple[Field[UnitConfig], ...] = (
    Field("名称", lambda u: u.name),
    Field("地区", lambda u: u.region),
    Field("填报人员", lambda u: u.owners),
)

TITLE = f"专项整治配置（{CAMPAIGN_FILE}）"


def section(old: Campaign | None, new: Campaign | None) -> Section:
    out = Section(TITLE)
    if old is None or new is None:
        if old is not new:
            out.notes.append(
                f"{CAMPAIGN_FILE} 在{'合并基点' if old is None else '本合并请求'}中有错误或不存在，未比较。"
            )
        return out
    lines = differences(CAMPAIGN, old, new)
    if lines:
        out.items.append(Item(Op.CHANGED, "工作配置", tuple(lines)))
    found = align(old.units, new.units, lambda u: u.code)
    out.items += items(
        found,
        lambda u: f"单位 {u.code} {u.name}",
        lambda u: (f"{u.region}，填报人员 {values.plain(u.owners)}",),
        lambda a, b: differences(UNIT, a, b),
    )
    return out
