"""The cross-check's findings at the end of each day, for 总览's 进展: opened and closed by day.

For each day on which main's first-parent history changed the cross-check's inputs (campaign.yaml,
submissions/, police/), the data of that day's last commit is written to a scratch folder
(``build/history``) and the cross-check is run on it: one point per day, never per commit (a busy day
costs one run).  Between two days only what changed is rewritten and only the units that changed are
loaded again; the matching runs whole (findings about people no unit registered depend on every
unit), except on a day that changed only units' answers (核查说明.yaml): no finding depends on them, so
the day before's findings are answered again (``answers.apply``), which is most days once police data
are in.  At most ``MAX_DAYS`` days are computed, the latest ones (plus the day before them, to
know what was open), so a build's cost is bounded whatever the history's length.

Each day's finding states are cached (load/cache/records: MAC'd JSON, in the check cache's trusted
place, never in the work tree's data) under the ids of the three input trees and a salt of the
cross-check's own code (load/cache/closure.py: the modules it imports, the schemas, the versions): a
day once computed costs a ``git ls-tree`` in later builds, and a change to the pages keeps it.  Days before police data exist have no
findings and are never computed.  Units mounted as submodules cannot be replayed from this
repository's history alone: the history then says so and shows no findings series.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from privtravel.crosscheck import answers
from privtravel.crosscheck.answers import OPEN, STATES
from privtravel.crosscheck.context import Context
from privtravel.crosscheck.findings import Finding
from privtravel.crosscheck.run import Outcome, find
from privtravel.diagnostics import Result
from privtravel.load import repository
from privtravel.load.cache import closure, place, records
from privtravel.load.layout import CAMPAIGN_FILE, POLICE_DIR, SUBMISSIONS, unit_of
from privtravel.model import Campaign, UnitData
from privtravel.police import load as police_load
from privtravel.police.records import PoliceData
from privtravel.site.audit import Entry

MAX_DAYS = 30
# what a day's findings depend on, besides the data: these modules and all they import (cache salt)
ENTRIES = (
    "privtravel.crosscheck.run",
    "privtravel.crosscheck.answers",
    "privtravel.police.load",
    "privtravel.load.repository",
)
INPUTS = (CAMPAIGN_FILE, SUBMISSIONS, POLICE_DIR)
KIND = "findings-by-day"
LIMIT = 256 << 20
GITLINK, SYMLINK = "160000", "120000"
RESPONSES_FILE = "核查说明.yaml"

States = dict[str, str]  # "unit<TAB>key" → 待核实 | 核实无问题 | 已查实


@dataclass
class Day:
    day: dt.date
    sha: str
    states: States | None  # None: the police data had errors that day, no findings were made


@dataclass
class History:
    days: list[Day] = field(default_factory=list)  # oldest first; the first may be the baseline
    older: int = 0  # data days before the first one computed
    problem: str = ""  # why there is no findings series
    computed: int = 0  # days cross-checked in this build (the rest came from the cache)


def input_days(entries: list[Entry]) -> list[tuple[dt.date, str]]:
    """(day, last commit of the day) for the days main's inputs changed, oldest first."""
    last: dict[dt.date, str] = {}
    for entry in entries:  # newest first: the first one seen of a day is its last
        stamp = entry.commit.committed or entry.commit.authored
        try:
            day = dt.datetime.fromisoformat(stamp).date()
        except ValueError:
            continue
        if day not in last and any(_is_input(p) for _, p in entry.files):
            last[day] = entry.sha
    return sorted(last.items())


