"""Reminders as Markdown (to send, and the body of each unit's forge issue) and as CSV.

Reminders quote the units' own words (整改措施, 问题描述): what leaves here is masked once more."""

from __future__ import annotations

import csv
import datetime as dt
import io

from privtravel import workdays
from privtravel.campaignops.reminders import OPEN, OVERDUE, SOON, STATES, Reminder
from privtravel.masking import mask_text
from privtravel.model import Campaign, UnitConfig

CSV_HEADER = ("单位代码", "单位名称", "事项", "状态", "截止日期", "人员", "说明", "文件")


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _when(item: Reminder, today: dt.date) -> str:
    if item.due is None:
        return "—"
    if item.state == OVERDUE:
        return f"{cn_date(item.due)}（已逾期 {(today - item.due).days} 天）"
    if item.state == SOON:
        left = workdays.workdays_until(today, item.due)
        return f"{cn_date(item.due)}（{'今天截止' if item.due == today else f'还剩 {left} 个工作日'}）"
    return cn_date(item.due)


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


def counts(items: list[Reminder]) -> dict[str, int]:
    return {state: sum(1 for i in items if i.state == state) for state in STATES}


def unit_markdown(config: UnitConfig, items: list[Reminder], today: dt.date, level: int = 2) -> str:
    heading = "#" * level
    c = counts(items)
    lines = [
        f"{heading} {config.name}",
        "",
        f"截至 {cn_date(today)}：{OVERDUE} {c[OVERDUE]} 项，{SOON} {c[SOON]} 项，{OPEN} {c[OPEN]} 项。",
        "",
    ]
    if not items:
        return mask_text("\n".join([*lines, "当前没有到期或逾期的事项。", ""]))
    lines += ["| 状态 | 事项 | 截止日期 | 人员 | 说明 | 文件 |", "|---|---|---|---|---|---|"]
    for item in items:
        path = f"`{item.path}`" if item.path else ""
        lines.append(
            f"| {item.state} | {item.topic} | {_when(item, today)} | {_cell(item.person)} | "
            f"{_cell(item.text)} | {path} |"
        )
    return mask_text("\n".join([*lines, ""]))


def markdown(campaign: Campaign, by_unit: dict[str, list[Reminder]], today: dt.date) -> str:
    lines = [
        f"# {campaign.name} · 提醒事项",
        "",
        f"截至 {cn_date(today)}（{'、'.join(STATES)}；节假日和调休按国家安排计算）。",
        "",
        f"| 单位 | {OVERDUE} | {SOON} | {OPEN} |",
        "|---|--:|--:|--:|",
    ]
    for config in campaign.units:
        c = counts(by_unit.get(config.code, []))
        lines.append(f"| {config.name} | {c[OVERDUE]} | {c[SOON]} | {c[OPEN]} |")
    lines.append("")
    quiet = []
    for config in campaign.units:
        items = by_unit.get(config.code, [])
        if items:
            lines.append(unit_markdown(config, items, today))
        else:
            quiet.append(config.name)
    if quiet:
        lines += [f"当前没有到期或逾期事项的单位：{'、'.join(quiet)}。", ""]
    return mask_text("\n".join(lines))


def csv_text(campaign: Campaign, by_unit: dict[str, list[Reminder]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for config in campaign.units:
        for item in by_unit.get(config.code, []):
            writer.writerow(
                (
                    config.code,
                    config.name,
                    item.topic,
                    item.state,
                    item.due.isoformat() if item.due else "",
                    item.person,
                    item.text,
                    item.path,
                )
            )
    return mask_text(out.getvalue())
