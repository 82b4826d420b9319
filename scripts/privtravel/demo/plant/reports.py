"""Who reports: zero reports, the exempt city leader, the retired cadre, a missing report."""

from __future__ import annotations

import datetime as dt

from privtravel.demo.context import Context
from privtravel.demo.numbers import between, id_number
from privtravel.demo.plant.common import Hit, ordinary
from privtravel.demo.world import Person, Unit


def zero_report(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    return Hit() if ordinary(p) and not p.docs and not p.trips else None


def exempt_city_leader(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if p.planted or p.id != "0001" or not p.docs:
        return None
    p.exempt = True
    p.trips.clear()
    return Hit(extra={"说明": "市管领导干部，已填报个人有关事项报告；证件由委政治处保管，报告表为免报记录"})


def retired_cadre(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    p.category = "退休满1年的市管干部"
    p.post = f"原{p.post}（已退休）"
    p.birth = between(ctx.rng, dt.date(1950, 1, 1), dt.date(1957, 12, 31))
    p.id_number = id_number(ctx.rng, p.id_number[:6], p.birth, p.sex, ctx.id_numbers)
    p.report_missing = True
    return Hit(extra={"说明": "退休满1年的市管干部，保留登记备案，无需填报报告表"})


def missing_report(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    p.report_missing = True
    return Hit(extra={"说明": "登记备案人员未交报告表（无证件、无出国境记录）"})
