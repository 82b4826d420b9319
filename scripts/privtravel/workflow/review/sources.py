"""The statistics and the cross-check, plugged into the review through the seam in ``extras``.

Each adapter runs the project's own computation on one tree and turns its result into plain
``Figure`` / ``Finding`` values.  Heavy imports happen inside, when a review runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.workflow.review.extras import Extras, Figure, Finding
from privtravel.workflow.review.trees import Tree


def statistics(tree: Tree) -> Iterator[Figure]:
    """Every figure of 附件2 and 附件3 (unit rows, region subtotals, 合计), as ``privtravel stats`` computes them."""
    from privtravel.stats import compute
    from privtravel.stats.version import DataVersion

    campaign = tree.repo.campaign
    if campaign is None:
        return
    stats = compute(campaign, tree.repo.units, DataVersion(None, None, False, None))
    for table in stats.tables:
        for row in table.rows:
            for column in table.spec.data_columns:
                value = row.cells[column.key].value
                if value is not None:
                    yield Figure(table.spec.attachment, row.label, "›".join(column.path), str(value))


def findings(tree: Tree) -> Iterator[Finding]:
    """The cross-check findings still open (待核实) in this tree, keyed by unit and finding key."""
    from privtravel.crosscheck.answers import OPEN
    from privtravel.crosscheck.run import crosscheck

    campaign = tree.repo.campaign
    if campaign is None:
        return
    outcome = crosscheck(tree.root)
    if not outcome.complete:
        return
    names = {u.code: u.name for u in campaign.units}
    for answered in outcome.answered:
        if answered.state != OPEN:
            continue
        f = answered.finding
        unit = names.get(f.unit, f.unit or "未登记备案的人员")
        yield Finding(f"{f.unit}/{f.key}", unit, f"{f.code} {f.message}")


def installed() -> Extras:
    """The sources of this installation: the statistics (附件2, 附件3) and the cross-check findings."""
    return Extras(figures=(statistics,), findings=(findings,))
