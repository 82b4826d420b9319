"""A unit's workbook: 填表说明, one sheet per kind of record, drop-down lists, date and text formats,
frozen headers; pre-filled with the unit's declarations.  Opens in Excel, WPS and LibreOffice."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.excel import cells, guide
from privtravel.excel import column_look as look
from privtravel.excel.layout import Column, Sheet, layout
from privtravel.excel.records import rows, value_at
from privtravel.excel.textlines import split_lines, width_of
from privtravel.excel.unitdocs import UnitDocs
from privtravel.model import Campaign

TITLE_ROW, GROUP_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
FORM_HEADER_ROW, FORM_FIRST_ROW = 2, 3
FORM_VALUE_COLUMN = 3
GUIDE_SHEET = "填表说明"
SPARE_ROWS = 1000  # rows below the data that still get drop-downs and formats

FONT = "宋体"
_THIN = Side(style="thin", color="999999")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FILL = PatternFill("solid", fgColor="F2F2F2")
REQUIRED_COLOR = "C00000"
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def build(campaign: Campaign, unit_name: str, docs: UnitDocs) -> Workbook:
    lay = layout()
    book = Workbook()
    guide_sheet = book.active
    assert guide_sheet is not None
    guide_sheet.title = GUIDE_SHEET
    _guide(guide_sheet, guide.lines(campaign, unit_name, lay))
    options = look.OptionLists(book)
    for sheet in lay.sheets:
        ws = book.create_sheet(sheet.name)
        if sheet.spec.form:
            _form(ws, sheet, docs, options, unit_name)
        else:
            _table(ws, sheet, docs, options)
    options.finish()
    book.active = 0
    return book


def _page(ws: Worksheet, *, landscape: bool, repeat_rows: str | None = None) -> None:
    """Print on A4, as wide as the page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    if repeat_rows:
        ws.print_title_rows = repeat_rows


def _intro(sheet: Sheet) -> str:
    return f"{sheet.name}：{sheet.description}" if sheet.description else sheet.name


GUIDE_WIDTH = 90  # columns of the 填表说明 sheet's only column
_GUIDE_TEXT = GUIDE_WIDTH - 8


def _guide(ws: Worksheet, lines: list[tuple[str, str]]) -> None:
    ws.column_dimensions["A"].width = GUIDE_WIDTH
    _page(ws, landscape=False)
    row = 1
    fonts = {
        "title": Font(name=FONT, size=16, bold=True),
        "heading": Font(name=FONT, size=12, bold=True),
        "text": Font(name=FONT, size=11),
    }
    heights = {"title": 30, "heading": 22, "text": 16}
    for style, text in lines:
        parts = [text] if style == "title" else split_lines(text, _GUIDE_TEXT)
        for part in parts:
            cell = ws.cell(row=row, column=1, value=part)
            cell.font = fonts[style]
            ws.row_dimensions[row].height = heights[style]
            row += 1


def _header_cell(ws: Worksheet, row: int, col: int, text: str, column: Column | None) -> Cell | MergedCell:
    cell = ws.cell(row=row, column=col, value=text)
    red = column is not None and column.required
    cell.font = Font(name=FONT, bold=True, color=REQUIRED_COLOR if red else None)
    cell.fill = HEADER_FILL
    cell.alignment = CENTER
    cell.border = BORDER
    return cell


