"""import: a filled workbook → the unit's YAML files; nothing is written while any error remains."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

HELP = "把填好的表格（.xlsx）导入为本单位的填报文件；有错误时逐格指出，不写入任何文件"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "workbook", metavar="表格", nargs="?", help="填好的 .xlsx 表格（由 template 或 export 生成）"
    )
    parser.add_argument(
        "--unit", metavar="单位代码", help="核对表格确是这个单位的（默认以表格中的单位代码为准）"
    )
    parser.add_argument(
        "--recover",
        action="store_true",
        help="只撤销上次被中断（进程被终止、断电）的导入，把文件恢复到那次导入之前",
    )
    parser.add_argument("--dry-run", action="store_true", help="只检查，不写入文件")
    parser.add_argument(
        "--remove",
        action="store_true",
        help="确认删除：表格中去掉的人员的报告表和台账记录（登记备案人员、证件、审批、违规问题及其下的各条记录）"
        "随之删除；不加时，少了的行是错误，列出会被删除的内容",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel import journal
    from privtravel.diagnostics import FatalError
    from privtravel.excel import importing, unit_workbook

    root = Path(args.root)
    undone = journal.recover(root)
    if undone is not None:
        print(f"上次的{undone}没有完成，已撤销：这些文件已恢复到那次导入之前的状态。")
    if args.recover:
        if undone is None:
            print("没有被中断的导入，无需恢复。")
        return 0
    if args.workbook is None:
        raise FatalError("请给出要导入的表格文件（.xlsx），或用 --recover 撤销上次被中断的导入。")
    campaign = unit_workbook.load_campaign(root)
    if args.unit is not None:
        unit_workbook.unit_name(campaign, args.unit)
    started = time.perf_counter()
    outcome = importing.run(
        root, campaign, Path(args.workbook), unit=args.unit, write=not args.dry_run, remove=args.remove
    )
    seconds = time.perf_counter() - started
    for problem in outcome.problems:
        print(problem.line())
    errors = len(outcome.errors)
    warnings = len(outcome.problems) - errors
    if outcome.plan is None:
        if not outcome.rules_checked:
            print("改正以上错误后，还会检查单位内的规则（日期先后、编号引用、报告类型等）。")
        print(
            f"读取了 {outcome.rows} 行：{errors} 个错误，{warnings} 个警告。没有写入任何文件，请改正后重新导入。"
        )
        return 1
    plan = outcome.plan
    verb = "将写入" if args.dry_run else "写入"
    for rel in sorted(plan.write):
        print(f"{verb} {rel}")
    for rel in plan.delete:
        print(f"{'将删除' if args.dry_run else '删除'} {rel}")
    for what in (w for w in outcome.removed if not w.startswith("报告表：")):  # report files: above
        print(f"{'将删除' if args.dry_run else '删除'}记录 {what}")
    print(
        f"读取了 {outcome.rows} 行（{seconds:.1f} 秒）：{warnings} 个警告；{verb} {len(plan.write)} 个文件，"
        f"删除 {len(plan.delete)} 个，{len(plan.unchanged)} 个内容未变。"
    )
    return 0
