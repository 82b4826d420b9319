"""How a finding names a person and a police trip (masked)."""

from __future__ import annotations

import datetime as dt

from privtravel.crosscheck.findings import Evidence, from_row
from privtravel.crosscheck.trips import PoliceTrip
from privtravel.masking import document_number
from privtravel.police.records import Crossing, Holding


def crossing_text(c: Crossing) -> str:
    arrow = "前往" if c.direction == "出境" else "来自"
    return f"{c.date} {c.direction}（{c.port}，{arrow}{c.place}，证件 {document_number(c.number)}）"


def trip_text(trip: PoliceTrip, as_of: dt.date) -> str:
    end = f"{trip.entry.date} 入境" if trip.entry is not None else f"至 {as_of} 尚未入境"
    return f"{trip.start} 出境、{end}（{'、'.join(trip.places)}，{trip.days(as_of)} 天）"


def trip_evidence(trip: PoliceTrip) -> tuple[Evidence, ...]:
    legs = [trip.exit] + ([trip.entry] if trip.entry is not None else [])
    return tuple(from_row("公安出入境记录", crossing_text(c), c.row) for c in legs)


def holding_text(h: Holding) -> str:
    return f"{h.type} {document_number(h.number)}，{h.issued} 签发，有效期至 {h.expires}，状态：{h.status}"


def holding_evidence(h: Holding) -> Evidence:
    return from_row("公安持证信息", holding_text(h), h.row)
