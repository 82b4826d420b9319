"""Pairing exits with entries, and a police table with errors stopping the cross-check."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from privtravel.crosscheck.trips import MISSING_ENTRY, MISSING_EXIT, pair, place_name
from privtravel.police.records import Crossing, Row
from tests.crosscheck.scenes import QIAN, Scene, crossing


def _c(day: str, direction: str, line: int) -> Crossing:
    return Crossing(
        "330602197805060427",
        "钱芳",
        dt.date.fromisoformat(day),
        direction,
        "口岸",
        "香港",
        "CA1234567",
        Row("p.csv", line),
    )


def test_same_day_order_follows_the_state() -> None:
    # Back in the morning, out again in the evening: listed exit first, still two trips.
    travel = pair(
        [
            _c("2019-01-05", "出境", 4),
            _c("2019-01-01", "出境", 2),
            _c("2019-01-05", "入境", 5),
            _c("2019-01-09", "入境", 6),
        ]
    )
    assert [(t.start.day, t.entry.date.day if t.entry else None) for t in travel.trips] == [(1, 5), (5, 9)]
    assert travel.orphans == []


def test_gaps_are_orphans_and_the_last_exit_is_still_abroad() -> None:
    travel = pair([_c("2019-01-01", "入境", 2), _c("2019-02-01", "出境", 3), _c("2019-03-01", "出境", 4)])
    assert [(o.kind, o.crossing.row.line) for o in travel.orphans] == [(MISSING_EXIT, 2), (MISSING_ENTRY, 3)]
    assert len(travel.trips) == 1 and travel.trips[0].entry is None
    assert travel.trips[0].days(dt.date(2019, 3, 10)) == 10


def test_place_spellings() -> None:
    assert {place_name(p) for p in ("香港", "中国香港", "香港特别行政区", "香港 ")} == {"香港"}
    assert place_name("台湾地区") == place_name("台湾") == place_name("中国台湾")


def test_invalid_police_rows_stop_the_crosscheck(scene: Scene) -> None:
    scene.crossings.append(crossing(QIAN, "2019-02-30", "出境", "日本", "CA1234567"))
    outcome = scene.run()
    assert not outcome.complete and outcome.answered == []
    assert [(d.path, d.line, d.code) for d in outcome.result.errors] == [("police/出入境记录.csv", 8, "S205")]
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(scene.root), "crosscheck"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "police/出入境记录.csv:8:3: S205" in done.stdout and "未进行比对核查" in done.stdout
