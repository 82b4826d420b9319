"""stats: 附件2 and 附件3 computed from the declarations, printed and optionally exported."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privtravel.stats import provenance
    from privtravel.stats.compute import Statistics

HELP = "计算附件2、附件3 统计表（按单位、地区小计和合计），可导出 xlsx、csv 和 json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", metavar="单位代码", help="只统计这个单位（单位报送自己的统计表时用）")
    parser.add_argument("--region", metavar="地区", help="只统计这个地区的单位")
    parser.add_argument(
        "--out", metavar="目录", help="把 统计表.xlsx、附件2.csv、附件3.csv、统计表.json 写到这个目录"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="屏幕输出的格式")
    parser.add_argument(
        "--filled-on",
        metavar="日期",
        type=_day,
        help="统计表上的填表时间（年-月-日，默认今天）；填表人、联系电话、审核人见 campaign.yaml「统计表填表」",
    )


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期「{text}」应写成 年-月-日，如 2019-07-05") from None


def run(args: argparse.Namespace) -> int:
    # openpyxl (exports) is imported here, not at start-up: `check` must not need it
    from privtravel import export
    from privtravel.analysis import analyze
    from privtravel.diagnostics import Result
    from privtravel.load.layout import unit_of
    from privtravel.report import text as text_report
    from privtravel.stats import Scope, provenance
    from privtravel.stats import text as text_stats
    from privtravel.stats.compute import select

    root = Path(args.root)
    # the cross-check runs too when police data is present: 附件2 counts confirmed findings
    analysis = analyze(root, scope=Scope(unit=args.unit, region=args.region))
    result, stats = analysis.result, analysis.stats
    if stats is not None:  # a unit's own table is not held up by another unit's mistakes
        in_scope = {u.code for u in select(stats.campaign, stats.scope)}
        result = Result(
            [d for d in result.diagnostics if unit_of(d.path) in in_scope | {None}], result.files_checked
        )
    if result.errors or stats is None:
        text_report.write(result, sys.stderr)
        print("填报文件有错误，统计表没有生成：请先改正上面的错误（privtravel check）。", file=sys.stderr)
        return 1
    lines = provenance.lines(root, provenance.refs(stats))
    if args.format == "json":
        sys.stdout.flush()
        export.json.write(stats, lines, sys.stdout.buffer)
        sys.stdout.flush()
    else:
        text_stats.write(stats, sys.stdout)
    sys.stdout.flush()
    if args.out:
        _export(stats, Path(args.out), lines, args.filled_on)
    return 0


def _export(stats: Statistics, out: Path, lines: provenance.Lines, filled: dt.date | None) -> None:
    from privtravel import export

    written = export.write_all(stats, out, lines, filled=filled)
    for path in written:
        print(f"已写入 {path}", file=sys.stderr)
