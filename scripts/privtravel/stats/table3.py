"""附件3 干部因私出国（境）管理工作有关情况统计表: 16 columns, each with its 统计口径."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.stats.columns import Registry, by_key
from privtravel.stats.context import COMMISSION_CUSTODY, UnitContext
from privtravel.stats.options import cn_date
from privtravel.stats.table import NO, YES, Cell, Ref, Total

REGISTRATION = "登记备案数情况"
REGISTERED_GROUP = "实际登记备案人数"
DOCUMENTS = "因私出国（境）证件情况"
CUSTODY_GROUP = "因私证件集中保管情况"
RULES = "出国（境）管理制度情况"

CATEGORIES = (
    ("cat_retired", "退休满1年的市管干部"),
    ("cat_own", "本地本单位管理的人员"),
    ("cat_subordinate", "下属单位管理的人员"),
    ("cat_other", "其他人员"),
)
DOC_TYPES = (
    ("held_passport", "普通护照", "因私护照"),
    ("held_hkmo", "往来港澳通行证", "往来港澳通行证"),
    ("held_taiwan", "大陆居民往来台湾通行证", "大陆居民往来台湾通行证"),
)

TABLE = Registry("fj3", "附件3", "干部因私出国（境）管理工作有关情况统计表")

TABLE.fixed("no", ("序号",), "单位行按 campaign.yaml 中地区和单位的顺序连续编号；小计、合计行不编号。")
TABLE.fixed(
    "name",
    ("地区、单位（部门）",),
    "campaign.yaml 中的单位名称；每个地区的单位之后是该地区的「小计」，最后是全部单位的「合计」。",
)


@TABLE.column(
    "staff_total",
    (REGISTRATION, "国家工作人员总数"),
    "人",
    """
人数。单位.yaml 中填写的「国家工作人员总数」（本单位在职国家工作人员），按填写的数字计入，不由报告表份数推算。
单位尚未报送单位.yaml 的，此格空白。
""",
)
def staff_total(ctx: UnitContext) -> Cell:
    profile = ctx.unit_data().profile
    if profile is None:
        return Cell(None)
    ref = Ref(
        ctx.code,
        None,
        None,
        f"单位基本情况：国家工作人员总数 {profile.staff_total}",
        profile.src.at("国家工作人员总数"),
    )
    return Cell(profile.staff_total, (ref,))


@TABLE.column(
    "to_register",
    (REGISTRATION, "应备数"),
    "人",
    """
人数。{as_of}应当登记备案的人员：登记备案.yaml 中，在此日或以前有「新增」、且之后没有调离、退休、死亡（撤销登记备案）的人员，
按变动记录的日期判断，不论是否已经报送公安机关。
""",
)
def to_register(ctx: UnitContext) -> Cell:
    def rows() -> Iterator[tuple[str, Ref]]:
        for person_id, reg in ctx.to_register.items():
            assert reg.subject is not None
            what = f"登记备案：{reg.person.category}，{reg.subject.date} 新增"
            yield person_id, Ref(ctx.code, person_id, reg.person.name, what, reg.person.src)

    return by_key(rows())


@TABLE.column(
    "registered",
    (REGISTRATION, "实备数"),
    "人",
    """
人数。应备人员中，{as_of}已经登记备案的人员：其「新增」的{registered_by}不晚于此日。
实备数不超过应备数，两者之差是应备未备的人数。
实备数与右边「实际登记备案人数」的区别：实备数只数应备的人；实际登记备案人数数的是此日在公安机关登记备案库中的本单位人员，
还包括已经调离、退休、死亡但撤销登记备案尚未报送公安机关的人员（应撤未撤）。没有应撤未撤人员时，四类之和等于实备数。
""",
)
def registered(ctx: UnitContext) -> Cell:
    def rows() -> Iterator[tuple[str, Ref]]:
        for person_id, reg in ctx.to_register.items():
            if reg.with_police is not None:
                day = ctx.registered_on(reg.with_police)
                what = f"登记备案：{reg.person.category}，{ctx.options.registered_by} {day}"
                yield person_id, Ref(ctx.code, person_id, reg.person.name, what, reg.with_police.src)

    return by_key(rows())


def _category_column(key: str, category: str) -> None:
    @TABLE.column(
        key,
        (REGISTRATION, REGISTERED_GROUP, category),
        "人",
        f"""