def _table(ws: Worksheet, sheet: Sheet, docs: UnitDocs, options: look.OptionLists) -> None:
    columns = sheet.columns
    count = len(columns)
    intro = _intro(sheet)
    if sheet.parent is not None:
        first = columns[0]
        if first.parent_key:
            intro += f"第一列「{first.header}」填写「{sheet.parent}」表中的{first.header}。"
    title = ws.cell(row=TITLE_ROW, column=1, value=intro)
    title.font = Font(name=FONT, bold=True, size=12)
    title.alignment = Alignment(vertical="center")
    title.fill = TITLE_FILL
    if count > 1:
        ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=count)
    ws.row_dimensions[TITLE_ROW].height = 24
    ws.row_dimensions[HEADER_ROW].height = 48 if any(c.option for c in columns) else 20
    col = 1
    while col <= count:
        column = columns[col - 1]
        if column.group is None:
            cell = _header_cell(ws, GROUP_ROW, col, column.header, column)
            _header_cell(ws, HEADER_ROW, col, "", None)
            ws.merge_cells(start_row=GROUP_ROW, start_column=col, end_row=HEADER_ROW, end_column=col)
            cell.comment = look.comment(look.help_text(column))
            col += 1
            continue
        end = col
        while end < count and columns[end].group == column.group:
            end += 1
        _header_cell(ws, GROUP_ROW, col, column.group, None)
        for i in range(col + 1, end + 1):
            _header_cell(ws, GROUP_ROW, i, "", None)
        if end > col:
            ws.merge_cells(start_row=GROUP_ROW, start_column=col, end_row=GROUP_ROW, end_column=end)
        for i in range(col, end + 1):
            member = columns[i - 1]
            cell = _header_cell(ws, HEADER_ROW, i, member.header, member)
            cell.comment = look.comment(look.help_text(member))
        col = end + 1
    data = rows(docs, sheet)
    last = FIRST_ROW + len(data) + SPARE_ROWS
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        dimension = ws.column_dimensions[letter]
        dimension.width = look.width(column)
        dimension.number_format = look.number_format(column)
        look.validation(ws, options, column, letter, FIRST_ROW, last)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, (key, obj) in enumerate(data, start=FIRST_ROW):
        for c, column in enumerate(columns, start=1):
            value = key if column.parent_key else cells.written(column, value_at(obj, column))
            cell = ws.cell(row=r, column=c)
            look.set_value(cell, value)
            cell.number_format = look.number_format(column)
            if isinstance(value, str) and "\n" in value:
                cell.alignment = wrap
    ws.freeze_panes = f"B{FIRST_ROW}"
    _page(ws, landscape=True, repeat_rows=f"{GROUP_ROW}:{HEADER_ROW}")


def _form(ws: Worksheet, sheet: Sheet, docs: UnitDocs, options: look.OptionLists, unit_name: str) -> None:
    data = rows(docs, sheet)
    obj = data[0][1] if data else {}
    prefill: dict[tuple[str, ...], str] = {("单位代码",): docs.code, ("单位名称",): unit_name}
    _page(ws, landscape=False)
    title = ws.cell(row=TITLE_ROW, column=1, value=_intro(sheet))
    title.font = Font(name=FONT, bold=True, size=12)
    title.fill = TITLE_FILL
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=4)
    ws.row_dimensions[TITLE_ROW].height = 24
    for col, text in enumerate(("分组", "项目", "填写内容", "说明"), start=1):
        _header_cell(ws, FORM_HEADER_ROW, col, text, None)
    widths = {"A": 12, "B": 20, "C": 40, "D": 70}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for r, column in enumerate(sheet.columns, start=FORM_FIRST_ROW):
        ws.cell(row=r, column=1, value=column.group or "").font = Font(name=FONT, color="808080")
        label = ws.cell(row=r, column=2, value=column.header)
        label.font = Font(name=FONT, bold=True, color=REQUIRED_COLOR if column.required else None)
        value = value_at(obj, column) if obj else prefill.get(column.path)
        cell = ws.cell(row=r, column=FORM_VALUE_COLUMN)
        look.set_value(cell, cells.written(column, value))
        cell.number_format = look.number_format(column)
        cell.border = BORDER
        note = ws.cell(row=r, column=4, value=look.help_text(column))
        note.alignment = WRAP
        note.font = Font(name=FONT, size=9, color="595959")
        ws.row_dimensions[r].height = 16 * max(1, -(-width_of(look.help_text(column)) // 68))
        choices = look.choices(column)
        if choices is not None:
            check = look.choice_check(options.range_for(column.label, choices), column)
            check.add(f"C{r}")
            ws.add_data_validation(check)
    ws.freeze_panes = f"A{FORM_FIRST_ROW}"
