"""Which unit folders are mounted unit repositories (git submodules), and reading them at a commit.

A mounted unit is a gitlink at ``submissions/<单位代码>`` in the committee's tree, with its URL in
``.gitmodules``; its files are read from the checked-out submodule exactly like a plain folder's.
What git itself cannot see through a gitlink is done here: the unit's files at the commit the
committee had pinned (the base side of a review), and which of its files a pointer move changed.
"""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass
from pathlib import Path

from privtravel.diagnostics import Diagnostic, FatalError, Result
from privtravel.load.layout import SUBMISSIONS, path_parts
from privtravel.units import git

GITMODULES = ".gitmodules"
GITLINK_MODE = "160000"


@dataclass(frozen=True)
class Mount:
    code: str  # the unit code, i.e. the folder name under submissions/
    path: str  # submissions/<code>
    url: str  # as written in .gitmodules (relative URLs resolve against the committee's remote)
    name: str  # the submodule's name in .gitmodules


def declared(root: Path) -> dict[str, Mount]:
    """Unit mounts declared in .gitmodules, by unit code; {} when there is none (no git call)."""
    if not (root / GITMODULES).is_file():
        return {}
    out = git.run(
        root, "config", "-z", "-f", GITMODULES, "--get-regexp", r"^submodule\..*\.(path|url)$", check=False
    )
    paths: dict[str, str] = {}
    urls: dict[str, str] = {}
    for item in git.zsplit(out):
        key, _, value = item.partition("\n")
        name, _, attr = key.removeprefix("submodule.").rpartition(".")
        (paths if attr == "path" else urls)[name] = value
    mounts = {}
    for name, path in paths.items():
        parts = path_parts(path.rstrip("/"))
        if len(parts) == 2 and parts[0] == SUBMISSIONS:
            mounts[parts[1]] = Mount(parts[1], "/".join(parts), urls.get(name, ""), name)
    return mounts


def is_mounted_here(root: Path, code: str) -> bool:
    """Whether submissions/<code> is a checked-out repository of its own (a ``.git`` file or folder)."""
    return (root / SUBMISSIONS / code / ".git").exists()


def pinned(root: Path, commit: str) -> dict[str, str]:
    """The unit commits pinned in the committee's ``commit``: {unit code: unit commit}."""
    out = git.run(root, "ls-tree", "-z", commit, "--", f"{SUBMISSIONS}/", check=False)
    links = {}
    for entry in git.zsplit(out):
        meta, _, path = entry.partition("\t")
        mode, _, rest = meta.partition(" ")
        if mode == GITLINK_MODE:
            links[path_parts(path)[1]] = rest.split(" ")[1]
    return links


def missing(root: Path, wanted: set[str] | None, result: Result) -> None:
    """A declared mount that is not checked out would read as a unit without any file: say so."""
    for code, mount in sorted(declared(root).items()):
        if wanted is not None and code not in wanted:
            continue
        folder = root / mount.path
        if not folder.is_dir() or not any(folder.iterdir()):
            result.add(
                Diagnostic(
                    mount.path,
                    "F113",
                    f"单位「{code}」的填报在单位仓库（{mount.url}）中，本克隆里还没有取出："
                    "请运行 git submodule update --init（CI 中设 GIT_SUBMODULE_STRATEGY: recursive）。",
                )
            )


def extract(root: Path, code: str, commit: str, into: Path) -> None:
    """Write unit ``code``'s files as they are in its own ``commit`` into ``into/submissions/<code>``.

    The commit is read from the mounted repository; if it is not there yet it is fetched from the
    unit's remote.  A commit nobody can find is a FatalError: a review must not guess the base.
    """
    repo = root / SUBMISSIONS / code
    if not is_mounted_here(root, code):
        raise FatalError(
            f"合并基点中 {SUBMISSIONS}/{code} 是单位仓库，但本克隆里没有取出：请先运行 git submodule update --init。"
        )
    if not git.ok(repo, "cat-file", "-e", f"{commit}^{{commit}}"):
        git.run(repo, "fetch", "-q", "origin", commit, check=False)
    if not git.ok(repo, "cat-file", "-e", f"{commit}^{{commit}}"):
        raise FatalError(
            f"单位仓库 {SUBMISSIONS}/{code} 中找不到提交 {commit[:12]}（合并基点所固定的版本）。"
        )
    raw = git.run_bytes(repo, "archive", "--format=tar", commit)
    target = into / SUBMISSIONS / code
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        archive.extractall(target, filter="data")


def extract_all(root: Path, commit: str, into: Path, units: set[str] | None = None) -> None:
    """Every unit mounted in the committee's ``commit``, at its pinned commit, into ``into``."""
    for code, sha in sorted(pinned(root, commit).items()):
        if units is None or code in units:
            extract(root, code, sha, into)


def expand_changes(root: Path, base: str, changed: list[str]) -> list[str]:
    """Replace each changed gitlink (``submissions/<code>``) with the unit files that changed
    between the pinned commit in ``base`` and the unit's checked-out working tree."""
    before = pinned(root, base)
    out: set[str] = set()
    for path in changed:
        parts = path_parts(path)
        if (
            len(parts) != 2
            or parts[0] != SUBMISSIONS
            or not (parts[1] in before or is_mounted_here(root, parts[1]))
        ):
            out.add(path)
            continue
        code = parts[1]
        repo = root / path
        if not is_mounted_here(root, code):  # the mount was removed: everything it held changed
            out.update(f"{path}/{p}" for p in _files_at(root, code, before[code]))
            continue
        if code in before and git.ok(repo, "cat-file", "-e", f"{before[code]}^{{commit}}"):
            diff = git.run(repo, "diff", "-z", "--name-only", "--no-renames", before[code], "--")
        else:
            diff = git.run(repo, "ls-files", "-z")
        untracked = git.run(repo, "ls-files", "-z", "--others", "--exclude-standard")
        out.update(f"{path}/{p}" for p in git.zsplit(diff) + git.zsplit(untracked))
    return sorted(out)


def _files_at(root: Path, code: str, commit: str) -> list[str]:
    repo = root / SUBMISSIONS / code
    if not (repo / ".git").exists():
        return []
    return git.zsplit(git.run(repo, "ls-tree", "-r", "-z", "--name-only", commit, check=False))


def resolve_url(committee: Path, url: str) -> str:
    """A relative submodule URL (``../units/srmyy.git``) against the committee's origin, as git does."""
    if not url.startswith(("./", "../")):
        return url
    base = git.run(committee, "remote", "get-url", "origin", check=False).strip().rstrip("/")
    if not base:
        base = str(committee.resolve())
    elif "://" not in base and ":" not in base.split("/")[0] and not base.startswith("/"):
        base = str((committee / base).resolve())  # a local remote written as a relative path
    rest = url
    while rest.startswith(("./", "../")):
        if rest.startswith("./"):
            rest = rest[2:]
        else:
            rest = rest[3:]
            base = base.rsplit("/", 1)[0] if "/" in base else base
    return f"{base}/{rest}"
