"""A committee repository (the small test campaign) with an origin and an empty bare repository
for each of its three units, all in tmp_path; git identities and file:// access as in CI."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).parents[1]
MINI = TESTS / "fixtures" / "mini"
UNITS = ("srmyy", "szyy", "sjkzx")


def git(cwd: Path, *args: str, author: str = "人事科", date: str | None = None) -> str:
    env = {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "hr@example.invalid",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "hr@example.invalid",
        "PATH": "/usr/bin:/bin",
        "HOME": str(cwd),
    }
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        ["git", "-c", "protocol.file.allow=always", "-c", "core.quotepath=off", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class World:
    top: Path  # tmp_path
    committee: Path  # the committee's working clone
    origin: Path  # its bare remote

    def unit_remote(self, code: str) -> Path:
        return self.top / "units" / f"{code}.git"

    def hr_clone(self, code: str) -> Path:
        """A unit HR's clone of the unit repository."""
        where = self.top / "hr" / code
        if not where.exists():
            where.parent.mkdir(exist_ok=True)
            git(self.top, "clone", "-q", "-b", "main", str(self.unit_remote(code)), str(where))
        return where


def make_world(tmp_path: Path, source: Path = MINI, units: tuple[str, ...] = UNITS) -> World:
    committee = tmp_path / "committee"
    shutil.copytree(source, committee)
    git(committee, "init", "-q", "-b", "main")
    git(committee, "add", "-A")
    git(committee, "commit", "-q", "-m", "初始提交", author="委政治处")
    origin = tmp_path / "committee.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(committee, "remote", "add", "origin", str(origin))
    git(committee, "push", "-q", "origin", "main")
    for code in units:
        git(tmp_path, "init", "-q", "--bare", "-b", "main", str(tmp_path / "units" / f"{code}.git"))
    return World(tmp_path, committee, origin)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "委政治处")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "zzc@example.invalid")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PRIVTRAVEL_NOW", "2019-06-20T09:00:00+00:00")
    return make_world(tmp_path)
