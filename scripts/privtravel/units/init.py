"""`units init`: a ready unit repository, from the unit's folder when it has one, else a start."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from privtravel.diagnostics import FatalError, Result
from privtravel.load import repository
from privtravel.load.layout import REPORTS_DIR, SUBMISSIONS, UNIT_FILES, Kind, schema_comment
from privtravel.model import Campaign
from privtravel.units import git, scaffold

# what editors and office programs leave beside the files HR edit (check warns about them: F118)
EDITOR_IGNORES = "*.sw[a-p]\n*.un~\n*~\n.#*\n\\#*#\n.~lock.*#\n~$*\n.DS_Store\nThumbs.db\ndesktop.ini\n.vscode/\n.idea/\n.history/\n"

INITIAL_MESSAGE = "Set up the unit repository: schemas, pre-commit hook, merge-request templates, README"


def campaign_of(committee: Path, code: str | None) -> Campaign:
    """The committee's campaign config, which must name ``code`` (when given)."""
    campaign = repository.load_campaign(committee, Result())
    if campaign is None:
        raise FatalError("campaign.yaml 有错误：请先运行 privtravel check 改正。")
    if code is not None and campaign.unit(code) is None:
        known = "、".join(u.code for u in campaign.units)
        raise FatalError(f"单位代码「{code}」不在 campaign.yaml 的单位名单中（现有：{known}）。")
    return campaign


def committee_source(committee: Path, url: str | None, rev: str | None) -> tuple[str, str]:
    """Where the unit's pre-commit hook takes the committee's tool from, and at which revision."""
    if url is None:
        url = git.run(committee, "remote", "get-url", "origin", check=False).strip()
        if not url:
            raise FatalError(
                "委政治处仓库没有 origin 远程仓库：请用 --committee-url 写明检查工具所在仓库的地址。"
            )
    if rev is None:
        rev = git.run(committee, "rev-parse", "HEAD").strip()
    return url, rev


def write_scaffold(committee: Path, unit_dir: Path, code: str, url: str, rev: str) -> None:
    """Everything but the declarations; the declarations' first lines point at the unit's schemas."""
    campaign = campaign_of(committee, code)
    scaffold.write_schemas(unit_dir)
    scaffold.rewrite_modelines(unit_dir, code)
    scaffold.write_templates(committee, unit_dir)
    (unit_dir / ".pre-commit-config.yaml").write_text(
        scaffold.pre_commit_config(url, rev, code), encoding="utf-8"
    )
    (unit_dir / "README.md").write_text(scaffold.readme(campaign, code, url), encoding="utf-8")
    (unit_dir / ".gitignore").write_text(".cache/\nbuild/\n" + EDITOR_IGNORES, encoding="utf-8")


def copy_declarations(folder: Path, unit_dir: Path) -> int:
    count = 0
    for name in UNIT_FILES:
        if (folder / name).is_file():
            shutil.copyfile(folder / name, unit_dir / name)
            count += 1
    reports = sorted((folder / REPORTS_DIR).glob("*.yaml")) if (folder / REPORTS_DIR).is_dir() else []
    if reports:
        (unit_dir / REPORTS_DIR).mkdir()
    for report in reports:
        shutil.copyfile(report, unit_dir / REPORTS_DIR / report.name)
        count += 1
    return count


def starter(campaign: Campaign, code: str, unit_dir: Path) -> None:
    """单位.yaml and an empty 登记备案.yaml: what HR fills in first (check says what is missing)."""
    unit = campaign.unit(code)
    assert unit is not None
    rel = f"{SUBMISSIONS}/{code}/单位.yaml"
    (unit_dir / "单位.yaml").write_text(
        f"{schema_comment(rel, Kind.UNIT, in_unit=True)}\n单位代码: {code}\n单位名称: {unit.name}\n"
        "国家工作人员总数: 0\n管理制度: []\n证件保管:\n  保管机构: 组织人事科\n  专人: []\n  专柜: false\n"
        '填表人: ""\n联系电话: ""\n审核人: ""\n',
        encoding="utf-8",
    )
    rel = f"{SUBMISSIONS}/{code}/登记备案.yaml"
    (unit_dir / "登记备案.yaml").write_text(
        f"{schema_comment(rel, Kind.ROSTER, in_unit=True)}\n单位代码: {code}\n人员: []\n", encoding="utf-8"
    )


def init(committee: Path, code: str, out: Path, url: str | None = None, rev: str | None = None) -> int:
    """Write the unit repository ``out`` (one commit on main); returns how many declarations it holds.

    Built in a hidden folder beside ``out`` and renamed into place when complete: an interrupted
    init leaves no half repository at ``out`` (the next init removes what it left)."""
    campaign = campaign_of(committee, code)
    if out.exists() and any(out.iterdir()):
        raise FatalError(f"{out} 已存在且不是空目录：请换一个 --out，或先移走它。")
    url, rev = committee_source(committee, url, rev)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.privtravel-init"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        git.run(staging, "init", "-q", "-b", "main")
        folder = committee / SUBMISSIONS / code
        count = copy_declarations(folder, staging) if folder.is_dir() else 0
        if count == 0:
            starter(campaign, code, staging)
        write_scaffold(committee, staging, code, url, rev)
        git.run(staging, "add", "-A")
        git.run(staging, "commit", "-q", "-m", INITIAL_MESSAGE)
        if out.exists():
            out.rmdir()  # empty, checked above
        os.rename(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count
