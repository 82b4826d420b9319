"""出国境审批事项把关不严 written the ways the format allows gives the same 附件2; the way it does not
allow (the approver only under another person's 责任追究) is refused with R322."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from privtravel.stats import from_repository

SRMYY = "submissions/srmyy"
CASES = f"{SRMYY}/违规问题.yaml"
APPROVALS = f"{SRMYY}/审批.yaml"
LAX = "出国境审批事项把关不严"
OFF = "未按审批要求出国境"
DAY = dt.date(2019, 6, 20)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(root: Path, rel: str, data: dict[str, Any]) -> None:
    schema = {"违规问题.yaml": "cases", "审批.yaml": "approvals"}[Path(rel).name]
    head = f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n"
    (root / rel).write_text(
        head + yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _case(
    cid: str, person: str, kinds: list[str], handled: bool, accountable: list[dict[str, Any]]
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "问题编号": cid,
        "编号": person,
        "问题类型": kinds,
        "问题描述": "2019年1月赴香港，未按审批要求。",
        "发现日期": DAY,
        "发现途径": "自查自纠",
        "处理": [{"处理方式": "批评教育", "决定日期": DAY, "决定机关": "院党委"}] if handled else [],
    }
    if accountable:
        out["责任追究"] = accountable
    return out


APPROVER = {
    "编号": "0001",
    "姓名": "赵明",
    "职务": "副院长",
    "责任": "直接责任",
    "处理方式": "诫勉",
    "决定日期": DAY,
}


def _setup(root: Path, cases: list[dict[str, Any]]) -> tuple[list[tuple[str, str]], dict[str, object]]:
    approvals = yaml.safe_load((root / APPROVALS).read_text(encoding="utf-8"))
    approvals["审批"][1]["审批人"] = "赵明"  # 钱芳's trip SP2019-003, signed by 赵明 (0001)
    _write(root, APPROVALS, approvals)
    _write(root, CASES, {"单位代码": "srmyy", "问题": cases})
    result, stats = from_repository(root)
    assert stats is not None
    row = next(r for r in stats.fj2.rows if r.id == "srmyy")
    keys = ("lax_approval", "off_approval_trip", "handled", "criticism", "admonition")
    return [(d.code, d.message) for d in result.errors], {k: row.value(k) for k in keys}


def test_the_approver_only_under_the_travellers_case_is_refused(campaign: Path) -> None:
    errors, _ = _setup(campaign, [_case("WG2019-01", "0002", [OFF], True, [APPROVER])])
    assert [code for code, _ in errors] == ["R322"]
    assert "赵明 是编号 0002 的审批 SP2019-003 的审批人" in errors[0][1]
    assert f"「{LAX}」" in errors[0][1]


def test_the_allowed_ways_give_the_same_figures(campaign: Path, tmp_path: Path) -> None:
    own_case = [
        _case("WG2019-01", "0002", [OFF], True, []),
        _case("WG2019-02", "0001", [LAX], False, [])
        | {"处理": [{"处理方式": "诫勉", "决定日期": DAY, "决定机关": "院党委"}]},
    ]
    errors, apart = _setup(campaign, own_case)
    assert errors == []
    kinds_on_the_trip = [_case("WG2019-01", "0002", [OFF, LAX], True, [APPROVER])]
    errors, together = _setup(campaign, kinds_on_the_trip)
    assert errors == []
    assert (
        apart
        == together
        == {"lax_approval": 1, "off_approval_trip": 1, "handled": 2, "criticism": 1, "admonition": 1}
    )
