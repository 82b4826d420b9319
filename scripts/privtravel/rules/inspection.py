"""集中检查 and 整改: the inspection group's record of a unit and the unit's rectification items agree.

The inspection (inspections/<单位代码>.yaml) is written by the 专项检查组; the rectification items
(submissions/<单位代码>/整改.yaml) by the unit.  Both are checked here, together, per unit.
Numbers typed into their texts are found as in every file's free text (rules/freetext.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.load.layout import INSPECTIONS
from privtravel.model import ASPECT_OK, Campaign, Inspection, Rectification, Src, UnitData
from privtravel.rules._emit import at


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    inspection = unit.inspection
    if inspection is not None and campaign.unit(unit.code) is None:
        yield at(
            inspection.src,
            "R309",
            f"被检查单位「{unit.code}」不在 campaign.yaml 的单位名单中：请核对文件名和单位代码。",
            "单位代码",
        )
        return
    if inspection is not None:
        yield from _inspection(unit, inspection)
    yield from _rectifications(unit, inspection)


def _inspection(unit: UnitData, inspection: Inspection) -> Iterator[Diagnostic]:
    yield from _duplicates([(p.id, p.src) for p in inspection.problems], "问题编号")
    verdicts = {a.aspect: a for a in inspection.aspects}
    people = {p.id for p in unit.roster} | {r.id for r in unit.reports}
    for problem in inspection.problems:
        verdict = verdicts.get(problem.aspect)
        if verdict is not None and verdict.verdict == ASPECT_OK:
            yield at(
                problem.src,
                "R334",
                f"「{problem.aspect}」的检查结论是「{ASPECT_OK}」，却列有这一方面的问题：结论应为「存在问题」。",
                "方面",
            )
        if problem.circulated and not problem.serious:
            yield at(
                problem.src, "R334", "只有严重违规违纪问题才通报：标了「通报」的问题应为「严重」。", "通报"
            )
        if problem.deadline is not None and problem.deadline < inspection.date:
            yield at(problem.src, "R301", "整改期限早于检查日期。", "整改期限")
        for i, person in enumerate(problem.person_ids):
            if unit.roster and person not in people:
                yield at(
                    problem.src,
                    "R308",
                    f"人员编号「{person}」在本单位的登记备案名单和报告表中都找不到。",
                    "涉及人员",
                    i,
                )


def _rectifications(unit: UnitData, inspection: Inspection | None) -> Iterator[Diagnostic]:
    items = unit.rectifications
    yield from _duplicates([(r.id, r.src) for r in items], "整改编号")
    problems = {p.id: p for p in inspection.problems} if inspection is not None else {}
    unreadable = any(path.startswith(f"{INSPECTIONS}/") for path in unit.invalid_files)
    for item in items:
        yield from _status(item)
        problem = problems.get(item.problem_id)
        if problem is None and unreadable:
            continue  # the inspection file has errors of its own: it cannot be told what is missing
        if problem is None:
            where = (
                f"{inspection.src.path} 中没有这个问题"
                if inspection is not None
                else f"专项检查组还没有提交本单位的检查情况（inspections/{unit.code}.yaml）"
            )
            yield at(item.src, "R330", f"问题编号「{item.problem_id}」找不到：{where}。", "问题编号")
            continue
        assert inspection is not None
        if item.due < inspection.date:
            yield at(item.src, "R301", "完成时限早于检查日期。", "完成时限")
        if item.closed is not None and item.closed < inspection.date:
            yield at(item.src, "R301", "完成日期早于检查日期。", "完成日期")
        if problem.deadline is not None and item.due > problem.deadline:
            yield at(
                item.src,
                "R333",
                f"完成时限晚于检查组要求的整改期限 {problem.deadline.isoformat()}。",
                "完成时限",
            )
    if inspection is None:
        return
    answered = {r.problem_id for r in items}
    for problem in inspection.problems:
        if problem.id not in answered:
            yield at(
                problem.src,
                "R331",
                f"问题「{problem.id}」还没有整改措施：请在 submissions/{unit.code}/整改.yaml 中填写。",
                "问题编号",
            )


def _status(item: Rectification) -> Iterator[Diagnostic]:
    if item.done:
        if item.closed is None:
            yield at(item.src, "R332", "整改状态是「已完成」，缺少「完成日期」。", "整改状态")
        if not item.proof:
            yield at(item.src, "R332", "整改状态是「已完成」，缺少「完成证明」。", "整改状态")
    elif item.closed is not None:
        yield at(item.src, "R332", f"整改状态是「{item.status}」，不应填写完成日期。", "完成日期")


def _duplicates(items: list[tuple[str, Src]], key: str) -> Iterator[Diagnostic]:
    counts = Counter(ident for ident, _ in items)
    seen: set[str] = set()
    for ident, src in items:
        if counts[ident] > 1 and ident in seen:
            yield at(src, "R310", f"{key}「{ident}」重复（本文件中已有）。", key)
        seen.add(ident)
