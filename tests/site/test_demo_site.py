"""The dashboard of the committed demo campaign: every page there, and no full document or ID number
anywhere in public/ (every number in the declarations and in the police data is looked for)."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
NUMBER = re.compile(r"证件号码: \"?([A-Z0-9]{6,12})\"?|公民身份号码: \"([0-9]{17}[0-9X])\"")


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo-site") / "campaign"
    root.mkdir()
    for name in ("campaign.yaml", "submissions", "police", "inspections"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "site", "--today", "2019-07-10"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return root / "public"


def _secrets() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "submissions").rglob("*.yaml"):
        for a, b in NUMBER.findall(path.read_text(encoding="utf-8")):
            found.add(a or b)
    for path in (REPO / "police").glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                found.update(v for k, v in row.items() if k in ("证件号码", "公民身份号码"))
    return found


def test_every_page_is_built(public: Path) -> None:
    for page in (
        "index.html",
        "stats/index.html",
        "stats-sources/index.html",
        "findings/index.html",
        "inspection/index.html",
        "audit/index.html",
        "guide/codes/index.html",
        "units/srmyy/index.html",
        "exports/统计表.xlsx",
        "exports/units/srmyy/统计表.xlsx",
    ):
        assert (public / page).is_file(), page
    overview = (public / "index.html").read_text(encoding="utf-8")
    assert "示例数据" in overview and "应交尽交" in overview and "bar-row" in overview


def test_no_full_number_anywhere_in_public(public: Path) -> None:
    secrets = _secrets()
    assert len(secrets) > 1000
    pattern = re.compile("|".join(sorted(map(re.escape, secrets), key=len, reverse=True)))
    for path in public.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".js", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            match = pattern.search(text)
            assert match is None, f"{path.relative_to(public)} shows {match.group(0)[:3]}…"


def test_long_tables_are_in_the_built_pages_but_not_in_the_search_index(public: Path) -> None:
    """site/deferred.py keeps the tables out of MkDocs; every one must reach its page."""
    for html in public.rglob("*.html"):
        assert "PRIVTRAVEL-TABLE" not in html.read_text(encoding="utf-8"), html
    page = (public / "units" / "srmyy" / "index.html").read_text(encoding="utf-8")
    roster = (REPO / "submissions" / "srmyy" / "登记备案.yaml").read_text(encoding="utf-8")
    first = re.search(r"姓名: (\S+)", roster)
    assert first is not None and f"<td>{first.group(1)}</td>" in page  # the roster, inside <details>
    for header in ("审批编号", "问题编号", "答复用的编号"):
        assert f"<th>{header}</th>" in page, header
    docs = json.loads((public / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = [d for d in docs if not d["title"].endswith("人员")]
    index = "".join(d["title"] + d["text"] for d in pages).replace("\u200b", "")
    assert "绍兴市人民医院" in index and first.group(1) not in index and "PRIVTRAVEL" not in index
    # the people finder: one entry per unit, 编号 and 姓名 only, leading to the roster
    finder = next(d for d in docs if d["title"] == "绍兴市人民医院（srmyy）人员")
    assert finder["location"] == "units/srmyy/#登记备案和报告表" and first.group(1) in finder["text"]


def test_published_exports_cite_lines_and_carry_the_site_s_day(public: Path) -> None:
    import json

    from openpyxl import load_workbook

    data = json.loads((public / "exports" / "统计表.json").read_text(encoding="utf-8"))
    cited = [
        ref
        for table in data["表"]
        for row in table["行"]
        for refs in row.get("来源", {}).values()
        for ref in refs
    ]
    assert cited and all(isinstance(ref.get("行"), int) for ref in cited)  # as `stats --out` gives them
    for path in ("exports/统计表.xlsx", "exports/units/srmyy/统计表.xlsx"):
        sheet = load_workbook(public / path)["附件2"]
        assert sheet.cell(3, 14).value == "填表时间：2019年7月10日", path  # site --today
