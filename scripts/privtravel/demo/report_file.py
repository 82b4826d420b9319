"""One person's 报告表: the documents and trips in its scope on the day it was signed."""

from __future__ import annotations

from privtravel.demo.emit import Doc as Yaml
from privtravel.demo.options import DOCS_EXPIRED_SINCE, YEAR
from privtravel.demo.world import COMMISSION, COMMISSION_OFFICE, CUSTODY, SELF, Doc, Person, Trip, Unit
from privtravel.load.layout import Kind, schema_comment


def reported_docs(p: Person) -> list[Doc]:
    return sorted(
        (
            d
            for d in p.docs
            if d.in_report
            and d.issued <= p.signed
            and (d.expires >= p.signed or d.expires >= DOCS_EXPIRED_SINCE)
        ),
        key=lambda d: (d.issued, d.number),
    )


def reported_trips(p: Person) -> list[Trip]:
    return [t for t in p.trips if t.in_report and t.entry is not None and t.entry <= p.signed]


def report(unit: Unit, p: Person, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.REPORT))
    y.put(0, "单位代码", unit.code)
    y.put(0, "编号", p.id)
    y.put(0, "姓名", p.name)
    y.put(0, "单位及职务", f"{unit.name} {p.post}")
    if p.exempt:
        y.put(0, "报告类型", "市管领导干部无需填报")
        y.put(0, "免报说明", f"已填报{YEAR}年度领导干部个人有关事项报告。")
        return y.text()
    docs, trips = reported_docs(p), reported_trips(p)
    y.put(0, "报告类型", "填报" if docs or trips else "零报告")
    if docs:
        y.raw(0, "持有证件:")
        for d in docs:
            kept = {CUSTODY: unit.custody_office, COMMISSION: COMMISSION_OFFICE, SELF: "本人"}[d.keeper]
            if d.removal is not None and d.removal[0] <= p.signed:
                kept = "本人"  # removed from custody (expired, renewed): back with the holder
            y.put(4, "证件类别", d.type, dash=True)
            y.put(4, "证件号码", d.number)
            y.put(4, "签发日期", d.issued)
            y.put(4, "有效期至", d.expires)
            y.put(4, "保管机构", kept)
            y.put(4, "备注", d.note)
    if trips:
        y.raw(0, "出国境情况:")
        for t in trips:
            y.put(4, "出境日期", t.exit, dash=True)
            y.put(4, "入境日期", t.entry)
            y.items(4, "所到国家（地区）", t.places)
            y.put(4, "事由", t.reason)
            y.put(4, "审批机构", t.approval.body if t.approval else "未经审批")
            y.put(4, "审批编号", t.approval.id if t.approval else None)
    y.put(0, "其他需要说明情况", p.other)
    y.put(0, "签名日期", p.signed)
    y.put(0, "纸质报告表保管", "委政治处" if p.commission else "本单位")
    return y.text()


def reporters(unit: Unit) -> int:
    return sum(
        1 for p in unit.people if not (p.report_missing or p.category == "退休满1年的市管干部" or p.revoked)
    )
