"""How far each unit has got with its submission, from its declarations and the check result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from privtravel.diagnostics import Diagnostic
from privtravel.load.layout import unit_of
from privtravel.load.repository import Repository
from privtravel.model import REPORT_EXEMPT, REPORT_FILED, REPORT_ZERO, UnitConfig

DONE, PARTIAL, NONE = "已报送", "部分报送", "未报送"


@dataclass(frozen=True)
class UnitStatus:
    config: UnitConfig
    state: str
    registered: int
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
        kinds = Counter(r.kind for r in unit.reports)
        active = [p for p in unit.roster if p.revoked is None]
        reported = {r.id for r in unit.reports}
        missing = sum(1 for p in active if p.id not in reported and p.category != "退休满1年的市管干部")
        complete = unit.profile is not None and unit.roster and not missing and not errors[config.code]
        out.append(
            UnitStatus(
                config,
                DONE if complete else PARTIAL,
                len(active),
                kinds[REPORT_FILED],
                kinds[REPORT_ZERO],
                kinds[REPORT_EXEMPT],
                missing,
                errors[config.code],
                warnings[config.code],
            )
        )
    return out
