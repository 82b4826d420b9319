"""The audit trail: every commit that touched a unit's declarations, from one `git log` pass.

GitLab merges a merge request with a commit whose message says ``See merge request group/p!12``;
with the project's merge commit template set to include ``%{approved_by}`` it also carries
``Approved-by: 姓名 <email>`` trailers.  A commit brought in by a merge is shown with that merge
request, who merged it (the merge commit's committer) and who approved it.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from privtravel.load.layout import CAMPAIGN_FILE, REPORTS_DIR, SUBMISSIONS, unit_of

_RECORD = "\x1e"
_FIELD = "\x1f"
_FORMAT = _RECORD + _FIELD.join(["%H", "%P", "%an", "%aI", "%cn", "%cI", "%s", "%b"]) + _FIELD
_MR = re.compile(r"See merge request (\S*![0-9]+)")
_APPROVED = re.compile(r"^(?:Approved-by|Reviewed-by):\s*(.+?)\s*(?:<[^>]*>)?\s*$", re.MULTILINE)


@dataclass
class Commit:
    sha: str
    parents: list[str]
    author: str
    authored: str
    committer: str
    committed: str
    subject: str
    body: str
    files: list[tuple[str, str]] = field(default_factory=list)  # (status, path)
    merge_request: str | None = None
    merged_by: str | None = None
    approved_by: list[str] = field(default_factory=list)

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    def people(self, unit: str) -> list[str]:
        """The persons (编号-姓名) whose report files this commit changed in ``unit``."""
        prefix = f"{SUBMISSIONS}/{unit}/{REPORTS_DIR}/"
        return sorted({PurePosixPath(p).stem for _, p in self.files if p.startswith(prefix)})


def read_log(root: Path) -> list[Commit]:
    """All commits touching the declarations (newest first), merges included; [] outside git."""
    try:
        out = _log(root, "-m", "--first-parent")
        branch_out = _log(root, "--no-merges")
    except (OSError, subprocess.CalledProcessError):
        return []
    mainline = _parse(out)
    every = {c.sha: c for c in _parse(branch_out)}
    _attach_merge_requests(root, mainline, every)
    return mainline


def _log(root: Path, *which: str) -> str:
    """``git log`` of the declarations with each commit's changed files, in the format _parse reads."""
    return subprocess.run(
        [
            "git",
            "-c",
            "core.quotepath=off",
            "log",
            f"--format={_FORMAT}",
            "--name-status",
            "--no-renames",
            *which,
            "--",
            SUBMISSIONS,
            CAMPAIGN_FILE,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _parse(text: str) -> list[Commit]:
    commits = []
    for record in text.split(_RECORD)[1:]:
        head, _, rest = record.rpartition(_FIELD)
        sha, parents, author, authored, committer, committed, subject, body = head.split(_FIELD, 7)
        files = []
        for line in rest.strip("\n").splitlines():
            status, _, path = line.partition("\t")
            if path:
                files.append((status[:1], path))
        commit = Commit(sha, parents.split(), author, authored, committer, committed, subject, body, files)
        match = _MR.search(body)
        if commit.is_merge and match:
            commit.merge_request = match.group(1)
            commit.merged_by = committer
            commit.approved_by = _APPROVED.findall(body)
        commits.append(commit)
    return commits


def _attach_merge_requests(root: Path, mainline: list[Commit], every: dict[str, Commit]) -> None:
    """For each mainline merge, the branch commits it brought in (their authors did the work)."""
    for merge in mainline:
        if not merge.is_merge:
            continue
        try:
            shas = subprocess.run(
                ["git", "rev-list", f"{merge.parents[0]}..{merge.parents[1]}"],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        except (OSError, subprocess.CalledProcessError):
            continue
        merge.body = ""  # the message is summarised by merge_request / approved_by
        brought = [every[s] for s in shas if s in every]
        merge.subject = merge.subject if not brought else brought[-1].subject
        authors = sorted({c.author for c in brought})
        if authors:
            merge.author = "、".join(authors)


def by_unit(commits: list[Commit]) -> dict[str, list[Commit]]:
    """Commits per unit folder (a commit touching campaign.yaml is listed under the key '')."""
    out: dict[str, list[Commit]] = defaultdict(list)
    for commit in commits:
        units = {unit_of(path) or "" for _, path in commit.files}
        for unit in units:
            out[unit].append(commit)
    return out
