"""The cross-check as JSON (for CI, the review summary, the dashboard and stats). Numbers are masked."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any, TextIO

from privtravel.crosscheck.answers import STATES, Answered
from privtravel.crosscheck.catalog import INDICATORS
from privtravel.crosscheck.lines import LineFinder
from privtravel.crosscheck.run import Outcome
from privtravel.masking import mask_strings
from privtravel.report.json import as_dict as diagnostics_dict


def as_dict(outcome: Outcome, lines: LineFinder, *, units: Collection[str] = ()) -> dict[str, Any]:
    shown = [a for a in outcome.answered if not units or a.finding.unit in units]
    whole = {
        "complete": outcome.complete,
        "data_date": outcome.as_of.isoformat() if outcome.as_of else None,
        "police": {
            "files": outcome.police.files,
            "manifest": outcome.police.manifest,
            "holdings": len(outcome.police.holdings),
            "crossings": len(outcome.police.crossings),
            "trips": outcome.trips,
        },
        "counts": {s: sum(1 for a in shown if a.state == s) for s in STATES},
        "findings": [_finding(a, lines) for a in shown],
        "units": [
            {
                "unit": u.unit,
                "name": u.name,
                "indicators": [
                    {
                        "indicator": i.value,
                        "verdict": u.indicators[i].verdict,
                        "figures": u.indicators[i].flat(),
                        "states": {s: u.indicators[i].states[s] for s in STATES},
                        "codes": dict(sorted(u.indicators[i].codes.items())),
                    }
                    for i in INDICATORS
                ],
            }
            for u in outcome.units
            if not units or u.unit in units
        ],
        "input": diagnostics_dict(outcome.result),
    }
    # findings quote the units' own words (reasons, evidence): masked again, as every output
    masked: dict[str, Any] = mask_strings(whole)
    return masked


def _finding(a: Answered, lines: LineFinder) -> dict[str, Any]:
    f = a.finding
    info = f.info
    return {
        "code": f.code,
        "title": info.title,
        "indicator": info.indicator.value,
        "key": f.key,
        "unit": f.unit,
        "person_id": f.person_id,
        "person_name": f.person_name,
        "message": f.message,
        "rule": info.rule,
        "state": a.state,
        "case_kind": info.case_kind,
        "case": a.case.id if a.case is not None else None,
        "covered_by": a.covering.id if a.covering is not None else None,
        "reason": a.response.reason if a.response is not None else None,
        "response": (
            {"path": a.response.src.path, "field": "说明", "index": a.response.src.where[-1]}
            if a.response is not None
            else None
        ),
        "evidence": [
            {"source": e.source, "text": e.text, "path": e.path, "line": lines.line(e), "field": e.where}
            for e in f.evidence
        ],
    }


def write(outcome: Outcome, out: TextIO, lines: LineFinder, *, units: Collection[str] = ()) -> None:
    json.dump(as_dict(outcome, lines, units=units), out, ensure_ascii=False, indent=1)
    out.write("\n")
