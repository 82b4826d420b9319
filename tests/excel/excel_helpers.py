"""Running the commands in-process and finding cells by their headers (not by fixed letters)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from privtravel.cli import main
from privtravel.excel.layout import layout
from privtravel.excel.workbook_write import FIRST_ROW, FORM_FIRST_ROW


def cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def column(sheet: str, label: str) -> str:
    """The letter of a column, found by its label (e.g. 纪检监察意见·日期)."""
    for i, col in enumerate(layout().sheet(sheet).columns, start=1):
        if col.label == label:
            return get_column_letter(i)
    raise KeyError(label)


def cell(sheet: str, label: str, record: int = 1) -> str:
    """The address of a value: record 1 is the first data row."""
    return f"{column(sheet, label)}{FIRST_ROW + record - 1}"


def form_cell(label: str) -> str:
    for i, col in enumerate(layout().sheet("单位基本情况").columns):
        if col.label == label:
            return f"C{FORM_FIRST_ROW + i}"
    raise KeyError(label)


def git_status(root: Path) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotepath=false", "status", "--porcelain"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
