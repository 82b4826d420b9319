"""统计表: both tables with the notice's merged headers, the 口径, provenance and the exports."""

from __future__ import annotations

from privtravel.model import Campaign
from privtravel.site import provenance_pages
from privtravel.site.pages.common import WIDE_PAGE, demo_note
from privtravel.stats import definitions
from privtravel.stats import html as stats_html
from privtravel.stats.compute import Statistics
from privtravel.stats.table import RowKind, Table

EXPORTS = "exports"
SOURCES_PAGE = "stats-sources"


def export_links(prefix: str, *, with_json: bool = True) -> str:
    """Download links to the exports under ``prefix`` (relative to the page)."""
    links = (
        f"下载：[统计表.xlsx（通知原格式）]({prefix}/统计表.xlsx) · [附件2.csv]({prefix}/附件2.csv) · "
        f"[附件3.csv]({prefix}/附件3.csv)"
    )
    return links + (f" · [统计表.json（含每个数字的来源）]({prefix}/统计表.json)" if with_json else "")


def page(campaign: Campaign, stats: Statistics) -> str:
    return "\n".join(
        [
            *WIDE_PAGE,
            "# 统计表",
            "",
            demo_note(campaign),
            "附件2《干部因私出国（境）专项整治工作情况汇总统计表》和附件3《干部因私出国（境）管理工作有关情况统计表》"
            "由各单位的填报文件自动计算，不手工填数。点击数字可查看由哪些人员、哪些记录构成。",
            "",
            export_links(EXPORTS),  # Markdown links: relative to the .md file
            "",
            unsearched(stats_html.tables_html(stats, provenance_pages.href(stats, "../"))),
            "",
            definitions.markdown(stats, heading="##"),
            "",
        ]
    )


def unsearched(html: str) -> str:
    """Figures are not what anyone searches for; indexing them made the search index (and build) slow."""
    return f"<div data-search-exclude>\n{html}\n</div>"


def sources_page(campaign: Campaign) -> str:
    return "\n".join(
        [
            "---",
            "search:",
            "  exclude: true",
            "---",
            "",
            "# 统计表数字的来源",
            "",
            demo_note(campaign),
            "每一个数字由哪些人员、哪些记录构成（文件、位置和行号）；证件号码只显示首字母和末两位。",
            "",
            PROVENANCE_MARKER,
            "",
        ]
    )


# The provenance is tens of megabytes of finished HTML at province scale: Markdown and the search
# index would spend minutes on it, so the page carries a marker that build.py replaces afterwards.
PROVENANCE_MARKER = "PRIVTRAVEL-PROVENANCE-HERE"


def column_totals(table: Table, group: str, *, exclude: tuple[str, ...] = ()) -> list[tuple[str, int]]:
    """(column label, 合计) for the data columns whose header path contains ``group``."""
    total = next(r for r in table.rows if r.kind is RowKind.TOTAL)
    out = []
    for column in table.spec.data_columns:
        if group in column.path and not any(e in column.path for e in exclude):
            value = total.cells[column.key].value
            out.append((column.path[-1], value if isinstance(value, int) else 0))
    return out
