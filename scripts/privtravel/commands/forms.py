"""forms: the printed 附件1 for each person, pre-filled, one per A4 page, to check and sign."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "生成附件1报告表打印稿（.xlsx，每人一个工作表，一般一页 A4；填写不下的有续页；预填已报内容，供本人核对签名）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", metavar="单位代码", help="单位")
    parser.add_argument("ids", nargs="*", metavar="编号", help="只打印这些人员（默认全部）")
    parser.add_argument("--out", help="输出的 .xlsx 文件（默认「单位代码-单位名称-附件1报告表.xlsx」）")


def run(args: argparse.Namespace) -> int:
    from privtravel.excel import form_print, unit_workbook, unitdocs
    from privtravel.excel.save import save
    from privtravel.report import text as text_report

    root = Path(args.root)
    campaign = unit_workbook.load_campaign(root)
    name = unit_workbook.unit_name(campaign, args.unit)
    docs, result = unitdocs.load(root, args.unit, campaign.max_file_kb * 1024)
    for d in result.sorted():
        if d.is_error:
            print(f"跳过有错误的文件：{text_report.line(d)}", file=sys.stderr)
    reports = [docs.reports[rel] for rel in sorted(docs.reports)]
    wanted = set(args.ids)
    if wanted:
        missing = wanted - {r["编号"] for r in reports}
        if missing:
            raise FatalError(f"单位「{args.unit}」没有这些编号的报告表：{'、'.join(sorted(missing))}。")
        reports = [r for r in reports if r["编号"] in wanted]
    exempt = [r for r in reports if not form_print.printable(r)]
    reports = [r for r in reports if form_print.printable(r)]
    if not reports:
        raise FatalError(f"单位「{args.unit}」没有需要打印的报告表。")
    out = Path(args.out) if args.out else Path(f"{args.unit}-{name}-附件1报告表.xlsx")
    if out.suffix.lower() != ".xlsx":
        raise FatalError("--out 应为 .xlsx 文件名。")
    save(form_print.build(campaign, reports), out, unit_workbook.stamp(campaign))
    note = f"；{len(exempt)} 名市管领导干部无需填报，未打印" if exempt else ""
    longer = [f"{r['编号']}-{r['姓名']}（{n} 页）" for r in reports if (n := len(form_print.pages(r))) > 1]
    pages = f"每人一页，{'、'.join(longer)} 有续页" if longer else "每人一页"
    print(f"{out}：{len(reports)} 份报告表，{pages}{note}。")
    return 0
