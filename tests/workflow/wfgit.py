"""Helpers for the workflow tests: git in a real repository, edits, the command as a process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ENV = {
    "GIT_AUTHOR_NAME": "人事科",
    "GIT_AUTHOR_EMAIL": "hr@example.invalid",
    "GIT_COMMITTER_NAME": "人事科",
    "GIT_COMMITTER_EMAIL": "hr@example.invalid",
    "PATH": "/usr/bin:/bin",
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True, env={**ENV, "HOME": str(root)}
    )
    return done.stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def privtravel(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as CI runs it: a real process, its output and its exit code."""
    return subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
    )
