"""Making a unit's workbook from its folder (template and export share this)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from privtravel.diagnostics import FatalError, Result
from privtravel.excel import unitdocs, workbook_write
from privtravel.excel.cells import CellError
from privtravel.excel.save import save
from privtravel.excel.unitdocs import UnitDocs
from privtravel.load import repository
from privtravel.model import Campaign
from privtravel.report import text as text_report


def unit_name(campaign: Campaign, code: str) -> str:
    config = campaign.unit(code)
    if config is None:
        known = "、".join(u.code for u in campaign.units)
        raise FatalError(f"campaign.yaml 中没有单位「{code}」。已有的单位：{known}。")
    return config.name


def load_clean(root: Path, campaign: Campaign, code: str) -> UnitDocs:
    """The unit's declarations; refuses when a file has errors (an import would then lose it)."""
    docs, result = unitdocs.load(root, code, campaign.max_file_kb * 1024)
    if result.errors:
        shown = "\n".join(text_report.line(d) for d in result.sorted() if d.is_error)
        raise FatalError(
            f"单位「{code}」的填报文件有错误，无法生成表格（否则导入时会丢失这些文件的内容）。"
            f"请先改正：\n{shown}"
        )
    return docs


def stamp(campaign: Campaign) -> dt.datetime:
    """The time recorded inside the workbook: fixed per campaign, so outputs are deterministic."""
    day = campaign.report_deadline
    return dt.datetime(day.year, day.month, day.day)


def write(root: Path, campaign: Campaign, code: str, out: Path) -> UnitDocs:
    name = unit_name(campaign, code)
    docs = load_clean(root, campaign, code)
    try:
        book = workbook_write.build(campaign, name, docs)
    except CellError as exc:
        raise FatalError(f"单位「{code}」的内容无法写入表格：{exc}") from None
    save(book, out, stamp(campaign))
    return docs


def load_campaign(root: Path) -> Campaign:
    result = Result()
    campaign = repository.load_campaign(root, result)
    if campaign is None:
        shown = "\n".join(text_report.line(d) for d in result.sorted() if d.is_error)
        raise FatalError(f"campaign.yaml 有错误，请先改正：\n{shown}")
    return campaign
