"""集中检查 of the generated campaign: the 专项检查组's conclusions, derived from the data it generated.

The notice has the group inspect 「部分市级部门（单位）」 in July, 「根据市公安局出入境管理部门掌握的备案人员
因私出国（境）情况」: so each inspected unit's six conclusions follow from the findings the police
cross-check makes on it (the planted situations' findings, mapped to their 「应…尽…」 by the finding
catalog), and from its rules.  An aspect with findings is 「存在问题」 with one problem per kind of
finding; every other aspect is 「符合要求」.  Exactly two units get a conclusion that contradicts
their data, on purpose and recorded in the manifest (the dashboard flags both):

- ``inspection_overlooked``: an aspect with open findings concluded 「符合要求」;
- ``inspection_says_no_rules``: 「尚未出台制度」 for a unit whose 单位.yaml lists its rules.

A separate random source keeps everything else the generator writes unchanged.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from privtravel.crosscheck.catalog import FINDINGS
from privtravel.demo.numbers import between, workday_on_or_after
from privtravel.demo.options import Options
from privtravel.demo.plant import Planted
from privtravel.demo.rectify import Rectification, rectify
from privtravel.demo.world import Unit
from privtravel.masking import document_number as mask
from privtravel.model import ASPECT_OK, ASPECTS

ISSUE = "存在问题"
INSPECTED_SHARE = 0.3  # of the units, besides the first of each region
TEAM = (
    ("周敏", "市纪委监委", "第三监督检查室副主任"),
    ("吴海", "市委组织部", "干部监督科科长"),
    ("沈洁", "市公安局", "出入境管理支队科长"),
)
ASPECT_OF = {f.title: f.indicator.value for f in FINDINGS.values()}
SERIOUS = ("未经批准擅自出国(境)", "瞒报持有因私证照", "瞒报出国境情况")
CIRCULATED = ("未经批准擅自出国(境)",)
WHAT = {  # what the group writes for n situations of one finding
    "制度未建": "尚未出台干部因私出国（境）管理制度，审批只依据上级文件",
    "应备未备": "{n}名应登记备案人员未登记备案，公安机关掌握其持证信息",
    "登记备案变动未按时报送": "{n}名登记备案人员的信息变动未在当月25日前报送公安机关出入境管理部门",
    "公安未在1个工作日内入库": "{n}名登记备案人员的变动信息报送后未在1个工作日内入库，本单位未跟踪核实",
    "应交未交": "{n}名登记备案人员的因私证件未交本单位集中保管",
    "证件逾期未交回": "{n}名人员出国（境）回来后未按规定天数交回证件",
    "未经批准擅自出国(境)": "{n}名人员未经批准擅自出国（境）",
    "未按审批要求出国境": "{n}名人员未按审批的时间、国家（地区）出国（境）",
    "审批把关不严": "{n}件因私出国（境）审批把关不严",
    "瞒报持有因私证照": "{n}名人员在报告表中瞒报持有的因私证照",
    "瞒报出国境情况": "{n}名人员在报告表中瞒报出国（境）情况",
    "应报未报": "{n}名登记备案人员至检查时未填报报告表",
}
CHECKED = {  # what the group did, written under an aspect found 「符合要求」
    "应备尽备": "登记备案名单与公安机关出入境管理部门备案信息逐人核对",
    "应交尽交": "证件保管登记册、领用记录与公安持证信息逐本核对",
    "应审尽审": "审批记录与公安出入境记录逐次核对",
    "应查尽查": "报告表与公安持证信息、出入境记录逐人比对",
}


@dataclass
class Problem:
    id: str
    aspect: str
    title: str
    description: str
    evidence: list[str]
    serious: bool
    circulated: bool
    deadline: dt.date
    people: list[str]


@dataclass
class Inspection:
    unit: Unit
    date: dt.date
    verdicts: dict[str, tuple[str, str | None]]  # aspect → (结论, 说明)
    problems: list[Problem] = field(default_factory=list)
    rectifications: list[Rectification] = field(default_factory=list)


def inspect_all(options: Options, units: list[Unit], planted: list[Planted]) -> list[Inspection]:
    """Inspect some units; appends the two planted contradictions to ``planted``."""
    rng = random.Random(f"{options.seed}/集中检查")
    by_unit: dict[str, list[Planted]] = {}
    for item in planted:
        if item.findings:
            by_unit.setdefault(item.unit.code, []).append(item)
    firsts = [u for i, u in enumerate(units) if i == 0 or units[i - 1].region != u.region]
    first_codes = {u.code for u in firsts}
    others = [u for u in units if u.code not in first_codes]
    wanted = min(len(others), max(1, round(len(units) * INSPECTED_SHARE)))
    chosen = first_codes | {u.code for u in rng.sample(others, wanted)}
    inspected = [u for u in units if u.code in chosen]  # campaign order
    found = {u.code: _found(by_unit.get(u.code, [])) for u in inspected}
    overlooked = _pick(rng, [u for u in inspected if any(a != "应建尽建" for a in found[u.code])])
    no_rules = _pick(rng, [u for u in inspected if u.rules and u is not overlooked])
    out = []
    for unit in inspected:
        aspects = found[unit.code]
        if unit is overlooked:
            aspect = sorted(a for a in aspects if a != "应建尽建")[-1]
            del aspects[aspect]
            planted.append(_contradiction("inspection_overlooked", unit, aspect))
        if unit is no_rules:
            aspects["应建尽建"] = {"制度未建": []}
            planted.append(_contradiction("inspection_says_no_rules", unit, "应建尽建"))
        out.append(_inspection(rng, unit, aspects))
    counter = 0
    for inspection in out:
        for problem in inspection.problems:
            inspection.rectifications.append(
                rectify(
                    inspection.unit,
                    inspection.date,
                    problem.id,
                    problem.title,
                    problem.deadline,
                    problem.people,
                    counter,
                )
            )
            counter += 1
    return out


def _found(items: list[Planted]) -> dict[str, dict[str, list[Planted]]]:
    """aspect → finding title → the situations behind it."""
    out: dict[str, dict[str, list[Planted]]] = {}
    for item in items:
        for title in item.findings:
            out.setdefault(ASPECT_OF[title], {}).setdefault(title, []).append(item)
    return out


def _pick(rng: random.Random, units: list[Unit]) -> Unit | None:
    return rng.choice(units) if units else None


def _contradiction(kind: str, unit: Unit, aspect: str) -> Planted:
    if kind == "inspection_overlooked":
        text = f"检查组对「{aspect}」的结论为「{ASPECT_OK}」，但公安比对在这一方面有待核实的问题"
    else:
        rules = "、".join(f"《{name}》" for name, *_ in unit.rules)
        text = f"检查组认为本单位尚未出台制度，但「单位.yaml」登记了{rules}"
    return Planted(
        kind, unit, None, (), extra={"方面": aspect, "说明": text + "：看板应标出检查结论与数据不一致"}
    )


def _inspection(rng: random.Random, unit: Unit, found: dict[str, dict[str, list[Planted]]]) -> Inspection:
    date = workday_on_or_after(between(rng, dt.date(2019, 7, 8), dt.date(2019, 7, 24)))
    verdicts: dict[str, tuple[str, str | None]] = {}
    problems: list[Problem] = []
    for aspect in ASPECTS:
        titles = found.get(aspect, {})
        if not titles:
            verdicts[aspect] = (ASPECT_OK, _checked(unit, aspect))
            continue
        verdicts[aspect] = (ISSUE, None)
        for title in sorted(titles, key=list(ASPECT_OF).index):
            items = titles[title]
            serious = title in SERIOUS
            people = sorted({i.person.id for i in items if i.person is not None})
            problems.append(
                Problem(
                    id=f"JC-{len(problems) + 1:02d}",
                    aspect=aspect,
                    title=title,
                    description=WHAT.get(title, title + "（{n}项）").format(n=len(items)) + "。",
                    evidence=_rules_evidence(unit) if aspect == "应建尽建" else [_evidence(i) for i in items],
                    serious=serious,
                    circulated=title in CIRCULATED,
                    deadline=date + dt.timedelta(days=30 if serious else 45),
                    people=people,
                )
            )
    return Inspection(unit, date, verdicts, problems)


def _checked(unit: Unit, aspect: str) -> str:
    if aspect == "应建尽建":
        name, number, issued, revised = unit.rules[0]
        text = f"查阅《{name}》（{number}，{issued.year}年{issued.month}月出台"
        return text + (f"，{revised.year}年{revised.month}月修订）" if revised else "）")
    if aspect == "应处尽处":
        if not unit.cases:
            return "本单位未登记违规问题"
        return f"已登记的{len(unit.cases)}个违规问题均已作出处理"
    return CHECKED[aspect]


def _rules_evidence(unit: Unit) -> list[str]:
    seen = f"查阅{unit.party}会议纪要（2018—2019年）"
    return [seen] if unit.rules else ["单位.yaml「管理制度」为空", seen]


def _evidence(item: Planted) -> str:
    parts = []
    if item.person is not None:
        parts.append(f"人员 {item.person.id}")  # by 编号 only: the inspection page is read more widely
    if item.trip is not None:
        parts.append(f"{item.trip.exit.isoformat()} 出境（{'、'.join(item.trip.places)}）")
        if item.trip.approval is not None:
            parts.append(f"审批 {item.trip.approval.id}")
    elif item.doc is not None:
        parts.append(f"{item.doc.type} {mask(item.doc.number)}")
    note = item.extra.get("说明")
    if isinstance(note, str):
        parts.append(note)
    if item.case is not None:
        parts.append(f"已登记为违规问题 {item.case.id}")
    return "，".join(parts)
