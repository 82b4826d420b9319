"""The campaign as typed records, built from validated declarations.

Every record carries ``src``: the file and the place inside it, so that a rule can point at a
line and a statistic can name the records that make up a figure (provenance).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from privtravel.diagnostics import JsonPath


@dataclass(frozen=True, slots=True)
class Src:
    path: str
    where: JsonPath = ()
    line: int = field(default=0, compare=False)  # 1-based, of the record; 0 when unknown

    def at(self, *more: str | int) -> Src:
        return Src(self.path, (*self.where, *more), self.line)


@dataclass(frozen=True, slots=True)
class UnitConfig:
    code: str
    name: str
    region: str
    owners: tuple[str, ...]
    src: Src
    category: str = ""  # 类别 (UNIT_CATEGORIES); "" when campaign.yaml gives none


# campaign.yaml 单位「类别」, in the order the dashboard lists them (schemas/campaign.schema.json's enum):
# the kinds of institution of the health statistics (医院, 基层, 专业公共卫生机构 by kind) and the 委机关.
UNIT_CATEGORIES = (
    "委机关",
    "医院",
    "基层医疗卫生机构",
    "疾病预防控制机构",
    "卫生监督机构",
    "妇幼保健机构",
    "急救和采供血机构",
    "其他专业公共卫生机构",
    "其他卫生健康单位",
)


@dataclass(frozen=True, slots=True)
class StatsOptions:
    """The choices campaign.yaml makes for 附件2/附件3 (「统计口径」); None = the documented default."""

    since: dt.date | None = None  # 组织开展起算日期
    as_of: dt.date | None = None  # 统计截止日期
    cases_counted_by: str = "人数"  # 违规问题计数: 人数 | 起数
    registered_by: str = "报送公安日期"  # 实备以: 报送公安日期 | 公安入库日期
    accountable_handled: bool = True  # 处理人数含责任追究


@dataclass(frozen=True, slots=True)
class TableSigners:
    """campaign.yaml 统计表填表: who fills in and checks the committee's own tables ("" = left blank)."""

    filler: str = ""  # 填表人
    phone: str = ""  # 联系电话
    reviewer: str = ""  # 审核人


@dataclass(frozen=True, slots=True)
class CrosscheckSettings:
    """campaign.yaml 比对核查: the data date, tolerances and limits of the cross-check."""

    data_date: dt.date | None = None  # None: the police delivery manifest's 提取日期 (police/delivery.py)
    exit_early_days: int = 0
    entry_late_days: int = 0
    stay_limit_days: int | None = None  # None: no limit
    hk_macao_stay_limit_days: int | None = None
    trips_per_year: int | None = None


@dataclass(frozen=True, slots=True)
class Campaign:
    name: str
    year: int
    issuer: str
    trips_since: dt.date
    documents_expired_since: dt.date
    report_deadline: dt.date
    self_check_deadline: dt.date
    tables_deadline: dt.date
    inspection_deadline: dt.date
    monthly_report_day: int
    return_days: int
    max_file_kb: int
    regions: tuple[str, ...]
    units: tuple[UnitConfig, ...]
    reviewers: tuple[str, ...]
    maintainers: tuple[str, ...]
    src: Src
    demo: bool = False
    stats: StatsOptions = StatsOptions()
    crosscheck: CrosscheckSettings = CrosscheckSettings()
    signers: TableSigners = TableSigners()

    def unit(self, code: str) -> UnitConfig | None:
        for unit in self.units:
            if unit.code == code:
                return unit
        return None


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    number: str | None
    issued: dt.date
    revised: dt.date | None
    src: Src


@dataclass(frozen=True, slots=True)
class UnitProfile:
    code: str
    name: str
    staff_total: int
    rules: tuple[Rule, ...]
    custody_office: str
    custody_keepers: tuple[str, ...]
    custody_cabinet: bool
    custody_register: bool | None
    filler: str
    phone: str
    reviewer: str
    src: Src


@dataclass(frozen=True, slots=True)
class RosterChange:
    date: dt.date
    kind: str
    reported: dt.date | None
    entered: dt.date | None
    note: str | None
    src: Src


REVOKING_CHANGES = frozenset({"调离", "退休", "死亡"})


@dataclass(frozen=True, slots=True)
class RosterPerson:
    id: str
    name: str
    sex: str
    birth: dt.date
    id_number: str
    post: str
    supervisor: str | None
    category: str
    commission_cadre: bool
    strict_review: tuple[str, ...]
    changes: tuple[RosterChange, ...]
    src: Src

    @property
    def revoked(self) -> RosterChange | None:
        """The change that ends the registration (调离, 退休, 死亡), if any."""
        for change in reversed(self.changes):
            if change.kind in REVOKING_CHANGES:
                return change
            if change.kind == "新增":
                return None
        return None


@dataclass(frozen=True, slots=True)
class HeldDocument:
    type: str
    number: str
    issued: dt.date
    expires: dt.date
    kept_by: str
    note: str | None
    src: Src


@dataclass(frozen=True, slots=True)
class Trip:
    exit: dt.date
    entry: dt.date
    places: tuple[str, ...]
    reason: str
    approved_by: str
    approval_id: str | None
    note: str | None
    src: Src


