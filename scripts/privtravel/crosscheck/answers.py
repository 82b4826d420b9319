"""The units' answers (核查说明.yaml): each finding is open, cleared (核实无问题) or confirmed (已查实)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from privtravel.crosscheck.context import Context
from privtravel.crosscheck.findings import Finding
from privtravel.diagnostics import Diagnostic
from privtravel.model import RESPONSE_CLEARED, Case, Response
from privtravel.rules._emit import at

OPEN = "待核实"
CLEARED = "核实无问题"
CONFIRMED = "已查实"
STATES = (OPEN, CLEARED, CONFIRMED)


@dataclass(frozen=True, slots=True)
class Answered:
    finding: Finding
    state: str
    response: Response | None = None
    case: Case | None = None  # 已查实: the case the unit's answer names
    covering: Case | None = None  # 待核实: a recorded case of the same person and 问题类型, not yet linked

    def covered_text(self) -> str:
        """「已在违规问题 … 中登记」: what an open finding a recorded case already covers should say."""
        if self.covering is None:
            return ""
        c = self.covering
        return (
            f"违规问题 {c.id}（{'、'.join(c.kinds)}，{c.found_on} 发现）已登记此人的同类问题：是同一问题的，"
            f"在核查说明.yaml 中答复「已查实」并写问题编号 {c.id}；不是的，写明核实情况。"
        )


def apply(ctx: Context, findings: Iterable[Finding], problems: list[Diagnostic]) -> list[Answered]:
    by_key = {(f.unit, f.key): f for f in findings}
    answers: dict[tuple[str, str], Answered] = {}
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        if unit is None:
            continue
        first: dict[str, Response] = {}
        for response in unit.responses:
            if response.key in first:
                problems.append(
                    at(
                        response.src,
                        "R310",
                        f"核查项「{response.key}」重复说明（另见{first[response.key].src.path}）。",
                        "核查项",
                    )
                )
                continue
            first[response.key] = response
            finding = by_key.get((code, response.key))
            if finding is None:
                problems.append(
                    at(
                        response.src,
                        "R318",
                        f"本次比对核查没有本单位的核查项「{response.key}」：请核对编号，问题已消除的可删除这条说明。",
                        "核查项",
                    )
                )
                continue
            answers[(code, response.key)] = _answer(ctx, code, finding, response, problems)
    covering = _covering(ctx)
    return [
        answers.get((f.unit, f.key)) or Answered(f, OPEN, covering=_covered(covering, f))
        for f in by_key.values()
    ]


def _covering(ctx: Context) -> dict[tuple[str, str, str], Case]:
    """(unit, person, 问题类型) -> the first recorded case of that person and kind, in file order."""
    out: dict[tuple[str, str, str], Case] = {}
    for (unit, _), case in ctx.cases.items():
        for kind in case.kinds:
            out.setdefault((unit, case.person_id, kind), case)
    return out


def _covered(covering: dict[tuple[str, str, str], Case], finding: Finding) -> Case | None:
    kind = finding.info.case_kind
    if kind is None or finding.person_id is None:
        return None
    return covering.get((finding.unit, finding.person_id, kind))


def _answer(
    ctx: Context, unit: str, finding: Finding, response: Response, problems: list[Diagnostic]
) -> Answered:
    if response.verdict == RESPONSE_CLEARED:
        return Answered(finding, CLEARED, response)
    assert response.case_id is not None  # the schema requires it for 已查实
    case = ctx.cases.get((unit, response.case_id))
    if case is None:
        problems.append(
            at(
                response.src,
                "R308",
                f"问题编号「{response.case_id}」在本单位的违规问题.yaml 中找不到。",
                "问题编号",
            )
        )
        return Answered(finding, OPEN, response)
    if finding.person_id is not None and case.person_id != finding.person_id:
        problems.append(
            at(
                response.src,
                "R319",
                f"核查项是编号 {finding.person_id} 的，引用的问题 {case.id} 却是编号 {case.person_id} 的。",
                "问题编号",
            )
        )
        return Answered(finding, OPEN, response)
    kind = finding.info.case_kind
    if kind is not None and kind not in case.kinds:
        problems.append(
            at(
                response.src,
                "R320",
                f"核查项是「{finding.info.title}」，问题 {case.id} 的问题类型（{'、'.join(case.kinds)}）中没有「{kind}」。",
                "问题编号",
            )
        )
    return Answered(finding, CONFIRMED, response, case)
