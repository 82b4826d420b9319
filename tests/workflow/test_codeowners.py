"""CODEOWNERS is generated from campaign.yaml, and the check fails when they disagree."""

from __future__ import annotations

from pathlib import Path

from privtravel.diagnostics import Result
from privtravel.load import repository
from privtravel.workflow import codeowners
from tests.workflow.wfgit import edit, privtravel

REPO = Path(__file__).parents[2]


def test_the_committed_codeowners_is_in_sync_with_the_campaign() -> None:
    done = privtravel(REPO, "codeowners", "--check")
    assert done.returncode == 0, done.stdout
    assert "一致" in done.stdout


def test_unit_folders_need_the_reviewers_and_name_the_unit_hr(campaign: Path) -> None:
    loaded = repository.load_campaign(campaign, Result())
    assert loaded is not None
    lines = codeowners.render(loaded).splitlines()
    required = lines[lines.index("[审核]") + 1 : lines.index("^[各单位填报人员]")]
    assert "* @privtravel-maintainers" in required
    assert "/submissions/ @wzzc-reviewers" in required
    assert "/submissions/srmyy/ @srmyy-hr" in lines[lines.index("^[各单位填报人员]") :]


def test_the_campaign_config_needs_a_reviewer_and_a_maintainer(campaign: Path) -> None:
    """Deadlines and tolerances are the 委政治处's to approve, not only the maintainers'."""
    loaded = repository.load_campaign(campaign, Result())
    assert loaded is not None
    lines = codeowners.render(loaded).splitlines()
    review = lines[lines.index("[审核]") : lines.index("[维护]")]
    maintain = lines[lines.index("[维护]") : lines.index("^[各单位填报人员]")]
    assert "/campaign.yaml @wzzc-reviewers" in review
    assert "/campaign.yaml @privtravel-maintainers" in maintain


def test_check_fails_when_the_config_changes_until_written(campaign: Path) -> None:
    assert privtravel(campaign, "codeowners", "--write").returncode == 0
    assert privtravel(campaign, "codeowners", "--check").returncode == 0
    edit(campaign / "campaign.yaml", '填报人员: ["@szyy-hr"]', '填报人员: ["@szyy-hr", "zhangsan"]')
    done = privtravel(campaign, "codeowners", "--check")
    assert done.returncode == 1
    assert "-/submissions/szyy/ @szyy-hr\n+/submissions/szyy/ @szyy-hr @zhangsan" in done.stdout
    assert "privtravel codeowners --write" in done.stdout
    assert privtravel(campaign, "codeowners", "--write").returncode == 0
    assert privtravel(campaign, "codeowners", "--check").returncode == 0


def test_a_broken_campaign_config_stops_with_its_errors(campaign: Path) -> None:
    edit(campaign / "campaign.yaml", "年度: 2019", "年度: 二〇一九")
    done = privtravel(campaign, "codeowners", "--check")
    assert done.returncode == 2
    assert "campaign.yaml 有错误" in done.stderr
    assert "Traceback" not in done.stderr
