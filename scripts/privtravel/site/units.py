"""Every unit's page and its own exports, made on both cores: one job per unit.

Each job computes the unit's own 附件2/附件3 rows once, writes its 统计表.xlsx and csv files (openpyxl
is slow) and returns the page's Markdown; the forked workers read the analysis they inherited,
so only unit codes go out and page texts come back.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privtravel import export
from privtravel.analysis import Analysis, confirmed_findings
from privtravel.diagnostics import Diagnostic
from privtravel.interrupt import fork_pool
from privtravel.site import provenance_pages
from privtravel.site.audit_trail import Trail
from privtravel.site.pages import audit as audit_pages
from privtravel.site.pages import findings, statistics, unit, unit_checks, unit_repos
from privtravel.site.status import UnitStatus
from privtravel.stats import ConfirmedFinding, Scope, compute, version
from privtravel.stats import html as stats_html

PARALLEL_FROM = 8  # units


@dataclass
class Context:
    """What every unit's job needs; inherited by forked workers, never pickled."""

    analysis: Analysis
    statuses: dict[str, UnitStatus]
    diagnostics: dict[str, list[Diagnostic]]
    trail: Trail
    exports: Path  # docs/exports/units
    today: dt.date
    source: str
    found: list[ConfirmedFinding]
    version: Any
    answered: dict[str, list[Any]]
    summaries: dict[str, Any]


_CONTEXT: list[Context] = []


def pages(
    analysis: Analysis,
    statuses: list[UnitStatus],
    diagnostics: dict[str, list[Diagnostic]],
    trail: Trail,
    exports: Path,
    today: dt.date,
    source: str,
) -> list[str]:
    """The Markdown of each unit's page, in the order of ``statuses``; exports written as a side effect."""
    answered: dict[str, list[Any]] = defaultdict(list)
    for a in analysis.answered:
        answered[a.finding.unit].append(a)
    context = Context(
        analysis,
        {s.config.code: s for s in statuses},
        diagnostics,
        trail,
        exports,
        today,
        source,
        confirmed_findings(analysis.answered),
        version.of(analysis.root),
        answered,
        {s.unit: s for s in analysis.crosscheck.units} if analysis.crosscheck is not None else {},
    )
    codes = [s.config.code for s in statuses]
    _CONTEXT[:] = [context]
    try:
        cores = min(os.cpu_count() or 1, 4)
        if len(codes) < PARALLEL_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [_unit(code) for code in codes]
        with fork_pool(cores) as pool:  # Ctrl-C ends the workers at once
            return list(pool.map(_unit, codes, chunksize=4))
    finally:
        _CONTEXT.clear()


def _unit(code: str) -> str:
    c = _CONTEXT[0]
    repo, campaign = c.analysis.repo, c.analysis.repo.campaign
    assert campaign is not None
    own = compute(campaign, repo.units, c.version, scope=Scope(unit=code), findings=c.found)
    # its provenance is on the page and in the full json
    export.write_all(own, c.exports / code, with_json=False, filled=c.today)
    outcome = c.analysis.crosscheck
    data = repo.units.get(code)
    mine = c.answered.get(code, [])
    top = "\n".join(
        [
            *unit_repos.refusal_notice(c.analysis.root, code),
            *findings.unit_section(c.summaries.get(code), mine, outcome is not None),
            *(unit_checks.covered_lines(data, mine) if data else []),
            *(
                unit_checks.section(c.statuses[code].config, data, c.summaries.get(code), c.today)
                if data
                else []
            ),
            "## 本单位统计表",
            "",
            statistics.export_links(f"../{statistics.EXPORTS}/units/{code}", with_json=False),
            "",
            statistics.unsearched(stats_html.tables_html(own, provenance_pages.href(own, "../../"))),
            "",
        ]
    )
    text = unit.unit_page(
        campaign, c.statuses[code], data, c.diagnostics.get(code, []), c.today, c.source, top
    )
    text += "\n".join(audit_pages.unit_section(c.trail, code))
    return text + "\n".join(["", *unit_repos.unit_section(c.analysis.root, code)])
