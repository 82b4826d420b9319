"""The dashboard of a committee whose units are mounted: each unit page and 审计记录 show the unit
repository's history of record and a refused head, next to the committee's pointer moves."""

from __future__ import annotations

from pathlib import Path

from privtravel.cli import main
from tests.units.conftest import World, git
from tests.units.test_sync import REPORT, merge_request


def test_unit_pages_and_audit_show_the_unit_repositories_records(world: World, tmp_path: Path) -> None:
    committee = world.committee
    for code in ("srmyy", "szyy"):  # sjkzx stays a plain folder
        assert main(["--root", str(committee), "units", "split", code, "--url", f"../units/{code}.git"]) == 0
    clone = world.hr_clone("srmyy")
    merge_request(clone, 7, (REPORT, "签名日期: 2019-06-04", "签名日期: 2019-06-05"), approver="周审核")
    assert main(["--root", str(committee), "units", "sync"]) == 0
    bad = merge_request(clone, 8, (REPORT, "签名日期: 2019-06-05", "签名日期: 2019-06-31"))
    assert main(["--root", str(committee), "units", "sync"]) == 0
    out = tmp_path / "public"
    assert main(["--root", str(committee), "site", "--out", str(out), "--today", "2019-06-25"]) == 0

    page = (out / "units/srmyy/index.html").read_text(encoding="utf-8")
    assert "单位仓库的合并记录" in page and "../units/srmyy.git" in page
    assert "!7" in page and "周审核" in page
    assert f"<code>{bad[:8]}</code> 未被取用" in page and "2019-06-20 09:00" in page
    assert page.index("单位仓库的新版本未被取用") < page.rindex("本单位统计表")  # said at the top
    plain = (out / "units/sjkzx/index.html").read_text(encoding="utf-8")
    assert "单位仓库的合并记录" not in plain
    audit = (out / "audit/index.html").read_text(encoding="utf-8")
    assert "units: take in srmyy" in audit  # the committee's pointer move
    assert "!7" in audit and "周审核" in audit and "未被取用" in audit
    # the unit page lists the pointer move among the committee's commits for that unit
    assert git(committee, "log", "-1", "--format=%s", "--", "submissions/srmyy").startswith("units:")
    assert "units: take in srmyy" in page
