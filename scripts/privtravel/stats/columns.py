"""Declaring a column: its header, measure and 统计口径 written right above the code that counts it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from privtravel.stats.options import Options
from privtravel.stats.table import Cell, Column, Compute, Ref, TableSpec, Total


@dataclass(frozen=True, slots=True)
class ColumnTemplate:
    key: str
    path: tuple[str, ...]
    measure: str
    definition: str
    compute: Compute | None
    total: Total

    def fill(self, options: Options) -> Column:
        words = options.words()
        return Column(
            key=self.key,
            path=tuple(p.format(**words) for p in self.path),
            measure=self.measure.format(**words),
            definition=self.definition.format(**words),
            compute=self.compute,
            total=self.total,
        )


class Registry:
    """The columns of one table, in the notice's order, as they are declared."""

    def __init__(self, key: str, attachment: str, title: str) -> None:
        self.key = key
        self.attachment = attachment
        self.title = title
        self.templates: list[ColumnTemplate] = []

    def fixed(self, key: str, path: tuple[str, ...], definition: str) -> None:
        self.templates.append(ColumnTemplate(key, path, "", definition.strip(), None, Total.NONE))

    def column(
        self, key: str, path: tuple[str, ...], measure: str, definition: str, total: Total = Total.SUM
    ) -> Callable[[Compute], Compute]:
        def register(compute: Compute) -> Compute:
            text = "".join(line.strip() for line in definition.strip().splitlines())
            self.templates.append(ColumnTemplate(key, path, measure, text, compute, total))
            return compute

        return register

    def spec(self, options: Options) -> TableSpec:
        return TableSpec(
            self.key, self.attachment, self.title, tuple(t.fill(options) for t in self.templates)
        )


def by_key(refs: Iterable[tuple[str, Ref]]) -> Cell:
    """A count of distinct keys (persons, cases, documents); the cell names every record behind them."""
    keys: set[str] = set()
    out: list[Ref] = []
    for key, ref in refs:
        keys.add(key)
        out.append(ref)
    return Cell(len(keys), tuple(sorted(set(out), key=ref_order)))


def ref_order(ref: Ref) -> tuple[str, str, tuple[str, ...], str]:
    return (ref.person or "", ref.src.path, _where_order(ref.src.where), ref.what)


@cache
def _where_order(where: tuple[str | int, ...]) -> tuple[str, ...]:
    """Positions sort as numbers (the same few recur across tens of thousands of records)."""
    return tuple([str(w).zfill(8) for w in where])
