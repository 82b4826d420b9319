"""The roll-up dashboard's pages as Markdown (with HTML tables): 总览, 统计表, one page per member, 审计记录.

Only what the members reported travels here: figures, member names, files, cells and versions.
"""

from __future__ import annotations

import datetime as dt

from privtravel.codes import CODES
from privtravel.rollup.members import Gathered, MemberState, Status
from privtravel.rollup.report import line
from privtravel.site import charts
from privtravel.site.pages.common import WIDE_PAGE, cell, date_text, html_table
from privtravel.site.pages.statistics import column_totals, export_links, unsearched
from privtravel.stats import html as stats_html
from privtravel.stats.compute import Statistics
from privtravel.stats.table import Row, RowKind, Value

STATUS_CLASS = {Status.DONE: "status-done", Status.ERRORS: "status-part", Status.MISSING: "status-none"}
EXPORTS = "exports"


def member_page(state: MemberState) -> str:
    return f"members/{state.member.code}.md"


def _status(state: MemberState) -> str:
    return f'<span class="{STATUS_CLASS[state.status]}">{state.status.value}</span>'


def _demo(gathered: Gathered) -> str:
    if not gathered.rollup.demo:
        return ""
    return '<p class="demo-banner"><strong>示例数据</strong>：本看板中的成员和数字均为虚构，仅供演示。</p>\n'


def overview(gathered: Gathered, stats: Statistics, today: dt.date, source: str) -> str:
    r = gathered.rollup
    overdue = today > r.deadline
    rows = []
    for s in gathered.states:
        read = s.read
        rows.append(
            [
                cell(s.member.region),
                f'<a href="members/{s.member.code}/">{cell(s.member.name)}</a>',
                cell(s.member.source),
                _status(s) + (" （已过截止日期）" if overdue and s.status is Status.MISSING else ""),
                cell(s.committed.date().isoformat() if s.committed else ""),
                cell(read.filled_on.isoformat() if read is not None and read.filled_on else ""),
                str(sum(1 for d in s.diagnostics if d.is_error)),
            ]
        )
    counts = {st: sum(1 for s in gathered.states if s.status is st) for st in Status}
    lines = [
        f"# {cell(r.name)}",
        "",
        _demo(gathered),
        f"填表单位：{cell(r.issuer)}；统计表报送截止日期：{date_text(r.deadline)}"
        f"（今天 {date_text(today)}{'，已过截止日期' if overdue else ''}）；数据版本：{cell(source)}。",
        "",
        "## 成员报送情况",
        "",
        "；".join(f"{st.value} {n} 个" for st, n in counts.items()) + "。"
        "「有错误」的成员在统计表中不计入，错误逐格列在成员的页面上；未报送的成员在统计表中空白，不按零计。",
        "",
        html_table(
            ["地区", "成员", "报送方式", "状态", "报送日期（最后提交）", "填表时间", "错误"],
            rows,
            numeric=frozenset({6}),
        ),
        "",
        *by_region(stats),
    ]
    return "\n".join(lines)


MAIN = (
    ("fj3", "应备数"),
    ("fj3", "实备数"),
    ("fj3", "应收数"),
    ("fj3", "实收数"),
    ("fj2", "新增登记备案人数"),
    ("fj2", "处理人数"),
)


def by_region(stats: Statistics) -> list[str]:
    tables = {t.spec.key: t for t in stats.tables}
    columns = [
        (key, next(c for c in tables[key].spec.data_columns if c.label == label)) for key, label in MAIN
    ]
    unapproved = tables["fj2"].spec.column("unapproved_since")
    columns.insert(5, ("fj2", unapproved))
    rows = []
    for subtotal in (r for r in tables["fj2"].rows if r.kind is not RowKind.UNIT):
        other = tables["fj3"].row(subtotal.id)
        cells = [cell(subtotal.label + (f"（{subtotal.note}）" if subtotal.note else ""))]
        for key, column in columns:
            row = subtotal if key == "fj2" else other
            value = row.cells[column.key].value
            cells.append("" if value is None else str(value))
        rows.append(cells)
    handled = [
        (r.region or "", v if isinstance(v, int) else 0) for r, v in _subtotals(stats, "fj2", "handled")
    ]
    registered = [
        (r.region or "", v if isinstance(v, int) else 0) for r, v in _subtotals(stats, "fj3", "registered")
    ]
    return [
        "## 各地区主要数字",
        "",
        html_table(
            ["地区"] + [c.label for _, c in columns], rows, numeric=frozenset(range(1, len(columns) + 1))
        ),
        "",
        charts.bars("实备数（附件3，按地区）", registered, unit=" 人"),
        "",
        charts.bars("处理人数（附件2，按地区）", handled, unit=" 人"),
        "",
        charts.bars(
            "处理方式（附件2，合计，人次）", column_totals(tables["fj2"], "处理方式（人次）"), unit=" 人次"
        ),
        "",
    ]


