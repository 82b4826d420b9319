"""Write the generated pages and build them with MkDocs: the one seam a move to Zensical touches."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from privtravel.commands.check import check_repository
from privtravel.diagnostics import FatalError
from privtravel.model import Campaign
from privtravel.site import pages
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


def write_pages(root: Path, docs: Path) -> Campaign:
    repo, result = check_repository(root)
    if repo.campaign is None:
        raise FatalError("campaign.yaml 有错误，无法生成看板：请先运行 check 并改正。")
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(SOURCES / "assets", docs / "assets")
    statuses = unit_statuses(repo, result.diagnostics)
    (docs / "index.md").write_text(
        pages.overview(repo.campaign, statuses, computed_from(root)), encoding="utf-8"
    )
    (docs / "guide").mkdir()
    (docs / "guide" / "codes.md").write_text(pages.guide_codes(), encoding="utf-8")
    return repo.campaign


def build(root: Path, out: Path) -> None:
    docs = root / "build" / "docs"
    campaign = write_pages(root, docs)
    try:
        config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(out))
        config["extra"]["demo"] = campaign.demo
        config["nav"] = [{"总览": "index.md"}, {"填报指南": [{"检查提示代码": "guide/codes.md"}]}]
        mkdocs_build(config)
    except MkDocsException as exc:
        raise FatalError(f"看板构建失败：{exc}") from exc
