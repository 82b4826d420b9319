"""Pair the records of two versions of a list: first by the surest key, then by weaker ones.

A trip whose return date was corrected still pairs with its old self through its exit date; a
document whose number was mistyped pairs through its type and issue date.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")
Key = Callable[[T], Hashable | None]  # None: this record has no such key


@dataclass
class Alignment(Generic[T]):
    pairs: list[tuple[T, T]] = field(default_factory=list)  # (old, new), in the new order
    removed: list[T] = field(default_factory=list)  # in the old order
    added: list[T] = field(default_factory=list)  # in the new order


def align(old: Sequence[T], new: Sequence[T], *keys: Key[T]) -> Alignment[T]:
    free_old = list(range(len(old)))
    free_new = list(range(len(new)))
    matched: list[tuple[int, int]] = []
    for key in keys:
        waiting: dict[Hashable, list[int]] = {}
        for i in free_old:
            k = key(old[i])
            if k is not None:
                waiting.setdefault(k, []).append(i)
        still_new = []
        for j in free_new:
            k = key(new[j])
            if k is not None and waiting.get(k):
                i = waiting[k].pop(0)
                matched.append((i, j))
                free_old.remove(i)
            else:
                still_new.append(j)
        free_new = still_new
    matched.sort(key=lambda ij: ij[1])
    return Alignment(
        pairs=[(old[i], new[j]) for i, j in matched],
        removed=[old[i] for i in free_old],
        added=[new[j] for j in free_new],
    )
