"""Import: a filled workbook → checked declarations → the unit's YAML files, or nothing at all.

Cells are read (workbook_read), each file is validated against its schema, the unit's rules run
as `privtravel check` runs them, and every problem is told at its cell.  Files are written only when
no error remains, and only those whose meaning changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from privtravel import rules
from privtravel.diagnostics import Result
from privtravel.excel import removals, unitdocs, workbook_read
from privtravel.excel.layout import KINDS as WORKBOOK_KINDS
from privtravel.excel.layout import layout
from privtravel.excel.messages import rule_problems, schema_problems
from privtravel.excel.places import Problem
from privtravel.excel.unitdocs import Plan
from privtravel.load import serial
from privtravel.load.layout import INSPECTIONS, Kind, classify
from privtravel.model import Campaign, Src, UnitData
from privtravel.validate import schemas


@dataclass
class Outcome:
    code: str
    problems: list[Problem] = field(default_factory=list)
    plan: Plan | None = None  # None when errors kept anything from being written
    rows: int = 0
    rules_checked: bool = False
    removed: list[str] = field(default_factory=list)  # 工作表：what (reports, ledger records) goes

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]


def run(
    root: Path, campaign: Campaign, workbook: Path, *, unit: str | None, write: bool, remove: bool = False
) -> Outcome:
    """Read, check and (``write``) apply the workbook; removing reports or ledger records needs
    ``remove`` (without it they are errors naming what would go)."""
    max_bytes = campaign.max_file_kb * 1024

    def existing(code: str) -> set[Kind]:
        return {kind for kind in unitdocs.existing_paths(root, code).values() if kind is not Kind.REPORT}

    extracted = workbook_read.read(workbook, unit=unit, existing=existing)
    code = extracted.docs.code
    outcome = Outcome(code, list(extracted.problems), rows=extracted.rows_read)
    if code and campaign.unit(code) is None:
        place = extracted.cellmap.find(unitdocs.rel_path(code, Kind.UNIT), ())
        outcome.problems.append(
            Problem(place[0] if place else None, f"单位代码「{code}」不在 campaign.yaml 的单位名单中。")
        )
    if not code:
        return _sorted(outcome)
    unit_data = _other_files(root, code, max_bytes)
    for rel, (kind, data) in sorted(extracted.docs.all_files().items()):
        unit_data.files.append(rel)
        errors = schemas.errors(kind.schema_file, data)
        bad = extracted.bad.get(rel, set())
        if errors or bad:
            outcome.problems.extend(schema_problems(kind, rel, errors, extracted.cellmap, bad))
            unit_data.invalid_files.append(rel)
            if kind is Kind.REPORT:
                unit_data.unreadable_report_ids.add(PurePosixPath(rel).stem.split("-", 1)[0])
            continue
        serial.build_into(kind, data, Src(rel), unit_data)
    if not outcome.errors:  # rules on partial data would report what is missing only for now
        outcome.problems.extend(rule_problems(rules.check_unit(campaign, unit_data), extracted.cellmap))
        outcome.rules_checked = True
    current, _ = unitdocs.load(root, code, max_bytes)
    gone = removals.removals(current, extracted.docs)
    outcome.removed = [f"{r.sheet}：{r.what}" for r in gone]
    if gone and not remove:
        by_sheet: dict[str, list[str]] = {}
        for r in gone:
            by_sheet.setdefault(r.sheet, []).append(r.what)
        for sheet, items in by_sheet.items():
            outcome.problems.append(Problem(None, removals.message(sheet, items), file=f"「{sheet}」工作表"))
    _sorted(outcome)
    if outcome.errors:
        return outcome
    outcome.plan = unitdocs.plan(root, extracted.docs, max_bytes, current)
    if write:
        unitdocs.apply(root, outcome.plan)
    return outcome


def _other_files(root: Path, code: str, max_bytes: int) -> UnitData:
    """The unit's files the workbook does not hold (核查说明, 整改, the inspection record), as
    `check` loads them, so the rules see the whole unit."""
    unit = UnitData(code=code)
    scratch = Result()  # their own problems are `check`'s business, not this import's
    candidates = list(unitdocs.existing_paths(root, code))
    candidates += sorted(p.relative_to(root).as_posix() for p in (root / INSPECTIONS).glob("*.yaml"))
    for rel in candidates:
        place = classify(rel)
        if place is None or place.unit != code or place.kind in WORKBOOK_KINDS:
            continue
        serial.load_file(root, rel, unit, max_bytes, scratch)
    return unit


def _sorted(outcome: Outcome) -> Outcome:
    order = {sheet.name: i for i, sheet in enumerate(layout().sheets)}

    def key(problem: Problem) -> tuple[int, int, int, int, str]:
        if problem.place is None:
            return (0, -1, 0, 0, problem.message)
        p = problem.place
        return (1, order.get(p.sheet, len(order)), p.row, p.col, problem.message)

    outcome.problems.sort(key=key)
    return outcome
