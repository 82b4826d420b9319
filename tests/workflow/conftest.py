"""The workflow tests' fixture: the small campaign as a git repository, on a merge-request branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workflow.wfgit import git


@pytest.fixture
def branch(campaign_repo: Path) -> Path:
    """The small campaign committed on main, with a merge-request branch checked out."""
    git(campaign_repo, "checkout", "-q", "-b", "hr/change")
    return campaign_repo
