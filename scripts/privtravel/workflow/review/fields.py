"""Field-by-field comparison of two versions of one record, in the declarations' own field names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from privtravel.workflow.review import values

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Field(Generic[R]):
    label: str
    get: Callable[[R], object]
    show: Callable[[object], str] = values.plain


def differences(fields: Sequence[Field[R]], old: R, new: R) -> list[str]:
    """One line per changed field: 入境日期 2018-02-17 → 2018-02-18."""
    out = []
    for f in fields:
        a, b = f.get(old), f.get(new)
        if a == b:
            continue
        shown_a, shown_b = f.show(a), f.show(b)
        if shown_a == shown_b:
            out.append(f"{f.label}已修改（改动部分不显示）")
        else:
            out.append(f"{f.label} {shown_a} → {shown_b}")
    return out
