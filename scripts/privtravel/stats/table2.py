"""附件2 干部因私出国（境）专项整治工作情况汇总统计表: 20 columns, each with its 统计口径."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.model import Case
from privtravel.rules import accountability
from privtravel.stats.columns import Registry, by_key
from privtravel.stats.context import NEW, UnitContext, doc_label
from privtravel.stats.findings import UNAPPROVED_TRIP
from privtravel.stats.options import CASES_BY_CASE
from privtravel.stats.table import Cell, Ref

UNAPPROVED_BODY = "未经审批"  # what a report's 审批机构 says of a trip taken without approval

ORGANISED = "组织开展情况"
SCREENING = "问题排查情况"
HANDLING = "违规违纪问题处理情况"
METHODS_GROUP = "处理方式（人次）"

KINDS = (
    ("illegal_issue", "违规办理因私证照"),
    ("illegal_holding", "违规持有因私证照"),
    ("concealed_holding", "瞒报持有因私证照"),
    ("unapproved_trip", "未经批准擅自出国(境)"),
    ("off_approval_trip", "未按审批要求出国境"),
    ("concealed_trip", "瞒报出国境情况"),
    ("lax_approval", "出国境审批事项把关不严"),
)
METHODS = (
    ("criticism", "批评教育"),
    ("admonition", "诫勉"),
    ("transfer", "调离岗位"),
    ("ordered_resign", "责令辞职"),
    ("dismissal", "免职"),
    ("demotion", "降职"),
    ("referral", "移交纪检监察机关"),
)

TABLE = Registry("fj2", "附件2", "干部因私出国（境）专项整治工作情况汇总统计表")

TABLE.fixed("no", ("序号",), "单位行按 campaign.yaml 中地区和单位的顺序连续编号；小计、合计行不编号。")
TABLE.fixed(
    "name",
    ("地区、单位（部门）",),
    "campaign.yaml 中的单位名称；每个地区的单位之后是该地区的「小计」，最后是全部单位的「合计」。",
)


def _cases(ctx: UnitContext) -> list[Case]:
    """Cases found on or before the statistics date, in file order."""
    return [c for c in ctx.unit_data().cases if c.found_on <= ctx.options.as_of]


@TABLE.column(
    "new_registered",
    (ORGANISED, "新增登记备案人数"),
    "人",
    """
人数。登记备案.yaml 中「变动类型：新增」的登记，其{registered_by}在{since}（组织开展起算日期）至{as_of}（统计截止日期）之间的人员；
同一人在此期间多次新增登记只计1人。尚未报送公安机关的新增不计入（报送后才算登记备案）。
""",
)
def new_registered(ctx: UnitContext) -> Cell:
    since, as_of = ctx.options.since, ctx.options.as_of

    def rows() -> Iterator[tuple[str, Ref]]:
        for person in ctx.unit_data().roster:
            for change in person.changes:
                day = ctx.registered_on(change)
                if change.kind == NEW and day is not None and since <= day <= as_of:
                    what = f"登记备案：新增，{ctx.options.registered_by} {day}"
                    yield person.id, Ref(ctx.code, person.id, person.name, what, change.src)

    return by_key(rows())


@TABLE.column(
    "new_collected",
    (ORGANISED, "新收缴证件数(本)"),
    "本",
    """
本数。证件保管.yaml 中「交存日期」在{since}至{as_of}之间的证件，按证件类别和证件号码计，同一本证件多次交存只计1本。
委管干部交委政治处保管的证件没有交存日期记录，不计入本列。
""",
)
def new_collected(ctx: UnitContext) -> Cell:
    since, as_of = ctx.options.since, ctx.options.as_of

    def rows() -> Iterator[tuple[str, Ref]]:
        for item in ctx.unit_data().custody:
            if since <= item.deposited <= as_of:
                what = f"保管登记册：{doc_label(item.type, item.number)}，{item.deposited} 交存"
                name = ctx.names.get(item.person_id)
                yield f"{item.type}\0{item.number}", Ref(ctx.code, item.person_id, name, what, item.src)

    return by_key(rows())


@TABLE.column(
    "unapproved_since",
    (SCREENING, "{trips_since}以来未经审批出国（境）人数"),
    "人",
    """
