"""The generated 集中检查 and 整改 agree with the generated data, as the project's own checks see it.

A campaign is generated into a fresh folder with the real command; then the cross-check runs on it and
the dashboard's own consistency check (site/pages/unit_checks.py) reads every inspection against it:
only the contradictions planted on purpose, and recorded in the manifest, may show.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from privtravel.cli import main
from privtravel.commands.check import check
from privtravel.crosscheck.answers import CLEARED
from privtravel.crosscheck.run import crosscheck
from privtravel.demo import DEMO, Options
from privtravel.diagnostics import Result
from privtravel.load import repository
from privtravel.model import ASPECT_OK
from privtravel.site.pages.unit_checks import contradictions

CONTRADICTIONS = ("inspection_overlooked", "inspection_says_no_rules")


def _generate(root: Path, options: Options) -> dict[str, object]:
    args = ["demo", "--out", str(root), "--manifest", str(root / "m.json"), "--seed", str(options.seed)]
    args += ["--units", str(options.units), "--people", str(options.people)]
    args += ["--crossings", str(options.crossings), "--rate", str(options.rate)]
    assert main(args) == 0
    manifest: dict[str, object] = json.loads((root / "m.json").read_text(encoding="utf-8"))
    return manifest


@pytest.mark.parametrize(
    "options",
    [DEMO, Options(seed=3, units=24, people=500, crossings=2000, rate=0.01)],
    ids=["demo", "24-units-province"],
)
def test_every_inspection_conclusion_agrees_with_the_data(
    tmp_path: Path, options: Options, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _generate(tmp_path, options)
    capsys.readouterr()
    situations: list[dict[str, object]] = manifest["situations"]  # type: ignore[assignment]
    planted = {(s["unit"], s["kind"]): s for s in situations if s["kind"] in CONTRADICTIONS}
    assert {kind for _, kind in planted} == set(CONTRADICTIONS)
    inspected = manifest["inspected"]
    assert isinstance(inspected, list) and 0 < len(inspected) < options.units  # 「部分」单位

    checked = check(tmp_path)
    assert checked.errors == []
    assert not [d for d in checked.warnings if d.code.startswith("R33")]  # every problem has a measure

    outcome = crosscheck(tmp_path)
    assert outcome.complete
    summaries = {s.unit: s for s in outcome.units}
    repo = repository.load(tmp_path, Result())
    found: dict[tuple[str, str], set[str]] = defaultdict(set)  # (unit, aspect) → people with findings
    for a in outcome.answered:
        if a.state != CLEARED:
            found[(a.finding.unit, a.finding.info.indicator.value)].add(a.finding.person_id or "")
    assert sorted(c for c, u in repo.units.items() if u.inspection is not None) == sorted(inspected)
    for code in inspected:
        unit = repo.units[code]
        assert unit.inspection is not None and unit.profile is not None
        flagged = contradictions(unit, summaries[code])
        kinds = {kind for (u, kind) in planted if u == code}
        expected = [f"{planted[(code, k)]['details']['方面']}：" for k in sorted(kinds)]  # type: ignore[index]
        assert sorted(text.split("：")[0] + "：" for text in flagged) == sorted(expected), (code, flagged)
        for aspect in unit.inspection.aspects:
            problems = [p for p in unit.inspection.problems if p.aspect == aspect.aspect]
            people = {person for p in problems for person in p.person_ids}
            with_findings = found.get((code, aspect.aspect), set())
            if aspect.aspect == "应建尽建":
                said_no_rules = "inspection_says_no_rules" in kinds
                assert (aspect.verdict == ASPECT_OK) == (bool(unit.profile.rules) and not said_no_rules)
            elif (code, "inspection_overlooked") in planted and not problems and with_findings:
                assert aspect.verdict == ASPECT_OK  # the planted oversight, flagged above
            else:
                # 存在问题 exactly where the cross-check has findings, naming exactly their people
                assert (aspect.verdict != ASPECT_OK) == bool(with_findings), (code, aspect.aspect)
                assert people == with_findings - {""}, (code, aspect.aspect)
        measures = {r.problem_id for r in unit.rectifications}
        assert measures == {p.id for p in unit.inspection.problems}
    for code, unit in repo.units.items():
        if code not in inspected:
            assert unit.inspection is None and unit.rectifications == []
