"""A hand-filled 统计表.xlsx as a district's HR would make it: typed from the notice, not by our exporter.

The headers are the notice's own texts with its own line breaks and merges; the figures are written
row by row.  Tests then spoil single cells to see that each kind of mistake is caught at its cell.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.stats.compute import Statistics
from privtravel.stats.table import RowKind

# (row, column, text, rowspan, colspan), 1-based within the header, as the notice prints them
HEADER2 = [
    (1, 1, "序\n号", 3, 1),
    (1, 2, "地区、\n单位\n（部门）", 3, 1),
    (1, 3, "组织开展情况", 1, 2),
    (1, 5, "问题排查情况", 1, 1),
    (1, 6, "违规违纪问题处理情况", 1, 15),
    (2, 3, "新增登记备案人数", 2, 1),
    (2, 4, "新收缴证件数\n(本)", 2, 1),
    (2, 5, "2016年1月1日以来未经审批出国（境）人数", 2, 1),
    *[
        (2, 6 + i, text, 2, 1)
        for i, text in enumerate(
            [
                "违规办理因私证照",
                "违规持有因私证照",
                "瞒报持有因私证照",
                "未经批准擅自出国(境)",
                "未按审批要求出国境",
                "瞒报出国境情况",
                "出国境审批事项把关不严",
                "处理人数",
            ]
        )
    ],
    (2, 14, "处理方式（人次）", 1, 7),
    *[
        (3, 14 + i, text, 1, 1)
        for i, text in enumerate(
            ["批评教育", "诫勉", "调离岗位", "责令辞职", "免职", "降职", "移交纪检监察机关"]
        )
    ],
]
HEADER3 = [
    (1, 1, "序号", 3, 1),
    (1, 2, "地区、\n单位\n（部门）", 3, 1),
    (1, 3, "登记备案数情况", 1, 7),
    (1, 10, "因私出国（境）证件情况", 1, 5),
    (1, 15, "出国（境）管理制度情况", 1, 2),
    (2, 3, "国家工作人员总数", 2, 1),
    (2, 4, "应备数", 2, 1),
    (2, 5, "实\n备\n数", 2, 1),
    (2, 6, "实际登记备案人数", 1, 4),
    (2, 10, "应收数", 2, 1),
    (2, 11, "实收数", 2, 1),
    (2, 12, "因私证件集中保管情况", 1, 3),
    (2, 15, "是否建立相关制度\n（是/否）", 2, 1),
    (2, 16, "制度名称\n及出台时间", 2, 1),
    (3, 6, "退休满1年的市管干部", 1, 1),
    (3, 7, "本地本单位管理的人员", 1, 1),
    (3, 8, "下属单位管理的人员", 1, 1),
    (3, 9, "其他人员", 1, 1),
    (3, 12, "因私护照", 1, 1),
    (3, 13, "往来港澳通行证", 1, 1),
    (3, 14, "大陆居民往来台湾通行证", 1, 1),
]
TITLES = {
    "附件2": ("干部因私出国（境）专项整治工作情况汇总统计表", HEADER2, 20),
    "附件3": ("干部因私出国（境）管理工作有关情况统计表", HEADER3, 16),
}
HEADER_TOP = 4  # the header starts on row 4 (附件N, title, 填表单位 above)
BODY_TOP = HEADER_TOP + 3

Rows = dict[str, list[list[object]]]  # attachment -> rows of [序号, 名称, figures…]


def rows_of(stats: Statistics) -> Rows:
    """The figures of a computed campaign, as its HR would copy them into the notice's table."""
    out: Rows = {}
    for table in stats.tables:
        rows = []
        for row in table.rows:
            label = row.label if row.note is None else f"{row.label}（{row.note}）"
            values = [row.cells[c.key].value for c in table.spec.data_columns]
            if row.kind is not RowKind.UNIT and table.spec.key == "fj3":
                values[-1] = None  # 制度名称 is left empty in 小计 and 合计
            rows.append([row.number, label, *values])
        out[table.spec.attachment] = rows
    return out


def sheet(ws: Worksheet, attachment: str, rows: Sequence[Sequence[object]], unit: str) -> None:
    title, header, width = TITLES[attachment]
    ws.title = attachment
    ws["A1"] = attachment
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws["A2"] = title
    ws["A3"] = f"填表单位（盖章）：{unit}"
    ws.cell(3, width - 4, "填表时间：2019 年 7 月 3 日")
    for r, c, text, rs, cs in header:
        ws.cell(HEADER_TOP + r - 1, c, text)
        if rs > 1 or cs > 1:
            ws.merge_cells(
                start_row=HEADER_TOP + r - 1,
                start_column=c,
                end_row=HEADER_TOP + r + rs - 2,
                end_column=c + cs - 1,
            )
    for i, row in enumerate(rows):
        for c, value in enumerate(row, start=1):
            ws.cell(BODY_TOP + i, c, value)
    end = BODY_TOP + len(rows)
    ws.cell(end, 1, "注：此表请于7月5日前上报。")
    ws.merge_cells(start_row=end, start_column=1, end_row=end, end_column=width)
    ws.cell(end + 1, 1, "填表人：王丽          联系电话：0575-85080558          审核人：陈建国")


def workbook(rows: Rows, unit: str = "嵊州市卫生健康局", *, tool_made: bool = False) -> Workbook:
    """``tool_made``: with the sheet 「统计口径」 the tool's own workbook has (its figures count by its 口径)."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    sheet(first, "附件2", rows["附件2"], unit)
    sheet(wb.create_sheet(), "附件3", rows["附件3"], unit)
    if tool_made:
        wb.create_sheet("统计口径")["A1"] = "统计口径"
    return wb


def save(wb: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def resave_with_libreoffice(path: Path, work: Path) -> Path:
    """The workbook as LibreOffice Calc saves it (soffice --headless --convert-to xlsx)."""
    exe = shutil.which("soffice")
    assert exe is not None
    out = work / "libreoffice-out"
    out.mkdir(parents=True, exist_ok=True)
    profile = (work / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = out / path.name
    shutil.copyfile(saved, path)
    return path
