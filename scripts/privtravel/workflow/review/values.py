"""Values as the reviewer reads them.  Numbers that identify a person or a document are masked here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from privtravel import masking

EMPTY = "（空）"
LONG = 30  # characters of free text shown before it is cut


def plain(value: object) -> str:
    if value is None or value == "" or value == ():
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "、".join(plain(v) for v in value)
    # masked before it is cut: a number cut in half would no longer be recognised
    text = masking.mask_text(" ".join(str(value).split()))
    return text if len(text) <= LONG else text[: LONG - 1] + "…"


def _masked(mask: Callable[[str], str]) -> Callable[[object], str]:
    def show(value: object) -> str:
        return mask(value) if isinstance(value, str) and value else plain(value)

    return show


document_number = _masked(masking.document_number)
id_number = _masked(masking.id_number)
phone = _masked(masking.phone)


def span(start: dt.date, end: dt.date) -> str:
    return f"{start.isoformat()} 至 {end.isoformat()}"
