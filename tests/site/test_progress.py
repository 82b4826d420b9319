"""总览's 进展（按日） counts from a real git history: a report counts on the day main first got it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from privtravel.analysis import analyze
from privtravel.site.audit import read_log
from privtravel.site.history import History
from privtravel.site.pages import progress
from tests.conftest import git


def _commit(root: Path, message: str, day: str) -> None:
    git(root, "add", "-A")
    stamp = f"{day}T10:00:00+08:00"
    who = {"GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    who |= {"GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    env = {
        **who,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, env=env, check=True, capture_output=True)


def test_reports_count_on_the_day_they_first_reached_main(campaign: Path) -> None:
    reports = campaign / "submissions" / "szyy" / "报告"
    held = campaign.parent / "held"
    shutil.move(str(reports), held)
    git(campaign, "init", "-q", "-b", "main")
    _commit(campaign, "各单位初次填报", "2019-06-03")
    shutil.move(str(held), reports)
    _commit(campaign, "绍兴市中医院报告表", "2019-06-05")
    first = next(reports.iterdir())
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _commit(campaign, "更正", "2019-06-06")  # a change is not a new report

    by_day = progress.counts(read_log(campaign), analyze(campaign).repo)
    names = {d.isoformat(): c for d, c in by_day.items()}
    total_reports = len(list((campaign / "submissions").glob("*/报告/*.yaml")))
    assert names["2019-06-05"]["新交报告表"] == len(list(reports.iterdir()))
    assert sum(c["新交报告表"] for c in by_day.values()) == total_reports
    assert "2019-06-06" not in names or names["2019-06-06"]["新交报告表"] == 0
    repo = analyze(campaign).repo
    assert repo.campaign is not None
    html = progress.page(read_log(campaign), repo, History(), repo.campaign, dt.date(2019, 6, 30))
    assert '<th scope="row">2019-06-05</th>' in html and "合计" in html and "<svg" in html
    assert "只有 3 个日子有变化，少于 7 天" in html  # honest about a thin history
    summary = "\n".join(progress.overview_lines(read_log(campaign), repo, History()))
    assert "[进展](progress.md)" in summary
