"""Where the check cache lives, and whether it may be used at all.

The cache decides nothing (every record is bound to the bytes of the files it describes and
checked before use), but a record that is well-formed and bound to the right bytes is believed.
So it must come from a place the judged cannot write:

* ``PRIVTRAVEL_CACHE_DIR`` puts it outside the work tree (CI keeps it apart from the checkout,
  one per trust level); by default it is ``.cache/privtravel`` in the repository.
* A cache directory that git tracks (or that sits below a tracked file, link or submodule) came
  with the commits, from whoever wrote them: it is neither read nor written, with a warning.
  So is one inside the declarations' folders (its files would be read as declarations).
* ``PRIVTRAVEL_CACHE_KEY`` (a secret, e.g. a protected, masked CI variable) keys every record's
  MAC: records written without it, by a run that could not read the variable, are never used.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from privtravel.load.layout import INSPECTIONS, SUBMISSIONS

CACHE_DIR = ".cache/privtravel"
DIR_VARIABLE = "PRIVTRAVEL_CACHE_DIR"
KEY_VARIABLE = "PRIVTRAVEL_CACHE_KEY"
DATA_FOLDERS = (SUBMISSIONS, INSPECTIONS, "police")


def directory(root: Path) -> Path | None:
    """The cache directory for ``root``, or None (and a warning on stderr) when it must not be used."""
    configured = os.environ.get(DIR_VARIABLE, "").strip()
    where = Path(os.path.abspath(Path(configured).expanduser())) if configured else root / CACHE_DIR
    problem = refusal(root, where)
    if problem is not None:
        print(f"警告：{problem}本次不使用检查结果缓存（结果不受影响，只是多花一些时间）。", file=sys.stderr)
        return None
    return where


def key() -> bytes:
    """The MAC key of every record: from the secret in ``PRIVTRAVEL_CACHE_KEY``, else none."""
    secret = os.environ.get(KEY_VARIABLE, "")
    return (
        hashlib.blake2b(secret.encode("utf-8", "surrogatepass"), digest_size=32).digest() if secret else b""
    )


def refusal(root: Path, where: Path) -> str | None:
    """Why ``where`` must not be used as the cache of ``root`` (a Chinese sentence), or None."""
    inside = _inside(root, where)
    if not inside:
        return None
    shown = where if os.environ.get(DIR_VARIABLE) else CACHE_DIR
    for rel in inside:
        if rel.split("/", 1)[0] in DATA_FOLDERS:
            return f"缓存目录 {shown} 在填报数据的文件夹里，其中的文件会被当作填报文件：请把 {DIR_VARIABLE} 设到数据文件夹之外。"
    tracked = _tracked(root, inside)
    if tracked:
        return (
            f"缓存目录 {shown} 中有纳入 git 版本管理的文件（{tracked}），可能是随提交带进仓库的，不可信。"
            f"请维护人员从仓库中删除：git rm -r --cached {inside[0]}。"
        )
    return None


def _inside(root: Path, where: Path) -> list[str]:
    """``where`` relative to ``root`` (as written and with links resolved), where it is inside."""
    found: list[str] = []
    for base, target in ((os.path.abspath(root), os.path.abspath(where)), (root.resolve(), where.resolve())):
        rel = os.path.relpath(target, base)
        if rel != "." and not rel.startswith(".." + os.sep) and rel != ".." and not os.path.isabs(rel):
            posix = rel.replace(os.sep, "/")
            if posix not in found:
                found.append(posix)
        elif rel == ".":
            found.append(".")
    return found


def _tracked(root: Path, inside: list[str]) -> str | None:
    """A tracked path at, below or above (a file, link or submodule standing for) a cache path."""
    tops = sorted({rel.split("/", 1)[0] for rel in inside})
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "--literal-pathspecs", "ls-files", "-z", "--", *tops],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git: nothing can have come with commits
    if done.returncode != 0:
        return None  # not a git work tree
    for raw in done.stdout.split(b"\0"):
        path = raw.decode("utf-8", "replace")
        if path and any(_related(path, rel) for rel in inside):
            return path
    return None


def _related(tracked: str, rel: str) -> bool:
    return rel == "." or tracked == rel or tracked.startswith(rel + "/") or rel.startswith(tracked + "/")
