"""Working days on the Chinese calendar (weekends, statutory holidays and 调休 workdays), from chinese_calendar.

One module for the whole tool (reminders, cross-check).  Two kinds of deadline, two rules:

* a fixed day written as 「X日前」 (每月25日前报送, 6月10日前填报): the work must reach the office by then,
  so when that day is not a working day the deadline is the last working day before it;
* a period counted in days (回国（境）后 N 天内交回证件): when its last day is not a working day, the
  period ends on the next working day (民法典第二百零三条).

Reminders use these to warn in time.  The cross-check, which calls something a violation, reads
「每月25日前」 as the 25th itself (the more lenient reading) and counts 「1个工作日内」 with next_workday.
The calendar covers a fixed range of years (chinese_calendar 1.11.0: 2004–2026); outside it the
holidays are unknown and OutOfCalendarError says so, never a guess.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar  # type: ignore[import-untyped]

from privtravel.diagnostics import FatalError

_DAY = dt.timedelta(days=1)


class OutOfCalendarError(FatalError):
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
            f"{day.isoformat()} 不在已安装的 chinese_calendar {chinese_calendar.__version__} 的范围内"
            f"（{first}–{last} 年）：请升级 requirements.txt 中的 chinese_calendar。"
        ) from exc


def fixed_deadline(day: dt.date) -> dt.date:
    """「X日前」: the day itself if it is a working day, else the last working day before it."""
    while not is_workday(day):
        day -= _DAY
    return day


def period_end(start: dt.date, days: int) -> dt.date:
    """The last day of 「N 天内」 counted from ``start``, moved past weekends and holidays."""
    day = start + dt.timedelta(days=days)
    while not is_workday(day):
        day += _DAY
    return day


def next_workday(day: dt.date) -> dt.date:
    """The first working day after ``day``: the end of 「1个工作日内」 for something received on ``day``."""
    day += _DAY
    while not is_workday(day):
        day += _DAY
    return day


def workdays_until(today: dt.date, due: dt.date) -> int:
    """Working days after ``today`` up to and including ``due`` (0 when ``due`` is today or past)."""
    count, day = 0, today + _DAY
    while day <= due:
        count += is_workday(day)
        day += _DAY
    return count
