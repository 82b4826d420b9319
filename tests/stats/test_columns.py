"""One test per column of both tables (36): change one declaration, and exactly the expected figures move.

The unit's own row moves by the stated amount, and with it its region's 小计 and the 合计; nothing
else in either table changes.  Three columns cannot move alone by their definition and say so:
实备数 (a subset of 应备 and of the registered), 实收数 (a subset of 应收 and of the documents held)
and 是否建立相关制度 (the 制度名称 column lists the same rules).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from campaign_builder import Campaign, base, new, person, report, variant
from conftest import figures

REGION = {"a1": "地区:甲地区", "a2": "地区:甲地区", "b1": "地区:乙地区"}
CHANGED = "changed"

Expected = dict[tuple[str, str, str], Any]


def num(table: str, unit: str, key: str, delta: int) -> Expected:
    return {(table, unit, key): delta, (table, REGION[unit], key): delta, (table, "合计", key): delta}


def text(table: str, unit: str, key: str) -> Expected:
    return {(table, unit, key): CHANGED}


def unit(c: Campaign, code: str, name: str) -> Any:
    return c["units"][code][name]


def roster(c: Campaign, pid: str) -> Any:
    return next(p for p in unit(c, "a1", "登记备案.yaml")["人员"] if p["编号"] == pid)


def case(c: Campaign, cid: str) -> Any:
    return next(x for x in unit(c, "a1", "违规问题.yaml")["问题"] if x["问题编号"] == cid)


# --- mutations -------------------------------------------------------------------------------


def swap_units(c: Campaign) -> None:
    units = c["campaign.yaml"]["单位"]
    units[0], units[1] = units[1], units[0]


def rename_unit(c: Campaign) -> None:
    c["campaign.yaml"]["单位"][0]["名称"] = "甲一人民医院"
    unit(c, "a1", "单位.yaml")["单位名称"] = "甲一人民医院"


def report_old_registration_in_window(c: Campaign) -> None:
    change = roster(c, "0001")["变动记录"][0]
    change["报送公安日期"], change["公安入库日期"] = "2019-05-24", "2019-05-27"


def deposit_in_window(c: Campaign) -> None:
    unit(c, "a1", "证件保管.yaml")["证件"][0]["交存日期"] = "2019-06-01"


def declare_unapproved_trip(c: Campaign) -> None:
    unit(c, "a1", "报告/0002-钱芳.yaml")["出国境情况"] = [
        {
            "出境日期": "2017-04-01",
            "入境日期": "2017-04-05",
            "所到国家（地区）": ["香港"],
            "事由": "探亲",
            "审批机构": "未经审批",
        }
    ]


def add_kind(kind: str) -> Callable[[Campaign], None]:
    def mutate(c: Campaign) -> None:
        target = case(c, "WG-02") if kind == "违规持有因私证照" else case(c, "WG-01")
        target["问题类型"].append(kind)

    return mutate


def identify_accountable_as_violator(c: Campaign) -> None:
    acc = case(c, "WG-01")["责任追究"][0]
    acc["编号"], acc["姓名"] = "0001", "赵明"


def add_handling(method: str) -> Callable[[Campaign], None]:
    def mutate(c: Campaign) -> None:
        case(c, "WG-01")["处理"].append({"处理方式": method, "决定日期": "2019-06-28", "决定机关": "院党委"})

    return mutate


def raise_staff(c: Campaign) -> None:
    unit(c, "a1", "单位.yaml")["国家工作人员总数"] = 11


def add_unregistered_person(c: Campaign) -> None:
    unit(c, "a1", "登记备案.yaml")["人员"].append(person("0006", "冯涛", "其他人员", [new("2019-06-20")]))
    c["units"]["a1"]["报告/0006-冯涛.yaml"] = report("a1", "0006", "冯涛", [], [])


def report_pending_registration(c: Campaign) -> None:
    change = roster(c, "0007")["变动记录"][0]
    change["报送公安日期"], change["公安入库日期"] = "2019-05-10", "2019-05-13"


def add_left_but_still_registered(category: str) -> Callable[[Campaign], None]:
    def mutate(c: Campaign) -> None:
        changes = [new("2015-05-01", "2015-05-11", "2015-05-12"), {"日期": "2019-06-01", "变动类型": "调离"}]
        unit(c, "a1", "登记备案.yaml")["人员"].append(person("0008", "冯涛", category, changes))

    return mutate


def declare_valid_document(c: Campaign) -> None:
    unit(c, "a1", "报告/0002-钱芳.yaml")["持有证件"].append(
        {
            "证件类别": "大陆居民往来台湾通行证",
            "证件号码": "L87654321",
            "签发日期": "2018-01-01",
            "有效期至": "2028-01-01",
            "保管机构": "本人",
        }
    )


def hand_in_due_document(c: Campaign) -> None:
    unit(c, "a1", "证件保管.yaml")["证件"].append(
        {"编号": "0002", "证件类别": "往来港澳通行证", "证件号码": "CA1234567", "交存日期": "2019-05-01"}
    )
    unit(c, "a1", "报告/0002-钱芳.yaml")["持有证件"][0]["保管机构"] = "组织人事科"


def keep_document_of_leaver(doc_type: str, number: str) -> Callable[[Campaign], None]:
    def mutate(c: Campaign) -> None:
        unit(c, "a1", "证件保管.yaml")["证件"].append(
            {"编号": "0003", "证件类别": doc_type, "证件号码": number, "交存日期": "2019-01-02"}
        )

    return mutate


def add_rule_to_unit_without(c: Campaign) -> None:
    unit(c, "a2", "单位.yaml")["管理制度"].append(
        {"制度名称": "甲二医院因私出国（境）管理规定", "出台时间": "2019-06-01"}
    )


def add_second_rule(c: Campaign) -> None:
    unit(c, "a1", "单位.yaml")["管理制度"].append(
        {"制度名称": "甲一医院证件保管办法", "文号": "甲医〔2019〕3号", "出台时间": "2019-03-01"}
    )


KINDS = [
    ("illegal_issue", "违规办理因私证照"),
    ("illegal_holding", "违规持有因私证照"),
    ("concealed_holding", "瞒报持有因私证照"),
    ("unapproved_trip", "未经批准擅自出国(境)"),
    ("off_approval_trip", "未按审批要求出国境"),
    ("concealed_trip", "瞒报出国境情况"),
    ("lax_approval", "出国境审批事项把关不严"),
]
METHODS = [
    ("criticism", "批评教育"),
    ("admonition", "诫勉"),
    ("transfer", "调离岗位"),
    ("ordered_resign", "责令辞职"),
    ("dismissal", "免职"),
    ("demotion", "降职"),
    ("referral", "移交纪检监察机关"),
]
CATEGORIES = [
    ("cat_retired", "退休满1年的市管干部"),
    ("cat_own", "本地本单位管理的人员"),
    ("cat_subordinate", "下属单位管理的人员"),
    ("cat_other", "其他人员"),
]
HELD = [
    ("held_passport", "普通护照", "E99887766"),
    ("held_hkmo", "往来港澳通行证", "CC1122334"),
    ("held_taiwan", "大陆居民往来台湾通行证", "L99887766"),
]

CASES: list[tuple[str, str, Callable[[Campaign], None], Expected]] = [
    ("fj2", "no", swap_units, {(t, u, "no"): CHANGED for t in ("fj2", "fj3") for u in ("a1", "a2")}),
    ("fj2", "name", rename_unit, {**text("fj2", "a1", "name"), **text("fj3", "a1", "name")}),
    ("fj2", "new_registered", report_old_registration_in_window, num("fj2", "a1", "new_registered", 1)),
    ("fj2", "new_collected", deposit_in_window, num("fj2", "a1", "new_collected", 1)),
    ("fj2", "unapproved_since", declare_unapproved_trip, num("fj2", "a1", "unapproved_since", 1)),
    *[("fj2", key, add_kind(kind), num("fj2", "a1", key, 1)) for key, kind in KINDS],
    ("fj2", "handled", identify_accountable_as_violator, num("fj2", "a1", "handled", -1)),
    *[("fj2", key, add_handling(method), num("fj2", "a1", key, 1)) for key, method in METHODS],
    ("fj3", "no", swap_units, {(t, u, "no"): CHANGED for t in ("fj2", "fj3") for u in ("a1", "a2")}),
    ("fj3", "name", rename_unit, {**text("fj2", "a1", "name"), **text("fj3", "a1", "name")}),
    ("fj3", "staff_total", raise_staff, num("fj3", "a1", "staff_total", 1)),
    ("fj3", "to_register", add_unregistered_person, num("fj3", "a1", "to_register", 1)),
    (
        "fj3",
        "registered",
        report_pending_registration,
        {**num("fj3", "a1", "registered", 1), **num("fj3", "a1", "cat_own", 1)},
    ),
    *[("fj3", key, add_left_but_still_registered(cat), num("fj3", "a1", key, 1)) for key, cat in CATEGORIES],
    ("fj3", "due", declare_valid_document, num("fj3", "a1", "due", 1)),
    (
        "fj3",
        "collected",
        hand_in_due_document,
        {**num("fj3", "a1", "collected", 1), **num("fj3", "a1", "held_hkmo", 1)},
    ),
    *[("fj3", key, keep_document_of_leaver(t, n), num("fj3", "a1", key, 1)) for key, t, n in HELD],
    (
        "fj3",
        "has_rules",
        add_rule_to_unit_without,
        {
            **text("fj3", "a2", "has_rules"),
            **text("fj3", "a2", "rule_names"),
            ("fj3", "地区:甲地区", "has_rules"): 1,
            ("fj3", "合计", "has_rules"): 1,
        },
    ),
    ("fj3", "rule_names", add_second_rule, text("fj3", "a1", "rule_names")),
]


def test_every_column_has_a_case() -> None:
    from privtravel.stats import table2, table3

    covered = {(t, k) for t, k, _, _ in CASES}
    keys = {("fj2", c.key) for c in table2.TABLE.templates} | {("fj3", c.key) for c in table3.TABLE.templates}
    assert covered == keys
    assert len(keys) == 36


@pytest.fixture(scope="module")
def before_values(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], object]:
    from campaign_builder import write

    from privtravel.stats import from_repository

    root = write(base(), tmp_path_factory.mktemp("base"))
    result, stats = from_repository(root)
    assert not result.errors and stats is not None
    return figures(stats)


@pytest.mark.parametrize(
    ("table", "key", "mutate", "expected"), CASES, ids=[f"{t}-{k}" for t, k, _, _ in CASES]
)
def test_one_declaration_moves_one_column(
    table: str,
    key: str,
    mutate: Callable[[Campaign], None],
    expected: Expected,
    before_values: dict[tuple[str, str, str], object],
    compute_campaign: Any,
) -> None:
    changed = variant(base())
    mutate(changed)
    after = figures(compute_campaign(changed))
    assert set(after) == set(before_values)
    diff = {k: (before_values[k], after[k]) for k in after if before_values[k] != after[k]}
    assert set(diff) == set(expected), diff
    assert any(k[0] == table and k[2] == key for k in diff)
    for k, want in expected.items():
        old, new_value = diff[k]
        if want != CHANGED:
            assert isinstance(old, int) and isinstance(new_value, int)
            assert new_value - old == want, (k, old, new_value)
