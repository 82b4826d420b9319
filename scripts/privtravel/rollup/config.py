"""rollup.yaml: who the members are, where each one's tables come from; loaded as strictly as campaign.yaml."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privtravel.diagnostics import Diagnostic, FatalError
from privtravel.load import yaml_strict
from privtravel.model import Campaign, Src, StatsOptions, UnitConfig
from privtravel.report import text
from privtravel.validate import schemas
from privtravel.validate.messages import schema_diagnostics

CONFIG_FILE = "rollup.yaml"
SCHEMA = "rollup.schema.json"
MEMBERS = "members"
SOURCE_XLSX = "表格"
SOURCE_JSON = "json"
FILE_NAMES = {SOURCE_XLSX: "统计表.xlsx", SOURCE_JSON: "统计表.json"}
MAX_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Member:
    code: str
    name: str
    region: str
    source: str  # 表格 | json
    owners: tuple[str, ...]

    @property
    def folder(self) -> str:
        return f"{MEMBERS}/{self.code}"

    @property
    def file(self) -> str:
        return f"{self.folder}/{FILE_NAMES[self.source]}"


@dataclass(frozen=True, slots=True)
class Rollup:
    name: str
    issuer: str  # 填表单位
    year: int
    trips_since: dt.date
    deadline: dt.date
    cases_by: str
    regions: tuple[str, ...]
    members: tuple[Member, ...]
    reviewers: tuple[str, ...]
    maintainers: tuple[str, ...]
    demo: bool = False

    def member(self, code: str) -> Member | None:
        return next((m for m in self.members if m.code == code), None)

    def as_campaign(self) -> Campaign:
        """The roll-up seen as a campaign whose units are its members: the same column headers,
        the same printed layout and the same ownership machinery apply."""
        src = Src(CONFIG_FILE)
        return Campaign(
            name=self.name,
            year=self.year,
            issuer=self.issuer,
            trips_since=self.trips_since,
            documents_expired_since=self.trips_since,
            report_deadline=self.deadline,
            self_check_deadline=self.deadline,
            tables_deadline=self.deadline,
            inspection_deadline=self.deadline,
            monthly_report_day=25,
            return_days=7,
            max_file_kb=MAX_BYTES // 1024,
            regions=self.regions,
            units=tuple(UnitConfig(m.code, m.name, m.region, m.owners, src) for m in self.members),
            reviewers=self.reviewers,
            maintainers=self.maintainers,
            src=src,
            demo=self.demo,
            stats=StatsOptions(cases_counted_by=self.cases_by),
        )


def load(root: Path) -> Rollup:
    """rollup.yaml under ``root``; any problem stops the command with every message at its line."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise FatalError(
            f"在 {os.path.abspath(root)} 找不到 {CONFIG_FILE}：请在汇总仓库的根目录运行，或用 --root 指定。"
        )
    loaded = yaml_strict.load(CONFIG_FILE, path.read_bytes(), max_bytes=MAX_BYTES)
    problems = list(loaded.diagnostics)
    if loaded.data is not None and loaded.root is not None:
        problems += schema_diagnostics(
            CONFIG_FILE, schemas.errors(SCHEMA, loaded.data), loaded.root, loaded.bad_paths
        )
    if loaded.data is not None and not problems:
        problems += _consistency(loaded.data, loaded.positions)
    errors = [d for d in problems if d.is_error]
    if errors or loaded.data is None:
        raise FatalError(f"{CONFIG_FILE} 有错误，先改正：\n" + "\n".join(text.line(d) for d in errors))
    return _build(loaded.data)


def _consistency(data: dict[str, Any], positions: dict[Any, int]) -> list[Diagnostic]:
    out = []
    regions = [r["名称"] for r in data["地区"]]
    seen: set[str] = set()
    for i, m in enumerate(data["成员"]):
        line = positions.get(("成员", i), 0)
        if m["地区"] not in regions:
            out.append(
                Diagnostic(
                    CONFIG_FILE,
                    "T115",
                    f"成员「{m['名称']}」的地区「{m['地区']}」不在「地区」中：可选 {'、'.join(regions)}。",
                    line,
                    field=f"成员第{i + 1}项.地区",
                )
            )
        if m["代码"] in seen:
            out.append(
                Diagnostic(
                    CONFIG_FILE,
                    "T115",
                    f"成员代码「{m['代码']}」重复：每个成员的代码要唯一。",
                    line,
                    field=f"成员第{i + 1}项.代码",
                )
            )
        seen.add(m["代码"])
    return out


def _build(data: dict[str, Any]) -> Rollup:
    return Rollup(
        name=data["汇总名称"],
        issuer=data["填表单位"],
        year=data["年度"],
        trips_since=dt.date.fromisoformat(data["出国境起算日期"]),
        deadline=dt.date.fromisoformat(data["统计表报送截止日期"]),
        cases_by=data.get("违规问题计数", "人数"),
        regions=tuple(r["名称"] for r in data["地区"]),
        members=tuple(
            Member(m["代码"], m["名称"], m["地区"], m["报送方式"], tuple(m.get("填报人员", ())))
            for m in data["成员"]
        ),
        reviewers=tuple(data.get("审核人员", ())),
        maintainers=tuple(data.get("维护人员", ())),
        demo=data.get("示例数据", False),
    )
