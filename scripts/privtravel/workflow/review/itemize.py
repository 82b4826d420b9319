"""Turn an alignment of two versions of a list into summary items: added, removed, changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from privtravel.workflow.review.align import Alignment, Key, align
from privtravel.workflow.review.changes import Item, Op
from privtravel.workflow.review.fields import Field, differences

T = TypeVar("T")


def items(
    found: Alignment[T],
    subject: Callable[[T], str],
    added: Callable[[T], Iterable[str]],
    changed: Callable[[T, T], list[str]],
    removed: tuple[str, ...] = (),
) -> list[Item]:
    """One item per added and removed record, and per pair whose ``changed`` lines are not empty."""
    out = [Item(Op.ADDED, subject(x), tuple(added(x))) for x in found.added]
    out += [Item(Op.REMOVED, subject(x), removed) for x in found.removed]
    for a, b in found.pairs:
        lines = changed(a, b)
        if lines:
            out.append(Item(Op.CHANGED, subject(b), tuple(lines)))
    return out


def nested(
    what: str,
    old: Sequence[T],
    new: Sequence[T],
    fields: Sequence[Field[T]],
    name: Callable[[T], str],
    added: Callable[[T], str],
    *keys: Key[T],
) -> list[str]:
    """Detail lines for a list inside a record (documents in a report, loans of a document …)."""
    found = align(old, new, *keys)
    lines = [f"新增{what}：{added(x)}" for x in found.added]
    lines += [f"删除{what}：{name(x)}" for x in found.removed]
    for a, b in found.pairs:
        diff = differences(fields, a, b)
        if diff:
            lines.append(f"{what}{name(b)}：{'；'.join(diff)}")
    return lines
