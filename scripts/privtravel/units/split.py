"""`units split`: a unit's folder becomes a unit repository with its whole history, then a mount.

``git subtree split`` (plain git, no filter-repo) rewrites the commits that touched
``submissions/<代码>/`` into commits of the folder alone, keeping each one's author, dates and
message, and merges where both sides touched the folder.  One more commit adds the unit
repository's own files; then the committee replaces the folder with the submodule.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.load.layout import SUBMISSIONS
from privtravel.units import git, mounting, mounts
from privtravel.units.init import campaign_of, committee_source, write_scaffold

SCAFFOLD_MESSAGE = (
    "Make this folder a unit repository: schemas, modelines, pre-commit hook, templates, README"
)


@dataclass
class Split:
    code: str
    url: str  # as recorded in .gitmodules
    split_head: str  # the last rewritten commit (the folder's history)
    head: str  # the unit repository's main after its own files were added
    commits: int  # commits of history carried over
    resumed: bool = False  # an interrupted split's mount was finished


def check_folder(committee: Path, code: str) -> Path:
    folder = committee / SUBMISSIONS / code
    if mounts.is_mounted_here(committee, code) or code in mounts.declared(committee):
        raise FatalError(f"{SUBMISSIONS}/{code} 已经是单位仓库，不需要再拆分。")
    if not folder.is_dir():
        raise FatalError(f"找不到单位文件夹 {SUBMISSIONS}/{code}。")
    dirty = git.run(committee, "status", "--porcelain", "--", f"{SUBMISSIONS}/{code}")
    if dirty.strip():
        raise FatalError(f"{SUBMISSIONS}/{code} 中有未提交的改动：请先提交或撤销，再拆分。")
    if not git.run(committee, "log", "-1", "--format=%H", "--", f"{SUBMISSIONS}/{code}").strip():
        raise FatalError(f"{SUBMISSIONS}/{code} 还没有提交过：没有可以保留的历史。")
    return folder


def split(committee: Path, code: str, url: str, hook_url: str | None = None, rev: str | None = None) -> Split:
    """Split ``submissions/<code>`` into the (empty) repository at ``url`` and mount it there.

    A split that was interrupted is taken up again: a unit repository that holds exactly what the
    interrupted run pushed is used as it is, and a mount that was committed is finished."""
    campaign_of(committee, code)
    committed = mounts.pinned(committee, "HEAD").get(code)
    if committed is not None and not mounting.finished(committee, code, committed):
        mounting.finish(committee, code, url, committed)
        return Split(code, url, "", committed, 0, resumed=True)
    check_folder(committee, code)
    hook_url, rev = committee_source(committee, hook_url, rev)
    branch = f"privtravel-split-{code}"
    split_head = git.run(
        committee, "subtree", "split", "-q", f"--prefix={SUBMISSIONS}/{code}", "HEAD"
    ).strip()
    git.run(committee, "branch", "-f", branch, split_head)
    try:
        with tempfile.TemporaryDirectory(prefix=f"privtravel-unit-{code}-") as tmp:
            work = Path(tmp)
            git.run(work, "init", "-q", "-b", "main")
            git.run(work, "fetch", "-q", str(committee.resolve()), branch)
            git.run(work, "checkout", "-q", "-B", "main", "FETCH_HEAD")
            write_scaffold(committee, work, code, hook_url, rev)
            git.run(work, "add", "-A")
            git.run(work, "commit", "-q", "-m", SCAFFOLD_MESSAGE)
            head = git.run(work, "rev-parse", "HEAD").strip()
            commits = int(git.run(work, "rev-list", "--count", split_head).strip())
            target = mounts.resolve_url(committee, url)
            pushed = _pushed_before(work, target, split_head)
            if pushed is None:
                git.run(work, "push", "-q", target, "main:main")
            else:
                head = pushed
    finally:
        git.run(committee, "branch", "-D", branch, check=False)
    message = f"units: mount {code} from its own repository ({url}, {head[:12]})"
    mounting.mount(committee, code, url, head, message)
    return Split(code, url, split_head, head, commits)


def _pushed_before(work: Path, target: str, split_head: str) -> str | None:
    """The unit repository's main when an interrupted split pushed it (the folder's history and the
    scaffold commit on top); None when it is empty; any other content is refused."""
    listed = git.run(work, "ls-remote", target, "refs/heads/main").split()
    if not listed:
        return None
    remote = listed[0]
    git.run(work, "fetch", "-q", target, "main")
    if (
        git.run(work, "rev-parse", f"{remote}^", check=False).strip() == split_head
        and git.run(work, "log", "-1", "--format=%s", remote).strip() == SCAFFOLD_MESSAGE
    ):
        return remote
    raise FatalError(f"单位仓库 {target} 的 main 已有内容：拆分只能写入新建的空仓库。")
