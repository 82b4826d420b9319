"""template: a workbook per unit for HR to fill in, pre-filled with what the unit has declared."""

from __future__ import annotations

import argparse
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "生成单位填报表格（.xlsx，可用 Excel/WPS 填写），已有填报内容的预先填好"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("units", nargs="*", metavar="单位代码", help="要生成表格的单位；不写则生成全部单位")
    parser.add_argument(
        "--out",
        default="填报表格",
        help="输出目录（默认「填报表格」）；只生成一个单位时也可以是 .xlsx 文件名",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.excel import unit_workbook

    root = Path(args.root)
    campaign = unit_workbook.load_campaign(root)
    codes = list(args.units) or [u.code for u in campaign.units]
    out = Path(args.out)
    if out.suffix.lower() == ".xlsx" and len(codes) != 1:
        raise FatalError("--out 写成 .xlsx 文件名时，只能指定一个单位。")
    for code in codes:
        name = unit_workbook.unit_name(campaign, code)
        target = out if out.suffix.lower() == ".xlsx" else out / f"{code}-{name}-填报表.xlsx"
        docs = unit_workbook.write(root, campaign, code, target)
        filled = "已预填现有内容" if docs.files or docs.reports else "空白表格"
        print(f"{target}：{name}，{filled}（{len(docs.reports)} 份报告表）。")
    return 0
