"""The two campaigns a review compares: the merge base (extracted from git) and the working tree.

Both are read with the project's own loader and unit rules, exactly as ``privtravel check`` reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from privtravel import rules
from privtravel.diagnostics import Result
from privtravel.load import repository
from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, POLICE_DIR, SUBMISSIONS
from privtravel.model import Campaign
from privtravel.workflow import gitrepo
from privtravel.workflow.review.changes import Counts

# what a campaign is made of; the schemas and the code are the working tree's
CAMPAIGN_PATHS = (CAMPAIGN_FILE, SUBMISSIONS, POLICE_DIR, INSPECTIONS)


@dataclass
class Tree:
    """One version of the campaign, loaded and checked."""

    label: str  # 合并基点 / 本合并请求
    root: Path
    repo: repository.Repository
    result: Result

    @property
    def counts(self) -> Counts:
        return Counts(len(self.result.errors), len(self.result.warnings))


def load(root: Path, label: str, units: Iterable[str] | None = None) -> Tree:
    """Load ``root`` (all units, or only ``units``); a tree without campaign.yaml is an empty campaign."""
    result = Result()
    if not (root / CAMPAIGN_FILE).is_file():
        return Tree(label, root, repository.Repository(root=root), result)
    repo = repository.load(root, result, units=units)
    if repo.campaign is not None:
        for code in sorted(repo.units):
            result.extend(rules.check_unit(repo.campaign, repo.units[code]))
    return Tree(label, root, repo, result)


def load_base(root: Path, commit: str, into: Path, units: Iterable[str] | None = None) -> Tree:
    """The campaign as it is in ``commit``, extracted into the empty folder ``into``; a unit mounted
    from its own repository is read there at the commit ``commit`` pinned."""
    from privtravel.units import mounts

    gitrepo.extract(root, commit, CAMPAIGN_PATHS, into)
    mounts.extract_all(root, commit, into, None if units is None else set(units))
    return load(into, "合并基点", units)


def load_campaign(root: Path) -> Campaign | None:
    """Only the campaign config under ``root`` (None when it is missing or has errors)."""
    if not (root / CAMPAIGN_FILE).is_file():
        return None
    return repository.load_campaign(root, Result())
