"""A unit repository's history of record: the merges of its protected main, with the merge request
and approvers GitLab wrote into each merge commit (``See merge request g/p!12``, ``Approved-by:``).

Only first-parent merge commits of main count as merges of merge requests; any commit message can
claim the same words, so a commit pushed straight to main is listed as such, not as a merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from privtravel.units import git

_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = _RECORD + _FIELD.join(["%H", "%P", "%an", "%aI", "%cn", "%cI", "%s", "%b"]) + _FIELD
MR = re.compile(r"^See merge request (\S*![0-9]+)\s*$", re.MULTILINE)
APPROVED = re.compile(r"^Approved-by:\s*(.+?)\s*(?:<[^>]*>)?\s*$", re.MULTILINE)


@dataclass
class Entry:
    sha: str
    author: str
    authored: str
    committer: str
    committed: str
    subject: str
    merge: bool  # a first-parent merge (of a merge request, when ``merge_request`` is set)
    merge_request: str | None = None
    approved_by: list[str] = field(default_factory=list)

    @property
    def short_mr(self) -> str | None:
        """``!12`` without the project path (the unit's project is implied)."""
        return None if self.merge_request is None else "!" + self.merge_request.rsplit("!", 1)[1]


def mainline(repo: Path, new: str, old: str | None = None) -> list[Entry]:
    """First-parent commits of ``new`` (since ``old``), newest first."""
    rng = f"{old}..{new}" if old else new
    out = git.run(repo, "log", "--first-parent", f"--format={_FORMAT}", rng, "--", check=False)
    entries = []
    for record in out.split(_RECORD)[1:]:
        head, _, _ = record.rpartition(_FIELD)
        sha, parents, author, authored, committer, committed, subject, body = head.split(_FIELD, 7)
        merge = len(parents.split()) > 1
        match = MR.search(body) if merge else None
        entries.append(
            Entry(
                sha,
                author,
                authored,
                committer,
                committed,
                subject,
                merge,
                match.group(1) if match else None,
                APPROVED.findall(body) if match else [],
            )
        )
    return entries


def count(repo: Path, new: str, old: str | None) -> int:
    rng = f"{old}..{new}" if old else new
    return int(git.run(repo, "rev-list", "--count", rng).strip() or 0)
