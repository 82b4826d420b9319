"""A police delivery checked against its manifest: every file listed, complete, unchanged, and dated.

Findings that depend on dates (still abroad, a change never entered by the police, overdue returns)
are computed as of the manifest's 提取日期, never a date guessed from the data; the data cannot
contain a day after it, and campaign.yaml may repeat it only if it says the same.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from privtravel.diagnostics import Diagnostic, Result
from privtravel.load.layout import CAMPAIGN_FILE, POLICE_CROSSINGS, POLICE_HOLDINGS, POLICE_MANIFEST
from privtravel.model import Campaign
from privtravel.police import manifest as manifest_file
from privtravel.police.manifest import Manifest
from privtravel.police.records import PoliceData
from privtravel.police.table import Table

COMMAND = "privtravel police-manifest --extracted 提取日期 --provider 提供单位"
ASK_AGAIN = "请向公安机关出入境管理部门核实，重新提供完整的数据，原样放入，不要手工修改。"


def open_manifest(root: Path, folder: Path, rel: str, delivered: bool, result: Result) -> Manifest | None:
    """The folder's manifest; a delivery without one is an error that says how to write it."""
    path = manifest_file.default_path(folder)
    if not path.exists():
        if delivered:
            message = (
                f"有公安数据，但没有交付清单 {POLICE_MANIFEST}：无法确认数据完整、未被改动，也不知道公安数据日期。"
                f"请按公安机关的交接函写一个（可在放入数据后运行 {COMMAND} 生成，"
                "再逐项核对行数与交接函上的记录条数）。"
            )
            result.add(Diagnostic(rel, "P505", message))
        return None
    if not path.is_file():
        result.add(Diagnostic(rel, "P504", f"{POLICE_MANIFEST} 不是文件（是文件夹或其他特殊文件）。"))
        return None
    return manifest_file.read(rel, path, result)


# Names a police table might arrive under that the loader would not read: refused, never skipped.
KNOWN = {f"{stem}{ext}" for stem in (POLICE_HOLDINGS, POLICE_CROSSINGS) for ext in (".csv", ".xlsx")}
TABLE_LIKE = (".csv", ".xlsx", ".xls", ".et", ".ods", ".tsv", ".txt", ".dbf", ".xlsm")


