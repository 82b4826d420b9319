"""The ownership check on a real merge-request branch: a unit changes only its own folder."""

from __future__ import annotations

from pathlib import Path

from tests.workflow.wfgit import commit, edit, git, privtravel

REPORT = "submissions/srmyy/报告/0001-赵明.yaml"
OTHER = "submissions/szyy/单位.yaml"


def test_a_unit_may_change_its_own_folder(branch: Path) -> None:
    edit(branch / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    commit(branch, "赵明入境日期更正")
    done = privtravel(branch, "ownership", "--base", "main", "--user", "srmyy-hr")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "都在其负责的范围内：绍兴市人民医院（srmyy）" in done.stdout


def test_a_change_to_another_units_folder_is_refused_naming_file_and_unit(branch: Path) -> None:
    edit(branch / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    edit(branch / OTHER, "国家工作人员总数:", "国家工作人员总数: 3\n# 旧值:")
    commit(branch, "顺手改了中医院")
    done = privtravel(branch, "ownership", "--base", "main", "--user", "srmyy-hr")
    assert done.returncode == 1
    assert f"{OTHER} —— 属于 绍兴市中医院（szyy），由 @szyy-hr 负责" in done.stdout
    assert REPORT not in done.stdout
    assert "每个单位只能修改自己的文件夹" in done.stdout


def test_uncommitted_and_untracked_files_count_too(branch: Path) -> None:
    (branch / "submissions/szyy/报告/A02-冯涛.yaml").write_text("单位代码: szyy\n", encoding="utf-8")
    done = privtravel(branch, "ownership", "--base", "main", "--user", "srmyy-hr")
    assert done.returncode == 1
    assert "submissions/szyy/报告/A02-冯涛.yaml —— 属于 绍兴市中医院（szyy）" in done.stdout


def test_group_membership_and_maintainers(branch: Path) -> None:
    edit(branch / OTHER, "国家工作人员总数:", "国家工作人员总数: 3\n# 旧值:")
    commit(branch, "中医院")
    as_member = privtravel(branch, "ownership", "--base", "main", "--user", "lisi", "--member-of", "szyy-hr")
    assert as_member.returncode == 0, as_member.stdout
    as_outsider = privtravel(
        branch, "ownership", "--base", "main", "--user", "lisi", "--member-of", "srmyy-hr"
    )
    assert as_outsider.returncode == 1
    maintainer = privtravel(
        branch, "ownership", "--base", "main", "--user", "wang", "--member-of", "privtravel-maintainers"
    )
    assert maintainer.returncode == 0
    assert "（维护人员）" in maintainer.stdout


def test_scripts_and_config_belong_to_the_maintainers(branch: Path) -> None:
    (branch / "scripts").mkdir()
    (branch / "scripts" / "hack.py").write_text("print()\n", encoding="utf-8")
    commit(branch, "脚本")
    done = privtravel(branch, "ownership", "--base", "main", "--user", "srmyy-hr")
    assert done.returncode == 1
    assert "scripts/hack.py —— 属于 维护人员" in done.stdout


def test_a_merge_request_cannot_grant_itself_the_right(branch: Path) -> None:
    """The config of the merge base decides: adding oneself to another unit's 填报人员 does not help."""
    edit(branch / "campaign.yaml", '填报人员: ["@szyy-hr"]', '填报人员: ["@szyy-hr", "@srmyy-hr"]')
    edit(branch / OTHER, "国家工作人员总数:", "国家工作人员总数: 3\n# 旧值:")
    commit(branch, "给自己授权")
    done = privtravel(branch, "ownership", "--base", "main", "--user", "srmyy-hr")
    assert done.returncode == 1
    assert (
        "campaign.yaml —— 属于 审核人员（委政治处，专项整治工作配置），由 @wzzc-reviewers 负责" in done.stdout
    )
    assert f"{OTHER} —— 属于 绍兴市中医院（szyy），由 @szyy-hr 负责" in done.stdout


def test_the_base_of_a_merged_result_is_the_target_tip(branch: Path) -> None:
    """Another unit's commit on main since the branch point is not this merge request's change."""
    edit(branch / REPORT, "入境日期: 2018-02-17", "入境日期: 2018-02-18")
    commit(branch, "赵明入境日期更正")
    git(branch, "checkout", "-q", "main")
    edit(branch / OTHER, "国家工作人员总数:", "国家工作人员总数: 3\n# 旧值:")
    commit(branch, "中医院")
    git(branch, "checkout", "-q", "-b", "merged", "main")
    git(branch, "merge", "-q", "--no-ff", "hr/change", "-m", "合并")
    done = privtravel(branch, "ownership", "--base", "main", "--user", "srmyy-hr")
    assert done.returncode == 0, done.stdout
    assert "改动了 1 个文件" in done.stdout


def test_missing_user_and_unknown_base_are_clear_errors(branch: Path) -> None:
    no_user = privtravel(branch, "ownership", "--base", "main")
    assert no_user.returncode == 2
    assert "GITLAB_USER_LOGIN" in no_user.stderr
    bad_base = privtravel(branch, "ownership", "--base", "nosuchbranch", "--user", "x")
    assert bad_base.returncode == 2
    assert "找不到对比基准「nosuchbranch」" in bad_base.stderr
    assert "Traceback" not in bad_base.stderr
