"""总览 over time: what came in on which day, from the Git history the audit trail already reads.

- 报告表: each report file counts on the day main first received it (``A`` in a first-parent step);
- 核查说明: the units that changed their answers to the cross-check that day (findings being closed);
- 整改完成: the rectification items whose 完成日期 is that day (the unit's own record of it).

Days are the committer dates of main's steps; nothing is counted twice, nothing typed for the chart.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from privtravel.load.repository import Repository
from privtravel.site.audit import Entry
from privtravel.site.pages.common import cell

SERIES = ("新交报告表", "更新核查说明的单位", "整改完成")
_COLOURS = ("#1565c0", "#a14400", "#2e7d32")
SHOWN_DAYS = 20  # the latest days with anything in them


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


def section(entries: list[Entry], repo: Repository) -> list[str]:
    by_day = counts(entries, repo)
    lines = ["## 进展（按日）", ""]
    if not by_day:
        return [*lines, "Git 历史中还没有填报记录。", ""]
    days = sorted(by_day)[-SHOWN_DAYS:]
    biggest = max(max(by_day[d].values()) for d in days) or 1
    head = "".join(f"<th>{s}</th>" for s in SERIES)
    rows = []
    for day in reversed(days):
        cells = "".join(
            f'<td class="num"><span class="spark" style="width:{by_day[day][s] * 100 / biggest:.0f}%;'
            f'background:{colour}"></span>{by_day[day][s] or ""}</td>'
            for s, colour in zip(SERIES, _COLOURS, strict=True)
        )
        rows.append(f"<tr><td>{day.isoformat()}</td>{cells}</tr>")
    totals = "".join(f'<td class="num">{sum(c[s] for c in by_day.values())}</td>' for s in SERIES)
    return [
        *lines,
        cell(
            f"main 分支每天收到的新报告表、更新核查说明的单位数（Git 历史，按合并日期），以及整改完成数"
            f"（按「整改.yaml」中的完成日期）；列出最近 {len(days)} 个有进展的日子。"
        ),
        "",
        "<table data-sortable>",
        f"<thead><tr><th>日期</th>{head}</tr></thead>",
        "<tbody>",
        *rows,
        f'<tr class="total"><td>合计（全部日子）</td>{totals}</tr>',
        "</tbody>",
        "</table>",
        "",
    ]


def _day(stamp: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(stamp).date()
    except ValueError:
        return None
