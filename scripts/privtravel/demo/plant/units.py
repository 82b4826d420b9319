"""Unit-level situations: someone not registered, a unit without rules, rules revised."""

from __future__ import annotations

import datetime as dt

from privtravel.demo import lexicon as lx
from privtravel.demo.context import Context
from privtravel.demo.numbers import between, id_number
from privtravel.demo.plant.common import NO_RULES, UNREGISTERED, Planted
from privtravel.demo.world import SELF, Person, Unit


def not_registered(ctx: Context, unit: Unit) -> Planted:
    rng = ctx.rng
    sex = rng.choice(("男", "女"))
    birth = between(rng, dt.date(1970, 1, 1), dt.date(1985, 12, 31))
    depts = lx.HOSPITAL_DEPTS if unit.kind == lx.HOSPITAL else lx.PUBLIC_DEPTS
    person = Person(
        id=f"{len(unit.people) + 1:04d}",
        name=ctx.name(sex),
        sex=sex,
        birth=birth,
        id_number=id_number(rng, rng.choice(lx.AREA_CODES), birth, sex, ctx.id_numbers),
        post=rng.choice(depts) + "副主任",
        category="本地本单位管理的人员",
        commission=False,
        grounds=[],
        changes=[],
        in_roster=False,
        signed=between(rng, dt.date(2019, 5, 20), dt.date(2019, 6, 10)),
        planted="not_registered",
    )
    doc = ctx.doc("普通护照", between(rng, dt.date(2015, 1, 1), dt.date(2018, 12, 31)), SELF, None)
    person.docs.append(doc)
    unit.people.append(person)
    return Planted(
        "not_registered",
        unit,
        person,
        (UNREGISTERED,),
        doc=doc,
        extra={"说明": "中层干部未登记备案；报告表填报了本人持有的护照，公安持证信息中有此人"},
    )


def unit_without_rules(ctx: Context, unit: Unit) -> Planted | None:
    if not unit.rules:
        return None
    unit.rules = []
    return Planted("unit_without_rules", unit, None, (NO_RULES,), extra={"说明": "管理制度: []"})


def rules_revised(ctx: Context, unit: Unit) -> Planted | None:
    if not unit.rules or unit.rules[0][3] is None:
        return None
    return Planted("rules_revised", unit, None, (), extra={"最近修订时间": unit.rules[0][3].isoformat()})
