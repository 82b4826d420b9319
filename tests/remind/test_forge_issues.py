"""Reminder issues against a local fake of the GitLab API: created once, then updated, reopened, closed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from privtravel.campaignops import forge_issues, reminders
from privtravel.commands.check import check_repository
from tests.remind.fake_gitlab import TOKEN, FakeGitLab


def publish(root: Path, fake: FakeGitLab, day: str) -> dict[str, int]:
    repo, _ = check_repository(root)
    assert repo.campaign is not None
    found = reminders.collect(repo, dt.date.fromisoformat(day))
    forge = forge_issues.Forge(fake.url, TOKEN, "wzzc/privtravel")
    return dict(forge_issues.publish(forge, repo.campaign, found, dt.date.fromisoformat(day)))


def test_one_issue_per_unit_with_items_assigned_to_its_hr(ops: Path, fake_gitlab: FakeGitLab) -> None:
    done = publish(ops, fake_gitlab, "2019-06-26")
    assert done == {forge_issues.CREATED: 2, forge_issues.UNCHANGED: 1}  # sjkzx has nothing due
    by_unit = {next(x for x in i["labels"] if x.startswith("单位-")): i for i in fake_gitlab.issues}
    assert set(by_unit) == {"单位-srmyy", "单位-szyy"}
    srmyy = by_unit["单位-srmyy"]
    assert forge_issues.LABEL in srmyy["labels"]
    assert [a["id"] for a in srmyy["assignees"]] == [11, 13]  # members of the group @srmyy-hr
    assert "@srmyy-hr" in srmyy["description"] and "0004 李娜" in srmyy["description"]
    assert srmyy["title"].startswith("【提醒】绍兴市人民医院：已逾期")
    assert "CA1234567" not in srmyy["description"]


def test_a_second_run_updates_instead_of_duplicating(ops: Path, fake_gitlab: FakeGitLab) -> None:
    publish(ops, fake_gitlab, "2019-06-26")
    posts = sum(1 for method, _ in fake_gitlab.log if method == "POST")
    assert publish(ops, fake_gitlab, "2019-06-26") == {forge_issues.UNCHANGED: 3}
    assert sum(1 for method, _ in fake_gitlab.log if method == "POST") == posts
    assert not any(method == "PUT" for method, _ in fake_gitlab.log)
    done = publish(ops, fake_gitlab, "2019-06-27")  # a day later: days overdue change
    assert done[forge_issues.UPDATED] == 2 and len(fake_gitlab.issues) == 2
    assert "2019年6月27日" in fake_gitlab.issues[0]["description"]


def test_closed_when_nothing_is_left_and_reopened_when_something_is_due(
    ops: Path, fake_gitlab: FakeGitLab
) -> None:
    publish(ops, fake_gitlab, "2019-06-26")
    szyy = ops / "submissions/szyy"
    (szyy / "报告/A02-冯涛.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/report.schema.json\n"
        "单位代码: szyy\n编号: A02\n姓名: 冯涛\n单位及职务: 绍兴市中医院 药剂科副科长\n"
        "报告类型: 零报告\n签名日期: 2019-06-05\n纸质报告表保管: 本单位\n",
        encoding="utf-8",
    )
    roster = szyy / "登记备案.yaml"
    sent = "        报送公安日期: 2019-05-24\n        公安入库日期: 2019-05-27\n"
    roster.write_text(roster.read_text(encoding="utf-8") + sent, encoding="utf-8")
    assert publish(ops, fake_gitlab, "2019-06-26")[forge_issues.CLOSED] == 1
    issue = next(i for i in fake_gitlab.issues if "单位-szyy" in i["labels"])
    assert issue["state"] == "closed" and "当前没有到期或逾期的事项" in issue["description"]
    roster.write_text(roster.read_text(encoding="utf-8").replace(sent, ""), encoding="utf-8")
    assert publish(ops, fake_gitlab, "2019-06-26")[forge_issues.REOPENED] == 1
    assert issue["state"] == "opened" and len(fake_gitlab.issues) == 2


def test_the_command_publishes_and_a_bad_token_is_a_clear_error(ops: Path, fake_gitlab: FakeGitLab) -> None:
    def run(token: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PRIVTRAVEL_GITLAB_TOKEN": token}
        args = ["--root", str(ops), "remind", "--date", "2019-06-26", "--gitlab"]
        args += ["--gitlab-url", fake_gitlab.url, "--project", "7"]
        return subprocess.run(
            [sys.executable, "-m", "privtravel", *args], capture_output=True, text=True, env=env
        )

    done = run(TOKEN)
    assert done.returncode == 0, done.stderr
    assert "GitLab 提醒议题：" in done.stderr and len(fake_gitlab.issues) == 2
    bad = run("wrong")
    assert bad.returncode == 2
    assert "GitLab 拒绝了访问令牌" in bad.stderr and "Traceback" not in bad.stderr
