"""A figure's value as a member wrote it: a count must be a whole number, 是/否 must be 是 or 否."""

from __future__ import annotations

import datetime as dt
import re

from privtravel.stats.table import NO, YES

Problem = tuple[str, str]  # (code, Chinese reason)

_NUMERIC_TEXT = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?\Z")


def shown(raw: object) -> str:
    text = str(raw)
    return text if len(text) <= 20 else text[:20] + "…"


def count(raw: object) -> tuple[int | None, Problem | None]:
    """A count cell (人、本、人次): a whole number, zero or more."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ("T104", "空着：没有的请填 0")
    if isinstance(raw, bool):
        return None, ("T104", "是一个是/否值，应填整数")
    if isinstance(raw, float):
        if not raw.is_integer():
            return None, ("T104", f"是小数「{raw:g}」，人数、本数、人次应为整数")
        raw = int(raw)
    if isinstance(raw, int):
        if raw < 0:
            return None, ("T105", f"是负数「{raw}」")
        return raw, None
    if isinstance(raw, (dt.date, dt.datetime, dt.time)):
        return None, ("T104", "是日期或时间，应填整数")
    text = str(raw).strip()
    if _NUMERIC_TEXT.match(text):
        return None, (
            "T104",
            f"数字「{shown(text)}」是以文本格式保存的：把单元格格式改为「常规」或「数值」后重新输入",
        )
    return None, ("T104", f"写的是文字「{shown(text)}」，应只填一个整数")


def yes_no(raw: object) -> tuple[str | int | None, Problem | None]:
    """是否建立相关制度 in a unit row: 是 or 否; a row that is itself a region or a lower roll-up's
    member may give the number of its units saying 是, as its 合计 does."""
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
        return raw, None
    text = "" if raw is None else str(raw).strip()
    if text in (YES, NO):
        return text, None
    if not text:
        return None, ("T207", "空着：填「是」或「否」")
    return None, (
        "T207",
        f"写的是「{shown(text)}」，只能填「是」或「否」（汇总了几个单位的行填已建立制度的单位数）",
    )


def yes_count(raw: object) -> tuple[int | None, Problem | None]:
    """是否建立相关制度 in a 小计 or 合计 row: the number of units saying 是, or blank."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    value, problem = count(raw)
    if problem is not None:
        return None, ("T207", f"小计、合计行填已建立制度的单位数或空着，这里{problem[1]}")
    return value, None


def text(raw: object) -> str | None:
    if raw is None:
        return None
    value = str(raw).strip()
    return value or None
