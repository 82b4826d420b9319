"""Planted situations: everything the notice cares about, put on purpose into a clean campaign.

Each kind has a stable name, the findings the police cross-check should report for it (empty for
situations that must *not* become findings) and the ``check`` codes it causes (warnings only).
``Planted`` keeps references to the records it touched, so the manifest can name approval
numbers that are only assigned when the campaign is finalised.  One module per kind of situation:
reports, strict review, documents, trips, deviations, approvals, custody, roster, units, and the
violation cases opened for them (cases).
"""

from __future__ import annotations

from privtravel.demo.context import Context
from privtravel.demo.plant.approvals import (
    approval_after_departure,
    approval_without_opinion,
    opinion_after_approval,
    strict_without_review,
)
from privtravel.demo.plant.cases import CASE_KINDS, open_cases
from privtravel.demo.plant.common import (
    DEVIATION,
    HIDE_DOC,
    HIDE_TRIP,
    LATE_CHANGE,
    LATE_ENTRY,
    LAX,
    METHODS,
    NO_REPORT,
    NOT_HANDED_IN,
    OVERDUE,
    UNAPPROVED,
    PersonPlant,
    Planted,
)
from privtravel.demo.plant.custody import not_returned, overdue_return
from privtravel.demo.plant.deviations import (
    trip_early_exit,
    trip_elsewhere,
    trip_longer_than_approved,
    trip_not_reported,
    trip_without_approval,
)
from privtravel.demo.plant.documents import (
    document_expired_in_scope,
    document_in_custody,
    document_not_in_custody,
    document_not_reported,
    illegal_application,
    new_registration,
    passport_renewed,
    renewed_old_expired_before_cutoff,
    revoked_transferred,
)
from privtravel.demo.plant.reports import exempt_city_leader, missing_report, retired_cadre, zero_report
from privtravel.demo.plant.roster import (
    police_entry_late,
    roster_change_late,
    roster_change_on_time,
    roster_change_unreported,
)
from privtravel.demo.plant.strict import (
    commission_cadre,
    strict_children_emigrated,
    strict_key_post,
    strict_spouse_emigrated,
)
from privtravel.demo.plant.trips import (
    document_checked_out,
    multi_destination,
    same_day_return,
    still_abroad,
    trip_matches_approval,
    trip_over_new_year,
    trip_within_approval,
)
from privtravel.demo.plant.units import not_registered, rules_revised, unit_without_rules
from privtravel.demo.world import Unit

__all__ = ["CASE_KINDS", "METHODS", "PERSON_KINDS", "Planted", "plant_all"]

PERSON_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], PersonPlant], ...] = (
    ("exempt_city_leader", (), (), exempt_city_leader),
    ("commission_cadre", (), (), commission_cadre),
    ("approval_after_departure", (LAX,), (), approval_after_departure),
    ("strict_key_post", (), (), strict_key_post),
    ("strict_without_review", (LAX,), (), strict_without_review),
    ("retired_cadre", (), (), retired_cadre),
    ("missing_report", (NO_REPORT,), ("R307",), missing_report),
    ("zero_report", (), (), zero_report),
    ("new_registration", (), (), new_registration),
    ("illegal_application", (), (), illegal_application),
    ("document_not_in_custody", (NOT_HANDED_IN,), (), document_not_in_custody),
    ("document_not_reported", (HIDE_DOC, NOT_HANDED_IN), (), document_not_reported),
    ("trip_without_approval", (UNAPPROVED, NOT_HANDED_IN), (), trip_without_approval),
    ("revoked_transferred", (), (), revoked_transferred),
    ("document_in_custody", (), (), document_in_custody),
    ("document_expired_in_scope", (), (), document_expired_in_scope),
    ("passport_renewed", (), (), passport_renewed),
    ("renewed_old_expired_before_cutoff", (), (), renewed_old_expired_before_cutoff),
    ("still_abroad", (), (), still_abroad),
    ("document_checked_out", (), (), document_checked_out),
    ("trip_over_new_year", (), (), trip_over_new_year),
    ("same_day_return", (), (), same_day_return),
    ("multi_destination", (), (), multi_destination),
    ("strict_spouse_emigrated", (), (), strict_spouse_emigrated),
    ("strict_children_emigrated", (), (), strict_children_emigrated),
    ("trip_matches_approval", (), (), trip_matches_approval),
    ("trip_within_approval", (), (), trip_within_approval),
    ("trip_not_reported", (HIDE_TRIP,), (), trip_not_reported),
    ("trip_longer_than_approved", (DEVIATION,), (), trip_longer_than_approved),
    ("trip_elsewhere", (DEVIATION,), (), trip_elsewhere),
    ("trip_early_exit", (DEVIATION,), (), trip_early_exit),
    ("approval_without_opinion", (LAX,), (), approval_without_opinion),
    ("opinion_after_approval", (LAX,), (), opinion_after_approval),
    ("overdue_return", (OVERDUE,), (), overdue_return),
    ("not_returned", (OVERDUE,), (), not_returned),
    ("roster_change_on_time", (), (), roster_change_on_time),
    ("roster_change_late", (LATE_CHANGE,), (), roster_change_late),
    ("police_entry_late", (LATE_ENTRY,), (), police_entry_late),
    ("roster_change_unreported", (LATE_CHANGE,), (), roster_change_unreported),
)


def plant_all(ctx: Context, units: list[Unit]) -> list[Planted]:
    rng, options = ctx.rng, ctx.options
    total = sum(len(u.people) for u in units)
    planted: list[Planted] = []
    pairs = [(u, p) for u in units for p in u.people]
    for kind, findings, check, plant in PERSON_KINDS:
        wanted = max(1, round(total * options.rate))
        order = list(range(len(pairs)))
        rng.shuffle(order)
        got = 0
        for i in order:
            unit, person = pairs[i]
            if person.planted is not None:
                continue
            hit = plant(ctx, unit, person)
            if hit is None:
                continue
            person.planted = kind
            planted.append(Planted(kind, unit, person, findings, check, hit.trip, hit.doc, hit.extra))
            got += 1
            if got == wanted:
                break
        if got == 0:
            raise ValueError(f"无法生成「{kind}」：人数太少")
    per_unit = max(1, round(len(units) * options.unit_rate))
    for make in (unit_without_rules, rules_revised):
        shuffled = list(units)
        rng.shuffle(shuffled)
        made = 0
        for unit in shuffled:  # stop as soon as enough: make() changes the unit it is given
            if made == per_unit:
                break
            item = make(ctx, unit)
            if item is not None:
                planted.append(item)
                made += 1
    shuffled = list(units)
    rng.shuffle(shuffled)
    planted.extend(not_registered(ctx, u) for u in shuffled[:per_unit])
    open_cases(ctx, planted)
    return planted
