"""The committed demo campaign: every planted situation comes out as its findings, and nothing else does."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from privtravel.crosscheck.run import crosscheck

REPO = Path(__file__).parents[2]


def test_planted_situations_are_exactly_the_findings() -> None:
    manifest = json.loads((REPO / "tests" / "fixtures" / "demo_planted.json").read_text(encoding="utf-8"))
    planted: Counter[tuple[str, str, str]] = Counter()
    for situation in manifest["situations"]:
        for title in situation["findings"]:
            planted[(situation["unit"], situation["person"] or "", title)] += 1
    outcome = crosscheck(REPO)
    assert outcome.complete and not outcome.result.errors
    found = Counter(
        (a.finding.unit, a.finding.person_id or "", a.finding.info.title) for a in outcome.answered
    )
    assert sorted((planted - found).elements()) == [], "planted but not found"
    assert sorted((found - planted).elements()) == [], "found but not planted"
    assert len(planted) > 20  # the demo plants many kinds of finding