REPORT_FILED = "填报"
REPORT_ZERO = "零报告"
REPORT_EXEMPT = "市管领导干部无需填报"


@dataclass(frozen=True, slots=True)
class Report:
    unit: str
    id: str
    name: str
    post: str
    kind: str
    documents: tuple[HeldDocument, ...]
    trips: tuple[Trip, ...]
    other: str | None
    signed: dt.date | None
    paper_kept_by: str | None
    exemption_note: str | None
    src: Src


@dataclass(frozen=True, slots=True)
class Loan:
    date: dt.date
    approval_id: str
    returned: dt.date | None
    handler: str | None
    src: Src


@dataclass(frozen=True, slots=True)
class Removal:
    date: dt.date
    reason: str
    note: str | None


@dataclass(frozen=True, slots=True)
class CustodyItem:
    person_id: str
    type: str
    number: str
    deposited: dt.date
    location: str | None
    loans: tuple[Loan, ...]
    removal: Removal | None
    src: Src


@dataclass(frozen=True, slots=True)
class Opinion:
    verdict: str
    date: dt.date
    body: str | None


@dataclass(frozen=True, slots=True)
class StrictReview:
    grounds: tuple[str, ...]
    measures: str


@dataclass(frozen=True, slots=True)
class Approval:
    id: str
    person_id: str
    applied: dt.date
    reason: str
    places: tuple[str, ...]
    planned_exit: dt.date
    planned_entry: dt.date
    nth_this_year: int | None
    opinion: Opinion | None
    strict: StrictReview | None
    result: str
    body: str | None
    approver: str | None
    approved_on: dt.date | None
    note: str | None
    src: Src


@dataclass(frozen=True, slots=True)
class Handling:
    method: str
    date: dt.date
    body: str
    number: str | None
    src: Src


@dataclass(frozen=True, slots=True)
class Accountable:
    person_id: str | None
    name: str
    post: str
    responsibility: str
    method: str
    date: dt.date
    src: Src


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    person_id: str
    kinds: tuple[str, ...]
    description: str
    found_on: dt.date
    found_by: str
    handlings: tuple[Handling, ...]
    accountable: tuple[Accountable, ...]
    src: Src


RESPONSE_CLEARED = "核实无问题"
RESPONSE_CONFIRMED = "已查实"


@dataclass(frozen=True, slots=True)
class Response:
    """A unit's answer to one cross-check finding, named by the finding's stable key."""

    key: str
    verdict: str  # RESPONSE_CLEARED or RESPONSE_CONFIRMED
    reason: str | None
    case_id: str | None
    date: dt.date | None
    src: Src


ASPECTS = ("应建尽建", "应备尽备", "应交尽交", "应审尽审", "应查尽查", "应处尽处")
ASPECT_OK = "符合要求"
RECTIFIED = "已完成"


@dataclass(frozen=True, slots=True)
class Inspector:
    name: str
    body: str
    post: str | None


@dataclass(frozen=True, slots=True)
class AspectVerdict:
    aspect: str  # one of ASPECTS
    verdict: str  # 符合要求 | 存在问题
    note: str | None
    src: Src


@dataclass(frozen=True, slots=True)
class InspectionProblem:
    id: str
    aspect: str
    description: str
    evidence: tuple[str, ...]
    serious: bool
    circulated: bool  # 通报
    deadline: dt.date | None  # 整改期限 set by the inspection group
    person_ids: tuple[str, ...]
    src: Src


@dataclass(frozen=True, slots=True)
class Inspection:
    """The 专项检查组's record of one unit (inspections/<单位代码>.yaml)."""

    unit: str
    date: dt.date
    inspectors: tuple[Inspector, ...]
    aspects: tuple[AspectVerdict, ...]
    problems: tuple[InspectionProblem, ...]
    src: Src


@dataclass(frozen=True, slots=True)
class Rectification:
    """One 整改 item of a unit, answering one inspection problem (submissions/<单位>/整改.yaml)."""

    id: str
    problem_id: str
    measure: str
    owner_name: str
    owner_post: str
    due: dt.date  # 完成时限
    status: str  # 未开始 | 整改中 | 已完成
    outcome: str | None
    proof: tuple[str, ...]
    closed: dt.date | None  # 完成日期
    src: Src

    @property
    def done(self) -> bool:
        return self.status == RECTIFIED


@dataclass(slots=True)
class UnitData:
    """Everything one unit has declared.  A file that failed validation contributes nothing."""

    code: str
    profile: UnitProfile | None = None
    roster: list[RosterPerson] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    custody: list[CustodyItem] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    invalid_files: list[str] = field(default_factory=list)
    # person ids named by report files that failed validation (so they are not "missing")
    unreadable_report_ids: set[str] = field(default_factory=set)
    roster_src: Src | None = None
    custody_src: Src | None = None
    approvals_src: Src | None = None
    cases_src: Src | None = None
    responses_src: Src | None = None
    inspection: Inspection | None = None
    rectifications: list[Rectification] = field(default_factory=list)
    rectifications_src: Src | None = None
