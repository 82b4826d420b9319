"""The 统计口径 of both tables as Markdown, for the site (the workbook has its own sheet)."""

from __future__ import annotations

from privtravel.stats.compute import Statistics
from privtravel.stats.options import cn_date


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(stats: Statistics, *, heading: str = "##") -> str:
    o = stats.options
    lines = [
        f"{heading} 统计口径",
        "",
        "统计表由各单位的填报文件自动计算，不手工填写。以下各项由 campaign.yaml 的「统计口径」决定：",
        "",
        f"- 统计截止日期：{cn_date(o.as_of)}"
        + ("（未设置，取统计表报送截止日期）" if o.as_of_is_default else "")
        + "。此日以后的记录不计入，应备数、实收数等按这一天计算。",
        f"- 组织开展起算日期：{cn_date(o.since)}"
        + ("（未设置，取年度的1月1日）" if o.since_is_default else "")
        + "。「新增登记备案人数」「新收缴证件数」从这一天起统计。",
        f"- 违规问题计数：{o.cases_by}；实备以：{o.registered_by}；处理人数含责任追究：{'是' if o.accountable_handled else '否'}。",
        f"- 数据版本：{stats.version.describe()}。",
        "- 人员以单位内的人员编号区分：同一人在一列中最多计1次（人数列）；小计等于本地区各单位之和，合计等于各地区小计之和。",
        "",
    ]
    for table in stats.tables:
        lines += [
            f"{heading}# {table.spec.attachment} {table.spec.title}",
            "",
            "| 列（表头） | 计量单位 | 统计口径 |",
            "|---|---|---|",
        ]
        for column in table.spec.columns:
            lines.append(
                f"| {_cell('-'.join(column.path))} | {column.measure} | {_cell(column.definition)} |"
            )
        lines.append("")
    return "\n".join(lines)
