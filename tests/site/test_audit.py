"""The audit trail from a real repository with a GitLab-style merge request."""

from __future__ import annotations

from pathlib import Path

from privtravel.site.audit import by_unit, read_log
from tests.conftest import git


def test_merge_request_is_one_entry_with_authors_merger_and_approvers(campaign_repo: Path) -> None:
    root = campaign_repo
    git(root, "checkout", "-q", "-b", "srmyy-update")
    report = root / "submissions/srmyy/报告/0003-孙伟.yaml"
    report.write_text(report.read_text().replace("签名日期: 2019-06-04", "签名日期: 2019-06-05"))
    git(root, "commit", "-qam", "更正孙伟签名日期")
    git(root, "checkout", "-q", "main")
    git(
        root,
        "merge",
        "--no-ff",
        "-q",
        "srmyy-update",
        "-m",
        "Merge branch 'srmyy-update' into 'main'\n\n更正孙伟签名日期\n\n"
        "Approved-by: 徐彤 <xutong@example.invalid>\n\nSee merge request wjw/privtravel!7",
    )
    commits = read_log(root)
    assert len(commits) == 2  # the first commit and the merge request
    merge = commits[0]
    assert merge.merge_request == "wjw/privtravel!7"
    assert merge.approved_by == ["徐彤"]
    assert merge.merged_by == "测试"
    assert merge.subject == "更正孙伟签名日期"
    assert merge.files == [("M", "submissions/srmyy/报告/0003-孙伟.yaml")]
    assert merge.people("srmyy") == ["0003-孙伟"]
    units = by_unit(commits)
    assert [c.sha for c in units["srmyy"]] == [merge.sha, commits[1].sha]
    assert merge.sha not in [c.sha for c in units["szyy"]]


def test_outside_git_there_is_no_trail(campaign: Path) -> None:
    assert read_log(campaign) == []
