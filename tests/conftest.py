"""Shared fixtures: a small, valid campaign copied into a temporary folder for each test."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINI = TESTS / "fixtures" / "mini"


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/mini (3 units, valid, one R307 warning) to modify freely."""
    root = tmp_path / "campaign"
    shutil.copytree(MINI, root)
    return root


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
        env={
            "GIT_AUTHOR_NAME": "测试",
            "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "测试",
            "GIT_COMMITTER_EMAIL": "t@example.invalid",
            "PATH": "/usr/bin:/bin",
            "HOME": str(root),
        },
    )
    return done.stdout


@pytest.fixture
def campaign_repo(campaign: Path) -> Path:
    """The small campaign as a real git repository with one commit."""
    git(campaign, "init", "-q", "-b", "main")
    git(campaign, "add", "-A")
    git(campaign, "commit", "-q", "-m", "初始提交")
    return campaign
