"""Roster changes: on time, sent late, entered late by the police, never sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from privtravel.demo.context import Context
from privtravel.demo.numbers import between, next_workday
from privtravel.demo.numbers import workday_on_or_after as workday_from
from privtravel.demo.plant.common import Hit, ordinary
from privtravel.demo.staff import on_time_change
from privtravel.demo.world import Change, Person, Unit


def roster_change_on_time(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    change = on_time_change(ctx, dt.date(2019, 3, 1), dt.date(2019, 4, 30), "现任职务变更", f"改任{p.post}")
    p.changes.append(change)
    return Hit(extra=_change(change))


def roster_change_late(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    day = between(ctx.rng, dt.date(2019, 2, 11), dt.date(2019, 2, 15))
    reported = workday_from(between(ctx.rng, dt.date(2019, 4, 26), dt.date(2019, 4, 29)))
    change = Change(day, "现任职务变更", reported, next_workday(reported), f"改任{p.post}")
    p.changes.append(change)
    return Hit(extra=_change(change) | {"说明": "变动发生在2月，4月25日以后才报送公安机关"})


def police_entry_late(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    day = between(ctx.rng, dt.date(2019, 3, 4), dt.date(2019, 3, 8))
    reported = workday_from(dt.date(2019, 3, 18))
    change = Change(day, "现任职务变更", reported, next_workday(reported, 4), f"改任{p.post}")
    p.changes.append(change)
    return Hit(extra=_change(change) | {"说明": "公安机关接到后第4个工作日才入库"})


def roster_change_unreported(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    day = between(ctx.rng, dt.date(2019, 3, 4), dt.date(2019, 3, 8))
    change = Change(day, "人事主管部门变更", None, None, "人事主管部门调整")
    p.changes.append(change)
    return Hit(extra=_change(change) | {"说明": "3月的变动至公安数据截止日仍未报送"})


def _change(change: Change) -> dict[str, Any]:
    return {
        "变动类型": change.kind,
        "日期": change.date.isoformat(),
        "报送公安日期": change.reported.isoformat() if change.reported else None,
        "公安入库日期": change.entered.isoformat() if change.entered else None,
    }
