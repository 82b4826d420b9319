"""discover(): every regular file under submissions/; hidden entries and symbolic links reported, never read."""

from __future__ import annotations

import os
from pathlib import Path

from privtravel.diagnostics import Diagnostic
from privtravel.load.repository import discover


def test_discover_finds_files_and_reports_hidden_ones_and_links(tmp_path: Path) -> None:
    base = tmp_path / "submissions"
    (base / "u1" / "报告").mkdir(parents=True)
    (base / "u1" / ".git").mkdir()
    (base / "u1" / "单位.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / "报告" / "0001-张三.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / ".hidden.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / "报告" / ".0002-李四.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / ".git" / "config").write_text("x", encoding="utf-8")
    (base / "stray.txt").write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.yaml").write_text("x", encoding="utf-8")
    os.symlink(outside, base / "linked")
    os.symlink(base / "u1" / "单位.yaml", base / "u1" / "登记备案.yaml")
    os.symlink(outside / "a.yaml", base / "u1" / "审批.yaml")
    os.symlink(tmp_path / "gone.yaml", base / "u1" / "报告" / "0003-王五.yaml")
    problems: list[Diagnostic] = []
    assert discover(tmp_path, problems) == [
        "submissions/stray.txt",
        "submissions/u1/单位.yaml",
        "submissions/u1/报告/0001-张三.yaml",
    ]
    reported = {d.path: d for d in problems}
    assert set(reported) == {
        "submissions/linked",
        "submissions/u1/登记备案.yaml",
        "submissions/u1/审批.yaml",
        "submissions/u1/报告/0003-王五.yaml",
        "submissions/u1/.hidden.yaml",
        "submissions/u1/报告/.0002-李四.yaml",
    }
    assert all(d.code == "F117" and d.is_error for d in problems)
    assert "失效" in reported["submissions/u1/报告/0003-王五.yaml"].message
    assert "隐藏" in reported["submissions/u1/.hidden.yaml"].message
    assert discover(tmp_path / "nowhere") == []


def test_editor_temporary_files_are_a_warning_naming_the_file_not_an_error(tmp_path: Path) -> None:
    unit = tmp_path / "submissions" / "u1"
    (unit / "报告").mkdir(parents=True)
    names = [
        "报告/.0001-张三.yaml.swp",
        "报告/0001-张三.yaml~",
        "报告/#0001-张三.yaml#",
        ".单位.yaml.un~",
        "~$填报表.xlsx",
        ".~lock.填报表.xlsx#",
        ".DS_Store",
        "Thumbs.db",
    ]
    for name in names:
        (unit / name).write_text("x", encoding="utf-8")
    os.symlink("zhang@host.1234:1700000000", unit / "报告" / ".#0001-张三.yaml")  # Emacs: a dangling link
    (unit / ".vscode").mkdir()
    (unit / ".vscode" / "settings.json").write_text("{}", encoding="utf-8")
    names.append(".vscode")
    (unit / "报告" / "0001-张三.yaml").write_text("x", encoding="utf-8")
    problems: list[Diagnostic] = []
    assert discover(tmp_path, problems) == ["submissions/u1/报告/0001-张三.yaml"]
    reported = {d.path.removeprefix("submissions/u1/"): d for d in problems}
    assert set(reported) == {*names, "报告/.#0001-张三.yaml"}
    assert all(d.code == "F118" and not d.is_error for d in problems)
    swap = reported["报告/.0001-张三.yaml.swp"].message
    assert "vim" in swap and "删掉" in swap and "不要把它提交" in swap
