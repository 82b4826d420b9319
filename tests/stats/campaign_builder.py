"""A small hand-built campaign as plain dicts, written out as real declaration files.

Tests change one declaration in the dicts, write the campaign to a temporary folder and compute
the tables through the real loader, so every figure is checked from YAML files to the table.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from privtravel.load.layout import Kind, classify, schema_comment

Campaign = dict[str, Any]


class _NoAliases(yaml.SafeDumper):
    """Shared sub-dicts are written out again, never as anchors (which the strict loader refuses)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def person(
    pid: str, name: str, category: str, changes: list[dict[str, Any]], *, cadre: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "编号": pid,
        "姓名": name,
        "性别": "男",
        "出生日期": "1975-01-01",
        "公民身份号码": id_number(pid),
        "现任职务": "科长",
        "登记备案类别": category,
        "变动记录": changes,
    }
    if cadre:
        out["委管干部"] = True
    return out


def id_number(pid: str, birth: str = "19750101") -> str:
    """A valid 18-digit number for a man born on ``birth``: odd sequence digit, correct check digit."""
    seq = (int("".join(c for c in pid if c.isdigit()) or "0") * 2 + 1) % 1000
    body = f"330602{birth}{seq:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def new(date: str, reported: str | None = None, entered: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"日期": date, "变动类型": "新增"}
    if reported:
        out["报送公安日期"] = reported
    if entered:
        out["公安入库日期"] = entered
    return out


def report(
    unit: str,
    pid: str,
    name: str,
    docs: list[dict[str, Any]],
    trips: list[dict[str, Any]],
    *,
    cadre: bool = False,
) -> dict[str, Any]:
    out: dict[str, Any] = {"单位代码": unit, "编号": pid, "姓名": name, "单位及职务": f"{unit} 科长"}
    if docs or trips:
        out["报告类型"] = "填报"
        if docs:
            out["持有证件"] = docs
        if trips:
            out["出国境情况"] = trips
    else:
        out["报告类型"] = "零报告"
    out["签名日期"] = "2019-06-05"
    out["纸质报告表保管"] = "委政治处" if cadre else "本单位"
    return out


def doc(
    kind: str, number: str, kept_by: str, issued: str = "2017-01-05", expires: str = "2027-01-04"
) -> dict[str, Any]:
    return {
        "证件类别": kind,
        "证件号码": number,
        "签发日期": issued,
        "有效期至": expires,
        "保管机构": kept_by,
    }


def trip(exit_: str, entry: str, approved_by: str, place: str = "日本") -> dict[str, Any]:
    return {
        "出境日期": exit_,
        "入境日期": entry,
        "所到国家（地区）": [place],
        "事由": "旅游",
        "审批机构": approved_by,
    }


def profile(unit: str, name: str, staff: int, rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "单位代码": unit,
        "单位名称": name,
        "国家工作人员总数": staff,
        "管理制度": rules,
        "证件保管": {"保管机构": "组织人事科", "专人": ["王丽"], "专柜": True, "造册登记": True},
        "填表人": "王丽",
        "联系电话": "0575-88559001",
        "审核人": "陈建国",
    }


