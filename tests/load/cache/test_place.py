"""Where the cache may live: never where git tracks anything, never among the declarations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privtravel.load.cache import place
from tests.conftest import git


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(place.DIR_VARIABLE, raising=False)
    monkeypatch.delenv(place.KEY_VARIABLE, raising=False)


def test_the_default_place_in_a_clean_repository_is_used(campaign_repo: Path, clean_env: None) -> None:
    assert place.directory(campaign_repo) == campaign_repo / place.CACHE_DIR


@pytest.mark.parametrize("how", ["file", "link", "parent-link", "parent-file"])
def test_a_cache_that_came_with_the_commits_is_refused(
    campaign_repo: Path, clean_env: None, how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = campaign_repo / place.CACHE_DIR
    if how == "file":
        cache.mkdir(parents=True)
        (cache / "x.json").write_text("{}", encoding="utf-8")
    elif how == "link":
        (campaign_repo / ".cache").mkdir()
        cache.symlink_to(tmp_path)
    elif how == "parent-link":
        (campaign_repo / ".cache").symlink_to(tmp_path)
    elif how == "parent-file":
        (campaign_repo / ".cache").write_text("", encoding="utf-8")
    git(campaign_repo, "add", "-f", ".cache")
    git(campaign_repo, "commit", "-q", "-m", "缓存")
    assert place.directory(campaign_repo) is None
    assert "纳入 git 版本管理" in capsys.readouterr().err


def test_an_untracked_cache_beside_tracked_files_is_used(campaign_repo: Path, clean_env: None) -> None:
    (campaign_repo / ".cache" / "other").mkdir(parents=True)
    (campaign_repo / ".cache" / "other" / "tracked.txt").write_text("x", encoding="utf-8")
    git(campaign_repo, "add", "-f", ".cache/other")
    git(campaign_repo, "commit", "-q", "-m", "别的")
    assert place.directory(campaign_repo) == campaign_repo / place.CACHE_DIR


def test_a_configured_place_outside_is_used_and_one_among_the_data_is_not(
    campaign_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(place.DIR_VARIABLE, str(tmp_path / "ci"))
    assert place.directory(campaign_repo) == tmp_path / "ci"
    for inside in ("submissions/cache", "inspections", "police/x"):
        monkeypatch.setenv(place.DIR_VARIABLE, str(campaign_repo / inside))
        assert place.directory(campaign_repo) is None
    link = tmp_path / "link"
    link.symlink_to(campaign_repo / "submissions")  # the same folder by another name
    monkeypatch.setenv(place.DIR_VARIABLE, str(link / "cache"))
    assert place.directory(campaign_repo) is None
    assert "数据文件夹之外" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)  # a relative setting is relative to the current folder
    monkeypatch.setenv(place.DIR_VARIABLE, "rel/cache")
    assert place.directory(campaign_repo) == Path(os.path.abspath("rel/cache"))


def test_the_key_comes_from_the_secret_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(place.KEY_VARIABLE, raising=False)
    assert place.key() == b""
    monkeypatch.setenv(place.KEY_VARIABLE, "机密")
    first = place.key()
    monkeypatch.setenv(place.KEY_VARIABLE, "另一个")
    assert len(first) == 32 and place.key() != first
