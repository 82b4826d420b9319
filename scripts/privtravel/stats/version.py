"""Which commit the figures were computed from, read from git without ever failing because of it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from privtravel.load.layout import CAMPAIGN_FILE, POLICE_DIR, SCHEMA_DIR, SUBMISSIONS

# The paths whose content makes the figures; a change elsewhere (code, docs) does not make them stale.
DATA_PATHS = (CAMPAIGN_FILE, SUBMISSIONS, POLICE_DIR, SCHEMA_DIR)

DIRTY = "工作区有未提交的改动"
NO_GIT = "不是 git 仓库，无法确定数据版本"


@dataclass(frozen=True, slots=True)
class DataVersion:
    commit: str | None  # full hash of HEAD
    committed: dt.datetime | None  # committer date of HEAD, with its offset
    dirty: bool  # the data paths differ from HEAD (changed, added or untracked files)
    note: str | None  # 工作区有未提交的改动, or why there is no commit

    @property
    def short(self) -> str | None:
        return None if self.commit is None else self.commit[:10]

    def describe(self) -> str:
        """One Chinese line for exports and the site."""
        if self.commit is None:
            return self.note or NO_GIT
        day = self.committed.date().isoformat() if self.committed else ""
        text = f"提交 {self.short}（{day}）"
        return f"{text}，{DIRTY}" if self.dirty else text


def _git(root: Path, *args: str) -> str | None:
    exe = shutil.which("git")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-C", str(root), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def of(root: Path) -> DataVersion:
    if shutil.which("git") is None:
        return DataVersion(None, None, False, "找不到 git 命令，无法确定数据版本")
    head = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    if head is None:
        inside = _git(root, "rev-parse", "--is-inside-work-tree")
        note = "git 仓库还没有任何提交，无法确定数据版本" if inside and inside.strip() == "true" else NO_GIT
        return DataVersion(None, None, False, note)
    stamp = _git(root, "log", "-1", "--format=%cI", "HEAD")
    committed = dt.datetime.fromisoformat(stamp.strip()) if stamp and stamp.strip() else None
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *DATA_PATHS)
    dirty = bool(status and status.strip())
    return DataVersion(head.strip(), committed, dirty, DIRTY if dirty else None)