人数。查实{trips_since}以来有未经审批出国（境）情况的人员，同一人多次只计1人。现在计入：
（1）违规问题.yaml 中「问题类型」含「未经批准擅自出国(境)」、发现日期不晚于{as_of}的问题的当事人；
（2）报告表中「审批机构」填「未经审批」、{trips_since}以后入境的出国（境）记录的本人。
与公安出入境记录比对核查后，经核实确认的「未经批准擅自出国(境)」问题线索，其当事人也计入本列（同一人仍只计1人）；
尚未核实的线索不计入。
""",
)
def unapproved_since(ctx: UnitContext) -> Cell:
    options = ctx.options

    def rows() -> Iterator[tuple[str, Ref]]:
        for case in _cases(ctx):
            if UNAPPROVED_TRIP in case.kinds:
                what = f"违规问题 {case.id}：{UNAPPROVED_TRIP}（{case.found_by}）"
                yield (
                    case.person_id,
                    Ref(ctx.code, case.person_id, ctx.names.get(case.person_id), what, case.src),
                )
        for report in ctx.unit_data().reports:
            for trip in report.trips:
                if (
                    trip.approved_by == UNAPPROVED_BODY
                    and trip.entry >= options.trips_since
                    and trip.exit <= options.as_of
                ):
                    places = "、".join(trip.places)
                    what = f"报告表：{trip.exit} 至 {trip.entry} 赴{places}，审批机构填「{UNAPPROVED_BODY}」"
                    yield report.id, Ref(ctx.code, report.id, report.name, what, trip.src)
        for finding in ctx.findings:
            if finding.kind == UNAPPROVED_TRIP:
                what = f"核查确认 {finding.code}：{finding.summary or UNAPPROVED_TRIP}"
                yield (
                    finding.person,
                    Ref(ctx.code, finding.person, ctx.names.get(finding.person), what, finding.src),
                )

    return by_key(rows())


def _kind_column(key: str, kind: str) -> None:
    @TABLE.column(
        key,
        (HANDLING, kind),
        "{cases_measure}",
        f"""
按「违规问题计数」（现为{{cases_by}}）。违规问题.yaml 中「问题类型」含「{kind}」、发现日期不晚于{{as_of}}的问题：
按人数计时，同一人有几起此类问题只计1人；按起数计时，每起问题计1。一起问题涉及几类问题的，在每一类各计1次。
无论是否已经处理都计入。
""",
    )
    def count(ctx: UnitContext) -> Cell:
        by_case = ctx.options.cases_by == CASES_BY_CASE

        def rows() -> Iterator[tuple[str, Ref]]:
            for case in _cases(ctx):
                if kind in case.kinds:
                    what = f"违规问题 {case.id}：{'、'.join(case.kinds)}（{case.found_by}）"
                    name = ctx.names.get(case.person_id)
                    yield (
                        (case.id if by_case else case.person_id),
                        Ref(ctx.code, case.person_id, name, what, case.src),
                    )

        return by_key(rows())


for _key, _kind in KINDS:
    _kind_column(_key, _kind)


def _handlings(ctx: UnitContext) -> Iterator[tuple[str, str, tuple[object, ...], Ref]]:
    """Every handling decided on or before the statistics date: (person, method, decision key, ref)."""
    as_of = ctx.options.as_of
    ids = accountability.roster_ids(ctx.unit_data().roster)
    for case in _cases(ctx):
        name = ctx.names.get(case.person_id)
        for h in case.handlings:
            if h.date <= as_of:
                what = f"违规问题 {case.id}：{h.method}，{h.body} {h.date}" + (
                    f"（{h.number}）" if h.number else ""
                )
                key = (h.method, h.date, h.body, h.number)
                yield case.person_id, h.method, key, Ref(ctx.code, case.person_id, name, what, h.src)
        if not ctx.options.accountable_handled:
            continue
        for acc in case.accountable:
            if acc.date <= as_of:
                who = accountability.who(acc, ids)
                what = f"违规问题 {case.id} 责任追究（{acc.responsibility}）：{acc.method} {acc.date}"
                key = (acc.method, acc.date, "", None)
                person = who if who in ctx.names else acc.person_id
                yield who, acc.method, key, Ref(ctx.code, person, acc.name, what, acc.src)


@TABLE.column(
    "handled",
    (HANDLING, "处理人数"),
    "人",
    """
人数。违规问题.yaml 中受到处理（决定日期不晚于{as_of}）的问题当事人{accountable}；
同一人受到几次、几种处理只计1人。尚未作出处理的问题不计入本列。
""",
)
def handled(ctx: UnitContext) -> Cell:
    return by_key((person, ref) for person, _, _, ref in _handlings(ctx))


def _method_column(key: str, method: str) -> None:
    @TABLE.column(
        key,
        (HANDLING, METHODS_GROUP, method),
        "人次",
        f"""
人次。决定日期不晚于{{as_of}}、处理方式为「{method}」的处理决定{{accountable}}，每人每个决定计1人次：
同一人因几起问题分别受到此种处理的，计几人次；同一个决定（同一决定机关、日期和文号）记在几起问题下的，只计1人次。
""",
    )
    def count(ctx: UnitContext) -> Cell:
        def rows() -> Iterator[tuple[str, Ref]]:
            for person, m, decision, ref in _handlings(ctx):
                if m == method:
                    yield repr((person, decision)), ref

        return by_key(rows())


for _key, _method in METHODS:
    _method_column(_key, _method)
