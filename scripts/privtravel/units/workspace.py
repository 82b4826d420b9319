"""A committee-layout folder around one unit's files, for the checks that run in the unit's own
clone (the pre-commit hook) and the unit's merge-request pipeline (the judge).

The unit's files go to ``submissions/<代码>/`` of a temporary folder; campaign.yaml comes from the
committee (a checkout of its project, or the copy installed with the tool), never from the unit.
"""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, SUBMISSIONS
from privtravel.units import git


def campaign_file(committee: Path | None) -> Path:
    """The committee's campaign.yaml: in ``committee`` when given, else the one the tool carries."""
    if committee is not None:
        found = committee / CAMPAIGN_FILE
        if not found.is_file():
            raise FatalError(f"委政治处仓库 {committee} 中找不到 {CAMPAIGN_FILE}。")
        return found
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / CAMPAIGN_FILE, here.parents[1] / CAMPAIGN_FILE):
        if candidate.is_file():
            return candidate
    raise FatalError(f"找不到委政治处的 {CAMPAIGN_FILE}：请用 --committee 指定委政治处仓库的检出目录。")


def prepare(into: Path, code: str, committee: Path | None) -> Path:
    """An empty committee layout in ``into``; returns the folder the unit's files go to.

    The inspection group's file on this unit (inspections/<代码>.yaml) comes with the committee's
    campaign: the unit's 整改.yaml answers it.
    """
    shutil.copyfile(campaign_file(committee), into / CAMPAIGN_FILE)
    inspection = committee / INSPECTIONS / f"{code}.yaml" if committee is not None else None
    if inspection is not None and inspection.is_file():
        (into / INSPECTIONS).mkdir()
        shutil.copyfile(inspection, into / INSPECTIONS / inspection.name)
    target = into / SUBMISSIONS / code
    target.mkdir(parents=True)
    return target


def copy_worktree(unit_repo: Path, target: Path) -> None:
    """The unit's files as they are now (tracked and new, ignored ones left out)."""
    listed = git.run(unit_repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for rel in git.zsplit(listed):
        source = unit_repo / rel
        if not source.is_file() or source.is_symlink():
            continue  # deleted but still in the index, or a link the unit cannot mean
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)


def copy_commit(unit_repo: Path, commit: str, target: Path) -> None:
    """The unit's files as they are in ``commit``."""
    raw = git.run_bytes(unit_repo, "archive", "--format=tar", commit)
    try:
        with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
            archive.extractall(target, filter="data")
    except tarfile.TarError as exc:  # a link out of the unit's folder, a device file …
        raise FatalError(
            f"单位仓库的提交 {commit[:12]} 中有不允许的文件（{exc}）：只能有普通文件和文件夹。"
        ) from exc


def unit_path(rel: str, code: str) -> str:
    """A committee-layout path shown as the unit's HR sees it in their own clone."""
    return rel.removeprefix(f"{SUBMISSIONS}/{code}/")
