"""Pair each person's exits with entries into trips.

Crossings carry a date but no time, so the order within one day is chosen to fit: someone at home
leaves before returning (a day trip), someone abroad returns before leaving again.  A missing entry
at the end of the data means still abroad on the data date; any other gap (an entry with no exit
before it, an exit while already out) is an orphan, reported as such and never guessed.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby

from privtravel.police.records import ENTRY, EXIT, Crossing

MISSING_ENTRY = "缺少入境记录"
MISSING_EXIT = "缺少出境记录"
HK_MACAO = frozenset({"香港", "澳门"})


@dataclass(frozen=True, slots=True)
class PoliceTrip:
    exit: Crossing
    entry: Crossing | None  # None: still abroad on the data date

    @property
    def start(self) -> dt.date:
        return self.exit.date

    def end(self, as_of: dt.date) -> dt.date:
        return self.entry.date if self.entry is not None else max(as_of, self.exit.date)

    def days(self, as_of: dt.date) -> int:
        """Days abroad, the day of exit and the day of entry both counted."""
        return (self.end(as_of) - self.start).days + 1

    @property
    def places(self) -> tuple[str, ...]:
        named = [self.exit.place] + ([self.entry.place] if self.entry is not None else [])
        return tuple(dict.fromkeys(named))

    @property
    def numbers(self) -> tuple[str, ...]:
        used = [self.exit.number] + ([self.entry.number] if self.entry is not None else [])
        return tuple(dict.fromkeys(used))


@dataclass(frozen=True, slots=True)
class Orphan:
    crossing: Crossing
    kind: str  # MISSING_ENTRY or MISSING_EXIT


@dataclass(slots=True)
class Travel:
    trips: list[PoliceTrip] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)


def pair(crossings: Iterable[Crossing]) -> Travel:
    """One person's crossings (any order) → trips and orphans, in date order."""
    travel = Travel()
    open_exit: Crossing | None = None
    ordered = sorted(crossings, key=lambda c: (c.date, c.row.path, c.row.line))
    for _, same_day in groupby(ordered, key=lambda c: c.date):
        day = list(same_day)
        exits = [c for c in day if c.direction == EXIT]
        entries = [c for c in day if c.direction == ENTRY]
        while exits or entries:
            if open_exit is not None:
                if entries:
                    travel.trips.append(PoliceTrip(open_exit, entries.pop(0)))
                    open_exit = None
                else:
                    travel.orphans.append(Orphan(open_exit, MISSING_ENTRY))
                    open_exit = exits.pop(0)
            elif exits:
                open_exit = exits.pop(0)
            else:
                travel.orphans.append(Orphan(entries.pop(0), MISSING_EXIT))
    if open_exit is not None:
        travel.trips.append(PoliceTrip(open_exit, None))
    return travel


def place_name(name: str) -> str:
    """One spelling per place: 中国香港 / 香港特别行政区 / 香港 are the same; so are 台湾 and 台湾地区."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = text.removeprefix("中国")
    for suffix in ("特别行政区", "地区"):
        text = text.removesuffix(suffix)
    return text


def only_hk_macao(places: Iterable[str]) -> bool:
    names = {place_name(p) for p in places}
    return bool(names) and names <= HK_MACAO
