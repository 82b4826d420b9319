"""Approvals: after departure, without or after the 纪检监察 opinion, strict review omitted."""

from __future__ import annotations

from privtravel.demo.context import Context
from privtravel.demo.numbers import DAY
from privtravel.demo.plant.common import Hit, days, ordinary
from privtravel.demo.world import Person, Unit


def approval_after_departure(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if p.planted or not p.commission or p.exempt or not trips:
        return None
    approval = trips[0].approval
    assert approval is not None and approval.opinion is not None
    approval.opinion = ("同意", trips[0].exit - 3 * DAY, approval.opinion[2])
    approval.approved_on = trips[0].exit + days(ctx, 1, 3)
    return Hit(trip=trips[0], extra={"说明": "出境之后才补办审批（委管干部，证件由委政治处保管）"})


def approval_without_opinion(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if not ordinary(p) or not trips:
        return None
    assert trips[0].approval is not None
    trips[0].approval.opinion = None
    return Hit(trip=trips[0], extra={"说明": "审批前未征求纪检监察部门意见"})


def opinion_after_approval(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if not ordinary(p) or not trips:
        return None
    approval = trips[0].approval
    assert approval is not None and approval.opinion is not None
    approval.opinion = ("同意", approval.approved_on + days(ctx, 1, 2), approval.opinion[2])
    return Hit(trip=trips[0], extra={"说明": "纪检监察意见晚于审批日期（事后补征求意见），仍在出境之前"})


def strict_without_review(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if p.planted or p.commission or not p.grounds or not trips or p.revoked:
        return None
    assert trips[0].approval is not None
    trips[0].approval.strict_omitted = True
    return Hit(trip=trips[0], extra={"从严审查情形": p.grounds[0], "说明": "从严把关对象，审批未写从严审查"})
