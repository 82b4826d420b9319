"""The files that make a folder of declarations a ready unit repository.

* ``schemas/``: a copy of the committee's schemas for the unit's kinds, so that the first line of
  every file (``$schema=schemas/…`` or ``../schemas/…`` in 报告/) works in the unit's own clone and
  where the committee mounts it.  The judge never reads this copy: it uses its own schemas.
* ``.pre-commit-config.yaml``: the committee's hook at a pinned revision.
* ``.gitlab/merge_request_templates/``: the committee's templates, worded for a unit repository.
* ``README.md``: a short guide for the unit's HR.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from privtravel.load.layout import REPORTS_DIR, SCHEMA_DIR, SUBMISSIONS, UNIT_FILES, Kind, schema_comment
from privtravel.model import Campaign

MODELINE = "# yaml-language-server:"
TEMPLATES = Path(".gitlab") / "merge_request_templates"
UNIT_KINDS = sorted({*UNIT_FILES.values(), Kind.REPORT}, key=lambda k: k.value)
SHARED_SCHEMAS = ("common.schema.json",)
HOOK_ID = "privtravel-unit"


def schema_files() -> list[str]:
    return sorted([k.schema_file for k in UNIT_KINDS] + list(SHARED_SCHEMAS))


def write_schemas(unit_dir: Path) -> None:
    """The schemas the judge itself uses (the committee's), copied for the unit's editor."""
    from privtravel.validate.schemas import schema_dir

    source = schema_dir()
    target = unit_dir / SCHEMA_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in schema_files():
        shutil.copyfile(source / name, target / name)


def rewrite_modelines(unit_dir: Path, code: str) -> list[str]:
    """Point every declaration's first line at the unit's own schemas/; returns the files changed."""
    changed = []
    files = [unit_dir / n for n in UNIT_FILES] + sorted((unit_dir / REPORTS_DIR).glob("*.yaml"))
    for path in files:
        if not path.is_file():
            continue
        rel = f"{SUBMISSIONS}/{code}/{path.relative_to(unit_dir).as_posix()}"
        kind = Kind.REPORT if path.parent.name == REPORTS_DIR else UNIT_FILES[path.name]
        wanted = schema_comment(rel, kind, in_unit=True)
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig", errors="surrogateescape")
        first, _, rest = text.partition("\n")
        if first.strip() == wanted:
            continue
        body = rest if first.startswith(MODELINE) else text
        path.write_bytes(f"{wanted}\n{body}".encode("utf-8", errors="surrogateescape"))
        changed.append(path.relative_to(unit_dir).as_posix())
    return changed


def pre_commit_config(committee_url: str, rev: str, code: str) -> str:
    return (
        "# 提交前检查：运行委政治处仓库中固定版本（rev）的检查工具，委政治处更新版本时会改这一行。\n"
        "# 安装（每个克隆一次）：pip install pre-commit，然后 pre-commit install\n"
        "repos:\n"
        f"  - repo: {committee_url}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        f"      - id: {HOOK_ID}\n"
        f"        args: [--unit, {code}]\n"
    )


def write_templates(committee: Path, unit_dir: Path) -> None:
    source = committee / TEMPLATES
    if not source.is_dir():
        return
    target = unit_dir / TEMPLATES
    target.mkdir(parents=True, exist_ok=True)
    for template in sorted(source.glob("*.md")):
        text = template.read_text(encoding="utf-8")
        text = text.replace(
            "本单位的文件夹 `submissions/<单位代码>/`", "本单位的填报文件（`schemas/` 由委政治处维护）"
        )
        text = text.replace("`submissions/<单位代码>/`", "本仓库")
        (target / template.name).write_text(text, encoding="utf-8")


def readme(campaign: Campaign | None, code: str, committee_project: str) -> str:
    unit = campaign.unit(code) if campaign is not None else None
    name = unit.name if unit is not None else code
    title = campaign.name if campaign is not None else "干部因私出国（境）违规问题专项整治"
    return f"""# {name}（{code}）· 填报仓库

{title}。本仓库只保存**本单位**的填报内容，只有本单位组织人事科室的填报人员和委政治处能看到；
委政治处的仓库（{committee_project}）固定引用本仓库经审核合并的版本，统一检查、比对、统计和生成看板。

## 文件

```
单位.yaml          单位基本情况、管理制度、证件保管安排、填表人
登记备案.yaml      登记备案人员名单和变动记录
报告/编号-姓名.yaml 每人一份《报告表》（附件1）
证件保管.yaml      证件保管登记册：交存、领用、交回
审批.yaml          因私出国（境）审批
违规问题.yaml      查实的违规违纪问题和处理
核查说明.yaml      对比对核查各核查项的说明
整改.yaml          对集中检查指出问题的整改
schemas/           各类文件的格式说明（委政治处维护，不要修改）
```

## 怎样填报

用 VS Code（安装 YAML 插件）打开文件，自动补全字段名、给出下拉选项和中文说明。每个文件的第一行是编辑器
提示行（如 `# yaml-language-server: $schema=schemas/unit.schema.json`），不要删改。号码、编号、电话加英文引号，
日期写成 `2019-06-05`，缩进只用空格。

## 提交前检查

```sh
pip install pre-commit    # 一次
pre-commit install        # 每个克隆一次
```

之后每次 `git commit` 都先用委政治处的检查工具检查本单位的文件，有错误时给出「文件:行:列」和改法，提交被拒绝。

## 合并请求

1. 新建分支修改，推送后新建合并请求，选模板「单位填报」（第一次提交）或「更正」，逐项核对清单。
2. 流水线由委政治处统一提供（本仓库的设置指向委政治处仓库中的流水线文件，本仓库改不了它）：用委政治处的工具、
   格式说明和工作配置检查本单位的文件，生成「审核摘要」。
3. 委政治处审核人员批准后合并。合并后的版本由委政治处取用（有错误的版本不会被取用，看板会注明）。
"""
