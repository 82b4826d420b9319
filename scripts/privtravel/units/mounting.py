"""A unit's folder replaced by its unit repository (a submodule), so that no interruption leaves a
folder that `check` would judge half old, half new.

1. The commit comes first, made without touching the working tree (a temporary index): the folder's
   files leave the tree, the gitlink and .gitmodules enter it, and HEAD moves in one ``update-ref``.
   Killed before that, nothing has changed.
2. The unit repository is cloned and checked out inside .git/, where `check` never looks.
3. HEAD's .gitmodules is written in one step (privtravel.journal); then the plain folder moves out
   with one rename and the finished checkout moves in with another.
Until the first rename the folder holds the unit's own files as before, so `check` judges the same
content; between the two renames `check` says the unit is not checked out (F113).  Renaming whole
folders, not writing file by file, is what keeps a unit from being seen half old, half new.
`units split` run again finishes whatever an interruption left.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from privtravel import journal
from privtravel.load.layout import SUBMISSIONS
from privtravel.units import git, mounts

GITMODULES = ".gitmodules"
RECOVER = "privtravel import --recover"  # undoes any interrupted write; then `units split` again


def mount(committee: Path, code: str, url: str, head: str, message: str) -> None:
    """Commit ``submissions/<code>`` as a submodule of ``url`` at ``head``, then check it out."""
    _commit(committee, code, url, head, message)
    finish(committee, code, url, head)


def finished(committee: Path, code: str, head: str) -> bool:
    """Whether the mount of ``head`` is checked out and the index agrees with HEAD about it."""
    folder = committee / SUBMISSIONS / code
    if not mounts.is_mounted_here(committee, code) or not (folder / ".git").is_file():
        return False
    if git.run(folder, "rev-parse", "HEAD", check=False).strip() != head:
        return False
    return git.ok(committee, "diff", "--cached", "--quiet", "--", GITMODULES, f"{SUBMISSIONS}/{code}")


def _commit(committee: Path, code: str, url: str, head: str, message: str) -> None:
    path = f"{SUBMISSIONS}/{code}"
    old = git.run(committee, "rev-parse", "HEAD").strip()
    with tempfile.TemporaryDirectory(prefix="privtravel-mount-") as tmp:
        index, modules = Path(tmp) / "index", Path(tmp) / "gitmodules"
        modules.write_text(git.run(committee, "show", f"HEAD:{GITMODULES}", check=False), encoding="utf-8")
        for key, value in (("path", path), ("url", url), ("branch", "main")):
            git.run(committee, "config", "-f", str(modules), f"submodule.{code}.{key}", value)
        blob = git.run(committee, "hash-object", "-w", "--", str(modules)).strip()
        env = {"GIT_INDEX_FILE": str(index)}
        git.run(committee, "read-tree", old, env=env)
        git.run(committee, "rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", path, env=env)
        git.run(committee, "update-index", "--add", "--cacheinfo", f"160000,{head},{path}", env=env)
        git.run(committee, "update-index", "--add", "--cacheinfo", f"100644,{blob},{GITMODULES}", env=env)
        tree = git.run(committee, "write-tree", env=env).strip()
    commit = git.run(committee, "commit-tree", tree, "-p", old, "-m", message).strip()
    git.run(committee, "update-ref", "-m", f"units split: mount {code}", "HEAD", commit, old)


def finish(committee: Path, code: str, url: str, head: str) -> None:
    """Bring the working tree and the index to the committed mount (again, after an interruption)."""
    path = f"{SUBMISSIONS}/{code}"
    folder = committee / path
    if not (mounts.is_mounted_here(committee, code) and git.run(folder, "rev-parse", "HEAD").strip() == head):
        staging = committee / ".git" / f"privtravel-mount-{code}"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(committee / ".git" / "modules" / code, ignore_errors=True)

        git.run(committee, "clone", "-q", "--no-checkout", mounts.resolve_url(committee, url), str(staging))
        git.run(staging, "checkout", "-q", "--detach", head)
        modules = git.run(committee, "show", f"HEAD:{GITMODULES}")
        what = f"units split（单位 {code}）"
        journal.write_all(committee, {GITMODULES: modules}, [], journal.usual_mode(), what, RECOVER)
        old = committee / ".git" / f"privtravel-unmounted-{code}"
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            os.rename(folder, old)  # the plain folder leaves at once (its files are in HEAD~1)
        os.rename(staging, folder)  # and the finished checkout comes in at once
        shutil.rmtree(old, ignore_errors=True)
    git.run(committee, "reset", "-q", "--", GITMODULES, path)  # the index follows HEAD
    git.run(committee, "submodule", "--quiet", "init", "--", path)
    git.run(committee, "submodule", "--quiet", "absorbgitdirs", "--", path)  # .git/modules/<code>
