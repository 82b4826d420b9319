"""Police records as typed values; each remembers the file and row it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EXIT = "出境"
ENTRY = "入境"
STATUS_VALID = "有效"


@dataclass(frozen=True, slots=True)
class Row:
    """Where a police record lives: the file and its row (1-based, the header is row 1)."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path} 第{self.line}行"


@dataclass(frozen=True, slots=True)
class Holding:
    name: str
    sex: str
    birth: dt.date
    id_number: str
    type: str
    number: str
    issued: dt.date
    expires: dt.date
    status: str
    row: Row

    def valid_on(self, day: dt.date) -> bool:
        return self.status == STATUS_VALID and self.issued <= day <= self.expires


@dataclass(frozen=True, slots=True)
class Crossing:
    id_number: str
    name: str
    date: dt.date
    direction: str  # EXIT or ENTRY
    port: str
    place: str  # 前往国家（地区） on exit, where the person came from on entry
    number: str
    row: Row


@dataclass(slots=True)
class PoliceData:
    holdings: list[Holding] = field(default_factory=list)
    crossings: list[Crossing] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files that were read
    holdings_present: bool = False
    crossings_present: bool = False
    extracted: dt.date | None = None  # 提取日期 from the delivery manifest: the 公安数据日期
    manifest: str | None = None  # the manifest that was read
    provider: str | None = None  # 提供单位 in the manifest
