"""Write the generated pages and build them with MkDocs: the one seam a move to Zensical touches."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from privtravel.campaignops import inspection_pages
from privtravel.commands.check import check_repository
from privtravel.diagnostics import Diagnostic, FatalError
from privtravel.load.layout import unit_of
from privtravel.model import Campaign
from privtravel.site import audit, search
from privtravel.site.pages import audit as audit_pages
from privtravel.site.pages import guide, overview, unit
from privtravel.site.pages.common import unit_page
from privtravel.site.status import unit_statuses

PROJECT = Path(__file__).resolve().parents[3]
SOURCES = PROJECT / "site"
CONFIG = PROJECT / "mkdocs.yml"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # we know; see README「看板」


def computed_from(root: Path) -> str:
    """The commit the figures come from, as the site names it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "campaign.yaml", "submissions"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "不在 git 仓库中，无法标明提交"
    return f"提交 {head}" + ("（工作区有未提交的改动）" if dirty else "")


def write_pages(root: Path, docs: Path, today: dt.date) -> tuple[Campaign, list[Any]]:
    """Write every page under ``docs``; return the campaign and the navigation."""
    repo, result = check_repository(root)
    campaign = repo.campaign
    if campaign is None:
        raise FatalError("campaign.yaml 有错误，无法生成看板：请先运行 check 并改正。")
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(SOURCES / "assets", docs / "assets")
    source = computed_from(root)
    statuses = unit_statuses(repo, result.diagnostics)
    per_unit: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        per_unit[unit_of(d.path) or ""].append(d)
    commits = audit.read_log(root)
    commits_by_unit = audit.by_unit(commits)

    write = _writer(docs)
    rectification = inspection_pages.overview_section(
        inspection_pages.progress(repo, today), today, len(campaign.units)
    )
    write("index.md", overview.overview(campaign, statuses, source, today) + "\n" + rectification)
    write("inspection.md", inspection_pages.page(repo, today))
    by_region: dict[str, list[Any]] = {region: [] for region in campaign.regions}
    for status in statuses:
        config = status.config
        text = unit.unit_page(
            campaign, status, repo.units.get(config.code), per_unit[config.code], today, source
        )
        text += "\n".join(audit_pages.unit_section(commits_by_unit.get(config.code, []), config.code))
        write(unit_page(config), text)
        by_region.setdefault(config.region, []).append({config.name: unit_page(config)})
    write("audit.md", audit_pages.audit_page(campaign, commits, source))
    write("guide/codes.md", guide.codes_page())
    nav = [
        {"总览": "index.md"},
        {"单位": [{region: pages} for region, pages in by_region.items() if pages]},
        {"集中检查": "inspection.md"},
        {"审计记录": "audit.md"},
        {"填报指南": [{"检查提示代码": "guide/codes.md"}]},
    ]
    return campaign, nav


def _writer(docs: Path) -> Any:
    def write(relative: str, text: str) -> None:
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return write


def build(root: Path, out: Path, today: dt.date | None = None) -> None:
    docs = root / "build" / "docs"
    campaign, nav = write_pages(root, docs, today or dt.date.today())
    try:
        config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(out))
        config["extra"]["demo"] = campaign.demo
        config["nav"] = nav
        search_plugin = config["plugins"]["material/search"]
        search_plugin.config["jieba_dict_user"] = str(
            search.write_user_dict(campaign, root / "build" / "jieba_user.txt")
        )
        mkdocs_build(config)
    except MkDocsException as exc:
        raise FatalError(f"看板构建失败：{exc}") from exc
