"""The violation cases (违规问题) opened for planted problems, cycling through the seven handlings."""

from __future__ import annotations

import datetime as dt

from privtravel.demo.context import Context
from privtravel.demo.numbers import between
from privtravel.demo.plant.common import HIDE_DOC, METHODS, Planted, days
from privtravel.demo.world import Case
from privtravel.masking import document_number as mask

# Kinds whose people also get a violation case, and what the case says.
CASE_KINDS: dict[str, tuple[str, str]] = {
    "document_not_reported": (HIDE_DOC, "公安比对"),
    "trip_not_reported": ("瞒报出国境情况", "公安比对"),
    "trip_without_approval": ("未经批准擅自出国(境)", "自查自纠"),
    "trip_longer_than_approved": ("未按审批要求出国境", "公安比对"),
    "trip_elsewhere": ("未按审批要求出国境", "公安比对"),
    "approval_without_opinion": ("出国境审批事项把关不严", "自查自纠"),
    "document_not_in_custody": ("违规持有因私证照", "自查自纠"),
    "illegal_application": ("违规办理因私证照", "信访举报"),
}


def open_cases(ctx: Context, planted: list[Planted]) -> None:
    """A violation case for each planted problem of CASE_KINDS, cycling through the seven handlings."""
    counter = 0
    for item in planted:
        if item.kind not in CASE_KINDS or item.person is None:
            continue
        kind, found_by = CASE_KINDS[item.kind]
        unit, person = item.unit, item.person
        found_on = between(ctx.rng, dt.date(2019, 6, 12), dt.date(2019, 6, 20))
        decided = found_on + days(ctx, 3, 8)
        handlings: list[tuple[str, dt.date, str, str | None]] = [
            (
                METHODS[counter % len(METHODS)],
                decided,
                unit.party,
                f"{unit.party}〔2019〕{10 + counter % 50}号",
            )
        ]
        if counter % 3 == 2:
            handlings.append((METHODS[(counter + 3) % len(METHODS)], decided, unit.party, None))
        accountable: list[tuple[str | None, str, str, str, str, dt.date]] = []
        if kind == "出国境审批事项把关不严":
            secretary = unit.people[1]
            accountable.append(
                (secretary.id, secretary.name, secretary.post, "主体责任", "批评教育", decided)
            )
        elif kind == "未经批准擅自出国(境)":
            head = unit.person_by_post("组织人事科科长") or unit.people[2]
            accountable.append((head.id, head.name, head.post, "直接责任", "批评教育", decided))
        counter += 1
        case = Case(
            id=f"WG2019-{len(unit.cases) + 1:02d}",
            person=person,
            kinds=(kind,),
            description=_case_text(item, kind),
            found_on=found_on,
            found_by=found_by,
            handlings=handlings,
            accountable=accountable,
        )
        unit.cases.append(case)
        item.case = case


def _case_text(item: Planted, kind: str) -> str:
    parts = [kind]
    if item.doc is not None:
        parts.append(f"证件 {item.doc.type} {mask(item.doc.number)}")
    if item.trip is not None:
        parts.append(f"{item.trip.exit.isoformat()} 前往{'、'.join(item.trip.places)}")
    return "，".join(parts) + "。"
