"""Helpers for the statistics tests: the hand-built campaign, computed through the real loader."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import campaign_builder

from privtravel.stats import Statistics, from_repository

Figures = dict[tuple[str, str, str], object]


def figures(stats: Statistics) -> Figures:
    """Every value of both tables, by (table, row id, column key), 序号 and 名称 included."""
    out: Figures = {}
    for t in stats.tables:
        for row in t.rows:
            out[(t.spec.key, row.id, "no")] = row.number
            out[(t.spec.key, row.id, "name")] = row.label
            for key, cell in row.cells.items():
                out[(t.spec.key, row.id, key)] = cell.value
    return out


@pytest.fixture
def compute_campaign(tmp_path: Path) -> Callable[[campaign_builder.Campaign], Statistics]:
    counter = iter(range(1000))

    def run(campaign: campaign_builder.Campaign) -> Statistics:
        root = campaign_builder.write(campaign, tmp_path / f"c{next(counter)}")
        result, stats = from_repository(root)
        assert not result.errors, [f"{d.path}:{d.line} {d.code} {d.message}" for d in result.errors]
        assert stats is not None
        return stats

    return run
