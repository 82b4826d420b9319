"""Git plumbing for the workflow commands: merge base, changed paths, a commit's tree as a folder.

Paths travel NUL-separated (``-z``) so that Chinese file names arrive unquoted, exactly as on disk.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from collections.abc import Sequence
from pathlib import Path

from privtravel.diagnostics import FatalError


def git(root: Path, *args: str) -> bytes:
    """Run git in ``root``; a failure becomes a FatalError with git's own words."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise FatalError("找不到 git 命令：请先安装 git。") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise FatalError(f"git {args[0]} 失败：{message}")
    return done.stdout


def _lines(raw: bytes) -> list[str]:
    return [p.decode("utf-8", "surrogateescape") for p in raw.split(b"\0") if p]


def prefix(root: Path) -> str:
    """Where ``root`` lies inside its git repository ("" at the top, else "a/b/")."""
    try:
        return git(root, "rev-parse", "--show-prefix").decode().strip()
    except FatalError as exc:
        raise FatalError(
            f"{os.path.abspath(root)} 不在 git 仓库中：审核和提交权限检查需要在填报仓库的克隆里运行。"
        ) from exc


def merge_base(root: Path, ref: str) -> str:
    """The commit where HEAD left ``ref``: what a merge request is compared with."""
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except FatalError as exc:
        raise FatalError(
            f"找不到对比基准「{ref}」：请写分支名或提交号（如 origin/main）；CI 中用 $CI_MERGE_REQUEST_DIFF_BASE_SHA，"
            "并设置 GIT_DEPTH: 0 以取得完整历史。"
        ) from exc
    try:
        return git(root, "merge-base", ref, "HEAD").decode().strip()
    except FatalError as exc:
        raise FatalError(f"「{ref}」与当前分支没有共同的历史，无法确定合并基点。") from exc


def changed_paths(root: Path, base: str, head: str | None = None) -> list[str]:
    """Every path that differs between ``base`` and the working tree (both sides of a rename), plus
    untracked files that git does not ignore; relative to ``root``, sorted.  With ``head``, the paths
    that differ between the two commits (a judged commit: its working tree is not looked at)."""
    if head is not None:
        return sorted(
            set(
                _lines(git(root, "diff", "-z", "--name-only", "--no-renames", "--relative", base, head, "--"))
            )
        )
    diff = git(root, "diff", "-z", "--name-only", "--no-renames", "--relative", base, "--")
    untracked = git(root, "ls-files", "-z", "--others", "--exclude-standard")
    return sorted(set(_lines(diff)) | set(_lines(untracked)))


def commit(root: Path, ref: str) -> str:
    """The full id of the commit ``ref`` names, or a clear stop."""
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except FatalError as exc:
        raise FatalError(f"找不到提交「{ref}」。") from exc


def short(root: Path, commit: str) -> str:
    return git(root, "rev-parse", "--short", commit).decode().strip()


def extract(root: Path, commit: str, paths: Sequence[str], into: Path) -> list[str]:
    """Write ``paths`` (files or folders, relative to ``root``) as they are in ``commit`` into ``into``.

    Returns the paths that exist in that commit (a missing one is simply left out).
    """
    # ls-tree takes paths relative to the working directory, archive relative to the tree given
    present = [
        p
        for p in paths
        if git(root, "ls-tree", "-z", "--name-only", commit, "--", p.rstrip("/")).strip(b"\0")
    ]
    if not present:
        return []
    where = prefix(root)
    tree = f"{commit}:{where}" if where else commit
    raw = git(root, "archive", "--format=tar", tree, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        archive.extractall(into, filter="data")
    return present
