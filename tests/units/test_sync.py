"""`units sync`: a unit's merged main is taken in with one commit; a head with errors is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privtravel.cli import main
from privtravel.workflow.review import build, markdown
from tests.units.conftest import UNITS, World, edit, git

REPORT = "报告/0003-孙伟.yaml"


@pytest.fixture
def mounted(world: World) -> World:
    for code in UNITS:
        assert (
            main(["--root", str(world.committee), "units", "split", code, "--url", f"../units/{code}.git"])
            == 0
        )
    git(world.committee, "push", "-q", "origin", "main")
    return world


def merge_request(clone: Path, iid: int, change: tuple[str, str, str], approver: str = "王审核") -> str:
    """A branch with one commit, merged into main as GitLab merges a merge request, and pushed."""
    git(clone, "checkout", "-q", "-b", f"mr{iid}")
    edit(clone / change[0], change[1], change[2])
    git(clone, "commit", "-q", "-am", f"更正 {iid}", author="李人事")
    git(clone, "checkout", "-q", "main")
    message = f"Merge branch 'mr{iid}' into 'main'\n\n更正 {iid}\n\nSee merge request units/srmyy!{iid}\n\nApproved-by: {approver} <w@example.invalid>\n"
    git(clone, "merge", "-q", "--no-ff", f"mr{iid}", "-m", message, author="委政治处审核")
    git(clone, "push", "-q", "origin", "main")
    return git(clone, "rev-parse", "HEAD").strip()


def pinned(committee: Path, code: str) -> str:
    return git(committee, "ls-tree", "HEAD", f"submissions/{code}").split()[2]


def commits(committee: Path) -> int:
    return int(git(committee, "rev-list", "--count", "HEAD"))


def test_sync_takes_in_a_merged_main_with_one_commit_naming_it(
    mounted: World, capsys: pytest.CaptureFixture[str]
) -> None:
    committee = mounted.committee
    clone = mounted.hr_clone("srmyy")
    old = pinned(committee, "srmyy")
    new = merge_request(clone, 3, (REPORT, "签名日期: 2019-06-04", "签名日期: 2019-06-05"))
    before = commits(committee)

    assert main(["--root", str(committee), "units", "sync", "--dry-run"]) == 0
    assert commits(committee) == before and pinned(committee, "srmyy") == old
    assert "取用：units: take in srmyy" in capsys.readouterr().out

    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert commits(committee) == before + 1
    assert pinned(committee, "srmyy") == new
    message = git(committee, "log", "-1", "--format=%B")
    assert message.startswith(f"units: take in srmyy {old[:12]}..{new[:12]} (2 commits, 1 merge request)")
    assert f"Range: {old}..{new}" in message and "绍兴市人民医院" in message
    assert (
        "Merge request: !3 merged by 委政治处审核, approved by 王审核: Merge branch 'mr3' into 'main'"
        in message
    )
    assert git(committee, "show", "--name-only", "--format=", "HEAD").split() == ["submissions/srmyy"]
    assert "取用：units: take in srmyy" in capsys.readouterr().out

    # nothing new, nothing committed
    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert commits(committee) == before + 1

    # the committee's review of the pointer move reads the unit at both pinned commits
    summary = markdown.render(build.review(committee, "HEAD~1"))
    assert "0003 孙伟" in summary and "2019-06-04 → 2019-06-05" in summary, summary


def test_a_head_with_errors_is_refused_and_the_last_good_pointer_kept(
    mounted: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    committee = mounted.committee
    clone = mounted.hr_clone("srmyy")
    good = pinned(committee, "srmyy")
    bad = merge_request(clone, 4, (REPORT, "签名日期: 2019-06-04", "签名日期: 2019-06-31"))
    before = commits(committee)

    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert pinned(committee, "srmyy") == good
    state = json.loads((committee / "units-sync.json").read_text(encoding="utf-8"))["refused"]["srmyy"]
    assert state["head"] == bad and state["kept"] == good and state["errors"] >= 1
    assert state["since"] == "2019-06-20T09:00:00+00:00"
    assert commits(committee) == before + 1
    assert git(committee, "log", "-1", "--format=%s").startswith(f"units: refuse srmyy {bad[:12]}")
    assert git(committee, "status", "--porcelain") == ""

    # the same bad head again: nothing new, nothing committed
    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert commits(committee) == before + 1

    # another bad head: still refused, stuck since the first refusal
    git(clone, "commit", "-q", "--allow-empty", "-m", "空提交")
    git(clone, "push", "-q", "origin", "main")
    monkeypatch.setenv("PRIVTRAVEL_NOW", "2019-06-21T09:00:00+00:00")
    assert main(["--root", str(committee), "units", "sync"]) == 0
    state = json.loads((committee / "units-sync.json").read_text(encoding="utf-8"))["refused"]["srmyy"]
    assert state["since"] == "2019-06-20T09:00:00+00:00" and state["checked"] == "2019-06-21T09:00:00+00:00"

    # fixed: taken in, the refusal is gone
    fixed = merge_request(clone, 5, (REPORT, "签名日期: 2019-06-31", "签名日期: 2019-06-05"))
    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert pinned(committee, "srmyy") == fixed
    assert not (committee / "units-sync.json").exists()
    assert set(git(committee, "show", "--name-only", "--format=", "HEAD").split()) == {
        "submissions/srmyy",
        "units-sync.json",
    }


def test_a_rewritten_main_is_refused(mounted: World) -> None:
    committee = mounted.committee
    clone = mounted.hr_clone("szyy")
    good = pinned(committee, "szyy")
    git(clone, "commit", "-q", "--amend", "-m", "改写历史")
    git(clone, "push", "-q", "--force", "origin", "main")
    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert pinned(committee, "szyy") == good
    state = json.loads((committee / "units-sync.json").read_text(encoding="utf-8"))["refused"]["szyy"]
    assert "改写" in state["reason"]


def test_a_link_out_of_the_unit_is_refused(mounted: World) -> None:
    committee = mounted.committee
    clone = mounted.hr_clone("sjkzx")
    good = pinned(committee, "sjkzx")
    (clone / "报告/02-他人.yaml").symlink_to("../../szyy/登记备案.yaml")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "链接到其他单位的文件")
    git(clone, "push", "-q", "origin", "main")
    assert main(["--root", str(committee), "units", "sync"]) == 0
    assert pinned(committee, "sjkzx") == good
    state = json.loads((committee / "units-sync.json").read_text(encoding="utf-8"))["refused"]["sjkzx"]
    assert "无法检查" in state["reason"] and "不允许的文件" in state["reason"]


def test_a_unit_that_cannot_be_fetched_does_not_stop_the_others(
    mounted: World, capsys: pytest.CaptureFixture[str]
) -> None:
    committee = mounted.committee
    clone = mounted.hr_clone("srmyy")
    new = merge_request(clone, 9, (REPORT, "签名日期: 2019-06-04", "签名日期: 2019-06-05"))
    mounted.unit_remote("szyy").rename(mounted.top / "gone.git")  # szyy's GitLab project is unreachable
    assert main(["--root", str(committee), "units", "sync"]) == 1
    assert pinned(committee, "srmyy") == new
    out = capsys.readouterr().out
    assert "取回失败：szyy" in out and "取回失败 1 个" in out