def _is_answers(path: str) -> bool:
    """A unit's answers to the cross-check (submissions/<unit>/核查说明.yaml)."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == SUBMISSIONS and parts[2] == RESPONSES_FILE


def _is_input(path: str) -> bool:
    return path == CAMPAIGN_FILE or (path.split("/", 1)[0] in (SUBMISSIONS, POLICE_DIR) and "/" in path)


def states_of(outcome: Outcome | None) -> States:
    """The finding states of a cross-check already made (the site's own, of the work tree)."""
    if outcome is None:
        return {}
    if not outcome.complete:
        return _FAILED
    return {f"{a.finding.unit}\t{a.finding.key}": a.state for a in outcome.answered}


def daily(root: Path, entries: list[Entry], current: States | None = None) -> History:
    """``current``: the findings of the work tree, already made; used for the days whose inputs are
    the work tree's (the latest day, as a rule) when the work tree has no uncommitted input changes."""
    days = input_days(entries)
    history = History(older=max(0, len(days) - MAX_DAYS - 1))
    days = days[history.older :]
    if not days:
        return history
    tool = closure.salt(ENTRIES)  # a change to a page or an export keeps the cached days
    where = place.directory(root)
    key = place.key()
    replay = _Replay(root, root / "build" / "history")
    try:
        head = _trees(root, "HEAD") if current is not None and _clean(root) else None
        for day, sha in days:
            trees = _trees(root, sha)
            if not any(t.endswith(b"\t" + POLICE_DIR.encode()) for t in trees.split(b"\n")):
                history.days.append(Day(day, sha, {}))  # no police data yet: nothing to find
                continue
            name = hashlib.blake2b(tool.encode() + b"\0" + trees, digest_size=16).hexdigest()
            states = _read(where, name, tool, key)
            if states is None:
                if trees == head and current is not None:
                    states = current  # the work tree's findings, made by this build already
                else:
                    states = replay.states(sha)
                    history.computed += 1
                _write(where, name, tool, key, states)
            history.days.append(Day(day, sha, None if states == _FAILED else states))
    except _Mounted:
        return History(
            problem="单位数据以子模块（单位仓库）挂载，本仓库的 Git 历史中没有各单位的文件，无法逐日重算核查发现。"
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        return History(problem=f"读取 Git 历史失败，未能逐日重算核查发现（{exc.__class__.__name__}）。")
    finally:
        shutil.rmtree(replay.scratch, ignore_errors=True)
    return history


_FAILED: States = {"": ""}  # stored for a day whose police data had errors


class _Mounted(Exception):
    """A unit folder is a submodule at this commit."""


class _Replay:
    """The inputs at one commit after another in a scratch folder, and what is loaded of them."""

    def __init__(self, root: Path, scratch: Path) -> None:
        self.root, self.scratch = root, scratch
        self.files: dict[str, bytes] = {}  # path → blob id, as written
        self.campaign: Campaign | None = None
        self.units: dict[str, UnitData] = {}
        self.police = PoliceData()
        self.police_ok = False
        self.found: tuple[Context, list[Finding]] | None = None  # the last day's, before answers
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)

    def states(self, sha: str) -> States:
        changed = self._checkout(sha)
        result = Result()
        touched = {unit_of(p) for p in changed}
        if self.campaign is None or CAMPAIGN_FILE in changed:
            repo = repository.load(self.scratch, result, workers=1)
            self.campaign, self.units = repo.campaign, dict(repo.units)
        elif touched - {None}:
            wanted = sorted(u for u in touched if u is not None)
            repo = repository.load(self.scratch, result, units=wanted, workers=1)
            self.campaign = repo.campaign
            for code in wanted:
                self.units[code] = repo.units[code]
        if any(p.startswith(POLICE_DIR + "/") for p in changed) or not self.police_ok:
            problems = Result()
            self.police = police_load.load(self.scratch, None, problems)
            self.police_ok = not problems.errors
        if self.campaign is None or not self.police_ok:
            self.found = None
            return _FAILED
        enabled = gc.isenabled()
        gc.disable()  # as crosscheck.run.match does: nothing made here is cyclic garbage
        try:
            if self.found is None or not all(_is_answers(p) for p in changed):
                self.found = find(self.campaign, self.units, self.police, [])
            ctx, found = self.found  # ctx.units is self.units: the answers just loaded are in it
            return {f"{a.finding.unit}\t{a.finding.key}": a.state for a in answers.apply(ctx, found, [])}
        finally:
            if enabled:
                gc.enable()

    def _checkout(self, sha: str) -> set[str]:
        """Make the scratch folder hold ``sha``'s inputs; the paths that changed."""
        listing: dict[str, bytes] = {}
        for line in _git(self.root, "ls-tree", "-r", "-z", "--full-tree", sha, "--", *INPUTS).split(b"\0"):
            if not line:
                continue
            meta, _, raw = line.partition(b"\t")
            mode, _, oid = meta.split(b" ")
            path = os.fsdecode(raw)
            if mode.decode() == GITLINK:
                raise _Mounted(path)
            parts = path.split("/")
            if mode.decode() == SYMLINK or ".." in parts or path.startswith("/"):
                continue  # the loader refuses links: leaving them out changes no finding
            listing[path] = oid
        changed = {p for p in listing.keys() | self.files.keys() if listing.get(p) != self.files.get(p)}
        for path in changed - listing.keys():
            (self.scratch / path).unlink(missing_ok=True)
        wanted = sorted(p for p in changed if p in listing)
        for start in range(0, len(wanted), 2000):
            chunk = wanted[start : start + 2000]
            for path, data in zip(chunk, _blobs(self.root, [listing[p] for p in chunk]), strict=True):
                target = self.scratch / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        self.files = listing
        return changed


def _trees(root: Path, sha: str) -> bytes:
    """The ids of the inputs' trees (and campaign.yaml's blob) at ``sha``: what a day's findings are of."""
    return b"\n".join(sorted(t for t in _git(root, "ls-tree", "-z", sha, "--", *INPUTS).split(b"\0") if t))


def _clean(root: Path) -> bool:
    """Whether the work tree's inputs are HEAD's (nothing uncommitted, nothing untracked)."""
    return not _git(root, "status", "--porcelain", "--untracked-files=all", "--", *INPUTS).strip()


def _blobs(root: Path, oids: list[bytes]) -> list[bytes]:
    out = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=root,
        input=b"\n".join(oids) + b"\n",
        capture_output=True,
        check=True,
    ).stdout
    blobs, at = [], 0
    for _ in oids:
        end = out.index(b"\n", at)
        size = int(out[at:end].rsplit(b" ", 1)[1])
        blobs.append(out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return blobs


def _git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=True).stdout


def _read(where: Path | None, name: str, tool: str, key: bytes) -> States | None:
    if where is None:
        return None
    body = records.read(where / "history" / f"{name}.json", KIND, name, tool, key, LIMIT)
    if type(body) is not dict or not all(
        type(k) is str and (v in STATES or (k, v) == ("", "")) for k, v in body.items()
    ):
        return None
    return dict(body)


def _write(where: Path | None, name: str, tool: str, key: bytes, states: States) -> None:
    if where is None:
        return
    folder = where / "history"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_symlink():
            records.write(folder / f"{name}.json", KIND, name, tool, key, states)
    except (OSError, ValueError):
        pass  # not cached: computed again next time


def opened_closed(before: States | None, after: States | None) -> tuple[int, int, int] | None:
    """(newly open, no longer open, open at the end) from one day's states to the next's."""
    if after is None:
        return None
    was = {k for k, v in (before or {}).items() if v == OPEN}
    now = {k for k, v in after.items() if v == OPEN}
    return len(now - was), len(was - now), len(now)