def strays(root: Path, folder: Path, relative: Callable[[Path, Path], str]) -> list[Diagnostic]:
    """Files in the police folder that look like a table but are not one the loader reads
    (出入境记录.CSV, 出入境记录(1).csv, 持证信息.xls): silently leaving them out would drop data."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    out = []
    for entry in entries:
        name = entry.name
        if name in KNOWN or name.startswith(".") or name == POLICE_MANIFEST:
            continue
        if name.lower().endswith(TABLE_LIKE) or name.startswith((POLICE_HOLDINGS, POLICE_CROSSINGS)):
            message = (
                f"不认识的公安数据文件「{name}」：只读取 {'、'.join(sorted(KNOWN))}，这个文件的内容不会被比对。"
                "是公安机关交付的数据，请改成上面的文件名（.xls 请用 Excel 另存为 .xlsx）；不是的，请移出这个文件夹。"
            )
            out.append(Diagnostic(relative(root, folder / name), "P501", message))
    return out


def compare(manifest: Manifest, name: str, rel: str, table: Table, result: Result) -> None:
    """One delivered file against its manifest entry (the caller has checked it is listed)."""
    entry = manifest.entries[name]
    where = f"文件第{entry.index + 1}项"
    if table.header and (table.ok or table.records == 0) and table.records != entry.rows:
        if table.records < entry.rows:
            what = f"少了 {entry.rows - table.records} 行：文件不完整（导出或复制时被截断）"
        else:
            what = f"多了 {table.records - entry.rows} 行：文件中有不属于这次交付的行"
        message = f"{rel} 有 {table.records} 行数据，交付清单记为 {entry.rows} 行，{what}。{ASK_AGAIN}"
        result.add(Diagnostic(manifest.path, "P505", message, entry.rows_line, 1, f"{where}.行数"))
    if table.sha256 and table.sha256 != entry.digest:
        message = (
            f"{rel} 的 SHA-256 校验值是 {table.sha256[:12]}…，交付清单记为 {entry.digest[:12]}…："
            f"文件在交付后被改动过，或不是交付的那个文件。{ASK_AGAIN}"
        )
        result.add(Diagnostic(manifest.path, "P505", message, entry.digest_line, 1, f"{where}.校验值"))


def unlisted(manifest: Manifest, rel: str) -> Diagnostic:
    listed = "、".join(manifest.entries) or "无"
    message = (
        f"这个文件不在交付清单 {manifest.path} 中（清单列出：{listed}）：不能确认它是公安机关交付的。"
        "是这次交付的，请按交接函在清单中补上；不是的，请移出。"
    )
    return Diagnostic(rel, "P505", message)


def missing(manifest: Manifest, present: Iterable[str]) -> list[Diagnostic]:
    """Listed files that are not there."""
    out = []
    for name, entry in manifest.entries.items():
        if name not in present:
            message = f"交付清单列出的 {name} 不在公安数据文件夹中：数据不完整。{ASK_AGAIN}"
            out.append(
                Diagnostic(manifest.path, "P505", message, entry.line, 1, f"文件第{entry.index + 1}项.文件名")
            )
    return out


def dated(manifest: Manifest, data: PoliceData, today: dt.date) -> list[Diagnostic]:
    """The extraction date against the calendar and the data itself."""
    out = []
    day = manifest.extracted
    if day > today:
        message = f"提取日期 {day} 晚于今天（{today}）：请照抄公安机关交接函上的提取日期。"
        out.append(Diagnostic(manifest.path, "P506", message, manifest.extracted_line, 1, "提取日期"))
    if manifest.delivered is not None and manifest.delivered < day:
        message = (
            f"交付日期 {manifest.delivered} 早于提取日期 {day}：数据不能在提取之前交付，请核对两个日期。"
        )
        out.append(Diagnostic(manifest.path, "P506", message, manifest.delivered_line, 1, "交付日期"))
    late = [c for c in data.crossings if c.date > day]
    if late:
        first = min(late, key=lambda c: c.row.line)
        message = (
            f"出入境日期 {first.date} 晚于交付清单的提取日期 {day}（这样的记录共 {len(late)} 条）："
            f"提取日期有误，或文件不是这次提取的。请核对交付清单 {manifest.path} 的提取日期。"
        )
        out.append(Diagnostic(first.row.path, "P506", message, first.row.line, 3, "出入境日期"))
    issued = [h for h in data.holdings if h.issued > day]
    if issued:
        first_h = min(issued, key=lambda h: h.row.line)
        message = (
            f"签发日期 {first_h.issued} 晚于交付清单的提取日期 {day}（这样的证件共 {len(issued)} 本）："
            f"提取日期有误，或文件不是这次提取的。请核对交付清单 {manifest.path} 的提取日期。"
        )
        out.append(Diagnostic(first_h.row.path, "P506", message, first_h.row.line, 7, "签发日期"))
    return out


def agree(campaign: Campaign, police: PoliceData) -> list[Diagnostic]:
    """campaign.yaml may repeat the 公安数据日期; if it does, it must be the manifest's 提取日期."""
    configured = campaign.crosscheck.data_date
    if configured is None or police.extracted is None or configured == police.extracted:
        return []
    message = (
        f"公安数据日期 {configured} 与公安数据交付清单的提取日期 {police.extracted} 不一致"
        f"（{police.manifest}）：公安数据日期以交付清单为准，请删去这一行或改为 {police.extracted}。"
    )
    return [
        Diagnostic(
            CAMPAIGN_FILE,
            "P506",
            message,
            field="比对核查.公安数据日期",
            json_path=("比对核查", "公安数据日期"),
        )
    ]


def data_date(campaign: Campaign, police: PoliceData) -> dt.date:
    """The 公安数据日期: the manifest's 提取日期; without police data, campaign.yaml's, else the
    self-check deadline (nothing then depends on it but declarations)."""
    if police.extracted is not None:
        return police.extracted
    if campaign.crosscheck.data_date is not None:
        return campaign.crosscheck.data_date
    return campaign.self_check_deadline
