"""The printed 附件2/附件3: header texts broken where a person breaks them, and pages laid out here.

The notice's narrow number columns wrap their headers; left to the spreadsheet, 问题排查情况 breaks
as 问题排查情/况.  The break points below are the words of each header (the notice's own layout
where it has one); a header not listed breaks before it overflows, never leaving 。）、 at the start
of a line.  Columns are made wide enough for their longest line.

Pages are cut here too (manual page breaks), with every row's height known: so each table sheet
can say 「第 x 页，共 N 页」 with N its own page count (LibreOffice's page-count field counts every
sheet of the workbook, the 统计口径 sheet included).  A page is filled at the scale that fitting the
columns to the width gives, estimated from below-true character widths: the estimate is never
smaller than the real scale, so a page cut here never overflows on paper.
"""

from __future__ import annotations

import math

from privtravel.excel.textlines import split_lines, width_of

HEADER_LINES: dict[str, tuple[str, ...]] = {
    "序号": ("序", "号"),
    "地区、单位（部门）": ("地区、", "单位（部门）"),
    "问题排查情况": ("问题排查", "情况"),
    "新增登记备案人数": ("新增", "登记备案", "人数"),
    "新收缴证件数(本)": ("新收缴", "证件数", "(本)"),
    "2016年1月1日以来未经审批出国（境）人数": ("2016年", "1月1日以来", "未经审批", "出国（境）", "人数"),
    "违规办理因私证照": ("违规办理", "因私证照"),
    "违规持有因私证照": ("违规持有", "因私证照"),
    "瞒报持有因私证照": ("瞒报持有", "因私证照"),
    "未经批准擅自出国(境)": ("未经批准", "擅自出国", "(境)"),
    "未按审批要求出国境": ("未按审批", "要求", "出国境"),
    "瞒报出国境情况": ("瞒报", "出国境", "情况"),
    "出国境审批事项把关不严": ("出国境", "审批事项", "把关不严"),
    "处理人数": ("处理", "人数"),
    "批评教育": ("批评", "教育"),
    "调离岗位": ("调离", "岗位"),
    "责令辞职": ("责令", "辞职"),
    "移交纪检监察机关": ("移交", "纪检监察", "机关"),
    "国家工作人员总数": ("国家工作", "人员总数"),
    "退休满1年的市管干部": ("退休满1年的", "市管干部"),
    "本地本单位管理的人员": ("本地本单位", "管理的人员"),
    "下属单位管理的人员": ("下属单位", "管理的人员"),
    "其他人员": ("其他", "人员"),
    "因私护照": ("因私", "护照"),
    "往来港澳通行证": ("往来港澳", "通行证"),
    "大陆居民往来台湾通行证": ("大陆居民", "往来台湾", "通行证"),
    "是否建立相关制度（是/否）": ("是否建立", "相关制度", "（是/否）"),
    "制度名称及出台时间": ("制度名称", "及出台时间"),
}
LINE = 13.0  # points per header line (10 pt bold)
PAGE_BODY = 595.0 - 2 * 0.7 * 72 - 30.0  # A4 landscape height less the margins and the footer's room
PAGE_WIDTH = 842.0 - 2 * 0.4 * 72  # A4 landscape width less the side margins
POINTS_PER_CHARACTER = 5.0  # a column width unit is at least this wide (Calibri/Carlito 11: 5.25)


def header_lines(text: str, width: float) -> tuple[str, ...]:
    """The lines of a header cell ``width`` characters wide."""
    known = HEADER_LINES.get(text)
    if known is not None and all(width_of(line) <= width - 1 for line in known):
        return known if width_of(text) > width - 1 else (text,)
    return tuple(split_lines(text, max(2, math.floor(width - 1))))


def column_width(text: str, minimum: float) -> float:
    """A width (in characters) that holds the header's longest listed line."""
    lines = HEADER_LINES.get(text, (text,) if width_of(text) <= minimum - 1 else ())
    return max([minimum, *(width_of(line) + 1.5 for line in lines)])


def header_height(lines: int) -> float:
    return lines * LINE + 8


def fit_scale(widths: list[float]) -> float:
    """The scale that fitting the columns to the page width gives, or a little more (never less):
    a page filled at this scale holds at most what fits on paper."""
    return min(1.0, PAGE_WIDTH / (sum(widths) * POINTS_PER_CHARACTER))


def page_breaks(heights: list[float], first_room: float, room: float) -> list[int]:
    """Indexes (into ``heights``) after which a page ends; the last page ends with the list."""
    breaks: list[int] = []
    left = first_room
    for index, height in enumerate(heights):
        if height > left and index > 0 and (not breaks or breaks[-1] != index - 1):
            breaks.append(index - 1)
            left = room
        left -= height
    return breaks
