"""Strict review (从严审查) and the commission's own cadres (委管干部)."""

from __future__ import annotations

from collections.abc import Callable

from privtravel.demo.context import Context
from privtravel.demo.plant.common import Hit, PersonPlant, ordinary
from privtravel.demo.world import Person, Unit


def _strict(ground: str, other: Callable[[Context], str]) -> PersonPlant:
    def plant(ctx: Context, unit: Unit, p: Person) -> Hit | None:
        trips = [t for t in p.trips if t.approval is not None]
        if not ordinary(p) or not trips:
            return None
        p.grounds.append(ground)
        p.other = other(ctx)
        return Hit(trip=trips[0], extra={"从严审查情形": ground})

    return plant


strict_spouse_emigrated = _strict(
    "配偶已移居国（境）外",
    lambda ctx: f"配偶已于2016年取得{ctx.rng.choice(('加拿大', '澳大利亚', '美国'))}永久居留权。",
)
strict_children_emigrated = _strict(
    "没有配偶，子女均已移居国（境）外",
    lambda ctx: f"本人无配偶，子女均已移居{ctx.rng.choice(('新西兰', '英国', '新加坡'))}。",
)


def strict_key_post(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None]
    if p.planted or p.commission or not p.grounds or not trips or p.revoked:
        return None
    return Hit(trip=trips[0], extra={"从严审查情形": p.grounds[0], "现任职务": p.post})


def commission_cadre(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if p.planted or not p.commission or p.exempt or not p.docs:
        return None
    return Hit(
        doc=p.docs[0], extra={"说明": "委管干部：报告表和证件由委政治处保存，不在本单位证件保管登记册中"}
    )
