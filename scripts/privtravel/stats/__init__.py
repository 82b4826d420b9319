"""附件2 and 附件3, computed from the declarations, with a 统计口径 per column and provenance per figure.

``from_repository`` loads, checks and computes in one call (the command and the site builder use it);
``compute`` is the pure part, from already loaded records.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from privtravel import rules
from privtravel.diagnostics import Result
from privtravel.load import repository
from privtravel.load.cache import Cache
from privtravel.report import locate
from privtravel.report.progress import reporter
from privtravel.stats import version
from privtravel.stats.compute import Scope, Statistics, compute, select
from privtravel.stats.findings import ConfirmedFinding

__all__ = ["ConfirmedFinding", "Scope", "Statistics", "compute", "from_repository"]


def from_repository(
    root: Path, scope: Scope | None = None, findings: Sequence[ConfirmedFinding] = ()
) -> tuple[Result, Statistics | None]:
    """Load the units in scope, check them, and compute both tables.

    The diagnostics come back with the statistics; the caller decides whether errors stop it
    (the command refuses to publish figures built on declarations with errors).  None when the
    campaign config itself cannot be read.
    """
    scope = scope or Scope()
    result = Result()
    campaign = repository.load_campaign(root, Result())  # read first only to know who is in scope
    if campaign is None:
        repository.load(root, result, units=[])
        result.diagnostics = locate.resolve(root, result.diagnostics)
        return result, None
    codes = [u.code for u in select(campaign, scope)]
    repo = repository.load(root, result, units=codes, progress=reporter("已读取文件"), reuse=Cache.open(root))
    assert repo.campaign is not None
    for code in codes:
        result.extend(rules.check_unit(repo.campaign, repo.units[code]))
    result.diagnostics = locate.resolve(root, result.diagnostics)
    stats = compute(repo.campaign, repo.units, version.of(root), scope=scope, findings=findings)
    return result, stats
