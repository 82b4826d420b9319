"""Who is covered: unique ids, one report per person, report types that match their content."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath

from privtravel import masking
from privtravel.diagnostics import Diagnostic
from privtravel.load.layout import SUBMISSIONS
from privtravel.model import REPORT_EXEMPT, REPORT_FILED, REPORT_ZERO, Campaign, Report, UnitData
from privtravel.rules import reporting
from privtravel.rules._emit import at

SELF = "本人"  # 保管机构 of a document not handed in
COMMISSION = "委政治处"


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
    covered = reporting.coverage(unit)
    for person in covered.due:
        if covered.state[person.id] == reporting.MISSING:
            yield at(
                person.src,
                "R307",
                f"登记备案人员 {person.id} {person.name} 还没有报告表（无情况的也要「零报告」）。",
            )
    yield from _off_roster(unit, covered.off_roster)
    profile = unit.profile
    if profile is not None and len(unit.reports) > profile.staff_total:
        yield at(
            profile.src,
            "R314",
            f"已有 {len(unit.reports)} 份报告表，多于填写的国家工作人员总数 {profile.staff_total}。",
            "国家工作人员总数",
        )


def _off_roster(unit: UnitData, reports: tuple[Report, ...]) -> Iterator[Diagnostic]:
    """A report whose 编号 the roster lacks, where the unit's own declarations treat the person as
    registered: a roster entry deleted while its report stays, or a mistyped 编号.

    Any serving state employee reports (附件1), registered or not, so a plain report of someone not on
    the roster is right: it is counted apart (「名单外的报告」 in the summaries), and the cross-check tells
    from the police data whether such a person should have been registered (X201).
    """
    if unit.roster_src is None:
        return  # no readable roster (R315 or the file's own errors say so): nothing to compare with
    by_name: dict[str, list[str]] = {}
    for p in unit.roster:
        by_name.setdefault(p.name, []).append(p.id)
    in_custody = {i.person_id for i in unit.custody}
    for report in reports:
        signs = []
        same_name = [i for i in by_name.get(report.name, []) if i != report.id]
        if same_name:
            ids = "、".join(masking.mask_text(i) for i in same_name)  # an ID number used as 编号 (R335)
            signs.append(f"名单中的 {report.name} 编号是 {ids}")
        if report.id in in_custody:
            signs.append("证件保管登记册中有此人的证件（集中保管的是登记备案人员的证件）")
        handed = sorted({d.kept_by for d in report.documents if d.kept_by != SELF})
        if handed:
            signs.append(f"报告表写证件由「{'、'.join(handed)}」保管")
        if report.paper_kept_by == COMMISSION:
            signs.append("纸质报告表由委政治处保存（委管干部）")
        if not signs:
            continue
        yield at(
            report.src,
            "R321",
            f"报告表 {report.id} {report.name} 的编号不在本单位的登记备案名单（登记备案.yaml）中，"
            f"但{'；'.join(signs)}：编号写错的请改正，名单中误删的请恢复（离开的人员写调离、退休等变动记录，"
            "不删除），应登记备案的请列入名单并报送公安机关。",
            "编号",
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
    elif commission_cadre and report.paper_kept_by != COMMISSION:
        yield at(
            report.src,
            "R311",
            "委管干部的报告表由委政治处保存，「纸质报告表保管」应为「委政治处」。",
            "纸质报告表保管",
        )
