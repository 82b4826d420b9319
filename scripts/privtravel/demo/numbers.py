"""Identity and document numbers that pass the project's own rules, and dates on the Chinese calendar."""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from privtravel.rules.identity import check_digit

DAY = dt.timedelta(days=1)
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O


def id_number(rng: random.Random, area: str, birth: dt.date, sex: str, taken: set[str]) -> str:
    """An 18-digit 公民身份号码 whose check digit, birth date and sex digit agree (GB 11643)."""
    while True:
        seq = rng.randrange(0, 100)
        sex_digit = rng.randrange(1, 10, 2) if sex == "男" else rng.randrange(0, 10, 2)
        first17 = f"{area}{birth:%Y%m%d}{seq:02d}{sex_digit}"
        number = first17 + check_digit(first17)
        if number not in taken:
            taken.add(number)
            return number


def document_number(rng: random.Random, doc_type: str, issued: dt.date, taken: set[str]) -> str:
    """A number in the usual format of its type and era (see rules/documents.py)."""
    while True:
        if doc_type == "普通护照":
            if issued < dt.date(2012, 5, 15):
                number = f"G{rng.randrange(10**8):08d}"
            elif issued < dt.date(2017, 1, 1):
                number = f"E{rng.randrange(10**8):08d}"
            else:
                number = f"E{rng.choice(_LETTERS)}{rng.randrange(10**7):07d}"
        elif doc_type == "往来港澳通行证":
            if issued < dt.date(2017, 1, 1):
                number = f"C{rng.randrange(10**8):08d}"
            else:
                number = f"C{rng.choice(_LETTERS)}{rng.randrange(10**7):07d}"
        else:
            number = f"L{rng.randrange(10**8):08d}"
        if number not in taken:
            taken.add(number)
            return number


def plus_years(day: dt.date, years: int) -> dt.date:
    """The day before the same date ``years`` later: a validity period's last day."""
    try:
        same = day.replace(year=day.year + years)
    except ValueError:  # 29 February
        same = day.replace(year=day.year + years, day=28)
    return same - DAY


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


@cache
def is_workday(day: dt.date) -> bool:
    import chinese_calendar  # type: ignore[import-untyped]

    return bool(chinese_calendar.is_workday(day))


def next_workday(day: dt.date, n: int = 1) -> dt.date:
    """The n-th working day after ``day`` (statutory holidays and 调休 included)."""
    while n:
        day += DAY
        if is_workday(day):
            n -= 1
    return day


def workday_on_or_after(day: dt.date) -> dt.date:
    while not is_workday(day):
        day += DAY
    return day
