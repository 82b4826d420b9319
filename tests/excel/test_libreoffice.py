"""The unit workbook through LibreOffice itself, as a clerk uses it: rows deleted and sorted, dates
typed in every form the 填表说明 recommends, saved as .xlsx, then imported.

One soffice run does all the editing (tests/office.py); the largest demo unit (srmyy) is used, so
the import of a LibreOffice-saved workbook is measured at the size that matters.
"""

from __future__ import annotations

import shutil
import time
import tracemalloc
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from excel_helpers import cli, column

from privtravel.excel import importing, unit_workbook
from privtravel.excel.workbook_write import FIRST_ROW
from tests.conftest import REPO
from tests.office import Job, clerk_edits, filled_rows

CODE = "srmyy"
DATES = ("2019-06-05", "2019.6.5", "2019/6/5", "2019年6月5日", "20190605")


@dataclass
class Saved:
    root: Path
    template: Path
    sorted: Path  # spare rows deleted in every sheet, two sheets sorted
    dates: Path  # 签名日期 typed and pasted in every recommended form
    people: int


def copy_unit(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copy(REPO / "campaign.yaml", target)
    shutil.copytree(REPO / "submissions" / CODE, target / "submissions" / CODE)
    (target / "inspections").mkdir()
    shutil.copy(REPO / "inspections" / f"{CODE}.yaml", target / "inspections")
    return target


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Saved:
    work = tmp_path_factory.mktemp("libreoffice")
    root = copy_unit(work / "campaign")
    template = work / "template.xlsx"
    unit_workbook.write(root, unit_workbook.load_campaign(root), CODE, template)
    people = filled_rows(template, "登记备案人员", FIRST_ROW)
    job = clerk_edits(Job(), template)
    job.save_xlsx(work / "sorted.xlsx").close()

    job.open(template)
    signed = column("报告表", "签名日期")
    for i, form in enumerate(DATES):  # people 1-5 typed into the date cell, 6-10 pasted as text
        job.type("报告表", f"{signed}{FIRST_ROW + i}", form)
        job.text("报告表", f"{signed}{FIRST_ROW + len(DATES) + i}", form)
    job.save_xlsx(work / "dates.xlsx").close()
    job.run(work)
    return Saved(root, template, work / "sorted.xlsx", work / "dates.xlsx", people)


def dimension(path: Path, sheet_index: int) -> str:
    with zipfile.ZipFile(path) as archive:
        head = archive.read(f"xl/worksheets/sheet{sheet_index}.xml")[:2000].decode()
    return head.split("<dimension ref=")[1].split("/>")[0]


def test_sorted_and_deleted_rows_change_nothing_and_cost_what_the_data_costs(saved: Saved) -> None:
    assert "1048576" in dimension(saved.sorted, 4)  # LibreOffice really saved a million-row sheet
    campaign = unit_workbook.load_campaign(saved.root)
    tracemalloc.start()
    started = time.perf_counter()
    outcome = importing.run(saved.root, campaign, saved.sorted, unit=None, write=False)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not outcome.errors, [p.line() for p in outcome.problems]
    assert outcome.plan is not None
    assert outcome.plan.write == {} and outcome.plan.delete == []  # sorting rows changes no YAML
    assert len(outcome.plan.unchanged) > saved.people
    assert peak < 150 * 2**20, f"peak {peak / 2**20:.0f} MB"  # the million-row reader took 400+ MB
    assert seconds < 30  # a hang guard only; bench/excel_scale.py measures it (about 1 s)


def test_dates_typed_or_pasted_in_every_recommended_form_are_read(
    saved: Saved, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = cli(capsys, saved.root, "import", str(saved.dates), "--dry-run")
    # the ten people signed on other days: each 签名日期 now reads 2019-06-05, and nothing else changed
    assert status == 0, text
    assert "Warning" not in text and "#VALUE" not in text and "#FMT" not in text
    written = [line for line in text.splitlines() if line.startswith("将写入")]
    assert len(written) <= 2 * len(DATES)
    campaign = unit_workbook.load_campaign(saved.root)
    outcome = importing.run(saved.root, campaign, saved.dates, unit=None, write=False)
    assert outcome.plan is not None
    for rel, content in outcome.plan.write.items():
        assert "签名日期: 2019-06-05" in content, rel
