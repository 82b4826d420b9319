"""The HTML fragment (merged header, anchors, provenance links), the 口径 Markdown and the command."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from campaign_builder import base, write

from privtravel.cli import main
from privtravel.stats import from_repository, provenance
from privtravel.stats.definitions import markdown
from privtravel.stats.html import provenance_html, tables_html


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.headers: list[tuple[str, str, str]] = []
        self._th: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))
        if tag == "th" and a.get("scope") == "col":
            self._th = a

    def handle_data(self, data: str) -> None:
        if self._th is not None:
            self.headers.append((data, self._th.get("rowspan") or "1", self._th.get("colspan") or "1"))
            self._th = None


def test_html_has_the_merged_header_and_every_link_resolves(tmp_path: Path) -> None:
    root = write(base(), tmp_path / "c")
    _, stats = from_repository(root)
    assert stats is not None
    page = tables_html(stats) + provenance_html(stats, provenance.lines(root, provenance.refs(stats)))
    parsed = Collect()
    parsed.feed(page)
    assert ("序号", "3", "1") in parsed.headers
    assert ("违规违纪问题处理情况", "1", "15") in parsed.headers
    assert ("处理方式（人次）", "1", "7") in parsed.headers
    assert ("实际登记备案人数", "1", "4") in parsed.headers
    assert ("应收数", "2", "1") in parsed.headers
    assert "fj2-a1-new_registered" in parsed.ids and "fj3-total-staff_total" in parsed.ids
    local = [h[1:] for h in parsed.hrefs if h.startswith("#")]
    assert local and all(target in parsed.ids for target in local)
    assert "#src-fj3-a1-collected" in parsed.hrefs
    assert re.search(r"submissions/a1/证件保管\.yaml 第\d+行", page)
    assert "E12345678" not in page and "E******78" in page


def test_definitions_markdown_lists_every_column(tmp_path: Path) -> None:
    _, stats = from_repository(write(base(), tmp_path / "c"))
    assert stats is not None
    text = markdown(stats)
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| 列")]
    assert len(rows) == 36
    assert "2019年5月20日" in text and "实备数与右边「实际登记备案人数」的区别" in text


def test_command_refuses_declarations_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(base(), tmp_path / "c")
    path = root / "submissions/a1/单位.yaml"
    path.write_text(
        path.read_text("utf-8").replace("国家工作人员总数: 10", "国家工作人员总数: '10'"), "utf-8"
    )
    assert main(["--root", str(root), "stats", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "submissions/a1/单位.yaml:" in err and "国家工作人员总数" in err and "统计表没有生成" in err
    assert not (tmp_path / "out").exists()


def test_command_json_and_unknown_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(base(), tmp_path / "c")
    assert main(["--root", str(root), "stats", "--format", "json", "--region", "乙地区"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["范围"] == "地区 乙地区"
    assert [r["地区、单位（部门）"] for r in data["表"][0]["行"]] == ["乙一中心", "乙地区小计"]
    assert main(["--root", str(root), "stats", "--unit", "a9"]) == 2
    assert "没有单位代码「a9」" in capsys.readouterr().err
