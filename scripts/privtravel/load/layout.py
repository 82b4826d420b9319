"""Where each kind of declaration lives in the repository, and which schema describes it.

campaign.yaml                              专项整治工作配置 (委政治处)
submissions/<单位代码>/单位.yaml             单位基本情况、管理制度、证件保管安排
submissions/<单位代码>/登记备案.yaml         登记备案人员及变动记录
submissions/<单位代码>/报告/<编号>-<姓名>.yaml  每人一份附件1报告表
submissions/<单位代码>/证件保管.yaml         证件保管登记册（交存、领用、交回）
submissions/<单位代码>/审批.yaml             因私出国（境）审批
submissions/<单位代码>/违规问题.yaml         违规违纪问题及处理
submissions/<单位代码>/核查说明.yaml         对比对核查发现的问题逐项说明（核实无问题或已查实）
police/持证信息.csv|.xlsx                   公安机关提供的持证信息（不发布到看板）
police/出入境记录.csv|.xlsx                 公安机关提供的出入境记录（不发布到看板）
police/交付清单.yaml                       公安数据的提取日期、每个文件的行数和校验值（随数据交付）
submissions/<单位代码>/整改.yaml             对集中检查指出问题的整改措施（本单位填写）
inspections/<单位代码>.yaml                  专项检查组的集中检查情况（检查组填写，单位不能修改）
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath


class Kind(StrEnum):
    CAMPAIGN = "campaign"
    UNIT = "unit"
    ROSTER = "roster"
    REPORT = "report"
    CUSTODY = "custody"
    APPROVALS = "approvals"
    CASES = "cases"
    RESPONSES = "responses"
    INSPECTION = "inspection"
    RECTIFICATION = "rectification"

    @property
    def schema_file(self) -> str:
        return f"{self.value}.schema.json"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.CAMPAIGN: "专项整治工作配置",
    Kind.UNIT: "单位基本情况",
    Kind.ROSTER: "登记备案人员",
    Kind.REPORT: "报告表（附件1）",
    Kind.CUSTODY: "证件保管登记册",
    Kind.APPROVALS: "因私出国（境）审批",
    Kind.CASES: "违规违纪问题及处理",
    Kind.RESPONSES: "比对核查说明",
    Kind.INSPECTION: "集中检查情况",
    Kind.RECTIFICATION: "整改情况",
}

CAMPAIGN_FILE = "campaign.yaml"
SUBMISSIONS = "submissions"
REPORTS_DIR = "报告"
POLICE_DIR = "police"
POLICE_HOLDINGS = "持证信息"  # police/持证信息.csv or .xlsx
POLICE_CROSSINGS = "出入境记录"  # police/出入境记录.csv or .xlsx
POLICE_MANIFEST = "交付清单.yaml"  # police/交付清单.yaml: extraction date, rows and checksum per file
UNIT_FILES: dict[str, Kind] = {
    "单位.yaml": Kind.UNIT,
    "登记备案.yaml": Kind.ROSTER,
    "证件保管.yaml": Kind.CUSTODY,
    "审批.yaml": Kind.APPROVALS,
    "违规问题.yaml": Kind.CASES,
    "核查说明.yaml": Kind.RESPONSES,
    "整改.yaml": Kind.RECTIFICATION,
}
# The inspection group's records live outside submissions/: a unit's merge request cannot change them.
INSPECTIONS = "inspections"
SCHEMA_DIR = "schemas"
# A unit kept in its own repository (mounted as a submodule) also carries these, for its HR:
# a README and a copy of the schemas its modelines point at.  They are not declarations.
UNIT_REPO_EXTRAS = frozenset({"README.md", SCHEMA_DIR})


@dataclass(frozen=True, slots=True)
class Place:
    kind: Kind
    unit: str | None  # the unit folder, None for the campaign config


def classify(rel: str) -> Place | None:
    """The kind of declaration at a repository-relative path, or None if it is not one."""
    parts = path_parts(rel)
    if parts == (CAMPAIGN_FILE,):
        return Place(Kind.CAMPAIGN, None)
    if len(parts) == 3 and parts[0] == SUBMISSIONS and parts[2] in UNIT_FILES:
        return Place(UNIT_FILES[parts[2]], parts[1])
    if len(parts) == 4 and parts[0] == SUBMISSIONS and parts[2] == REPORTS_DIR and parts[3].endswith(".yaml"):
        return Place(Kind.REPORT, parts[1])
    if len(parts) == 2 and parts[0] == INSPECTIONS and parts[1].endswith(".yaml"):
        return Place(Kind.INSPECTION, parts[1].removesuffix(".yaml"))
    return None


def path_parts(rel: str) -> tuple[str, ...]:
    """``PurePosixPath(rel).parts``, without building a path object for the usual clean relative
    path (these functions run once per file, 60,000 times at province scale)."""
    parts = rel.split("/")
    if "" in parts or "." in parts:
        return PurePosixPath(rel).parts
    return tuple(parts)


def unit_of(rel: str) -> str | None:
    """The unit folder a path under submissions/ belongs to, whatever the file is."""
    parts = path_parts(rel)
    if len(parts) >= 3 and parts[0] == SUBMISSIONS:
        return parts[1]
    return None


def subject_of(rel: str) -> str | None:
    """The unit a declaration is about: its own folder, or the unit an inspection file names.

    Unlike ``unit_of`` (the folder a unit owns and may change), this also covers inspections/.
    """
    parts = path_parts(rel)
    if len(parts) == 2 and parts[0] == INSPECTIONS and parts[1].endswith(".yaml"):
        return parts[1].removesuffix(".yaml")
    return unit_of(rel)


def unit_repo_extra(rel: str) -> bool:
    """A unit repository's README or schema copy (submissions/<unit>/README.md, …/schemas/…)."""
    parts = path_parts(rel)
    return len(parts) >= 3 and parts[0] == SUBMISSIONS and parts[2] in UNIT_REPO_EXTRAS


def schema_comment(rel: str, kind: Kind, *, in_unit: bool = False) -> str:
    """The first line that makes an editor (yaml-language-server) offer completion and help.

    ``in_unit``: the unit folder carries its own schemas/ (a unit repository), so the path is
    relative to the unit folder and works both in the unit's own clone and where it is mounted.
    """
    parts = path_parts(rel)
    depth = len(parts) - 1
    if in_unit and len(parts) >= 3 and parts[0] == SUBMISSIONS:
        depth -= 2
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind.schema_file}"
