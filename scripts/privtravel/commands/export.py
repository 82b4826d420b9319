"""export: a unit's declarations → the same workbook as template, to edit in Excel and import again."""

from __future__ import annotations

import argparse
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "把单位已有的填报内容导出为表格（.xlsx），改好后可用 import 导回"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", metavar="单位代码", help="要导出的单位")
    parser.add_argument("--out", help="输出的 .xlsx 文件（默认「单位代码-单位名称-填报表.xlsx」）")


def run(args: argparse.Namespace) -> int:
    from privtravel.excel import unit_workbook, unitdocs

    root = Path(args.root)
    campaign = unit_workbook.load_campaign(root)
    name = unit_workbook.unit_name(campaign, args.unit)
    if not unitdocs.existing_paths(root, args.unit):
        raise FatalError(f"单位「{args.unit}」还没有填报文件；空白表格请用 privtravel template {args.unit}。")
    out = Path(args.out) if args.out else Path(f"{args.unit}-{name}-填报表.xlsx")
    if out.suffix.lower() != ".xlsx":
        raise FatalError("--out 应为 .xlsx 文件名。")
    docs = unit_workbook.write(root, campaign, args.unit, out)
    print(f"{out}：{name}，{len(docs.files)} 个单位文件、{len(docs.reports)} 份报告表。")
    return 0
