"""How far each unit has got with its submission, from its declarations and the check result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from privtravel.diagnostics import Diagnostic
from privtravel.load.layout import unit_of
from privtravel.load.repository import Repository
from privtravel.model import UnitConfig
from privtravel.rules import reporting

DONE, PARTIAL, NONE = "已报送", "部分报送", "未报送"


@dataclass(frozen=True)
class UnitStatus:
    config: UnitConfig
    state: str
    registered: int  # 应报告: filed + zero + exempt + missing, always
    filed: int
    zero: int
    exempt: int
    missing: int
    errors: int
    warnings: int


def unit_statuses(repo: Repository, diagnostics: list[Diagnostic]) -> list[UnitStatus]:
    assert repo.campaign is not None
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for d in diagnostics:
        code = unit_of(d.path)
        if code is not None:
            (errors if d.is_error else warnings)[code] += 1
    out = []
    for config in repo.campaign.units:
        unit = repo.units.get(config.code)
        if unit is None or not unit.files:
            out.append(UnitStatus(config, NONE, 0, 0, 0, 0, 0, 0, 0))
            continue
        covered = reporting.coverage(unit)
        # a report file that cannot be read is not yet a report (its errors are counted beside it)
        missing = covered.count(reporting.MISSING) + covered.count(reporting.UNREADABLE)
        complete = unit.profile is not None and unit.roster and not missing and not errors[config.code]
        out.append(
            UnitStatus(
                config,
                DONE if complete else PARTIAL,
                len(covered.due),
                covered.count(reporting.FILED),
                covered.count(reporting.ZERO),
                covered.count(reporting.EXEMPT),
                missing,
                errors[config.code],
                warnings[config.code],
            )
        )
    return out