人数。{{as_of}}在公安机关登记备案库中、登记备案类别为「{category}」的本单位人员：「新增」的{{registered_by}}不晚于此日，
且此后没有已报送公安机关的撤销（调离、退休、死亡）。已调离、退休、死亡但撤销尚未报送的人员仍计入。
""",
    )
    def count(ctx: UnitContext) -> Cell:
        def rows() -> Iterator[tuple[str, Ref]]:
            for reg in ctx.registrations:
                if reg.with_police is not None and reg.person.category == category:
                    day = ctx.registered_on(reg.with_police)
                    note = "" if reg.subject is not None else "（已不属应备，撤销尚未报送公安机关）"
                    what = f"登记备案：{category}，{ctx.options.registered_by} {day}{note}"
                    yield (
                        reg.person.id,
                        Ref(ctx.code, reg.person.id, reg.person.name, what, reg.with_police.src),
                    )

        return by_key(rows())


for _key, _category in CATEGORIES:
    _category_column(_key, _category)


@TABLE.column(
    "due",
    (DOCUMENTS, "应收数"),
    "本",
    """
本数。{as_of}应当交由组织人事部门集中保管的因私出入境证件：应备人员在报告表中填报的、此日有效（签发日期不晚于此日，有效期至不早于此日）的证件，
加上证件保管登记册中此日仍在保管的应备人员的证件（报告表显示已过期的除外）；按证件类别和证件号码计，每本计1。
非登记备案人员的证件不计入。
""",
)
def due(ctx: UnitContext) -> Cell:
    return by_key((f"{t}\0{n}", ref) for (t, n), ref in ctx.due.items())


@TABLE.column(
    "collected",
    (DOCUMENTS, "实收数"),
    "本",
    f"""
本数。应收证件中，{{as_of}}已在集中保管的：证件保管登记册中交存日期不晚于此日、此日尚未移出保管的证件（凭审批领用在外的仍计入）；
委管干部的证件由{COMMISSION_CUSTODY}保管，以其报告表中「保管机构：{COMMISSION_CUSTODY}」计入。实收数不超过应收数。
""",
)
def collected(ctx: UnitContext) -> Cell:
    held = ctx.held
    return by_key((f"{t}\0{n}", held[(t, n)]) for (t, n) in ctx.due if (t, n) in held)


def _custody_column(key: str, doc_type: str, header: str) -> None:
    @TABLE.column(
        key,
        (DOCUMENTS, CUSTODY_GROUP, header),
        "本",
        f"""
本数。{{as_of}}集中保管的{doc_type}：证件保管登记册中交存日期不晚于此日、此日尚未移出保管的，凭审批领用在外的仍计入；
加上委管干部由{COMMISSION_CUSTODY}保管的有效证件。不论持有人此日是否仍属应备、证件是否已过期，只要仍在保管就计入，
所以三类之和可能大于实收数（差额是应当移出保管而尚未移出的证件）。
""",
    )
    def count(ctx: UnitContext) -> Cell:
        return by_key((f"{t}\0{n}", ref) for (t, n), ref in sorted(ctx.held.items()) if t == doc_type)


for _key, _type, _header in DOC_TYPES:
    _custody_column(_key, _type, _header)


def _rules(ctx: UnitContext) -> list[Ref]:
    profile = ctx.unit_data().profile
    assert profile is not None
    as_of = ctx.options.as_of
    out = []
    for rule in profile.rules:
        if rule.issued > as_of:
            continue
        parts = [rule.number] if rule.number else []
        parts.append(f"{cn_date(rule.issued)}出台")
        if rule.revised is not None and rule.revised <= as_of:
            parts.append(f"{cn_date(rule.revised)}修订")
        out.append(Ref(ctx.code, None, None, f"《{rule.name}》（{'，'.join(parts)}）", rule.src))
    return out


@TABLE.column(
    "has_rules",
    (RULES, "是否建立相关制度（是/否）"),
    "",
    """
单位.yaml「管理制度」中有出台时间不晚于{as_of}的制度的填「是」，没有的填「否」。
小计、合计行填已建立制度的单位数。单位尚未报送单位.yaml 的，此格空白。
""",
    total=Total.COUNT_YES,
)
def has_rules(ctx: UnitContext) -> Cell:
    profile = ctx.unit_data().profile
    if profile is None:
        return Cell(None)
    rules = _rules(ctx)
    if rules:
        return Cell(YES, tuple(rules))
    return Cell(NO, (Ref(ctx.code, None, None, "单位基本情况：管理制度未填写", profile.src.at("管理制度")),))


@TABLE.column(
    "rule_names",
    (RULES, "制度名称及出台时间"),
    "",
    """
单位.yaml「管理制度」中出台时间不晚于{as_of}的各项制度，按填写顺序写成「《制度名称》（文号，出台时间，修订时间）」，用分号隔开；
没有的填「无」。修订时间只写不晚于{as_of}的最近一次修订。小计、合计行不填。
""",
    total=Total.NONE,
)
def rule_names(ctx: UnitContext) -> Cell:
    profile = ctx.unit_data().profile
    if profile is None:
        return Cell(None)
    rules = _rules(ctx)
    return Cell("；".join(r.what for r in rules) if rules else "无", tuple(rules))
