"""集中检查 and 整改: loaded and validated like any declaration, shown on the dashboard with progress."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from privtravel.campaignops import inspection_pages
from privtravel.commands.check import check, check_repository
from privtravel.masking import has_number as has_full_number
from privtravel.masking import mask_text

D = dt.date.fromisoformat
INSPECTION = "inspections/srmyy.yaml"


def test_inspection_and_rectification_pass_and_are_built(campaign: Path) -> None:
    repo, result = check_repository(campaign)
    assert not result.errors
    unit = repo.units["srmyy"]
    assert unit.inspection is not None
    assert [p.id for p in unit.inspection.problems] == ["JC-01", "JC-02"]
    assert [(a.aspect, a.verdict) for a in unit.inspection.aspects][:2] == [
        ("应建尽建", "存在问题"),
        ("应备尽备", "符合要求"),
    ]
    assert [(r.id, r.done, r.closed) for r in unit.rectifications] == [
        ("ZG-01", True, D("2019-08-12")),
        ("ZG-02", False, None),
    ]
    assert INSPECTION not in unit.files  # the group's file is not one the unit submitted


def test_a_unit_touches_its_rectification_not_the_inspection(campaign: Path) -> None:
    """The inspection lives outside submissions/: the unit's folder check never counts it as the unit's."""
    from privtravel.load.layout import subject_of, unit_of

    assert unit_of(INSPECTION) is None and subject_of(INSPECTION) == "srmyy"
    assert unit_of("submissions/srmyy/整改.yaml") == subject_of("submissions/srmyy/整改.yaml") == "srmyy"


def test_the_hook_checks_the_inspected_unit_when_an_inspection_changes(campaign: Path) -> None:
    path = campaign / INSPECTION
    path.write_text(path.read_text(encoding="utf-8").replace("严重: false", "严重: 否", 1), encoding="utf-8")
    assert [d.code for d in check(campaign, [INSPECTION]).errors] == ["S203"]
    assert not check(campaign, ["submissions/szyy/单位.yaml"]).errors


def test_a_problem_without_rectification_is_a_warning_for_the_unit(campaign: Path) -> None:
    path = campaign / "submissions/srmyy/整改.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - 整改编号: ZG-02")], encoding="utf-8")
    found = [(d.path, d.code) for d in check(campaign).diagnostics if d.code.startswith("R33")]
    assert found == [(INSPECTION, "R331")]


def test_progress_figures(campaign: Path) -> None:
    repo, _ = check_repository(campaign)
    [row] = inspection_pages.progress(repo, D("2019-09-02"))
    assert (row.config.code, row.problems, row.items, row.done, row.overdue, row.unanswered) == (
        "srmyy",
        2,
        2,
        1,
        1,
        0,
    )
    [early] = inspection_pages.progress(repo, D("2019-08-20"))
    assert early.overdue == 0
    section = inspection_pages.overview_section([row], D("2019-09-02"), 3)
    assert (
        "已检查 1 个单位（共 3 个）" in section
        and "已完成 1 项（50%）" in section
        and "逾期未完成 1 项" in section
    )


def test_page_masks_numbers_typed_in_free_text(campaign: Path) -> None:
    path = campaign / INSPECTION
    path.write_text(path.read_text(encoding="utf-8").replace("C******67", "CA1234567"), encoding="utf-8")
    repo, _ = check_repository(campaign)
    page = inspection_pages.page(repo, D("2019-09-02"))
    assert "CA1234567" not in page and "C******67" in page
    assert "逾期 2 天" in page  # ZG-02: due 2019-08-31


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("护照 E12345678 未交", True),
        ("号码 33060219700312031X", True),
        ("E******78", False),
        ("SP2019-003", False),
    ],
)
def test_full_numbers_in_text(text: str, full: bool) -> None:
    assert has_full_number(text) is full
    assert not has_full_number(mask_text(text))


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("site") / "campaign"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "mini", root)
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "site", "--today", "2019-09-02"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return root / "public"


def test_the_site_has_the_inspection_page_and_the_overview_shows_progress(public: Path) -> None:
    page = (public / "inspection" / "index.html").read_text(encoding="utf-8")
    for text in (
        "绍兴市人民医院",
        "JC-01",
        "JC-02",
        "ZG-02",
        "整改中（逾期 2 天）",
        "周敏（市纪委监委）",
        "2019年9月2日",
    ):
        assert text in page, text
    overview = (public / "index.html").read_text(encoding="utf-8")
    assert "集中检查整改进度" in overview and "整改措施 2 项，已完成 1 项（50%）" in overview
