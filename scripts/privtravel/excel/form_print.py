"""The printed 附件1: each person's 《国家工作人员持有因私出入境证件和因私出国（境）情况报告表》,
pre-filled from the declarations and laid out like the notice's form, with the 填表说明 and the
承诺 line and room to sign; the unit keeps the signed paper.

One worksheet per person (named 编号-姓名): 「打印整个工作簿」 prints everyone, one sheet reprints
one person.  A form fits one A4 page unless the person has many documents or trips; then the rows go
on as the notice allows (「填写不下时可另附页」): each page is laid out here (row heights are ours, so
the page breaks are too), every continuation page is headed 附件1（续页） with the person's 姓名 and
单位及职务 and the table's own header, each page says 第x页，共y页, and the 承诺 and the signature
come once, on the last page.  (One long sheet for everyone was tried: openpyxl's merged cells cost
O(n²), 19 s for 600 people.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.excel import guide
from privtravel.model import REPORT_EXEMPT, REPORT_ZERO, Campaign

_BAD_TITLE = str.maketrans({ch: "_" for ch in "[]:*?/\\"})
TITLE = ("国家工作人员持有因私出入境证件", "和因私出国（境）情况报告表")
DOC_HEADERS = ("证件类别", "证件号码", "证件有效期", "保管机构", "备注")
TRIP_HEADERS = ("起止时间", "所到国家（地区）", "事由", "审批机构", "备注")
MIN_DOC_ROWS, MIN_TRIP_ROWS = 3, 4  # as many blank lines as the notice's form has
WIDTHS = {"A": 9.5, "B": 23.0, "C": 16.0, "D": 23.0, "E": 12.0, "F": 10.0}
BODY = "宋体"
_SIDE = Side(style="thin", color="000000")
_BOX = Border(left=_SIDE, right=_SIDE, top=_SIDE, bottom=_SIDE)
_MIDDLE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")
FONT_BODY = Font(name=BODY, size=11)
FONT_CELL = Font(name=BODY, size=10.5)
FONT_NOTES = Font(name=BODY, size=10)
FONT_SIGN = Font(name=BODY, size=11.5)
FONT_TITLE = Font(name=BODY, size=18, bold=True)
FONT_LABEL = Font(name="黑体", size=12)
ZERO_TEXT = "零报告：本人未持有因私出入境证件，无因私出国（境）情况。"


def printable(report: dict[str, Any]) -> bool:
    """市管领导干部 who file 个人有关事项报告 are exempt: they have no form to sign."""
    return report.get("报告类型") != REPORT_EXEMPT


def dotted(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.year}.{day.month:02d}.{day.day:02d}"


def sheet_title(report: dict[str, Any], taken: set[str]) -> str:
    title = f"{report['编号']}-{report['姓名']}".translate(_BAD_TITLE)[:31]
    if title in taken:
        title = str(report["编号"])[:28] + f"-{len(taken)}"
    taken.add(title)
    return title


def build(campaign: Campaign, reports: list[dict[str, Any]]) -> Workbook:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    taken: set[str] = set()
    for report in reports:
        ws = book.create_sheet(sheet_title(report, taken))
        for letter, width in WIDTHS.items():
            ws.column_dimensions[letter].width = width
        _page_setup(ws)
        ws.print_area = f"A1:F{_form(ws, campaign, report, 1) - 1}"
    return book


def _page_setup(ws: Worksheet) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = 0.6
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.3
    ws.sheet_view.showGridLines = False


def _put(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    *,
    end_col: int | None = None,
    end_row: int | None = None,
    align: Alignment = _MIDDLE,
    font: Font | None = None,
    box: bool = True,
) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula or an error code
    cell.alignment = align
    cell.font = font or FONT_BODY
    last_col, last_row = end_col or col, end_row or row
    if (last_col, last_row) != (col, row):
        ws.merge_cells(start_row=row, start_column=col, end_row=last_row, end_column=last_col)
    if box:
        for r in range(row, last_row + 1):
            for c in range(col, last_col + 1):
                ws.cell(row=r, column=c).border = _BOX


PAGE = 735.0  # points of an A4 page between the margins, less a little for rounding in the printer
HEAD = 20.0 + 2 * 27.0 + 10.0 + 44.0  # 附件1, the two title lines, a gap, 姓名/单位及职务
CONTINUED = 24.0 + 44.0  # 附件1（续页）, 姓名/单位及职务
SECTION, LINE = 34.0, 38.0  # a table's header row, one document or trip
TAIL = 110.0 + 60.0 + 40.0 + 50.0  # 其他需要说明情况, 填表说明, 承诺, 签名
Section = tuple[str, list[Any]]  # ("docs" | "trips", the lines on this page; None = a blank line)


def pages(report: dict[str, Any]) -> list[list[Section]]:
    """Which lines go on which page: documents, then trips, then the tail on the last page."""
    docs: list[Any] = list(report.get("持有证件", []))
    trips: list[Any] = list(report.get("出国境情况", []))
    docs += [None] * (MIN_DOC_ROWS - len(docs))
    trips += [None] * (MIN_TRIP_ROWS - len(trips))
    out: list[list[Section]] = [[]]
    room = PAGE - HEAD
    for name, lines in (("docs", docs), ("trips", trips)):
        for line in lines:
            current = out[-1]
            opened = bool(current) and current[-1][0] == name
            need = LINE + (0.0 if opened else SECTION)
            if need > room:
                out.append([])
                current, opened, room = out[-1], False, PAGE - CONTINUED
                need = LINE + SECTION
            if opened:
                current[-1][1].append(line)
            else:
                current.append((name, [line]))
            room -= need
    if room < TAIL:
        out.append([])
    return out


def _form(ws: Worksheet, campaign: Campaign, report: dict[str, Any], top: int) -> int:
    """Write one person's form starting at row ``top``; the first row after it is returned."""
    laid = pages(report)
    row = top
    for number, sections in enumerate(laid, start=1):
        if number > 1:
            ws.row_breaks.append(Break(id=row - 1))
        row = _page_head(ws, report, row, number, len(laid))
        for name, lines in sections:
            row = (_documents if name == "docs" else _trips)(ws, row, lines)
    return _tail(ws, campaign, report, row)


