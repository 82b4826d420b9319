"""Exports of the statistics tables: .xlsx in the notice's printed layout, .csv with BOM, .json with provenance.

Every writer returns bytes and is deterministic: the same declarations give byte-identical files
(timestamps inside come from the commit, never from the clock).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from privtravel import journal
from privtravel.export import csv, json, xlsx
from privtravel.stats.compute import Statistics
from privtravel.stats.provenance import Lines

WORKBOOK = "统计表.xlsx"
JSON = "统计表.json"


def csv_name(attachment: str) -> str:
    return f"{attachment}.csv"


def write_all(
    stats: Statistics,
    out: Path,
    lines: Lines | None = None,
    *,
    with_json: bool = True,
    filled: dt.date | None = None,
) -> list[Path]:
    """Write every export into ``out`` (created if needed); returns the files written, in order.
    ``filled`` is the 填表时间 printed on the tables (default: today)."""
    out.mkdir(parents=True, exist_ok=True)
    files: list[tuple[str, Iterable[bytes]]] = [(WORKBOOK, [xlsx.workbook(stats, filled)])]
    files += [(csv_name(t.spec.attachment), [csv.table(t)]) for t in stats.tables]
    if with_json:  # in pieces: a province's provenance is large
        files.append((JSON, json.chunks(stats, lines)))
    # the tables, csv and json agree with each other: all of them are replaced, or none (journal)
    journal.write_all(out, dict(files), [], journal.usual_mode(), "导出统计表")
    return [out / name for name, _ in files]
