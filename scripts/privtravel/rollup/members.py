"""Every member's state: 未报送 / 有错误 / 已报送, its figures and where each one came from.

A member's figure is its table's 合计 row; a table of one unit row gives that row; several unit rows
without a 合计 are added up here (each figure then names every cell it adds).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from privtravel.diagnostics import Diagnostic
from privtravel.rollup import read_json, read_xlsx, rules
from privtravel.rollup.config import FILE_NAMES, MEMBERS, SOURCE_JSON, Member, Rollup
from privtravel.rollup.grid import Grid, Kind, Read, specs
from privtravel.stats.options import Options
from privtravel.stats.table import TableSpec, Total, Value

IGNORED = (".gitkeep", "README.md", "说明.md")


class Status(StrEnum):
    MISSING = "未报送"
    ERRORS = "有错误"
    DONE = "已报送"


@dataclass(frozen=True, slots=True)
class Taken:
    """The member's figure for one column, and the cells it was taken from (in the member's file)."""

    value: Value
    cells: tuple[str, ...]


@dataclass
class MemberState:
    member: Member
    status: Status
    diagnostics: list[Diagnostic] = field(default_factory=list)
    figures: dict[str, dict[str, Taken]] = field(default_factory=dict)  # table key -> column key -> figure
    read: Read | None = None
    commit: str | None = None  # the roll-up repository's last commit touching the member's folder
    committed: dt.datetime | None = None
    sha256: str | None = None  # of the member's file as read

    def version(self) -> str:
        """One line naming exactly which file content the figures come from."""
        parts = []
        if self.commit:
            day = self.committed.date().isoformat() if self.committed else ""
            parts.append(f"提交 {self.commit[:10]}（{day}）")
        if self.sha256:
            parts.append(f"文件 SHA-256 {self.sha256[:12]}")
        if self.read is not None and self.read.member_version:
            parts.append(f"成员数据版本：{self.read.member_version}")
        return "；".join(parts)


@dataclass
class Gathered:
    rollup: Rollup
    specs: tuple[TableSpec, TableSpec]
    states: list[MemberState]
    stray: list[Diagnostic]  # folders and files that belong to no member

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [*self.stray, *(d for s in self.states for d in s.diagnostics)]


def gather(root: Path, rollup: Rollup) -> Gathered:
    chosen = specs(Options.of(rollup.as_campaign()))
    commits = last_commits(root)
    states = [_state(root, m, rollup, chosen, commits.get(m.code)) for m in rollup.members]
    stray = []
    known = {m.code for m in rollup.members}
    if (root / MEMBERS).is_dir():
        for entry in sorted((root / MEMBERS).iterdir()):
            if entry.name not in known and entry.name not in IGNORED:
                stray.append(
                    Diagnostic(
                        f"{MEMBERS}/{entry.name}",
                        "T112",
                        "rollup.yaml 中没有这个成员：先由维护人员在「成员」中添加",
                    )
                )
    return Gathered(rollup, chosen, states, stray)


def _state(
    root: Path,
    member: Member,
    rollup: Rollup,
    chosen: tuple[TableSpec, TableSpec],
    commit: tuple[str, dt.datetime] | None,
) -> MemberState:
    folder = root / member.folder
    present = sorted(p.name for p in folder.iterdir() if p.name not in IGNORED) if folder.is_dir() else []
    state = MemberState(member, Status.MISSING)
    if commit is not None:
        state.commit, state.committed = commit
    expected = FILE_NAMES[member.source]
    for name in present:
        if name != expected:
            state.diagnostics.append(
                Diagnostic(
                    f"{member.folder}/{name}",
                    "T112",
                    f"报送方式是「{member.source}」，成员文件夹只放 {expected}，不放「{name}」",
                )
            )
    if expected not in present:
        if state.diagnostics:
            state.status = Status.ERRORS
        return state
    raw = (folder / expected).read_bytes()
    state.sha256 = hashlib.sha256(raw).hexdigest()
    if member.source == SOURCE_JSON:
        read = read_json.read(member.file, raw, chosen, rollup.cases_by)
    else:
        read = read_xlsx.read(member.file, raw, chosen)
    state.read = read
    state.diagnostics += read.diagnostics
    for grid in read.grids.values():
        state.diagnostics += rules.check(grid, member.file, published=read.counted_by_tool)
    if any(d.is_error for d in state.diagnostics) or len(read.grids) != len(chosen):
        state.status = Status.ERRORS
        return state
    state.status = Status.DONE
    state.figures = {key: _take(grid) for key, grid in read.grids.items()}
    return state


def _take(grid: Grid) -> dict[str, Taken]:
    total = next((r for r in grid.rows if r.kind is Kind.TOTAL), None)
    units = [r for r in grid.rows if r.kind is Kind.UNIT]
    rows = [total] if total is not None else units
    out = {}
    for column in grid.spec.data_columns:
        figures = [r.figures[column.key] for r in rows if column.key in r.figures]
        cells = tuple(f.cell for f in figures)
        if len(figures) == 1:
            out[column.key] = Taken(figures[0].value, cells)
        elif column.total is Total.NONE:
            out[column.key] = Taken(None, ())
        else:
            added = list(rules.addends(rows, column.key, column.total))
            out[column.key] = Taken(sum(added) if added else None, cells)
    return out


def last_commits(root: Path) -> dict[str, tuple[str, dt.datetime]]:
    """The last commit touching each member's folder, from one ``git log`` over members/ ({} outside git)."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--format=\x1e%H %cI", "--name-only", "--", MEMBERS],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    out: dict[str, tuple[str, dt.datetime]] = {}
    for record in done.stdout.split("\x1e")[1:]:
        head, _, files = record.partition("\n")
        sha, _, stamp = head.partition(" ")
        for path in files.split("\n"):
            parts = path.split("/")
            if len(parts) >= 3 and parts[0] == MEMBERS and parts[1] not in out:
                out[parts[1]] = (sha, dt.datetime.fromisoformat(stamp.strip()))
    return out