def _page_head(ws: Worksheet, report: dict[str, Any], row: int, number: int, total: int) -> int:
    height = ws.row_dimensions
    counted = f"第{number}页，共{total}页" if total > 1 else ""
    if number == 1:
        _put(ws, row, 1, "附件1", end_col=2, align=_LEFT, font=FONT_LABEL, box=False)
        _put(ws, row, 5, counted, end_col=6, align=_RIGHT, font=FONT_NOTES, box=False)
        height[row].height = 20
        row += 1
        for line in TITLE:
            _put(ws, row, 1, line, end_col=6, font=FONT_TITLE, box=False)
            height[row].height = 27
            row += 1
        height[row].height = 10
        row += 1
    else:
        _put(ws, row, 1, "附件1（续页）", end_col=3, align=_LEFT, font=FONT_LABEL, box=False)
        _put(ws, row, 5, counted, end_col=6, align=_RIGHT, font=FONT_NOTES, box=False)
        height[row].height = 24
        row += 1
    _put(ws, row, 1, "姓名")
    _put(ws, row, 2, report.get("姓名", ""))
    _put(ws, row, 3, "单位及职务")
    _put(ws, row, 4, report.get("单位及职务", ""), end_col=6)
    height[row].height = 44
    return row + 1


def _documents(ws: Worksheet, row: int, lines: list[Any]) -> int:
    values = [
        ("", "", "至", "", "")
        if doc is None
        else (
            doc["证件类别"],
            doc["证件号码"],
            f"{dotted(doc['签发日期'])} 至 {dotted(doc['有效期至'])}",
            doc["保管机构"],
            doc.get("备注", ""),
        )
        for doc in lines
    ]
    return _section(ws, row, "本人持有因私出入境证件情况", DOC_HEADERS, values)


def _trips(ws: Worksheet, row: int, lines: list[Any]) -> int:
    values = [
        ("至", "", "", "", "")
        if trip is None
        else (
            f"{dotted(trip['出境日期'])} 至 {dotted(trip['入境日期'])}",
            "、".join(trip["所到国家（地区）"]),
            trip["事由"],
            trip["审批机构"],
            trip.get("备注", ""),
        )
        for trip in lines
    ]
    return _section(ws, row, "本人因私出国(境)情况", TRIP_HEADERS, values)


def _section(
    ws: Worksheet, row: int, label: str, headers: tuple[str, ...], lines: Sequence[tuple[Any, ...]]
) -> int:
    height = ws.row_dimensions
    _put(ws, row, 1, label, end_row=row + len(lines))
    for col, text in enumerate(headers, start=2):
        _put(ws, row, col, text)
    height[row].height = SECTION
    for i, values in enumerate(lines):
        r = row + 1 + i
        for col, value in enumerate(values, start=2):
            _put(ws, r, col, value, font=FONT_CELL)
        height[r].height = LINE
    return row + len(lines) + 1


def _tail(ws: Worksheet, campaign: Campaign, report: dict[str, Any], row: int) -> int:
    height = ws.row_dimensions
    other = report.get("其他需要说明情况", "")
    if report.get("报告类型") == REPORT_ZERO:
        other = ZERO_TEXT + (f"\n{other}" if other else "")
    _put(ws, row, 1, "其他需要说明情况")
    _put(ws, row, 2, other, end_col=6, align=_TOP_LEFT)
    height[row].height = 110
    row += 1
    _put(ws, row, 1, guide.form_notes(campaign), end_col=6, align=_TOP_LEFT, font=FONT_NOTES, box=False)
    height[row].height = 60
    row += 1
    _put(ws, row, 1, guide.commitment(), end_col=6, align=_LEFT, font=FONT_SIGN, box=False)
    height[row].height = 40
    row += 1
    signature = "本人签名：" + "\u3000" * 12 + "年\u3000\u3000月\u3000\u3000日"
    right = Alignment(horizontal="right", vertical="center")
    _put(ws, row, 1, signature, end_col=6, align=right, font=FONT_SIGN, box=False)
    height[row].height = 50
    return row + 1
