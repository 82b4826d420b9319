"""The monthly roster file for the police as .xlsx: full identity data, so never published.

Byte-identical for the same declarations: the workbook's dates are fixed and the zip entries get
a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from privtravel.campaignops.police_roster import RosterLine
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
WIDTHS = (6, 24, 9, 16, 12, 10, 6, 12, 21, 24, 18, 18, 20, 30, 30)
PERSONAL = (
    "本表含完整的公民身份号码等个人信息，仅用于报送公安机关出入境管理部门："
    "不得公开，不得上传看板、共享盘或互联网，不得提交到填报仓库；用后按保密要求保管或销毁。"
)


def write(path: Path, lines: list[RosterLine], year: int, month: int, issuer: str) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append([f"登记备案人员变动情况（{year}年{month}月）"])
    ws.append([PERSONAL])
    ws.append([f"报送单位：{issuer}" if issuer else "报送单位："])
    ws.append(list(HEADER))
    for n, line in enumerate(lines, start=1):
        p, c = line.person, line.change
        ws.append(
            [
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
        )
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"].font = Font(bold=True, color="C00000")
    ws["A2"].fill = PatternFill("solid", fgColor="FFF2CC")
    ws["A2"].alignment = Alignment(wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADER))
    ws.row_dimensions[2].height = 32
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A5"
    moment = dt.datetime(year, month, 1)
    wb.properties.creator = issuer or "privtravel"
    wb.properties.lastModifiedBy = issuer or "privtravel"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes(wb, moment))
