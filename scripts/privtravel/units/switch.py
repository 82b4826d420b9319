"""Moving a mounted unit's checked-out files to another commit as one write (privtravel.journal).

``git checkout`` replaces files one by one: a sync killed midway would leave a unit folder half
old, half new, which ``check`` and the dashboard would then judge as if HR had written it.  Here the
files that differ are read from git and written through the journal together with the committee's
own files of the same step (units-sync.json); only then do the unit's HEAD and index follow.  After
a kill, ``check`` refuses the tree until ``privtravel units sync --recover`` (or the next sync) has
put every file back; a kill after the files are in place is finished by the next sync.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from privtravel import journal
from privtravel.diagnostics import FatalError
from privtravel.load.layout import SUBMISSIONS
from privtravel.units import git

RECOVER = "privtravel units sync --recover"
_LINKS = ("120000", "160000")


def switch(
    root: Path,
    code: str,
    head: str,
    also: Mapping[str, str | bytes] | None = None,
    also_delete: Sequence[str] = (),
) -> None:
    """Make ``submissions/<code>`` hold exactly the files of the unit's ``head``, and write ``also``
    (committee paths) and delete ``also_delete`` in the same all-or-nothing step."""
    rel = f"{SUBMISSIONS}/{code}"
    repo = root / rel
    current = git.run(repo, "rev-parse", "HEAD").strip()
    if not git.ok(repo, "diff", "--quiet", current) and not git.ok(repo, "diff", "--quiet", head):
        raise FatalError(
            f"{rel} 中有未提交的改动（既不是已取用的版本，也不是新版本）：units sync 不会覆盖它们，"
            "请先在该单位仓库中提交或撤销这些改动。"
        )
    write: dict[str, str | bytes] = dict(also or {})
    delete = list(also_delete)
    fields = git.zsplit(git.run(repo, "diff", "--name-status", "-z", "--no-renames", current, head))
    changed = [(fields[i], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]
    modes = _modes(repo, head, [path for status, path in changed if status != "D"])
    for status, path in changed:
        if status == "D":
            delete.append(f"{rel}/{path}")
            continue
        if modes.get(path) in _LINKS:
            raise FatalError(
                f"单位仓库 {rel} 的提交 {head[:12]} 中有符号链接或子模块：{path}（填报文件必须是普通文件）。"
            )
        write[f"{rel}/{path}"] = git.run_bytes(repo, "cat-file", "blob", f"{head}:{path}")
    journal.write_all(root, write, delete, journal.usual_mode(), f"units sync（单位 {code}）", RECOVER)
    git.run(repo, "reset", "-q", head)  # the unit's HEAD and index follow the files now in place


def _modes(repo: Path, commit: str, paths: list[str]) -> dict[str, str]:
    if not paths:
        return {}
    listed = git.zsplit(git.run(repo, "ls-tree", "-z", commit, "--", *paths))
    out = {}
    for entry in listed:
        meta, _, path = entry.partition("\t")
        out[path] = meta.split(" ")[0]
    return out