def _subtotals(stats: Statistics, key: str, column: str) -> list[tuple[Row, Value]]:
    table = next(t for t in stats.tables if t.spec.key == key)
    return [(r, r.cells[column].value) for r in table.rows if r.kind is RowKind.SUBTOTAL]


def statistics_page(gathered: Gathered, stats: Statistics) -> str:
    return "\n".join(
        [
            *WIDE_PAGE,
            "# 统计表",
            "",
            _demo(gathered),
            "附件2、附件3 按地区汇总各成员报送的统计表：每个成员一行，每个地区一个小计，最后是合计。"
            "点击数字看它取自成员文件的哪个单元格、哪个版本。",
            "",
            export_links(EXPORTS),
            "",
            unsearched(stats_html.tables_html(stats)),
            "",
            "## 数字的来源",
            "",
            unsearched(stats_html.provenance_html(stats)),
            "",
            _definitions(stats),
            "",
        ]
    )


def _definitions(stats: Statistics) -> str:
    lines = ["## 统计口径", ""]
    for table in stats.tables:
        lines += [
            f"### {table.spec.attachment} {table.spec.title}",
            "",
            "| 列（表头） | 计量单位 | 统计口径 |",
            "|---|---|---|",
        ]
        for column in table.spec.columns:
            lines.append(f"| {cell('-'.join(column.path))} | {column.measure} | {cell(column.definition)} |")
        lines.append("")
    return "\n".join(lines)


def member_text(state: MemberState, stats: Statistics) -> str:
    m = state.member
    lines = [
        f"# {cell(m.name)}",
        "",
        f"地区：{cell(m.region)}；报送方式：{cell(m.source)}；状态：{_status(state)}。",
        "",
    ]
    if state.status is Status.MISSING and not state.diagnostics:
        return "\n".join([*lines, f"尚未报送：`{m.file}` 还不存在。汇总表中本成员一行空白，不按零计。", ""])
    lines += [
        f"- 文件：`{m.file}`",
        f"- 版本：{cell(state.version() or '（不在 git 仓库中）')}",
    ]
    if state.read is not None and state.read.filled_on:
        lines.append(f"- 填表时间：{date_text(state.read.filled_on)}")
    if state.read is not None and state.read.incomplete:
        lines.append(f"- 成员表中尚未报送的单位：{cell('、'.join(state.read.incomplete))}")
    lines.append("")
    if state.diagnostics:
        lines += ["## 检查发现的问题", ""]
        lines += [f"- `{cell(line(d))}`" for d in state.diagnostics]
        lines.append("")
    if state.status is Status.DONE:
        for table in stats.tables:
            row = table.row(m.code)
            body = [
                [
                    cell("-".join(c.path)),
                    cell(row.cells[c.key].value if row.cells[c.key].value is not None else ""),
                    cell("、".join(str(r.src.where[0]) for r in row.cells[c.key].refs)),
                ]
                for c in table.spec.data_columns
            ]
            lines += [
                f"## {table.spec.attachment}",
                "",
                html_table(["列（表头）", "数字", "取自单元格"], body),
                "",
            ]
    return "\n".join(lines)


def codes_page() -> str:
    rows = [
        [f"<code>{c.code}</code>", cell(c.severity.value), cell(c.title), cell(c.example), cell(c.fix)]
        for c in CODES.values()
        if c.code.startswith("T")
    ]
    return "\n".join(
        [
            "# 检查提示代码",
            "",
            "检查各成员报送的统计表时给出的提示，格式为「文件!单元格: 代码 错误/警告 说明」。",
            "",
            html_table(["代码", "类别", "问题", "例子", "怎样改"], rows),
            "",
        ]
    )
