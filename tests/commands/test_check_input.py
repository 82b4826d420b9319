"""`check` on what is not a well-placed declaration: never a traceback, never 通过 without checking."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]


def run(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "check", "--no-cache", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def assert_refused(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stdout + done.stderr
    for fragment in fragments:
        assert fragment in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        ("submissions/x.yaml", "单位代码: srmyy\n"),
        ("submissions/说明.docx", "\x00\x01binary"),
        ("inspections/old/x.yaml", "单位代码: srmyy\n"),
    ],
)
def test_stray_files_are_reported_by_the_full_check_and_the_hook(
    campaign: Path, rel: str, content: str
) -> None:
    target = campaign / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    assert_refused(run(campaign), f"{rel}:1:1: F111 错误")
    assert_refused(run(campaign, rel), f"{rel}:1:1: F111 错误")  # what the pre-commit hook passes


@pytest.mark.parametrize(
    ("arg", "fragment"),
    [
        ("/etc/passwd", "不在填报仓库"),
        ("../x.yaml", "不在填报仓库"),
        ("nonexistent.yaml", "不存在"),
        ("submissions/srmyy/报告/9999-无此人.yaml", "不存在"),
        ("README.md", "不是填报文件"),
    ],
)
def test_paths_that_cannot_be_checked_are_named_with_exit_1(campaign: Path, arg: str, fragment: str) -> None:
    (campaign.parent / "x.yaml").write_text("单位代码: srmyy\n", encoding="utf-8")
    (campaign / "README.md").write_text("# 说明\n", encoding="utf-8")
    done = run(campaign, arg)
    assert_refused(done, "F117 错误", fragment)
    assert done.stdout.splitlines()[-1].endswith("未通过。")


def test_links_hidden_and_dangling_files_in_a_unit_folder_are_reported(
    campaign: Path, tmp_path: Path
) -> None:
    unit = campaign / "submissions/srmyy"
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes((unit / "报告/0001-赵明.yaml").read_bytes())
    os.symlink(outside, unit / "报告/0009-链接.yaml")
    os.symlink(tmp_path / "gone.yaml", unit / "报告/0008-失效.yaml")
    (unit / "报告/.0007-隐藏.yaml").write_bytes(outside.read_bytes())
    done = run(campaign, "submissions/srmyy/单位.yaml")
    assert_refused(
        done,
        "报告/0009-链接.yaml: F117 错误",
        "报告/0008-失效.yaml: F117 错误",
        "报告/.0007-隐藏.yaml: F117 错误",
    )
    assert "elsewhere" not in done.stdout


def test_a_file_nested_a_thousand_levels_deep_is_refused_everywhere(campaign: Path) -> None:
    report = campaign / "submissions/srmyy/报告/0001-赵明.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("事由: 旅游", "事由: " + "[" * 990 + "]" * 990, 1), encoding="utf-8")
    assert_refused(run(campaign), "F114 错误")
    assert_refused(run(campaign, "submissions/srmyy/报告/0001-赵明.yaml"), "F114 错误")


def test_a_relative_root_is_shown_as_the_real_folder(campaign: Path) -> None:
    (campaign.parent / "x.yaml").write_text("单位代码: srmyy\n", encoding="utf-8")
    done = run(Path("."), "../x.yaml", cwd=campaign)
    assert_refused(done, f"不在填报仓库 {campaign} 之内")
    missing = run(Path("."), cwd=campaign.parent)  # no campaign.yaml here
    assert (
        missing.returncode == 2
        and f"在 {campaign.parent} 找不到 campaign.yaml" in missing.stderr + missing.stdout
    )


def test_an_editor_swap_file_in_a_unit_folder_is_a_warning_that_names_it(campaign: Path) -> None:
    unit = campaign / "submissions/srmyy"
    (unit / "报告/.0001-赵明.yaml.swp").write_bytes(b"b0VIM 8.2\x00\x00")
    done = run(campaign, "submissions/srmyy/报告/0001-赵明.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "报告/.0001-赵明.yaml.swp: F118 警告" in done.stdout and "vim" in done.stdout


def test_invisible_characters_in_comments_pass_and_in_values_name_the_field(campaign: Path) -> None:
    report = campaign / "submissions/srmyy/报告/0001-赵明.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("事由: 旅游", "事由: 旅游 # 与\u200b审批一致"), encoding="utf-8")
    assert run(campaign).returncode == 0
    report.write_text(text.replace("事由: 旅游", "事由: 旅\u200b游"), encoding="utf-8")
    assert_refused(
        run(campaign), "F116 错误 [出国境情况第1项.事由] 「出国境情况第1项.事由」里有一个看不见的字符 U+200B"
    )