def base() -> Campaign:
    """Three units in two regions; unit a1 exercises every column."""
    a1 = {
        "单位.yaml": profile(
            "a1", "甲一医院", 10, [{"制度名称": "甲一医院因私出国（境）管理办法", "出台时间": "2018-05-20"}]
        ),
        "登记备案.yaml": {
            "单位代码": "a1",
            "人员": [
                person(
                    "0001", "赵明", "本地本单位管理的人员", [new("2015-03-01", "2015-03-20", "2015-03-23")]
                ),
                person("0002", "钱芳", "其他人员", [new("2019-06-01", "2019-06-10", "2019-06-11")]),
                person(
                    "0003",
                    "孙伟",
                    "下属单位管理的人员",
                    [
                        new("2016-01-04", "2016-01-20", "2016-01-21"),
                        {"日期": "2019-06-15", "变动类型": "调离"},
                    ],
                ),
                person(
                    "0004", "李娜", "退休满1年的市管干部", [new("2017-02-01", "2017-02-20", "2017-02-21")]
                ),
                person(
                    "0005",
                    "周杰",
                    "本地本单位管理的人员",
                    [new("2014-01-01", "2014-01-10", "2014-01-13")],
                    cadre=True,
                ),
                person("0007", "郑洁", "本地本单位管理的人员", [new("2019-01-10")]),
            ],
        },
        "报告/0001-赵明.yaml": report(
            "a1",
            "0001",
            "赵明",
            [doc("普通护照", "E12345678", "组织人事科")],
            [
                trip("2018-02-10", "2018-02-17", "未经审批"),
                trip("2018-08-01", "2018-08-05", "院党委", "泰国"),
            ],
        ),
        "报告/0002-钱芳.yaml": report("a1", "0002", "钱芳", [doc("往来港澳通行证", "CA1234567", "本人")], []),
        "报告/0007-郑洁.yaml": report("a1", "0007", "郑洁", [], []),
        "报告/0005-周杰.yaml": report(
            "a1", "0005", "周杰", [doc("普通护照", "E22334455", "委政治处")], [], cadre=True
        ),
        "证件保管.yaml": {
            "单位代码": "a1",
            "证件": [
                {"编号": "0001", "证件类别": "普通护照", "证件号码": "E12345678", "交存日期": "2018-01-10"},
                {
                    "编号": "0003",
                    "证件类别": "往来港澳通行证",
                    "证件号码": "CB7654321",
                    "交存日期": "2019-06-03",
                },
            ],
        },
        "违规问题.yaml": {
            "单位代码": "a1",
            "问题": [
                {
                    "问题编号": "WG-01",
                    "编号": "0001",
                    "问题类型": ["违规持有因私证照"],
                    "问题描述": "自查发现。",
                    "发现日期": "2019-06-12",
                    "发现途径": "自查自纠",
                    "处理": [{"处理方式": "批评教育", "决定日期": "2019-06-20", "决定机关": "院党委"}],
                    "责任追究": [
                        {
                            "姓名": "张三",
                            "职务": "组织人事科科长",
                            "责任": "直接责任",
                            "处理方式": "诫勉",
                            "决定日期": "2019-06-25",
                        }
                    ],
                },
                {
                    "问题编号": "WG-02",
                    "编号": "0002",
                    "问题类型": ["瞒报持有因私证照"],
                    "问题描述": "自查发现。",
                    "发现日期": "2019-06-14",
                    "发现途径": "自查自纠",
                    "处理": [],
                },
            ],
        },
    }
    a2 = {
        "单位.yaml": profile("a2", "甲二医院", 3, []),
        "登记备案.yaml": {
            "单位代码": "a2",
            "人员": [
                person(
                    "0101", "吴刚", "本地本单位管理的人员", [new("2016-05-01", "2016-05-10", "2016-05-11")]
                )
            ],
        },
        "报告/0101-吴刚.yaml": report("a2", "0101", "吴刚", [], []),
    }
    b1 = {
        "单位.yaml": profile(
            "b1", "乙一中心", 2, [{"制度名称": "乙一中心因私出国（境）审批规定", "出台时间": "2017-03-01"}]
        ),
        "登记备案.yaml": {
            "单位代码": "b1",
            "人员": [
                person("01", "陈刚", "本地本单位管理的人员", [new("2014-02-01", "2014-02-18", "2014-02-19")])
            ],
        },
        "报告/01-陈刚.yaml": report(
            "b1", "01", "陈刚", [doc("大陆居民往来台湾通行证", "L12345678", "人事科")], []
        ),
    }
    return {
        "campaign.yaml": {
            "专项整治名称": "测试专项整治",
            "年度": 2019,
            "发文机关": "测试委员会",
            "起算日期": {"出国境起算日期": "2016-01-01", "证件失效起算日期": "2018-01-01"},
            "时间节点": {
                "报告截止日期": "2019-06-10",
                "自查自纠截止日期": "2019-06-30",
                "统计表报送截止日期": "2019-07-05",
                "集中检查截止日期": "2019-07-31",
                "每月报送日": 25,
            },
            "证件交回天数": 7,
            "统计口径": {"组织开展起算日期": "2019-05-20"},
            "地区": [{"名称": "甲地区"}, {"名称": "乙地区"}],
            "单位": [
                {"代码": "a1", "名称": "甲一医院", "地区": "甲地区"},
                {"代码": "a2", "名称": "甲二医院", "地区": "甲地区"},
                {"代码": "b1", "名称": "乙一中心", "地区": "乙地区"},
            ],
        },
        "units": {"a1": a1, "a2": a2, "b1": b1},
    }


def variant(campaign: Campaign) -> Campaign:
    return copy.deepcopy(campaign)


def write(campaign: Campaign, root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    files = {"campaign.yaml": campaign["campaign.yaml"]}
    for code, unit in campaign["units"].items():
        for name, data in unit.items():
            files[f"submissions/{code}/{name}"] = data
    for rel, data in files.items():
        place = classify(rel)
        assert place is not None, rel
        kind: Kind = place.kind
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(
            data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, default_flow_style=False
        )
        path.write_text(schema_comment(rel, kind) + "\n" + text, encoding="utf-8")
    return root
