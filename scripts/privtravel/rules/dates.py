"""Dates that cannot be in the order they are written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Campaign, UnitData
from privtravel.rules._emit import at

_EARLIEST = dt.date(1900, 1, 1)  # no serving cadre was born, or travelled, before this


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    for person in unit.roster:
        previous = None
        for i, change in enumerate(person.changes):
            if i == 0 and change.kind != "新增":
                yield at(change.src, "R311", "第一条变动记录应为「新增」。", "变动类型")
            if previous is not None and change.date < previous:
                yield at(change.src, "R301", "变动记录应按时间先后排列：这一条早于上一条。", "日期")
            previous = change.date
            if change.date < person.birth:
                yield at(change.src, "R301", "变动日期早于出生日期。", "日期")
            if change.entered is not None and change.reported is None:
                yield at(change.src, "R311", "已填「公安入库日期」，却没有「报送公安日期」。", "报送公安日期")
            if change.entered and change.reported and change.entered < change.reported:
                yield at(change.src, "R301", "公安入库日期早于报送公安日期。", "公安入库日期")
    births = {p.id: p.birth for p in unit.roster}
    today = dt.date.today()
    for report in unit.reports:
        if report.signed is not None and report.signed > today:
            yield at(
                report.src,
                "R301",
                f"签名日期 {report.signed} 晚于今天：请填写本人实际签名的日期。",
                "签名日期",
            )
        birth = births.get(report.id, _EARLIEST)
        for doc in report.documents:
            if doc.expires <= doc.issued:
                yield at(doc.src, "R301", "有效期至早于签发日期。", "有效期至")
            if report.signed is not None and doc.issued > report.signed:
                yield at(
                    doc.src, "R301", "签发日期晚于签名日期：报告表只能填写签名时已有的证件。", "签发日期"
                )
        for trip in report.trips:
            if trip.exit < birth or trip.exit < _EARLIEST:
                when = "出生日期" if trip.exit >= _EARLIEST else f"{_EARLIEST.year} 年"
                yield at(
                    trip.src, "R301", f"出境日期 {trip.exit} 早于{when}，不可能：请核对年份。", "出境日期"
                )
            if trip.entry < trip.exit:
                yield at(trip.src, "R301", "入境日期早于出境日期。", "入境日期")
            if report.signed is not None and trip.exit > report.signed:
                yield at(
                    trip.src,
                    "R301",
                    "出境日期晚于签名日期：报告表只填写签名之前的出国（境）情况。",
                    "出境日期",
                )
    for item in unit.custody:
        busy_until = item.deposited
        open_loan = False
        for loan in item.loans:
            if open_loan:
                yield at(loan.src, "R301", "上一次领用的证件还没有交回，不能再次领用。", "领用日期")
            if loan.date < busy_until:
                yield at(loan.src, "R301", "领用日期早于交存日期或上一次交回日期。", "领用日期")
            if loan.returned is not None and loan.returned < loan.date:
                yield at(loan.src, "R301", "交回日期早于领用日期。", "交回日期")
            open_loan = loan.returned is None
            busy_until = loan.returned or loan.date
        if item.removal is not None and item.removal.date < busy_until:
            yield at(item.src, "R301", "移出保管的日期早于交存日期或最后一次交回日期。", "移出保管", "日期")
    for approval in unit.approvals:
        if approval.planned_entry < approval.planned_exit:
            yield at(approval.src, "R301", "计划入境日期早于计划出境日期。", "计划入境日期")
        if approval.approved_on is not None and approval.approved_on < approval.applied:
            yield at(approval.src, "R301", "审批日期早于申请日期。", "审批日期")
        if approval.result == "待审批" and approval.approved_on is not None:
            yield at(approval.src, "R311", "审批结果为「待审批」，不应填写审批日期。", "审批日期")
        if approval.result != "待审批" and approval.approved_on is None:
            yield at(approval.src, "R311", f"审批结果为「{approval.result}」，缺少审批日期。", "审批结果")
    for case in unit.cases:
        for handling in case.handlings:
            if handling.date < case.found_on:
                yield at(handling.src, "R301", "处理决定日期早于问题发现日期。", "决定日期")
