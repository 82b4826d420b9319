"""Bad police deliveries are errors at file:line in Chinese, never silently counted or skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from privtravel.diagnostics import Result
from privtravel.police import load

from .test_import import CROSSING, HOLDING, ROW, TRIP, write_csv, write_xlsx


def _codes(root: Path) -> list[tuple[str, str, int]]:
    result = Result()
    load.load(root, None, result)
    return [(d.code, d.path, d.line) for d in result.diagnostics]


@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_a_duplicated_row_is_an_error_at_its_line_and_counted_once(tmp_path: Path, write: object) -> None:
    write(tmp_path / "police", "出入境记录", [CROSSING, TRIP[0], TRIP[1], TRIP[0]])  # type: ignore[operator]
    result = Result()
    data = load.load(tmp_path, None, result)
    assert len(data.crossings) == 2
    [problem] = result.diagnostics
    assert (problem.code, problem.line) == ("P504", 4) and "与第 2 行完全相同" in problem.message


@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_a_header_only_file_is_an_error(tmp_path: Path, write: object) -> None:
    write(tmp_path / "police", "持证信息", [HOLDING])  # type: ignore[operator]
    name = "police/持证信息." + ("csv" if write is write_csv else "xlsx")
    # the police said at least one row: the manifest disagrees too, at its 行数 line
    assert _codes(tmp_path) == [("P504", name, 1), ("P505", "police/交付清单.yaml", 7)]


def test_a_nul_byte_is_an_error_at_its_line(tmp_path: Path) -> None:
    write_csv(tmp_path / "police", "持证信息", [HOLDING, ROW])
    path = tmp_path / "police" / "持证信息.csv"
    path.write_bytes(path.read_bytes() + b"\x00\x00\x00\r\n")
    assert _codes(tmp_path) == [("P504", "police/持证信息.csv", 3), ("P505", "police/交付清单.yaml", 8)]


def test_a_folder_named_like_the_table_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "police" / "持证信息.csv").mkdir(parents=True)
    assert _codes(tmp_path) == [("P504", "police/持证信息.csv", 0)]  # and no manifest asked for: no data
