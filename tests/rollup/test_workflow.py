"""A roll-up's merge requests: each member changes only its own folder; CODEOWNERS follows rollup.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from privtravel import cli
from tests.rollup.conftest import Demo, MakeRollup, commit_all, git

MEMBERS = [("ycq", "越城区", "区", "json"), ("kqq", "柯桥区", "区", "json")]


def test_codeowners_is_written_from_rollup_yaml_and_checked(
    make_rollup: MakeRollup, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_rollup(MEMBERS, {})
    assert cli.main(["--root", str(root), "rollup", "codeowners", "--check"]) == 1
    assert cli.main(["--root", str(root), "rollup", "codeowners", "--write"]) == 0
    text = (root / ".gitlab" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/members/ @zzb-review" in text and "/members/ycq/ @ycq-zzb" in text
    assert cli.main(["--root", str(root), "rollup", "codeowners", "--check"]) == 0
    capsys.readouterr()


def test_a_member_may_change_only_its_own_folder(
    demos: list[Demo], make_rollup: MakeRollup, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_rollup(MEMBERS, {})
    git(root, "checkout", "-q", "-b", "ycq/报送")
    (root / "members" / "ycq").mkdir(parents=True)
    (root / "members" / "ycq" / "统计表.json").write_bytes(demos[0].published)
    commit_all(root, "越城区报送统计表")
    args = ["--root", str(root), "rollup", "ownership", "--base", "main"]
    assert cli.main([*args, "--user", "ycq-zzb"]) == 0
    (root / "members" / "kqq").mkdir(parents=True)
    (root / "members" / "kqq" / "统计表.json").write_bytes(demos[1].published)
    (root / "rollup.yaml").write_text(
        (root / "rollup.yaml").read_text(encoding="utf-8").replace("@kqq-zzb", "@ycq-zzb")
    )
    commit_all(root, "顺手改了别人的")
    capsys.readouterr()
    assert cli.main([*args, "--user", "ycq-zzb"]) == 1
    out = capsys.readouterr().out
    assert (
        "members/kqq/统计表.json —— 属于 柯桥区（kqq），由 @kqq-zzb 负责" in out
    )  # base's rollup.yaml decides
    assert "rollup.yaml —— 属于 维护人员" in out
    assert cli.main([*args, "--user", "zzb-admin"]) == 0


def test_template_is_a_blank_notice_workbook_that_reads_back(make_rollup: MakeRollup, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from privtravel.rollup import config, members

    root = make_rollup([("szs", "嵊州市", "县（市）", "表格")], {})
    assert cli.main(["--root", str(root), "rollup", "template", "szs", "--out", str(tmp_path / "t")]) == 0
    wb = load_workbook(tmp_path / "t" / "统计表.xlsx")
    ws = wb["附件3"]
    body = next(r for r in range(1, 12) if ws.cell(r, 2).value == "嵊州市")
    for c in range(3, 15):
        ws.cell(body, c, 0)
    ws.cell(body, 15, "否")
    ws2 = wb["附件2"]
    for c in range(3, 21):
        ws2.cell(body, c, 0)
    (root / "members" / "szs").mkdir(parents=True)
    wb.save(root / "members" / "szs" / "统计表.xlsx")
    gathered = members.gather(root, config.load(root))
    assert gathered.diagnostics == [] and gathered.states[0].status == "已报送"


def test_review_summary_lists_status_figures_and_total(
    demos: list[Demo], make_rollup: MakeRollup, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_rollup(MEMBERS, {"members/kqq/统计表.json": demos[1].published})
    git(root, "checkout", "-q", "-b", "ycq/报送")
    (root / "members" / "ycq").mkdir(parents=True)
    (root / "members" / "ycq" / "统计表.json").write_bytes(demos[0].published)
    commit_all(root, "越城区报送统计表")
    capsys.readouterr()
    assert cli.main(["--root", str(root), "rollup", "review", "--base", "main"]) == 0
    out = capsys.readouterr().out
    assert "### 越城区（ycq）" in out and "状态：未报送 → 已报送" in out
    registered = next(r for r in demos[0].stats.fj3.rows if r.id == "合计").cells["registered"].value
    assert f"| 附件3 | 登记备案数情况-实备数 | （空） | {registered} |" in out
    assert "### 合计" in out and "柯桥区" not in out


def test_site_has_the_audit_trail(demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path) -> None:
    root = make_rollup(MEMBERS, {"members/kqq/统计表.json": demos[1].published})
    git(root, "checkout", "-q", "-b", "ycq/报送")
    (root / "members" / "ycq").mkdir(parents=True)
    (root / "members" / "ycq" / "统计表.json").write_bytes(demos[0].published)
    commit_all(root, "越城区报送统计表")
    git(root, "checkout", "-q", "main")
    git(
        root,
        "merge",
        "--no-ff",
        "-q",
        "-m",
        "Merge branch 'ycq/报送' into 'main'\n\n越城区报送\n\nSee merge request zzb/rollup!3",
        "ycq/报送",
    )
    assert cli.main(["--root", str(root), "rollup", "site", "--out", str(tmp_path / "p")]) == 0
    audit = (tmp_path / "p" / "audit" / "index.html").read_text(encoding="utf-8")
    assert "合并请求 zzb/rollup!3" in audit and "越城区报送统计表" in audit
    member = (tmp_path / "p" / "members" / "ycq" / "index.html").read_text(encoding="utf-8")
    assert "提交记录" in member and "zzb/rollup!3" in member
