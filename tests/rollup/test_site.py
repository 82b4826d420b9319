"""The roll-up's dashboard: a real MkDocs build with members' status, the tables and each member's page."""

from __future__ import annotations

import re
from pathlib import Path

from privtravel import cli
from tests.rollup import handfill
from tests.rollup.conftest import Demo, MakeRollup

OUTSIDE = re.compile(r"""(?:src|href)=["']https?://""")


def test_site_shows_status_tables_regions_and_members(
    demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path
) -> None:
    bad = handfill.workbook(handfill.rows_of(demos[3].stats))
    bad["附件3"]["D7"] = "不详"
    files = {
        "members/ycq/统计表.json": demos[0].published,
        "members/szs/统计表.xlsx": handfill.save(bad, tmp_path / "b.xlsx").read_bytes(),
    }
    root = make_rollup(
        [
            ("ycq", "越城区", "区", "json"),
            ("szs", "嵊州市", "县（市）", "表格"),
            ("zjs", "诸暨市", "县（市）", "表格"),
        ],
        files,
    )
    out = tmp_path / "public"
    assert cli.main(["--root", str(root), "rollup", "site", "--out", str(out), "--today", "2019-07-12"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for text in ("已报送", "有错误", "未报送", "已过截止日期", "各地区主要数字", "区小计"):
        assert text in index, text
    stats = (out / "stats" / "index.html").read_text(encoding="utf-8")
    assert "附件2" in stats and "诸暨市（未报送）" in stats and "嵊州市（有错误，未计入）" in stats
    assert "members/ycq/统计表.json" in stats  # every figure names its file and cell
    member = (out / "members" / "szs" / "index.html").read_text(encoding="utf-8")
    assert "附件3!D7" in member and "T104" in member
    assert (out / "exports" / "统计表.xlsx").is_file() and (out / "exports" / "统计表.json").is_file()
    people = {p.stem.split("-", 1)[1] for p in (demos[0].root / "submissions").rglob("报告/*.yaml")}
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not OUTSIDE.search(text), page
        assert not [p for p in people if p in text], page
