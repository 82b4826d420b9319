"""The units of a generated campaign and their people: posts, categories, roster entries and rules."""

from __future__ import annotations

import datetime as dt

from privtravel.demo import lexicon as lx
from privtravel.demo.context import Context
from privtravel.demo.numbers import between, id_number, next_workday, workday_on_or_after
from privtravel.demo.options import Options
from privtravel.demo.world import Change, Person, Unit

PHONE_AREAS = {
    "杭州市": "0571",
    "宁波市": "0574",
    "温州市": "0577",
    "嘉兴市": "0573",
    "湖州市": "0572",
    "绍兴市": "0575",
    "金华市": "0579",
    "衢州市": "0570",
    "舟山市": "0580",
    "台州市": "0576",
    "丽水市": "0578",
}


def layout(options: Options) -> list[Unit]:
    """The units, in campaign order (grouped by region)."""
    if options.units <= 20:
        return _demo_units(options.units)
    return _province_units(options.units)


def _demo_units(count: int) -> list[Unit]:
    by_region: dict[str, list[Unit]] = {}
    types = {t.name: t for t in lx.UNIT_TYPES}
    for region, names in lx.DEMO_REGIONS:
        for type_name in names:
            t = types[type_name]
            unit = Unit("s" + t.code, lx.CITY + t.name, region, t.party, t.discipline, t.kind, "0575")
            unit.extra_staff = t.weight
            by_region.setdefault(region, []).append(unit)
    for name, code, region, party, discipline, kind, weight in lx.DEMO_EXTRA_UNITS:
        unit = Unit(code, name, region, party, discipline, kind, "0575")
        unit.extra_staff = weight
        by_region[region].append(unit)
    # take units round-robin over the regions so that a small demo still spans every group
    chosen: list[Unit] = []
    queues = [list(v) for v in by_region.values()]
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    order = {region: i for i, (region, _) in enumerate(lx.DEMO_REGIONS)}
    return sorted(chosen, key=lambda u: order[u.region])


def _province_units(count: int) -> list[Unit]:
    places = [
        (ci, city, ccode, ki, county)
        for ci, (city, ccode, counties) in enumerate(lx.PROVINCE)
        for ki, county in enumerate(counties)
    ]
    picked: list[tuple[int, int, int, Unit]] = []
    for ti, t in enumerate(lx.UNIT_TYPES):
        for ci, city, ccode, ki, county in places:
            if len(picked) == count:
                break
            unit = Unit(
                f"{ccode}{ki + 1:02d}-{t.code}",
                county + t.name,
                city,
                t.party,
                t.discipline,
                t.kind,
                PHONE_AREAS[city],
            )
            unit.extra_staff = t.weight
            picked.append((ci, ki, ti, unit))
    if len(picked) < count:
        raise ValueError(f"最多生成 {len(picked)} 个单位")
    return [u for *_, u in sorted(picked, key=lambda p: p[:3])]


def sizes(ctx: Context, units: list[Unit]) -> list[int]:
    """People per unit: proportional to the unit type's weight, with noise; exactly the total."""
    rng, total = ctx.rng, ctx.options.people
    weights = [u.extra_staff * rng.uniform(0.7, 1.3) for u in units]
    scale = total / sum(weights)
    counts = [max(8, round(w * scale)) for w in weights]
    diff = total - sum(counts)
    order = sorted(range(len(units)), key=lambda i: -counts[i])
    i = 0
    while diff:
        j = order[i % len(order)]
        step = 1 if diff > 0 else -1
        if counts[j] + step >= 8:
            counts[j] += step
            diff -= step
        i += 1
        if i > 10 * len(order) * max(1, abs(diff)):
            break
    return counts


def populate(ctx: Context, unit: Unit, count: int) -> None:
    rng = ctx.rng
    posts: list[tuple[str, str]] = [(p, "") for p in lx.LEADER_POSTS[unit.kind]]
    posts += list(lx.KEY_POSTS if unit.kind == lx.HOSPITAL else lx.KEY_POSTS[:4])
    depts, roles = (
        (lx.HOSPITAL_DEPTS, lx.HOSPITAL_ROLES)
        if unit.kind == lx.HOSPITAL
        else (lx.PUBLIC_DEPTS, lx.PUBLIC_ROLES)
    )
    while len(posts) < count:
        posts.append((rng.choice(depts) + rng.choice(roles), ""))
    for i in range(count):
        post, ground = posts[i]
        leader = i < len(lx.LEADER_POSTS[unit.kind])
        sex = "男" if rng.random() < (0.7 if leader else 0.5) else "女"
        birth = between(rng, dt.date(1962, 1, 1), dt.date(1975, 12, 31) if leader else dt.date(1992, 12, 31))
        category = "本地本单位管理的人员"
        if not leader and not ground:
            roll = rng.random()
            category = "下属单位管理的人员" if roll < 0.08 else "其他人员" if roll < 0.15 else category
        person = Person(
            id=f"{i + 1:04d}",
            name=ctx.name(sex),
            sex=sex,
            birth=birth,
            id_number=id_number(rng, rng.choice(lx.AREA_CODES), birth, sex, ctx.id_numbers),
            post=post,
            category=category,
            commission=i < 2,
            grounds=[ground] if ground else [],
            changes=[on_time_change(ctx, dt.date(2009, 1, 1), dt.date(2015, 10, 31), "新增")],
            signed=between(rng, dt.date(2019, 5, 20), dt.date(2019, 6, 10)),
        )
        if rng.random() < 0.05:
            person.changes.append(
                on_time_change(ctx, dt.date(2017, 1, 1), dt.date(2018, 12, 31), "现任职务变更", f"任{post}")
            )
        unit.people.append(person)
    unit.secretary = unit.people[1].name
    unit.keeper = ctx.name("女")
    unit.filler = unit.keeper
    unit.reviewer = unit.people[min(len(unit.people) - 1, len(lx.LEADER_POSTS[unit.kind]) + 4)].name
    unit.phone = f"{unit.area_phone}-8{rng.randrange(10**7):07d}"
    unit.custody_office = "组织人事科" if unit.kind == lx.HOSPITAL else "办公室"
    issued = between(rng, dt.date(2015, 1, 1), dt.date(2018, 12, 31))
    revised = between(rng, dt.date(2019, 5, 6), dt.date(2019, 6, 20)) if rng.random() < 0.5 else None
    unit.rules = [
        (
            f"{unit.name}干部因私出国（境）管理办法",
            f"{unit.party}〔{issued.year}〕{rng.randrange(3, 40)}号",
            issued,
            revised,
        )
    ]


def on_time_change(ctx: Context, first: dt.date, last: dt.date, kind: str, note: str | None = None) -> Change:
    """A roster change reported by the 25th of its own month and entered the next working day."""
    rng = ctx.rng
    while True:
        day = between(rng, first, last)
        if day.day > 12:
            continue
        reported = workday_on_or_after(day + dt.timedelta(days=rng.randrange(2, 10)))
        if reported.month == day.month and reported.day <= 22:
            return Change(day, kind, reported, next_workday(reported), note)
