"""What one unit's declarations establish on the statistics date: the facts columns count.

Everything is computed once per unit and only from records dated on or before the 统计截止日期, so the
same declarations always give the same figures whatever day the command runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from privtravel import masking
from privtravel.model import REVOKING_CHANGES, RosterChange, RosterPerson, UnitConfig, UnitData
from privtravel.stats.findings import ConfirmedFinding
from privtravel.stats.options import REGISTERED_BY_ENTERED, Options
from privtravel.stats.table import Ref

NEW = "新增"
COMMISSION_CUSTODY = "委政治处"  # 委管干部的证件按干部管理权限由委政治处保管

DocKey = tuple[str, str]  # (证件类别, 证件号码)


def doc_label(kind: str, number: str) -> str:
    return f"{kind} {masking.document_number(number)}"


@dataclass(frozen=True, slots=True)
class Registration:
    """A roster person's standing on the statistics date."""

    person: RosterPerson
    subject: RosterChange | None  # the 新增 that makes them 应备 (None: not, or no longer, to be registered)
    with_police: RosterChange | None  # the 新增 that put them in the police database, if still there


class UnitContext:
    """One unit's declarations, seen from the statistics date."""

    def __init__(
        self,
        config: UnitConfig,
        data: UnitData | None,
        options: Options,
        findings: tuple[ConfirmedFinding, ...],
    ) -> None:
        self.config = config
        self.data = data
        self.options = options
        self.findings = findings

    @property
    def code(self) -> str:
        return self.config.code

    @property
    def submitted(self) -> bool:
        return self.data is not None and bool(self.data.files)

    def unit_data(self) -> UnitData:
        assert self.data is not None
        return self.data

    # --- people -------------------------------------------------------------------------------

    @cached_property
    def names(self) -> dict[str, str]:
        data = self.unit_data()
        out = {r.id: r.name for r in data.reports}
        out.update((p.id, p.name) for p in data.roster)
        return out

    def registered_on(self, change: RosterChange) -> dt.date | None:
        """When a change reached the police, in the campaign's chosen sense (报送 or 入库)."""
        return change.entered if self.options.registered_by == REGISTERED_BY_ENTERED else change.reported

    @cached_property
    def registrations(self) -> list[Registration]:
        as_of = self.options.as_of
        out = []
        for person in self.unit_data().roster:
            ordered = sorted(person.changes, key=lambda c: c.date)
            subject: RosterChange | None = None
            for change in ordered:
                if change.date > as_of:
                    break
                if change.kind == NEW:
                    subject = change
                elif change.kind in REVOKING_CHANGES:
                    subject = None
            police: list[tuple[dt.date, int, RosterChange]] = []
            for index, change in enumerate(ordered):
                day = self.registered_on(change)
                if (
                    day is not None
                    and day <= as_of
                    and (change.kind == NEW or change.kind in REVOKING_CHANGES)
                ):
                    police.append((day, index, change))
            with_police: RosterChange | None = None
            for _, _, change in sorted(police, key=lambda e: (e[0], e[1])):
                with_police = change if change.kind == NEW else None
            out.append(Registration(person, subject, with_police))
        return out

    @cached_property
    def to_register(self) -> dict[str, Registration]:
        """应备: persons who must be registered on the statistics date, by 编号."""
        return {r.person.id: r for r in self.registrations if r.subject is not None}

    # --- documents ----------------------------------------------------------------------------

    @cached_property
    def held(self) -> dict[DocKey, Ref]:
        """Documents in central custody on the statistics date: the unit's register, and the 委管干部's
        documents their reports say 委政治处 keeps (that custody is not kept in this repository)."""
        data = self.unit_data()
        as_of = self.options.as_of
        out: dict[DocKey, Ref] = {}
        for item in sorted(data.custody, key=lambda i: (i.type, i.number, i.deposited)):
            if item.deposited > as_of or (item.removal is not None and item.removal.date <= as_of):
                continue
            out.setdefault(
                (item.type, item.number),
                Ref(
                    self.code,
                    item.person_id,
                    self.names.get(item.person_id),
                    f"保管登记册：{doc_label(item.type, item.number)}，{item.deposited} 交存",
                    item.src,
                ),
            )
        cadres = {p.id for p in data.roster if p.commission_cadre}
        for report in data.reports:
            if report.id not in cadres:
                continue
            for doc in report.documents:
                if doc.kept_by == COMMISSION_CUSTODY and doc.issued <= as_of <= doc.expires:
                    out.setdefault(
                        (doc.type, doc.number),
                        Ref(
                            self.code,
                            report.id,
                            report.name,
                            f"报告表：{doc_label(doc.type, doc.number)}，由{COMMISSION_CUSTODY}保管（委管干部）",
                            doc.src,
                        ),
                    )
        return out

    @cached_property
    def due(self) -> dict[DocKey, Ref]:
        """应收: valid documents of persons to be registered, from their reports and the register."""
        data = self.unit_data()
        as_of = self.options.as_of
        persons = self.to_register
        out: dict[DocKey, Ref] = {}
        expired: set[DocKey] = set()
        for report in sorted(data.reports, key=lambda r: r.id):
            if report.id not in persons:
                continue
            for doc in report.documents:
                key = (doc.type, doc.number)
                if doc.expires < as_of:
                    expired.add(key)
                    continue
                if doc.issued > as_of:
                    continue
                out.setdefault(
                    key,
                    Ref(
                        self.code,
                        report.id,
                        report.name,
                        f"报告表：{doc_label(doc.type, doc.number)}，有效期至 {doc.expires}",
                        doc.src,
                    ),
                )
        for key, ref in self.held.items():
            if ref.person in persons and key not in expired:
                out.setdefault(key, ref)
        return dict(sorted(out.items()))
