"""Every printed document, printed by LibreOffice itself: 附件2/附件3 of the demo, 附件1 forms (one of
them too long for one page), the monthly police file.  One soffice run converts all three workbooks
to PDF; poppler gives the pages' sizes, their text, and PNGs of the first pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from privtravel.campaignops.police_xlsx import PERSONAL
from privtravel.excel import form_print, unit_workbook, unitdocs
from privtravel.excel.save import save
from tests.conftest import REPO
from tests.office import pdf_pages, pdf_text, png_pages, require

A4_LONG, A4_SHORT = 841.9, 595.3
PAGE = re.compile(r"第 (\d+) 页，共 (\d+) 页")
TRIP = {"出境日期": "2018-02-10", "入境日期": "2018-02-17", "所到国家（地区）": ["日本"], "事由": "旅游",
        "审批机构": "委政治处"}  # fmt: skip


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("printouts")
    root = work / "demo"
    root.mkdir()
    shutil.copy(REPO / "campaign.yaml", root)
    for folder in ("submissions", "police", "inspections"):
        shutil.copytree(REPO / folder, root / folder)
    books = work / "books"
    from privtravel.cli import main

    assert (
        main(["--root", str(root), "stats", "--out", str(work / "stats"), "--filled-on", "2019-07-04"]) == 0
    )
    books.mkdir()
    shutil.copy(work / "stats" / "统计表.xlsx", books / "stats.xlsx")
    assert (
        main(
            ["--root", str(root), "police-report", "--month", "2019-03", "--out", str(books / "police.xlsx")]
        )
        == 0
    )
    campaign = unit_workbook.load_campaign(root)
    docs, _ = unitdocs.load(root, "srmyy", 10**6)
    reports = [docs.reports[rel] for rel in sorted(docs.reports)[:3]]
    long = {**reports[0], "编号": "9999", "姓名": "周敏", "报告类型": "", "出国境情况": [TRIP] * 30}
    save(form_print.build(campaign, [*reports, long]), books / "forms.xlsx", unit_workbook.stamp(campaign))
    soffice = require("soffice")
    profile = (work / "profile").as_uri()
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(work),
         *sorted(str(p) for p in books.glob("*.xlsx"))],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return work


def landscape(pdf: Path) -> bool:
    sizes = pdf_pages(pdf)
    assert all(abs(max(w, h) - A4_LONG) < 2 and abs(min(w, h) - A4_SHORT) < 2 for w, h in sizes), sizes
    flat = {w > h for w, h in sizes}
    assert len(flat) == 1, sizes
    return flat.pop()


def pages_text(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")[: len(pdf_pages(pdf))]


def test_statistics_tables_number_their_own_pages(printed: Path) -> None:
    pdf = printed / "stats.pdf"
    assert landscape(pdf)
    numbers = [PAGE.search(text) for text in pages_text(pdf)]
    counted = [(int(m[1]), int(m[2])) for m in numbers if m]
    assert len(counted) < len(numbers)  # the 统计口径 pages carry no number
    sheets, at = [], 0
    while at < len(counted):  # each table sheet: 第1页 … 第N页，共N页
        total = counted[at][1]
        assert counted[at : at + total] == [(k, total) for k in range(1, total + 1)], counted
        sheets.append(total)
        at += total
    assert len(sheets) == 2, counted
    text = pdf_text(pdf)
    assert "填表时间：2019年7月4日" in text and "填表人：" in text and "审核人：" in text
    tables = "".join(page for page, m in zip(pages_text(pdf), numbers, strict=True) if m)
    assert "问题排查" in tables and "问题排查情" not in tables  # 问题排查 / 情况, never 问题排查情 / 况
    assert len(png_pages(pdf, printed / "png")) == len(numbers)


def test_police_file_is_one_landscape_document_to_stamp(printed: Path) -> None:
    pdf = printed / "police.pdf"
    assert landscape(pdf)
    text = pdf_text(pdf)
    one_line = [line.strip() for line in text.splitlines() if "本表含完整的公民身份号码" in line]
    assert one_line and one_line[0].replace(" ", "") == PERSONAL  # the notice whole, not cut in pieces
    for expected in (
        "报送单位（盖章）",
        "报送人：",
        "联系电话：",
        "报送日期：",
        "只供报送公安机关出入境管理部门",
    ):
        assert expected in text, expected
    assert PAGE.search(text)
    assert png_pages(pdf, printed / "png")


def test_forms_one_page_each_and_a_named_numbered_continuation(printed: Path) -> None:
    pdf = printed / "forms.pdf"
    assert not landscape(pdf)
    pages = pages_text(pdf)
    assert len(pages) == 3 + 3  # three people on one page each; 周敏's 30 trips on three
    continued = [text for text in pages if "附件1（续页）" in text]
    assert len(continued) == 2 and all("周敏" in text for text in continued)
    assert [m[0] for text in pages if (m := re.search(r"第\d页，共\d页", text))] == [
        "第1页，共3页",
        "第2页，共3页",
        "第3页，共3页",
    ]
    assert sum(text.count("本人签名") for text in pages) == 4  # once per person, on the last page
    assert "本人签名" in pages[-1] and "本人签名" not in pages[-2]
    assert len(png_pages(pdf, printed / "png")) == 6
