"""Findings by day (site/history.py): the cross-check at each day's last commit of a real git history,
replayed incrementally, equal to a full cross-check of that commit, cached under a MAC, bounded."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from privtravel.analysis import analyze
from privtravel.crosscheck.answers import OPEN
from privtravel.crosscheck.run import crosscheck
from privtravel.load.layout import POLICE_DIR
from privtravel.site import history
from privtravel.site.audit import read_log
from privtravel.site.pages import progress
from tests.crosscheck.scenes import BASE_CROSSINGS, Scene

ANSWER = """# yaml-language-server: $schema=../../schemas/responses.schema.json
单位代码: szyy
说明:
  - 核查项: X101-szyy
    核查结论: 核实无问题
    理由: 制度已于 2019-06-20 印发，正在补录。
"""


def _commit(root: Path, message: str, stamp: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "测试",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "测试",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", message]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(campaign: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Day 1 the declarations; day 2 the police data (twice: the day's last commit counts) and a
    cache directory outside the work tree; day 3 szyy answers one finding."""
    monkeypatch.setenv("PRIVTRAVEL_CACHE_DIR", str(tmp_path / "cache"))
    scene = Scene(campaign)
    root = scene.root
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _commit(root, "各单位填报", "2019-06-01T10:00:00+08:00")
    scene.crossings = scene.crossings[:2]
    scene.run()
    _commit(root, "公安数据（部分）", "2019-06-05T09:00:00+08:00")
    scene.crossings = [list(r) for r in BASE_CROSSINGS]
    scene.run()
    _commit(root, "公安数据", "2019-06-05T17:00:00+08:00")
    (root / "submissions" / "szyy" / "核查说明.yaml").write_text(ANSWER, encoding="utf-8")
    _commit(root, "绍兴市中医院核查说明", "2019-06-08T10:00:00+08:00")
    _commit(root, "工具更新（不是数据）", "2019-06-09T10:00:00+08:00")
    return root


def test_one_point_per_data_day_each_equal_to_a_full_crosscheck(repo: Path) -> None:
    entries = read_log(repo)
    past = history.daily(repo, entries)
    assert [d.day for d in past.days] == [dt.date(2019, 6, 1), dt.date(2019, 6, 5), dt.date(2019, 6, 8)]
    assert past.days[0].states == {} and past.computed == 2  # before police data: nothing to compute
    full = crosscheck(repo)  # HEAD: what the incremental replay must have found on its last day
    assert past.days[-1].states == {f"{a.finding.unit}\t{a.finding.key}": a.state for a in full.answered}
    opened = {k for k, v in (past.days[1].states or {}).items() if v == OPEN}
    assert "szyy\tX101-szyy" in opened and len(opened) == len(full.answered)
    by_day, level = progress.findings(past)
    assert by_day[dt.date(2019, 6, 5)]["新增待核实"] == len(opened)
    assert by_day[dt.date(2019, 6, 8)]["消除待核实"] == 1 and level[dt.date(2019, 6, 8)] == len(opened) - 1
    assert not (repo / "build" / "history").exists()  # the scratch copy is gone


def test_a_second_build_reads_the_cache_and_a_tampered_record_is_recomputed(
    repo: Path, tmp_path: Path
) -> None:
    entries = read_log(repo)
    first = history.daily(repo, entries)
    again = history.daily(repo, entries)
    assert again.computed == 0 and [d.states for d in again.days] == [d.states for d in first.days]
    records = sorted((tmp_path / "cache" / "history").glob("*.json"))
    assert len(records) == 2
    for record in records:  # a unit that wants its findings gone edits the cache: not believed
        header, _ = record.read_text(encoding="utf-8").split("\n", 1)
        record.write_text(header + "\n" + json.dumps({}), encoding="utf-8")
    third = history.daily(repo, entries)
    assert third.computed == 2 and [d.states for d in third.days] == [d.states for d in first.days]


def test_history_is_bounded_to_the_latest_days_with_one_day_before_as_baseline(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "MAX_DAYS", 1)
    past = history.daily(repo, read_log(repo))
    assert past.older == 1 and [d.day for d in past.days] == [dt.date(2019, 6, 5), dt.date(2019, 6, 8)]
    by_day, _ = progress.findings(past)
    assert list(by_day) == [dt.date(2019, 6, 8)]  # the baseline day itself is not shown as opened
    loaded = analyze(repo).repo
    assert loaded.campaign is not None
    text = progress.page(read_log(repo), loaded, past, loaded.campaign, dt.date(2019, 6, 30))
    assert "更早的 1 个日子未计算" in text and "少于 7 天" in text


def test_police_data_with_errors_makes_no_findings_that_day(repo: Path) -> None:
    (repo / POLICE_DIR / "出入境记录.csv").write_text("不是表格\n", encoding="utf-8")
    _commit(repo, "坏的公安数据", "2019-06-10T10:00:00+08:00")
    past = history.daily(repo, read_log(repo))
    assert past.days[-1].day == dt.date(2019, 6, 10) and past.days[-1].states is None
    assert dt.date(2019, 6, 10) not in progress.findings(past)[1]


def test_the_work_trees_own_findings_serve_its_day_unless_it_has_uncommitted_changes(
    repo: Path, tmp_path: Path
) -> None:
    entries = read_log(repo)
    head = crosscheck(repo)
    past = history.daily(repo, entries, history.states_of(head))
    assert past.computed == 1  # 6月5日 only: 6月8日's data is HEAD's, already cross-checked
    assert past.days[-1].states == history.states_of(head)
    shutil.rmtree(tmp_path / "cache" / "history")
    (repo / "submissions" / "szyy" / "核查说明.yaml").unlink()  # uncommitted: the work tree is not HEAD
    again = history.daily(repo, entries, {"szyy\tX101-szyy": "已查实"})
    assert again.computed == 2 and again.days[-1].states == past.days[-1].states
