"""The review of a merge request: both trees loaded, compared unit by unit, plus the extras."""

from __future__ import annotations

import tempfile
from pathlib import Path

from privtravel.load.layout import CAMPAIGN_FILE, unit_of
from privtravel.model import UnitData
from privtravel.units import mounts
from privtravel.workflow import gitrepo
from privtravel.workflow.review import campaign, extras, pending, records, trees
from privtravel.workflow.review.changes import Review, UnitReview
from privtravel.workflow.review.sources import installed
from privtravel.workflow.review.trees import Tree


def review(
    root: Path, base_ref: str, sources: extras.Extras | None = None, head: str | None = None
) -> Review:
    """Compare the campaign at the merge base of ``base_ref`` and HEAD with the working tree.

    With ``head`` (CI: the judged commit, its data already in ``root``, the judge's tree), what that
    commit changes besides data is listed as pending, and its campaign config is compared as data.
    """
    sources = installed() if sources is None else sources
    base = gitrepo.merge_base(root, base_ref)
    changed = mounts.expand_changes(root, base, gitrepo.changed_paths(root, base))
    touched = sorted({code for p in changed if (code := unit_of(p)) is not None})
    # the extras look at the whole campaign; the comparison itself needs only the units touched
    scope = None if sources else touched
    with tempfile.TemporaryDirectory(prefix="privtravel-base-") as tmp:
        old = trees.load_base(root, base, Path(tmp) / "base", scope)
        new = trees.load(root, "本合并请求", scope)
        done = compare(old, new, changed, gitrepo.short(root, base), touched, sources)
        if head is not None:
            judged(done, root, base, gitrepo.commit(root, head), old, Path(tmp) / "head")
        return done


def judged(done: Review, root: Path, base: str, head: str, old: Tree, into: Path) -> None:
    """What ``head`` changes besides data: listed, and its campaign config compared (not in effect yet)."""
    done.head = gitrepo.short(root, head)
    done.pending = pending.not_data(gitrepo.changed_paths(root, base, head))
    done.changed_files = sorted(set(done.changed_files) | set(done.pending))
    if CAMPAIGN_FILE in done.pending:
        into.mkdir()
        gitrepo.extract(root, head, [CAMPAIGN_FILE], into)
        proposed = trees.load_campaign(into)
        done.campaign = campaign.section(old.repo.campaign, proposed)
        done.campaign.title += "，合并后才生效"


def compare(
    old: Tree, new: Tree, changed: list[str], base: str, touched: list[str], sources: extras.Extras
) -> Review:
    units = []
    for code in _order(old, new, touched):
        a = old.repo.units.get(code, UnitData(code))
        b = new.repo.units.get(code, UnitData(code))
        sections = records.unit_sections(a, b, _names(a, b))
        if sections:
            units.append(UnitReview(code, _unit_name(old, new, code), sections))
    return Review(
        base=base,
        changed_files=changed,
        other_files=[p for p in changed if unit_of(p) is None and p != CAMPAIGN_FILE],
        base_checks=old.counts,
        head_checks=new.counts,
        campaign=campaign.section(old.repo.campaign, new.repo.campaign),
        units=units,
        whole=bool(sources),
        figures=extras.figure_changes(sources.figures, old, new) if sources.figures else None,
        findings=extras.finding_changes(sources.findings, old, new) if sources.findings else None,
    )


def _order(old: Tree, new: Tree, touched: list[str]) -> list[str]:
    """Units in the campaign's order (the statistics tables' order); unknown folders last."""
    order: list[str] = []
    for tree in (new, old):
        if tree.repo.campaign is not None:
            order += [u.code for u in tree.repo.campaign.units if u.code not in order]
    wanted = set(touched)
    return [c for c in order if c in wanted] + [c for c in touched if c not in order]


def _unit_name(old: Tree, new: Tree, code: str) -> str:
    for tree in (new, old):
        config = tree.repo.campaign.unit(code) if tree.repo.campaign else None
        if config is not None:
            return config.name
    return code


def _names(old: UnitData, new: UnitData) -> records.Names:
    known: dict[str, str] = {}
    for unit in (old, new):  # the working tree's names win
        known.update({r.id: r.name for r in unit.reports})
        known.update({p.id: p.name for p in unit.roster})

    def name(person: str) -> str:
        return f"{person} {known[person]}" if person in known else person

    return name
