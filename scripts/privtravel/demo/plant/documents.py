"""Documents: in custody, expired, renewed, not reported, not handed in, newly registered, removed,
illegally applied for."""

from __future__ import annotations

import datetime as dt

from privtravel.demo.context import Context
from privtravel.demo.numbers import between, document_number, plus_years
from privtravel.demo.plant.common import Hit, days, doc_of, ordinary
from privtravel.demo.staff import on_time_change
from privtravel.demo.travel import registered_on
from privtravel.demo.world import CUSTODY, SELF, Doc, Person, Unit


def document_in_custody(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    docs = [d for d in p.docs if d.keeper == CUSTODY and not d.loans]
    return Hit(doc=docs[0]) if ordinary(p) and docs else None


def _unused_passport(p: Person) -> Doc | None:
    doc = doc_of(p, "普通护照")
    if doc is None or doc.keeper != CUSTODY or any(t.doc is doc for t in p.trips):
        return None
    return doc


def _old_passport(ctx: Context, p: Person, doc: Doc, first: dt.date, last: dt.date) -> None:
    doc.issued = between(ctx.rng, first, last)
    doc.number = document_number(ctx.rng, doc.type, doc.issued, ctx.doc_numbers)
    doc.expires = plus_years(doc.issued, 10)
    doc.deposited = max(doc.issued, registered_on(p)) + days(ctx, 3, 20)


def document_expired_in_scope(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = _unused_passport(p)
    if not ordinary(p) or doc is None:
        return None
    _old_passport(ctx, p, doc, dt.date(2008, 3, 1), dt.date(2008, 10, 31))
    doc.removal = (doc.expires + days(ctx, 1, 30), "证件失效", None)
    doc.note = "已过期"
    return Hit(doc=doc, extra={"说明": "2018年1月1日以后失效的护照，在报告范围内，已移出保管"})


def _renew(ctx: Context, p: Person, old: Doc) -> Doc:
    issued = old.expires + days(ctx, -60, 30)
    new = ctx.doc(old.type, issued, CUSTODY, issued + days(ctx, 3, 20))
    old.removal = (new.deposited or issued, "证件失效", "换发新证")
    p.docs.append(new)
    return new


def passport_renewed(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    old = _unused_passport(p)
    if not ordinary(p) or old is None:
        return None
    _old_passport(ctx, p, old, dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    old.note = "已过期，已换发新护照"
    new = _renew(ctx, p, old)
    return Hit(
        doc=new,
        extra={"旧证件": old.number, "说明": "旧护照2018年以后失效，新旧护照都在报告表和保管登记册中"},
    )


def renewed_old_expired_before_cutoff(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    old = _unused_passport(p)
    if not ordinary(p) or old is None or registered_on(p) > dt.date(2015, 12, 31):
        return None
    _old_passport(ctx, p, old, dt.date(2006, 3, 1), dt.date(2007, 6, 30))
    old.in_report = False
    new = _renew(ctx, p, old)
    return Hit(
        doc=new,
        extra={
            "旧证件": old.number,
            "说明": "旧护照2018年1月1日以前失效，不在报告范围内（公安持证信息中为已失效）",
        },
    )


def document_not_reported(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or doc_of(p, "往来港澳通行证") is not None:
        return None
    doc = ctx.doc("往来港澳通行证", between(ctx.rng, dt.date(2018, 1, 1), dt.date(2019, 1, 31)), SELF, None)
    doc.in_report = False
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "公安持有效证件信息，报告表未填报，证件由本人持有"})


def document_not_in_custody(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs:
        return None
    doc = ctx.doc("普通护照", between(ctx.rng, dt.date(2016, 1, 1), dt.date(2018, 12, 31)), SELF, None)
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "报告表如实填报，保管机构为本人，未交本单位保管"})


def new_registration(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    p.changes = [on_time_change(ctx, dt.date(2019, 5, 1), dt.date(2019, 5, 12), "新增")]
    issued = between(ctx.rng, dt.date(2018, 3, 1), dt.date(2019, 3, 31))
    doc = ctx.doc("往来港澳通行证", issued, CUSTODY, p.changes[0].date + days(ctx, 3, 8))
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "2019年5月新增登记备案，证件随即收缴"})


def revoked_transferred(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.trips or not p.docs or any(d.keeper != CUSTODY for d in p.docs):
        return None
    change = on_time_change(ctx, dt.date(2019, 3, 1), dt.date(2019, 4, 30), "调离", "调往外市工作")
    p.changes.append(change)
    for doc in p.docs:
        doc.removal = (change.date, "调离", "随本人调离，证件交还本人")
    p.report_missing = True
    return Hit(extra={"说明": "2019年调离，撤销登记备案，证件移出保管，无需填报报告表"})


def illegal_application(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    issued = between(ctx.rng, dt.date(2019, 1, 10), dt.date(2019, 3, 31))
    doc = ctx.doc("普通护照", issued, CUSTODY, between(ctx.rng, dt.date(2019, 5, 6), dt.date(2019, 5, 17)))
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "未经组织同意办理护照，发现后收缴（违规办理因私证照，已立案处理）"})
