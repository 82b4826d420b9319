"""进展（按日）: what came in and what was settled on which day, from the Git history the audit trail
already reads, as charts (site/charts.py, inline SVG) with the same figures in a table.

- 新交报告表: each report file counts on the day main first received it (``A`` in a first-parent step);
- 更新核查说明的单位: the units that changed their answers to the cross-check that day;
- 新增待核实 / 消除待核实 / 待核实: the cross-check run again on the data of each day's last commit
  (site/history.py): findings open at the end of the day that were not the day before, those open the
  day before that no longer are (answered, or gone with corrected data), and how many are open;
- 整改完成: the rectification items whose 完成日期 is that day (the unit's own record of it).

Days are the committer dates of main's steps; nothing is counted twice, nothing typed for the chart.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from privtravel.load.repository import Repository
from privtravel.model import Campaign
from privtravel.site import charts
from privtravel.site.audit import Entry
from privtravel.site.history import MAX_DAYS, History, opened_closed
from privtravel.site.pages.common import cell, date_text

PAGE = "progress.md"
SERIES = ("新交报告表", "更新核查说明的单位", "整改完成")
OPENED, CLOSED, LEVEL = "新增待核实", "消除待核实", "待核实（当日结束）"
SHOWN_DAYS = 30  # the latest days with anything in them
FEW_DAYS = 7  # fewer data days than this show no trend: the page says so


def counts(entries: list[Entry], repo: Repository) -> dict[dt.date, Counter[str]]:
    days: dict[dt.date, Counter[str]] = {}
    seen: set[str] = set()
    for entry in reversed(entries):  # oldest first: a report counts on the day it first arrived
        when = _day(entry.commit.committed or entry.commit.authored)
        if when is None:
            continue
        day = days.setdefault(when, Counter())
        answered = set()
        for status, path in entry.data_files():
            parts = path.split("/")
            if len(parts) == 4 and parts[0] == "submissions" and parts[2] == "报告" and status == "A":
                if path not in seen:
                    seen.add(path)
                    day[SERIES[0]] += 1
            elif len(parts) == 3 and parts[0] == "submissions" and parts[2] == "核查说明.yaml":
                answered.add(parts[1])
        day[SERIES[1]] += len(answered)
    for unit in repo.units.values():
        for item in unit.rectifications:
            if item.closed is not None:
                days.setdefault(item.closed, Counter())[SERIES[2]] += 1
    return {d: c for d, c in days.items() if sum(c.values())}


def findings(history: History) -> tuple[dict[dt.date, Counter[str]], dict[dt.date, int]]:
    """Findings opened and closed by day, and how many were open at the end of each computed day."""
    by_day: dict[dt.date, Counter[str]] = {}
    level: dict[dt.date, int] = {}
    before = None
    for i, day in enumerate(history.days):
        change = opened_closed(before, day.states)
        if day.states is not None:
            before = day.states
        if change is None or (i == 0 and history.older):  # no findings that day, or the baseline
            continue
        opened, closed, open_now = change
        level[day.day] = open_now
        if opened or closed:
            by_day[day.day] = Counter({OPENED: opened, CLOSED: closed})
    return by_day, level


def page(entries: list[Entry], repo: Repository, history: History, campaign: Campaign, today: dt.date) -> str:
    by_day = counts(entries, repo)
    changes, level = findings(history)
    for day, change in changes.items():
        by_day.setdefault(day, Counter()).update(change)
    lines = ["# 进展（按日）", "", *_notes(entries, history, campaign, today, len(by_day))]
    if not by_day:
        return "\n".join([*lines, "Git 历史中还没有填报记录。", ""])
    days = sorted(by_day)[-SHOWN_DAYS:]
    labels = [f"{d.month}-{d.day}" if len({x.year for x in days}) == 1 else d.isoformat() for d in days]
    carried = [_level_on(level, d) for d in days]

    def values(name: str) -> list[int]:
        return [by_day[d][name] for d in days]

    lines += [
        charts.days("新交报告表（份）", labels, [(SERIES[0], values(SERIES[0]), "#1565c0")]),
        "",
        charts.days(
            "核查发现（项）",
            labels,
            [(OPENED, values(OPENED), "#a14400"), (CLOSED, values(CLOSED), "#2e7d32")],
            note=_level_note(labels, carried),
        ),
        "",
        charts.days("整改完成（项）", labels, [(SERIES[2], values(SERIES[2]), "#2e7d32")])
        if any(values(SERIES[2]))
        else f"**整改完成（项）**：这 {len(days)} 天里没有整改完成的记录（各单位「整改.yaml」的完成日期）。",
        "",
        *_table(days, by_day, carried),
    ]
    return "\n".join(lines)


def _notes(
    entries: list[Entry], history: History, campaign: Campaign, today: dt.date, count: int
) -> list[str]:
    notes = [
        "main 分支每天收到的新报告表、更新核查说明的单位数（Git 历史，按合并日期）；与公安数据比对的核查发现，"
        "按每天最后一次提交的数据重新比对，得出当天新增和消除的待核实项；整改完成数按各单位「整改.yaml」中的完成日期。"
        f"只列出有变化的日子（最近 {SHOWN_DAYS} 个）。"
    ]
    if count < FEW_DAYS:
        notes.append(
            f"**Git 历史中只有 {count} 个日子有变化，少于 {FEW_DAYS} 天，还看不出趋势**：图表如实列出这些日子，没有补造数据。"
        )
    later = sorted(
        {d for d in (_day(e.commit.committed or e.commit.authored) for e in entries) if d and d > today}
    )
    if later:
        notes.append(
            f"Git 历史中有 {len(later)} 天的提交晚于看板的数据截至日期（{date_text(today)}），"
            f"最晚为 {date_text(later[-1])}：图中的日期是提交到仓库的日期，不是数据所反映的日期。"
        )
    if campaign.demo and later:
        notes.append(
            "示例数据的 Git 历史是本工具的开发历史，不是专项整治期间各单位的填报：日子少、日期与示例年度不符，属正常。"
        )
    if history.problem:
        notes.append(cell(history.problem))
    elif history.older:
        notes.append(
            f"核查发现只按最近 {MAX_DAYS} 个数据有变化的日子（每天取当天最后一次提交）重新比对，"
            f"更早的 {history.older} 个日子未计算（每次比对要读全部数据，限定天数使看板的生成时间有上限）。"
        )
    return [*(f"{n}\n" for n in notes)]


def _table(days: list[dt.date], by_day: dict[dt.date, Counter[str]], level: list[int | None]) -> list[str]:
    names = (SERIES[0], SERIES[1], OPENED, CLOSED, LEVEL, SERIES[2])
    head = "".join(f'<th scope="col">{n}</th>' for n in names)
    rows = []
    for day, left in reversed(list(zip(days, level, strict=True))):
        figures = [by_day[day][n] or "" for n in names[:4]] + [
            "" if left is None else left,
            by_day[day][SERIES[2]] or "",
        ]
        cells = "".join(f'<td class="num">{v}</td>' for v in figures)
        rows.append(f'<tr><th scope="row">{day.isoformat()}</th>{cells}</tr>')
    totals = "".join(
        f'<td class="num">{sum(by_day[d][n] for d in days) if n != LEVEL else ""}</td>' for n in names
    )
    return [
        "## 按日数据",
        "",
        "<table data-sortable>",
        f'<thead><tr><th scope="col">日期</th>{head}</tr></thead>',
        "<tbody>",
        *rows,
        f'<tr class="total"><th scope="row">合计（以上日子）</th>{totals}</tr>',
        "</tbody>",
        "</table>",
        "",
    ]


def _level_note(labels: list[str], level: list[int | None]) -> str:
    known = [(label, n) for label, n in zip(labels, level, strict=True) if n is not None]
    if not known:
        return ""
    label, n = known[-1]
    return f"{label} 结束时仍待核实 {n} 项；逐日的项数见下方数据表。"


def _level_on(level: dict[dt.date, int], day: dt.date) -> int | None:
    """Open findings at the end of ``day``: the last computed day's, since only input days change them."""
    known = [d for d in level if d <= day]
    return level[max(known)] if known else None


def overview_lines(entries: list[Entry], repo: Repository, history: History) -> list[str]:
    """总览's pointer to the 进展 page: the latest day with something in it."""
    by_day = counts(entries, repo)
    changes, _ = findings(history)
    for day, change in changes.items():
        by_day.setdefault(day, Counter()).update(change)
    if not by_day:
        return ["## 进展（按日）", "", "Git 历史中还没有填报记录。", ""]
    last = max(by_day)
    said = "，".join(f"{k} {v}" for k, v in by_day[last].items() if v)
    return [
        "## 进展（按日）",
        "",
        f"有变化的日子共 {len(by_day)} 个；最近一个是 {date_text(last)}：{said}。按日的图表见[进展](progress.md)。",
        "",
    ]


def _day(stamp: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(stamp).date()
    except ValueError:
        return None
