"""公民身份号码: check digit (GB 11643), and agreement with the declared birth date and sex."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Campaign, UnitData
from privtravel.rules._emit import at

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def problems(number: str, birth: dt.date, sex: str) -> list[str]:
    found = []
    if check_digit(number[:17]) != number[17]:
        found.append("校验位不对")
    if number[6:14] != birth.strftime("%Y%m%d"):
        found.append("与出生日期不符")
    if ("男" if int(number[16]) % 2 else "女") != sex:
        found.append("与性别不符")
    return found


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    for person in unit.roster:
        found = problems(person.id_number, person.birth, person.sex)
        if found:
            yield at(
                person.src,
                "R317",
                f"{person.id} {person.name} 的公民身份号码{'、'.join(found)}。",
                "公民身份号码",
            )
