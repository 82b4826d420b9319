"""Who is covered: unique ids, one report per person, report types that match their content."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath

from privtravel.diagnostics import Diagnostic
from privtravel.load.layout import SUBMISSIONS
from privtravel.model import REPORT_EXEMPT, REPORT_FILED, REPORT_ZERO, Campaign, Report, UnitData
from privtravel.rules._emit import at

RETIRED_CATEGORY = "退休满1年的市管干部"


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    yield from _required_files(unit)
    yield from _unique_ids(unit)
    roster_names = {p.id: p.name for p in unit.roster}
    commission = {p.id for p in unit.roster if p.commission_cadre}
    for report in unit.reports:
        yield from _file_name(report)
        yield from _content(report, report.id in commission)
        roster_name = roster_names.get(report.id)
        if roster_name is not None and roster_name != report.name:
            yield at(
                report.src,
                "R316",
                f"编号 {report.id} 在登记备案名单中是「{roster_name}」，报告表中是「{report.name}」。",
                "姓名",
            )
    reported = {r.id for r in unit.reports} | unit.unreadable_report_ids
    for person in unit.roster:
        if person.id in reported or person.revoked or person.category == RETIRED_CATEGORY:
            continue
        yield at(
            person.src,
            "R307",
            f"登记备案人员 {person.id} {person.name} 还没有报告表（无情况的也要「零报告」）。",
        )
    profile = unit.profile
    if profile is not None and len(unit.reports) > profile.staff_total:
        yield at(
            profile.src,
            "R314",
            f"已有 {len(unit.reports)} 份报告表，多于填写的国家工作人员总数 {profile.staff_total}。",
            "国家工作人员总数",
        )


def _required_files(unit: UnitData) -> Iterator[Diagnostic]:
    if not unit.files:
        return
    folder = f"{SUBMISSIONS}/{unit.code}"
    present = {PurePosixPath(f).name for f in unit.files}
    for name in ("单位.yaml", "登记备案.yaml"):
        if name not in present:
            yield Diagnostic(f"{folder}/{name}", "R315", f"单位文件夹里还没有「{name}」。")


def _unique_ids(unit: UnitData) -> Iterator[Diagnostic]:
    groups = (
        ("人员编号", [(p.id, p.src) for p in unit.roster], "编号"),
        ("报告表编号", [(r.id, r.src) for r in unit.reports], "编号"),
        ("审批编号", [(a.id, a.src) for a in unit.approvals], "审批编号"),
        ("问题编号", [(c.id, c.src) for c in unit.cases], "问题编号"),
    )
    for label, items, key in groups:
        counts = Counter(i for i, _ in items)
        first: dict[str, str] = {}
        for ident, src in items:
            if counts[ident] < 2:
                continue
            if ident not in first:
                first[ident] = src.path
                continue
            elsewhere = "本文件中已有" if first[ident] == src.path else f"另见 {first[ident]}"
            yield at(src, "R310", f"{label}「{ident}」重复（{elsewhere}）。", key)


def _file_name(report: Report) -> Iterator[Diagnostic]:
    stem = PurePosixPath(report.src.path).stem
    if stem not in (report.id, f"{report.id}-{report.name}"):
        yield at(
            report.src,
            "R312",
            f"文件名应为「{report.id}-{report.name}.yaml」，与文件里的编号、姓名一致。",
            "编号",
        )


def _content(report: Report, commission_cadre: bool) -> Iterator[Diagnostic]:
    has_content = bool(report.documents or report.trips)
    if report.kind == REPORT_ZERO and has_content:
        yield at(
            report.src,
            "R311",
            "报告类型是「零报告」，却填写了证件或出国（境）情况：应改为「填报」。",
            "报告类型",
        )
    if report.kind == REPORT_FILED and not has_content:
        yield at(
            report.src,
            "R311",
            "报告类型是「填报」，但没有任何证件和出国（境）情况：应改为「零报告」。",
            "报告类型",
        )
    if report.kind == REPORT_EXEMPT:
        if has_content:
            yield at(
                report.src,
                "R311",
                "「市管领导干部无需填报」的报告不应再填写证件或出国（境）情况。",
                "报告类型",
            )
        return
    if report.signed is None:
        yield at(report.src, "R311", "缺少「签名日期」：报告表须本人在承诺栏签名。", "报告类型")
    if report.paper_kept_by is None:
        yield at(report.src, "R311", "缺少「纸质报告表保管」：写明签名的纸质报告表由谁保存。", "报告类型")
    elif commission_cadre and report.paper_kept_by != "委政治处":
        yield at(
            report.src,
            "R311",
            "委管干部的报告表由委政治处保存，「纸质报告表保管」应为「委政治处」。",
            "纸质报告表保管",
        )
