"""The roll-up's dashboard: a small MkDocs site built with the committee dashboard's theme and config.

build/rollup-docs/ gets the pages and exports; MkDocs builds them into ``out`` (offline, like the
committee's site: no web fonts, no CDN).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from privtravel.diagnostics import FatalError
from privtravel.rollup import audit, export, members, pages, table
from privtravel.rollup.config import Rollup
from privtravel.site.build import CONFIG, SOURCES, _show_mkdocs_warnings


def write_pages(root: Path, rollup: Rollup, docs: Path, today: dt.date) -> list[Any]:
    gathered = members.gather(root, rollup)
    stats = table.statistics(root, gathered)
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(SOURCES / "assets", docs / "assets")

    def write(relative: str, text: str) -> None:
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    write("index.md", pages.overview(gathered, stats, today, stats.version.describe()))
    write("stats.md", pages.statistics_page(gathered, stats))
    export.write_all(stats, gathered, docs / pages.EXPORTS)
    log = audit.entries(root)
    write("audit.md", audit.page(log, stats.version.describe()))
    by_region: dict[str, list[Any]] = {region: [] for region in rollup.regions}
    for state in gathered.states:
        history = ["## 提交记录", "", audit.table(log, state.member.code), ""]
        write(pages.member_page(state), pages.member_text(state, stats) + "\n" + "\n".join(history))
        by_region[state.member.region].append({state.member.name: pages.member_page(state)})
    write("codes.md", pages.codes_page())
    return [
        {"总览": "index.md"},
        {"统计表": "stats.md"},
        {"成员": [{region: entries} for region, entries in by_region.items() if entries]},
        {"审计记录": "audit.md"},
        {"检查提示代码": "codes.md"},
    ]


def build(root: Path, rollup: Rollup, out: Path, today: dt.date) -> None:
    _show_mkdocs_warnings()
    root, out = root.resolve(), out.resolve()
    docs = root / "build" / "rollup-docs"
    nav = write_pages(root, rollup, docs, today)
    try:
        config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(out))
        config["site_name"] = rollup.name
        config["site_description"] = f"{rollup.issuer}：干部因私出国（境）专项整治统计汇总（内部）"
        config["extra"]["demo"] = rollup.demo
        config["nav"] = nav
        mkdocs_build(config)
    except MkDocsException as exc:
        raise FatalError(f"汇总看板构建失败：{exc}") from exc
