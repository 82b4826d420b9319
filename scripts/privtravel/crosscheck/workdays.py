"""Working days on the Chinese calendar (statutory holidays and 调休 workdays) from chinese_calendar.

The package covers a fixed range of years (1.11.0: 2004–2026).  Outside it we cannot know the
holidays, so the caller gets an OutOfCalendar error to report, never a guess.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar  # type: ignore[import-untyped]


class OutOfCalendarError(Exception):
    """The date is outside the years chinese_calendar knows."""


def covered_years() -> tuple[int, int]:
    years = [day.year for day in chinese_calendar.holidays]
    return min(years), max(years)


def is_workday(day: dt.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        first, last = covered_years()
        raise OutOfCalendarError(
            f"{day.year} 年不在已安装的 chinese_calendar {chinese_calendar.__version__} 的范围内"
            f"（{first}–{last} 年）"
        ) from exc


def next_workday(day: dt.date) -> dt.date:
    """The first working day strictly after ``day``: the end of "1个工作日内" for something received on ``day``."""
    current = day + dt.timedelta(days=1)
    while not is_workday(current):
        current += dt.timedelta(days=1)
    return current
