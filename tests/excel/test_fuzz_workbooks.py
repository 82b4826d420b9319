"""Fuzzing workbooks: whatever a clerk (or a hostile unit) hands to `import`, no traceback.

A real exported workbook is spoiled at random, seeded so a failure replays: cells given values of
every type a spreadsheet can hold, sheets renamed, removed or added, rows deleted, and the file's
bytes cut or flipped.  `import` must answer 0, 1 or 2; when it refuses, nothing is written; when it
writes, `check` judges the result without a traceback either.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import pytest
from excel_helpers import cli, git_status
from openpyxl import load_workbook

from tests.conftest import git

SEED = 20261201
VALUES: list[object] = [
    None,
    "",
    " ",
    "0001",
    "赵明",
    "2019-02-30",
    "2019-06-01",
    "=1/0",
    "#N/A",
    "是",
    "否",
    "护照",
    "E12345678",
    "../../etc/passwd",
    "x" * 5000,
    "行一\n行二",
    "\u200b",
    "１２３",
    0,
    -1,
    2**63,
    3.5,
    1e308,
    True,
    False,
    dt.datetime(1900, 1, 1),
    dt.datetime(9999, 12, 31),
    dt.date(2019, 6, 1),
    dt.time(12, 30),
]


def _spoil_cells(data: bytes, rng: random.Random) -> bytes:
    book = load_workbook(io.BytesIO(data))
    for _ in range(rng.randint(1, 6)):
        ws = rng.choice(book.worksheets)
        action = rng.random()
        if action < 0.75:
            row, col = rng.randint(1, max(ws.max_row, 1) + 2), rng.randint(1, max(ws.max_column, 1) + 1)
            if type(ws.cell(row, col)).__name__ != "MergedCell":
                ws.cell(row, col).value = rng.choice(VALUES)
        elif action < 0.85 and ws.max_row > 1:
            ws.delete_rows(rng.randint(1, ws.max_row))
        elif action < 0.9:
            ws.title = rng.choice(["附件1", "报告表", "Sheet", ws.title + "（2）"])
        elif action < 0.95 and len(book.worksheets) > 1:
            book.remove(ws)
        else:
            book.create_sheet(rng.choice(["报告表", "其他", "取值"]))["A1"] = rng.choice(VALUES)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _spoil_bytes(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.4:
        return data[: rng.randint(0, len(data))]
    spoiled = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        spoiled[rng.randrange(len(spoiled))] = rng.randrange(256)
    return bytes(spoiled)


@pytest.mark.parametrize("kind", ["cells", "bytes"])
def test_import_never_crashes_on_a_spoiled_workbook(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    original = tmp_path / "srmyy.xlsx"
    assert cli(capsys, campaign_repo, "export", "srmyy", "--out", str(original))[0] == 0
    data = original.read_bytes()
    rng = random.Random(f"{SEED}-{kind}")
    spoil = _spoil_cells if kind == "cells" else _spoil_bytes
    seen: set[int] = set()
    for case in range(120):
        path = tmp_path / f"case{case}.xlsx"
        path.write_bytes(spoil(data, rng))
        write = case % 8 == 0  # most cases only check (--dry-run); some really write
        args = ["import", str(path)] if write else ["import", "--dry-run", str(path)]
        status, text = cli(capsys, campaign_repo, *args)
        seen.add(status)
        assert status in (0, 1, 2), (case, text[-500:])
        assert "Traceback" not in text, (case, text[-2000:])
        if not write:
            continue
        if status != 0:
            assert git_status(campaign_repo) == "", (case, text[-500:])  # refused: nothing written
            continue
        checked, report = cli(capsys, campaign_repo, "check")
        assert checked in (0, 1) and "Traceback" not in report, (case, report[-2000:])
        git(campaign_repo, "checkout", "-q", "--", ".")
        git(campaign_repo, "clean", "-qfd")
    assert seen - {0}, "every spoiled workbook was accepted: the spoiling does nothing"
