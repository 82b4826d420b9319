"""crosscheck: compare the declarations with the police data; findings for the six 「应…尽…」."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "与公安机关出入境管理部门的持证信息和出入境记录比对核查，列出核查项和六个「应…尽…」情况"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--police",
        metavar="目录",
        help="公安数据所在的目录（默认为仓库根目录下的 police/；正式部署时指向受限的位置）",
    )
    parser.add_argument(
        "--unit", action="append", default=[], metavar="单位代码", help="只看这个单位（可写多次）"
    )
    parser.add_argument("--open", action="store_true", help="只列出待核实的核查项")
    parser.add_argument("--summary", action="store_true", help="只显示各单位六个「应…尽…」的汇总")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")


def run(args: argparse.Namespace) -> int:
    # openpyxl and chinese_calendar are imported here only: `check` (the pre-commit hook) must not need them
    from privtravel.crosscheck import as_json, text
    from privtravel.crosscheck.lines import LineFinder
    from privtravel.crosscheck.run import crosscheck

    root = Path(args.root)
    outcome = crosscheck(root, Path(args.police) if args.police else None)
    lines = LineFinder(root)
    if args.format == "json":
        as_json.write(outcome, sys.stdout, lines, units=args.unit)
    else:
        text.write(
            outcome, sys.stdout, lines, units=args.unit, only_open=args.open, summary_only=args.summary
        )
    return 1 if outcome.result.errors else 0
