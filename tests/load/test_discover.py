"""discover(): every file under submissions/, hidden ones excepted, symlinked folders not followed."""

from __future__ import annotations

import os
from pathlib import Path

from privtravel.load.repository import discover


def test_discover_finds_files_and_skips_hidden_ones_and_linked_folders(tmp_path: Path) -> None:
    base = tmp_path / "submissions"
    (base / "u1" / "报告").mkdir(parents=True)
    (base / "u1" / ".git").mkdir()
    (base / "u1" / "单位.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / "报告" / "0001-张三.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / ".hidden.yaml").write_text("x", encoding="utf-8")
    (base / "u1" / ".git" / "config").write_text("x", encoding="utf-8")
    (base / "stray.txt").write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.yaml").write_text("x", encoding="utf-8")
    os.symlink(outside, base / "linked")
    os.symlink(base / "u1" / "单位.yaml", base / "u1" / "登记备案.yaml")
    assert discover(tmp_path) == [
        "submissions/stray.txt",
        "submissions/u1/单位.yaml",
        "submissions/u1/报告/0001-张三.yaml",
        "submissions/u1/登记备案.yaml",
    ]
    assert discover(tmp_path / "nowhere") == []
