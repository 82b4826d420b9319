"""Finished HTML tables kept out of MkDocs and put into the built pages afterwards.

Markdown's processing of long tables and the search plugin's parsing of the resulting HTML were
most of the dashboard's build time at province scale.  The pages write their long tables as HTML
already; ``Deferred.take`` moves each of them out of a page's Markdown, leaving a marker, and
``Deferred.insert`` puts them into the built HTML.  The tables are therefore not in the search
index: people search the dashboard for units and topics, which are in the headings and text.
The marker is an HTML comment, so that the search index never shows it.  With a ``spill`` folder
the tables wait there, not in memory, while MkDocs builds (a province's were 60 MB).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from privtravel.diagnostics import FatalError

MARKER = "PRIVTRAVEL-TABLE-{}-END"


class Deferred:
    def __init__(self, spill: Path | None = None) -> None:
        self.pages: dict[str, dict[str, str]] = {}  # page (docs-relative .md) → marker → table html
        self.spill = spill  # a folder: the tables are written there ("" in ``pages``) until inserted
        self.spilled: dict[str, list[Path]] = {}

    def take(self, page: str, text: str) -> str:
        """``text`` with every line-initial ``<table`` … ``</table>`` block replaced by a marker."""
        if "<table" not in text:
            return text
        blocks = self.pages.setdefault(page, {})
        out: list[str] = []
        table: list[str] | None = None
        for line in text.split("\n"):
            if table is None and line.startswith("<table"):
                table = []
            if table is None:
                out.append(line)
                continue
            table.append(line)
            if line.rstrip().endswith("</table>"):
                marker = MARKER.format(f"{len(self.pages)}-{len(blocks)}")
                blocks[marker] = "\n".join(table)
                out.append(f"<!-- {marker} -->")
                table = None
        if table is not None:  # an unclosed table: leave it to Markdown as it was
            out.extend(table)
        if self.spill is not None and any(blocks.values()):
            self.spill.mkdir(parents=True, exist_ok=True)
            path = self.spill / f"{sum(map(len, self.spilled.values()))}.json"
            path.write_text(json.dumps({m: t for m, t in blocks.items() if t}, ensure_ascii=False), "utf-8")
            self.spilled.setdefault(page, []).append(path)
            self.pages[page] = dict.fromkeys(blocks, "")
        return "\n".join(out)

    def _tables(self, page: str) -> dict[str, str]:
        tables = dict(self.pages[page])
        for path in self.spilled.get(page, []):
            tables.update(json.loads(path.read_text(encoding="utf-8")))
        return tables

    def insert(self, site: Path) -> None:
        """Put the tables into the built pages (``use_directory_urls``: page.md → page/index.html)."""
        for page, markers in self.pages.items():
            if not markers:
                continue
            built = site / _html_path(page)
            html = built.read_text(encoding="utf-8")
            for marker, table in self._tables(page).items():
                comment = f"<!-- {marker} -->"
                if comment in html:
                    html = html.replace(comment, table, 1)
                else:
                    raise FatalError(f"看板构建失败：{built} 中找不到表格的位置（{marker}）。")
            built.write_text(html, encoding="utf-8")


def _html_path(page: str) -> PurePosixPath:
    path = PurePosixPath(page).with_suffix("")
    if path.name == "index":
        return path.with_name("index.html")
    return path / "index.html"
