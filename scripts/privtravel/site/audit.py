"""The audit trail of record: main's first-parent history, read in two `git log` passes.

Only what GitLab itself records is evidence.  On a protected main that GitLab merges with merge
commits, each merge request is exactly one first-parent merge commit whose message GitLab writes
(``See merge request group/p!12``; with ``%{approved_by}`` in the project's merge commit template
also ``Approved-by:`` lines).  So:

- a first-parent merge commit is an entry; what its message claims (merge request, approvers) is
  shown as 「仅见于合并提交说明」 until the GitLab API confirms it (site/audit_confirm.py);
- a first-parent commit that is not a merge was pushed straight to main: it is flagged;
- the commits a merge brought in are the work of that merge request: their subjects and authors are
  shown, their messages are never read for merge requests or approvals (anyone can write those lines).

Subjects and titles are free text typed by people: numbers in them are masked as they are read.

Each entry's files (its diff against the first parent) are split into data (declarations, inspections,
campaign config, police data) and tool changes.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from privtravel.load.layout import (
    CAMPAIGN_FILE,
    INSPECTIONS,
    POLICE_DIR,
    REPORTS_DIR,
    SUBMISSIONS,
    path_parts,
)
from privtravel.masking import mask_text

_RECORD = "\x1e"
_FIELD = "\x1f"
_MAINLINE = _RECORD + _FIELD.join(["%H", "%P", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%s", "%b"]) + _FIELD
_ALL = _RECORD + _FIELD.join(["%H", "%P", "%an", "%ae", "%aI", "%s"])
_MR = re.compile(r"^See merge request (\S*![0-9]+)\s*$", re.MULTILINE)
_APPROVED = re.compile(r"^Approved-by:\s*(.+?)\s*(?:<[^>]*>)?\s*$", re.MULTILINE)
_TRAILER = re.compile(r"^[A-Z][A-Za-z-]+-by:", re.MULTILINE)
_NOREPLY = re.compile(r"^[0-9]+-([A-Za-z0-9_.-]+)@users\.noreply\.")
_DEFAULT_SUBJECT = re.compile(r"^Merge branch '(.+)' into '(.+)'$")

DATA_DIRS = (SUBMISSIONS, INSPECTIONS, POLICE_DIR)

# How an entry reached main
MERGE_REQUEST = "merge_request"  # a merge commit naming a merge request
MERGE = "merge"  # a merge commit naming none: merged by hand and pushed
DIRECT = "direct"  # not a merge: pushed straight to main
INITIAL = "initial"  # the repository's first commit


def gitlab_login(email: str) -> str | None:
    """The GitLab username in a private commit email (``11-wangli@users.noreply.gitlab.example``)."""
    found = _NOREPLY.match(email)
    return found.group(1) if found else None


def is_data(path: str) -> bool:
    """Declarations, inspections, police data deliveries and the campaign config are data."""
    parts = path_parts(path)
    return parts == (CAMPAIGN_FILE,) or (len(parts) >= 2 and parts[0] in DATA_DIRS)


def unit_of_path(path: str) -> str | None:
    """The unit folder a changed path is in (a submodule's pointer ``submissions/<unit>`` too)."""
    parts = path_parts(path)
    return parts[1] if len(parts) >= 2 and parts[0] == SUBMISSIONS else None


@dataclass
class Commit:
    """One commit as git records it; ``email``s stay out of pages (they may be personal)."""

    sha: str
    parents: list[str]
    author: str
    author_email: str
    authored: str
    subject: str
    committer: str = ""
    committer_email: str = ""
    committed: str = ""
    body: str = ""


@dataclass
class Claim:
    """What a merge commit's message says; GitLab writes it, but the merger may edit it."""

    merge_request: str | None = None  # group/project!12 or !12
    title: str | None = None
    approvers: list[str] = field(default_factory=list)

    @property
    def iid(self) -> int | None:
        return int(self.merge_request.rsplit("!", 1)[1]) if self.merge_request else None


@dataclass
class Entry:
    """One step of main's first-parent history."""

    commit: Commit
    kind: str
    files: list[tuple[str, str]]  # (status, path) against the first parent
    brought: list[Commit] = field(default_factory=list)  # for a merge: its branch's commits, newest first
    claim: Claim = field(default_factory=Claim)
    claims_in_message: bool = False  # a non-merge whose message pretends to be a merge request's

    @property
    def sha(self) -> str:
        return self.commit.sha

    @property
    def is_merge(self) -> bool:
        return self.kind in (MERGE_REQUEST, MERGE)

    def data_files(self, unit: str | None = None) -> list[tuple[str, str]]:
        return [(s, p) for s, p in self.files if is_data(p) and (unit is None or unit_of_path(p) == unit)]

    def tool_files(self) -> list[tuple[str, str]]:
        return [(s, p) for s, p in self.files if not is_data(p)]

    def units(self) -> set[str]:
        return {u for _, p in self.files if (u := unit_of_path(p)) is not None}

    def people(self, unit: str) -> list[str]:
        """The persons (编号-姓名) whose report files this entry changed in ``unit``."""
        prefix = f"{SUBMISSIONS}/{unit}/{REPORTS_DIR}/"
        return sorted({p[len(prefix) :].removesuffix(".yaml") for _, p in self.files if p.startswith(prefix)})

    def writers(self) -> list[tuple[str, str]]:
        """Who wrote the work (name, email): the branch commits' authors for a merge, else the commit's own."""
        written = self.brought or [self.commit]
        return sorted({(c.author, c.author_email) for c in written})

    def authors(self) -> list[str]:
        return sorted({name for name, _ in self.writers()})

    def subjects(self) -> list[str]:
        """The subjects of the work, oldest first (a merge's own subject is GitLab's boilerplate)."""
        return [c.subject for c in reversed(self.brought)] if self.brought else [self.commit.subject]


def read_log(root: Path, ref: str = "HEAD") -> list[Entry]:
    """The first-parent history of ``ref`` (newest first); [] outside git or without commits."""
    try:
        mainline = _git(root, "log", f"--format={_MAINLINE}", "-m", "--first-parent", "--name-status", ref)
        every = _git(root, "log", f"--format={_ALL}", ref)
    except (OSError, subprocess.CalledProcessError):
        return []
    entries = _mainline(mainline)
    _attach_branches(entries, _all_commits(every))
    return entries


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args[:1], "--no-renames", *args[1:], "--"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _mainline(text: str) -> list[Entry]:
    entries = []
    for record in text.split(_RECORD)[1:]:
        head, _, rest = record.rpartition(_FIELD)
        sha, parents, an, ae, ad, cn, ce, cd, subject, body = head.split(_FIELD, 9)
        commit = Commit(sha, parents.split(), an, ae, ad, mask_text(subject), cn, ce, cd, body)
        files = []
        for line in rest.strip("\n").splitlines():
            status, _, path = line.partition("\t")
            if path:
                files.append((status[:1], path))
        entries.append(_entry(commit, files))
    return entries


def _entry(commit: Commit, files: list[tuple[str, str]]) -> Entry:
    message = f"{commit.subject}\n{commit.body}"
    mr = _MR.search(message)
    if len(commit.parents) < 2:
        kind = INITIAL if not commit.parents else DIRECT
        pretends = bool(mr or _APPROVED.search(message))
        return Entry(commit, kind, files, claims_in_message=pretends)
    if mr is None:
        return Entry(commit, MERGE, files, claim=Claim(title=_title(commit)))
    claim = Claim(mr.group(1), _title(commit), _APPROVED.findall(message))
    return Entry(commit, MERGE_REQUEST, files, claim=claim)


def _title(commit: Commit) -> str | None:
    """The merge request's title as GitLab's default template writes it: the body's first paragraph."""
    if not _DEFAULT_SUBJECT.match(commit.subject):
        return commit.subject
    for paragraph in commit.body.split("\n\n"):
        text = paragraph.strip()
        if text and not _MR.search(text) and not _TRAILER.match(text):
            return mask_text(" ".join(text.split()))
    return None


def _all_commits(text: str) -> dict[str, Commit]:
    commits = {}
    for record in text.split(_RECORD)[1:]:
        sha, parents, an, ae, ad, subject = record.rstrip("\n").split(_FIELD, 5)
        commits[sha] = Commit(sha, parents.split(), an, ae, ad, mask_text(subject.strip()))
    return commits


def _attach_branches(entries: list[Entry], every: dict[str, Commit]) -> None:
    """Each merge's branch commits: reachable from its second parents, not from main before it.

    Walks oldest merge first, stopping at mainline commits and at commits an earlier merge already
    brought in (what ``git rev-list p1..p2`` gives, without a git call per merge).
    """
    taken = {e.sha for e in entries}
    order = {sha: n for n, sha in enumerate(every)}  # git log's order: newest first
    for entry in reversed(entries):
        if not entry.is_merge:
            continue
        brought: list[Commit] = []
        stack = list(entry.commit.parents[1:])
        while stack:
            sha = stack.pop()
            if sha in taken or sha not in every:
                continue
            taken.add(sha)
            commit = every[sha]
            if len(commit.parents) < 2:
                brought.append(commit)
            stack.extend(commit.parents)
        brought.sort(key=lambda c: order[c.sha])
        entry.brought = brought


def by_unit(entries: list[Entry]) -> dict[str, list[Entry]]:
    """The entries that changed each unit's folder (newest first)."""
    out: dict[str, list[Entry]] = {}
    for entry in entries:
        for unit in entry.units():
            out.setdefault(unit, []).append(entry)
    return out
