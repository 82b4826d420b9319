"""What the generator is asked for, and the fixed dates of the campaign it writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

YEAR = 2019
TRIPS_SINCE = dt.date(2016, 1, 1)
DOCS_EXPIRED_SINCE = dt.date(2018, 1, 1)
REPORT_DEADLINE = dt.date(2019, 6, 10)
POLICE_DATA_DATE = dt.date(2019, 6, 30)  # the police extract ends on this day
RETURN_DAYS = 7
COMMISSION_APPROVER = "沈建华"  # 委党委 signatory (fictional)


@dataclass(frozen=True, slots=True)
class Options:
    seed: int = 2019
    units: int = 20
    people: int = 600
    crossings: int = 1600
    rate: float = 0.003  # planted person situations per person, per kind (at least one each)
    unit_rate: float = 0.1  # planted unit situations per unit, per kind (at least one each)
    hold_rate: float = 0.65  # share of people holding a private travel document

    def describe(self) -> dict[str, int | float]:
        return {
            "seed": self.seed,
            "units": self.units,
            "people": self.people,
            "crossings": self.crossings,
            "rate": self.rate,
            "unit_rate": self.unit_rate,
            "hold_rate": self.hold_rate,
        }


# The committed demo campaign (submissions/, police/, tests/fixtures/demo_planted.json) is exactly this.
DEMO = Options()
