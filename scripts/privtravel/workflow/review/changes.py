"""The review summary as data, before any rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Op(StrEnum):
    ADDED = "新增"
    REMOVED = "删除"
    CHANGED = "变更"


@dataclass(frozen=True, slots=True)
class Item:
    op: Op
    subject: str  # 0001 赵明, SP2019-003 0002 钱芳
    details: tuple[str, ...] = ()


@dataclass(slots=True)
class Section:
    title: str
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a file with errors that was not compared

    def __bool__(self) -> bool:
        return bool(self.items or self.notes)

    def counts(self) -> str:
        """新增 3、变更 1: what the collapsed section's summary line says."""
        parts = []
        for op in Op:
            n = sum(1 for i in self.items if i.op is op)
            if n:
                parts.append(f"{op.value} {n}")
        return "、".join(parts)


@dataclass(slots=True)
class UnitReview:
    code: str
    name: str
    sections: list[Section]


@dataclass(frozen=True, slots=True)
class Counts:
    errors: int
    warnings: int

    def __str__(self) -> str:
        return f"{self.errors} 个错误，{self.warnings} 个警告"


@dataclass(frozen=True, slots=True)
class FigureChange:
    table: str
    row: str
    column: str
    old: str | None  # None: the figure did not exist at the merge base
    new: str | None


@dataclass(frozen=True, slots=True)
class FindingChange:
    opened: bool  # True: new in this merge request; False: no longer found
    unit: str
    text: str


@dataclass(slots=True)
class Review:
    base: str  # the merge base, short
    changed_files: list[str]
    other_files: list[str]  # changed files that are not declarations (scripts, config, CI …)
    base_checks: Counts
    head_checks: Counts
    campaign: Section
    units: list[UnitReview]
    whole: bool = True  # the checks counted every unit (else only the units touched)
    figures: list[FigureChange] | None = None  # None: no statistics source is installed
    findings: list[FindingChange] | None = None  # None: no cross-check source is installed
    # judged apart from its data: the commit judged and what it changes besides data (not in effect yet)
    head: str | None = None
    pending: list[str] = field(default_factory=list)

    @property
    def declarations_changed(self) -> bool:
        return bool(self.campaign) or any(any(s for s in u.sections) for u in self.units)
