"""Write the generated pages and build them with MkDocs: the one seam a move to Zensical touches."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from privtravel import export
from privtravel.analysis import analyze
from privtravel.campaignops import inspection_pages, reminders
from privtravel.diagnostics import Diagnostic, FatalError
from privtravel.load.layout import unit_of
from privtravel.masking import mask_page
from privtravel.model import Campaign
from privtravel.site import audit_trail, history, offline, provenance_pages, search, units
from privtravel.site.asof import AsOf, as_of
from privtravel.site.deferred import Deferred
from privtravel.site.pages import audit as audit_pages
from privtravel.site.pages import findings, guide, overview, progress, statistics, unit_repos
from privtravel.site.pages.common import unit_page
from privtravel.site.status import unit_statuses
from privtravel.stats.provenance import lines as provenance_lines
from privtravel.stats.provenance import refs
from privtravel.webforms import build as webforms

PROJECT = Path(__file__).resolve().parents[3]
SOURCES = PROJECT / "site"
CONFIG = PROJECT / "mkdocs.yml"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # we know; see README「看板」

Write = Callable[[str, str], None]


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


def write_pages(
    root: Path, docs: Path, given: dt.date | None, deferred: Deferred
) -> tuple[Campaign, list[Any], AsOf, list[dict[str, str]]]:
    """Write every page and the exports (docs/exports/, copied as they are) under ``docs``;
    the pages' long tables go to ``deferred``, to be put into the built pages.  Returns the
    campaign, the navigation, the day the site is read as (site/asof.py) and the people finder's
    search entries."""
    analysis = analyze(root)
    repo, campaign, stats = analysis.repo, analysis.repo.campaign, analysis.stats
    if campaign is None or stats is None:
        raise FatalError("campaign.yaml 有错误，无法生成看板：请先运行 check 并改正。")
    asof = as_of(root, campaign, analysis.crosscheck.as_of if analysis.crosscheck else None, given)
    today = asof.today
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(SOURCES / "assets", docs / "assets")
    source = computed_from(root)
    statuses = unit_statuses(repo, analysis.result.diagnostics)
    per_unit: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in analysis.result.diagnostics:
        per_unit[unit_of(d.path) or ""].append(d)
    trail = audit_trail.load(root, campaign)
    links = {s.config.code: unit_page(s.config) for s in statuses}

    write = _writer(docs, deferred)
    rectification = inspection_pages.overview_section(
        inspection_pages.progress(repo, today), today, len(campaign.units)
    )
    outcome = analysis.crosscheck
    past = history.daily(root, trail.entries, history.states_of(outcome))  # findings by day (site/history.py)
    write(
        "index.md",
        overview.overview(
            campaign,
            statuses,
            source,
            today,
            stats,
            outcome,
            links,
            reminders.collect(repo, today, findings=reminders.open_findings(analysis.answered)),
        )
        + "\n"
        + rectification
        + "\n"
        + "\n".join(progress.overview_lines(trail.entries, repo, past)),
    )
    write(progress.PAGE, progress.page(trail.entries, repo, past, campaign, today))
    write("stats.md", statistics.page(campaign, stats))
    write(f"{statistics.SOURCES_PAGE}.md", statistics.sources_page(campaign))
    cited = provenance_lines(root, refs(stats))
    provenance_pages.write_fragments(stats, cited, docs.parent / "provenance", mask_page)
    export.write_all(stats, docs / statistics.EXPORTS, cited, filled=today)  # lines as `stats --out` has them
    write("findings.md", findings.page(campaign, outcome, links))
    write("inspection.md", inspection_pages.page(repo, today))
    texts = units.pages(
        analysis, statuses, per_unit, trail, docs / statistics.EXPORTS / "units", today, source
    )
    for status, text in zip(statuses, texts, strict=True):
        write(links[status.config.code], text)
    write(
        "audit.md",
        audit_pages.audit_page(campaign, trail, source) + "\n".join(unit_repos.audit_section(root, campaign)),
    )
    shutil.copytree(SOURCES / "guide", docs / "guide", dirs_exist_ok=True)  # hand-written pages
    write("guide/codes.md", guide.codes_page())
    write("guide/findings.md", guide.findings_page())
    by_region: dict[str, list[Any]] = {region: [] for region in campaign.regions}
    for status in statuses:
        by_region.setdefault(status.config.region, []).append({status.config.name: links[status.config.code]})
    nav = [
        {"总览": "index.md"},
        {"进展": progress.PAGE},
        {"统计表": [{"附件2、附件3": "stats.md"}, {"数字的来源": f"{statistics.SOURCES_PAGE}.md"}]},
        {"核查发现": "findings.md"},
        {"单位": [{region: pages} for region, pages in by_region.items() if pages]},
        {"集中检查": "inspection.md"},
        {"审计记录": "audit.md"},
        {
            "填报指南": [
                {"填报步骤": "guide/steps.md"},
                {"检查提示代码": "guide/codes.md"},
                {"核查发现代码": "guide/findings.md"},
            ]
        },
    ]
    return campaign, nav, asof, search.people_entries(repo, links)


def _writer(docs: Path, deferred: Deferred) -> Write:
    """Every generated page passes here, its long tables too: numbers typed into free text are
    masked on the way out (privtravel.masking), whichever page or cell quotes them."""

    def write(relative: str, text: str) -> None:
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(deferred.take(relative, mask_page(text)), encoding="utf-8")

    return write


def _show_mkdocs_warnings() -> None:
    """MkDocs reports through logging; without a handler its warnings would vanish."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "privtravel", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
        handler.privtravel = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def build(root: Path, out: Path, today: dt.date | None = None) -> None:
    _show_mkdocs_warnings()
    # absolute: MkDocs resolves relative folders against mkdocs.yml's folder, not the campaign's
    root, out = root.resolve(), out.resolve()
    docs = root / "build" / "docs"
    shutil.rmtree(root / "build" / "deferred", ignore_errors=True)  # a killed build's tables
    deferred = Deferred(root / "build" / "deferred")
    campaign, nav, asof, people = write_pages(root, docs, today, deferred)
    try:
        config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(out))
        config["extra"]["demo"] = campaign.demo
        config["extra"]["asof"] = asof.text
        config["extra"]["polyfills"] = offline.polyfills()
        config["nav"] = nav
        search_plugin = config["plugins"]["material/search"]
        search_plugin.config["jieba_dict_user"] = str(
            search.write_user_dict(campaign, root / "build" / "jieba_user.txt")
        )
        mkdocs_build(config)
    except MkDocsException as exc:
        raise FatalError(f"看板构建失败：{exc}") from exc
    deferred.insert(out)
    offline.patch_bundle(out)
    offline.write_index(out, search.tune(offline.read_index(out), people))
    provenance_pages.place(
        out / statistics.SOURCES_PAGE / "index.html", docs.parent / "provenance", statistics.PROVENANCE_MARKER
    )
    if webforms.installed():  # the web forms for HR, at forms/ (README「网页填报」)
        webforms.build(root, campaign, out / "forms", webforms.settings_from_env())
