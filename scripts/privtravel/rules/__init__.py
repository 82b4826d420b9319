"""Rules a schema cannot express, within one unit.  Each module checks one concern."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Campaign, UnitData
from privtravel.rules import (
    accountability,
    coverage,
    dates,
    documents,
    identity,
    inspection,
    references,
    trips,
    units,
)

MODULES = (units, coverage, references, identity, dates, documents, trips, inspection, accountability)


def check_unit(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    for module in MODULES:
        yield from module.check(campaign, unit)
