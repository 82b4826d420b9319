"""The seam for what other parts of the project compute over a whole campaign.

A review calls every *figure source* and every *finding source* once on each tree (merge base and
working tree) and reports the difference:

- ``FigureSource``: the 附件2 / 附件3 figures of a loaded campaign.  Each figure is named by table, row
  and column; the review lists every figure whose value differs, old → new.
- ``FindingSource``: the cross-check findings still open in a loaded campaign, each with a stable key;
  the review lists those opened and those closed by the merge request.

``sources.installed()`` gives the sources this installation has: the statistics (``privtravel.stats``) and the
cross-check (``privtravel.crosscheck``), through one adapter each in ``sources.py`` that turns their
result for ``tree.root`` / ``tree.repo`` into ``Figure`` / ``Finding`` values (masked text only).
Another source (e.g. inspection findings) is one more function added there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from privtravel.workflow.review.changes import FigureChange, FindingChange
from privtravel.workflow.review.trees import Tree


@dataclass(frozen=True, slots=True)
class Figure:
    table: str  # 附件2 / 附件3
    row: str  # 绍兴市人民医院 / 市直医疗单位 小计 / 合计
    column: str  # 新增登记备案人数; nested headers joined with ›
    value: str


@dataclass(frozen=True, slots=True)
class Finding:
    key: str  # stable across runs and commits
    unit: str  # the unit's name
    text: str  # masked: never a full document or ID number


FigureSource = Callable[[Tree], Iterable[Figure]]
FindingSource = Callable[[Tree], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Extras:
    figures: tuple[FigureSource, ...] = ()
    findings: tuple[FindingSource, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.figures or self.findings)


def figure_changes(sources: Iterable[FigureSource], old: Tree, new: Tree) -> list[FigureChange]:
    changes = []
    for source in sources:
        before = {(f.table, f.row, f.column): f.value for f in source(old)}
        after = {(f.table, f.row, f.column): f.value for f in source(new)}
        for key in [*after, *(k for k in before if k not in after)]:
            if before.get(key) != after.get(key):
                changes.append(FigureChange(*key, before.get(key), after.get(key)))
    return changes


def finding_changes(sources: Iterable[FindingSource], old: Tree, new: Tree) -> list[FindingChange]:
    changes = []
    for source in sources:
        before = {f.key: f for f in source(old)}
        after = {f.key: f for f in source(new)}
        changes += [FindingChange(True, f.unit, f.text) for k, f in after.items() if k not in before]
        changes += [FindingChange(False, f.unit, f.text) for k, f in before.items() if k not in after]
    return changes
