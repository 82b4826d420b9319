"""Load and build whole units' declarations into a repository, in this process (the parallel
loader runs the same in each worker)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from privtravel.diagnostics import Diagnostic, JsonPath, Result
from privtravel.load import build, discovery
from privtravel.load.declaration import FileResults, load_declaration
from privtravel.load.layout import Kind, classify, subject_of
from privtravel.model import Campaign, Src, UnitData

Progress = Callable[[int, int], None]


@dataclass
class Repository:
    root: Path
    campaign: Campaign | None = None
    units: dict[str, UnitData] = field(default_factory=dict)


def load_serial(
    root: Path,
    paths: list[str],
    repo: Repository,
    max_bytes: int,
    result: Result,
    progress: Progress | None,
    cache: FileResults | None,
) -> None:
    """Load and build ``paths`` (whole units) into ``repo``, in this process."""
    collecting = gc.isenabled()
    gc.disable()  # nothing made here is cyclic garbage; collecting as records pile up cost 20%
    try:
        for done, rel in enumerate(paths, start=1):
            code = subject_of(rel)
            assert code is not None
            unit = repo.units.get(code)
            if unit is None:
                unit = repo.units[code] = UnitData(code=code)
            load_file(root, rel, unit, max_bytes, result, cache)
            if progress is not None:
                progress(done, len(paths))
    finally:
        if collecting:
            gc.enable()


def load_file(
    root: Path, rel: str, unit: UnitData, max_bytes: int, result: Result, cache: FileResults | None = None
) -> None:
    place = classify(rel)
    if place is None:
        result.add(Diagnostic(rel, "F111", discovery.unknown_file_message(rel), 1, 1))
        return
    if place.kind is not Kind.INSPECTION:  # the inspection group's file is not one the unit submitted
        unit.files.append(rel)
    found: dict[JsonPath, int] = {}
    data = load_declaration(root, rel, place.kind, max_bytes, result, found, cache)
    if data is None:
        unit.invalid_files.append(rel)
        if place.kind is Kind.REPORT:
            unit.unreadable_report_ids.add(PurePosixPath(rel).stem.split("-", 1)[0])
        return
    src = Src(rel, (), 1)
    declared_unit = data.get("单位代码")
    if declared_unit != unit.code:
        where = "文件名" if place.kind is Kind.INSPECTION else "所在文件夹"
        result.add(
            Diagnostic(
                rel,
                "R309",
                f"文件中的单位代码「{declared_unit}」与{where}「{unit.code}」不一致：每个单位只能在自己的文件夹里填报。",
                field="单位代码",
                json_path=("单位代码",),
            )
        )
    with build.positions(found):
        build_into(place.kind, data, src, unit)


def build_into(kind: Kind, data: dict[str, Any], src: Src, unit: UnitData) -> None:
    if kind is Kind.UNIT:
        unit.profile = build.unit_profile(data, src)
    elif kind is Kind.ROSTER:
        unit.roster = build.roster(data, src)
        unit.roster_src = src
    elif kind is Kind.REPORT:
        unit.reports.append(build.report(data, src))
    elif kind is Kind.CUSTODY:
        unit.custody = build.custody(data, src)
        unit.custody_src = src
    elif kind is Kind.APPROVALS:
        unit.approvals = build.approvals(data, src)
        unit.approvals_src = src
    elif kind is Kind.CASES:
        unit.cases = build.cases(data, src)
        unit.cases_src = src
    elif kind is Kind.RESPONSES:
        unit.responses = build.responses(data, src)
        unit.responses_src = src
    elif kind is Kind.INSPECTION:
        unit.inspection = build.inspection(data, src)
    elif kind is Kind.RECTIFICATION:
        unit.rectifications = build.rectifications(data, src)
        unit.rectifications_src = src
