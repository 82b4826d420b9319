"""`units checkout --from CLONE`: the mounted units of a judge's tree, from the clone CI checked out.

The committee pipeline's judge (.ci/judge) builds its tree as a git worktree outside the judged clone;
git does not check out submodules there.  For each gitlink ``submissions/<代码>`` in that tree's HEAD
this adds a worktree of the unit repository the clone holds (CI: GIT_SUBMODULE_STRATEGY recursive),
detached at exactly the pinned commit, so that the tree reads (and its history shows) each unit as
the committee pinned it.  A pinned commit holding a symbolic link or a nested submodule is refused.
"""

from __future__ import annotations

from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.load.layout import SUBMISSIONS
from privtravel.units import git, mounts

LINK_MODES = ("120000", "160000")


def checkout(tree: Path, clone: Path) -> list[str]:
    """Check out every unit pinned in ``tree``'s HEAD from ``clone``; returns the unit codes."""
    done = []
    for code, sha in sorted(mounts.pinned(tree, "HEAD").items()):
        source = clone / SUBMISSIONS / code
        target = tree / SUBMISSIONS / code
        if mounts.is_mounted_here(tree, code):
            continue
        if not mounts.is_mounted_here(clone, code):
            raise FatalError(
                f"{SUBMISSIONS}/{code} 是单位仓库，但 {clone} 中没有取出：CI 中设 GIT_SUBMODULE_STRATEGY: recursive。"
            )
        if not git.ok(source, "cat-file", "-e", f"{sha}^{{commit}}"):
            git.run(source, "fetch", "-q", "origin", sha, check=False)
        if not git.ok(source, "cat-file", "-e", f"{sha}^{{commit}}"):
            raise FatalError(
                f"单位仓库 {SUBMISSIONS}/{code} 中找不到固定的提交 {sha[:12]}（CI 中设 GIT_SUBMODULE_DEPTH: 0）。"
            )
        for entry in git.zsplit(git.run(source, "ls-tree", "-r", "-z", sha)):
            mode, _, rest = entry.partition(" ")
            if mode in LINK_MODES:
                raise FatalError(
                    f"单位仓库 {SUBMISSIONS}/{code} 的提交 {sha[:12]} 中有符号链接或子模块："
                    f"{rest.partition(chr(9))[2]}（填报文件必须是普通文件）。"
                )
        if target.exists():
            target.rmdir()  # git leaves an empty folder for a gitlink
        git.run(source, "worktree", "add", "-q", "--detach", str(target.resolve()), sha)
        done.append(code)
    return done
