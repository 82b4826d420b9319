"""The whole pipeline in one pass: load → validate → rules → cross-check → statistics.

The dashboard, the review summary and the statistics command all need the same things; this
loads the declarations once, runs the cross-check when police data is present, and hands the
findings the units have confirmed to the statistics (附件2 counts them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from privtravel import rules
from privtravel.crosscheck.answers import CONFIRMED, Answered
from privtravel.crosscheck.run import Outcome, complete
from privtravel.diagnostics import Result
from privtravel.load import repository
from privtravel.load.cache import Cache
from privtravel.load.repository import Repository
from privtravel.police import delivery
from privtravel.police import load as police_load
from privtravel.report import locate
from privtravel.report.progress import reporter
from privtravel.stats import ConfirmedFinding, Scope, Statistics, compute, version


@dataclass
class Analysis:
    root: Path
    repo: Repository
    result: Result  # every problem in the input: declarations, police tables, answers
    crosscheck: Outcome | None  # None when no police data was delivered
    stats: Statistics | None  # None when the campaign config cannot be read

    @property
    def answered(self) -> list[Answered]:
        return self.crosscheck.answered if self.crosscheck is not None else []


def confirmed_findings(answered: Iterable[Answered]) -> list[ConfirmedFinding]:
    """Findings a unit has confirmed (已查实) that are one of 附件2's problem types."""
    out = []
    for a in answered:
        info = a.finding.info
        if a.state != CONFIRMED or info.case_kind is None or a.finding.person_id is None:
            continue
        src = a.finding.src
        if src is None and a.response is not None:
            src = a.response.src
        if src is None:
            continue
        out.append(
            ConfirmedFinding(
                unit=a.finding.unit,
                person=a.finding.person_id,
                code=a.finding.code,
                kind=info.case_kind,
                src=src,
                summary=a.finding.message,
            )
        )
    return out


def analyze(root: Path, police_dir: Path | None = None, scope: Scope | None = None) -> Analysis:
    result = Result()
    repo = repository.load(root, result, progress=reporter("已读取文件"), reuse=Cache.open(root))
    campaign = repo.campaign
    if campaign is not None:
        for code in sorted(repo.units):
            result.extend(rules.check_unit(campaign, repo.units[code]))
    outcome = None
    before = len(result.errors)
    police = police_load.load(root, police_dir, result)
    if campaign is not None:
        result.extend(delivery.agree(campaign, police))
    if campaign is not None and (police.holdings_present or police.crossings_present):
        outcome = Outcome(result, police)
        if len(result.errors) == before:  # findings from police data with errors would mislead
            complete(outcome, campaign, repo.units)
    result.diagnostics = locate.resolve(root, result.diagnostics)
    stats = None
    if campaign is not None:
        findings = confirmed_findings(outcome.answered) if outcome is not None else []
        stats = compute(campaign, repo.units, version.of(root), scope=scope or Scope(), findings=findings)
    return Analysis(root, repo, result, outcome, stats)
