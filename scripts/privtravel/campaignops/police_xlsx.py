"""The monthly roster file for the police as .xlsx: full identity data, so never published.

The one document that leaves the building: it prints on A4 landscape, fitted to the page width, with
borders, the header row on every page, 「第 x 页，共 y 页」, the 只供报送公安机关 notice whole on
top, and the 报送单位（盖章）/报送人/联系电话/报送日期 lines under the table, wide enough to write in.

Byte-identical for the same declarations: the workbook's dates are fixed and the zip entries get
a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.campaignops.police_roster import RosterLine
from privtravel.export.xlsx import row_height
from privtravel.export.zipfix import workbook_bytes

SHEET = "登记备案变动"
HEADER = (
    "序号",
    "备案单位",
    "变动类别",
    "变动事项",
    "变动日期",
    "姓名",
    "性别",
    "出生日期",
    "公民身份号码",
    "工作单位",
    "现任职务",
    "人事主管部门",
    "登记备案类别",
    "说明",
    "报送情况",
)
WIDTHS = (5, 16, 7, 12, 11, 8, 5, 11, 20, 16, 13, 14, 14, 18, 14)
HEADER_ROW = 4
PERSONAL = (
    "本表含完整的公民身份号码等个人信息，仅用于报送公安机关出入境管理部门："
    "不得公开，不得上传看板、共享盘或互联网，不得提交到填报仓库；用后按保密要求保管或销毁。"
)
FONT = "宋体"
_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CELL = Alignment(horizontal="center", vertical="center", wrap_text=True)
TEXT = Alignment(horizontal="left", vertical="center", wrap_text=True)
BLANK = "\u3000" * 10  # room to write a name or a number by hand


def signature_lines(issuer: str) -> tuple[str, str]:
    unit = f"报送单位（盖章）：{issuer}" if issuer else f"报送单位（盖章）：{BLANK * 2}"
    return (
        unit,
        f"报送人：{BLANK}联系电话：{BLANK}报送日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    )


def write(path: Path, lines: list[RosterLine], year: int, month: int, issuer: str) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    width = len(HEADER)
    ws.append([f"登记备案人员变动情况（{year}年{month}月）"])
    ws.append([PERSONAL])
    ws.append([f"报送单位：{issuer}" if issuer else "报送单位："])
    ws.append(list(HEADER))
    for n, line in enumerate(lines, start=1):
        p, c = line.person, line.change
        values = [
            n,
            line.unit.name,
            line.category,
            c.kind,
            c.date.isoformat(),
            p.name,
            p.sex,
            p.birth.isoformat(),
            p.id_number,
            line.unit.name,
            p.post,
            p.supervisor or "",
            p.category,
            c.note or "",
            line.note or line.status,
        ]
        ws.append(values)
        ws.row_dimensions[ws.max_row].height = row_height(
            [(str(v), float(w)) for v, w in zip(values, WIDTHS, strict=True)], line=13.0
        )
    last = ws.max_row
    for row in ws.iter_rows(min_row=HEADER_ROW, max_row=last, max_col=width):
        for cell in row:
            cell.border = BOX
            cell.alignment = CELL if cell.column not in (2, 10, 14, 15) or cell.row == HEADER_ROW else TEXT
            cell.font = Font(name=FONT, size=10, bold=cell.row == HEADER_ROW)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # 公民身份号码 and the rest stay text
    ws.row_dimensions[HEADER_ROW].height = 30
    ws["A1"].font = Font(name="黑体", bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws["A2"].font = Font(name=FONT, bold=True, color="C00000", size=10.5)
    ws["A2"].fill = PatternFill("solid", fgColor="FFF2CC")
    ws["A2"].alignment = TEXT
    ws.row_dimensions[2].height = 32
    ws["A3"].font = Font(name=FONT, size=11)
    ws.row_dimensions[3].height = 22
    for top in (1, 2, 3):
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
    _signature(ws, last + 2, width, issuer)
    for i, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    _print_setup(ws, last + 3)
    moment = dt.datetime(year, month, 1)
    wb.properties.creator = issuer or "privtravel"
    wb.properties.lastModifiedBy = issuer or "privtravel"
    wb.properties.title = f"登记备案人员变动情况（{year}年{month}月）"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes(wb, moment))


def _signature(ws: Worksheet, top: int, width: int, issuer: str) -> None:
    for offset, text in enumerate(signature_lines(issuer)):
        row = top + offset
        ws.cell(row, 1, text).font = Font(name=FONT, size=12)
        ws.cell(row, 1).alignment = Alignment(horizontal="left", vertical="bottom")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.row_dimensions[row].height = 36


def _print_setup(ws: Worksheet, last_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(len(HEADER))}{last_row}"
    footer = ws.oddFooter
    assert footer is not None
    footer.center.text = "只供报送公安机关出入境管理部门　第 &P 页，共 &N 页"
    footer.center.size = 9
