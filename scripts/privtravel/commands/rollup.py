"""rollup: 附件2 and 附件3 gathered from many members by 地区 (a roll-up repository), and a campaign's
tables published for one.  One sub-action per task; the work is in privtravel.rollup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from privtravel.commands.ownership import add_arguments as ownership_arguments
from privtravel.diagnostics import FatalError

HELP = "统计汇总：收集各成员（区、县（市）、部门或下级汇总）的附件2、附件3，按地区汇总；发布本专项整治的统计表供上级汇总"

ACTIONS = {
    "check": "检查各成员报送的统计表（逐格指出错误：文件!单元格）",
    "stats": "生成汇总的附件2、附件3（成员行、地区小计、合计），可导出 xlsx、csv 和带来源的 json",
    "site": "生成汇总看板（成员报送情况、统计表、各地区主要数字、每个成员一页）",
    "publish": "在专项整治仓库中生成上报用的 统计表.json 和 统计表.xlsx（只含统计数字，不含人员信息）",
    "template": "生成按通知格式的空白统计表（统计表.xlsx），供手工填报的成员使用",
    "codeowners": "由 rollup.yaml 生成 .gitlab/CODEOWNERS（--write），或检查两者是否一致（--check）",
    "ownership": "检查提交权限：合并请求改动的文件都在提交人负责的成员文件夹里",
    "review": "审核摘要：对比合并基点，列出各成员报送状态、数字和合计的变化（Markdown）",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="操作")
    for name, help_text in ACTIONS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name in ("stats", "publish", "template", "site"):
            default = {"site": "public", "publish": "上报", "template": "."}.get(name)
            p.add_argument("--out", default=default, metavar="目录", help=f"写入的目录（默认 {default}）")
        if name == "stats":
            p.add_argument("--format", choices=("text", "json"), default="text", help="屏幕输出的格式")
        if name == "site":
            p.add_argument("--today", metavar="日期", help="按这一天标出逾期未报送的成员（默认今天）")
        if name == "template":
            p.add_argument("member", nargs="?", metavar="成员代码", help="预先写上这个成员的名称")
        if name == "codeowners":
            mode = p.add_mutually_exclusive_group()
            mode.add_argument("--write", action="store_true", help="写入 .gitlab/CODEOWNERS")
            mode.add_argument("--check", action="store_true", help="不一致时列出差异并以 1 退出")
        if name == "review":
            p.add_argument("--base", required=True, help="对比基准；CI 中为 $CI_MERGE_REQUEST_DIFF_BASE_SHA")
            p.add_argument("--out", metavar="文件", help="把摘要写到这个文件（默认输出到屏幕）")
        if name == "ownership":
            ownership_arguments(p)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    action: str = args.action
    if action == "publish":
        return _publish(root, Path(args.out))
    from privtravel.rollup import config

    rollup = config.load(root)
    if action == "codeowners":
        return _codeowners(root, rollup, write=args.write, check=args.check)
    if action == "ownership":
        return _ownership(args)
    if action == "review":
        from privtravel.rollup import review

        text = review.summary(root, args.base)
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if action == "template":
        return _template(rollup, args.member, Path(args.out))
    if action == "site":
        import datetime as dt

        from privtravel.rollup import site as rollup_site

        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
        rollup_site.build(root, rollup, Path(args.out), today)
        print(f"已生成汇总看板：{args.out}/index.html")
        return 0
    from privtravel.rollup import members, report, table

    gathered = members.gather(root, rollup)
    errors, warnings = report.write(gathered.diagnostics, sys.stderr if action == "stats" else sys.stdout)
    counts = {s: sum(1 for x in gathered.states if x.status is s) for s in members.Status}
    summary = "，".join(f"{s.value} {n} 个" for s, n in counts.items())
    print(f"{len(gathered.states)} 个成员：{summary}；{errors} 个错误，{warnings} 个警告。", file=sys.stderr)
    if action == "check":
        return 1 if errors else 0
    stats = table.statistics(root, gathered)
    if args.format == "json":
        from privtravel.rollup import export

        sys.stdout.buffer.write(export.document(stats, gathered))
    else:
        from privtravel.stats import text as text_stats

        text_stats.write(stats, sys.stdout)
    sys.stdout.flush()
    if args.out:
        from privtravel.rollup import export

        for path in export.write_all(stats, gathered, Path(args.out)):
            print(f"已写入 {path}", file=sys.stderr)
    return 0


def _publish(root: Path, out: Path) -> int:
    from privtravel import journal
    from privtravel.analysis import analyze
    from privtravel.export import JSON, WORKBOOK, xlsx
    from privtravel.report import text as text_report
    from privtravel.rollup import publish

    analysis = analyze(root)
    if analysis.result.errors or analysis.stats is None:
        text_report.write(analysis.result, sys.stderr)
        print("填报文件有错误，没有生成上报的统计表：请先改正（privtravel check）。", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    tables = {JSON: publish.document(analysis.stats), WORKBOOK: xlsx.workbook(analysis.stats)}
    # the json and the workbook must say the same: both replaced, or neither (journal)
    journal.write_all(out, tables, [], journal.usual_mode(), "生成上报的统计表")
    print(
        f"已写入 {out / JSON} 和 {out / WORKBOOK}（只含统计数字）：把其中一个提交到汇总仓库本成员的文件夹。"
    )
    if analysis.stats.not_submitted:
        print(f"注意：{'、'.join(analysis.stats.not_submitted)} 尚未报送，合计中不含。", file=sys.stderr)
    return 0


def _codeowners(root: Path, rollup: object, *, write: bool, check: bool) -> int:
    from privtravel.rollup import owners
    from privtravel.rollup.config import Rollup
    from privtravel.workflow.codeowners import CODEOWNERS

    assert isinstance(rollup, Rollup)
    campaign = rollup.as_campaign()
    if check:
        diff = owners.difference(root, campaign)
        sys.stdout.writelines(diff)
        print(
            f"{CODEOWNERS} 与 rollup.yaml {'不一致：请运行 privtravel rollup codeowners --write' if diff else '一致'}。"
        )
        return 1 if diff else 0
    content = owners.render(campaign)
    if not write:
        sys.stdout.write(content)
        return 0
    path = root / CODEOWNERS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    print(f"已写入 {CODEOWNERS}（{len(campaign.units)} 个成员）。")
    return 0


def _ownership(args: argparse.Namespace) -> int:
    from privtravel.commands import ownership
    from privtravel.rollup import config, owners

    return ownership.judge(args, config.CONFIG_FILE, lambda d: config.load(d).as_campaign(), owners.owner_of)


def _template(rollup: object, code: str | None, out: Path) -> int:
    from privtravel.export import WORKBOOK
    from privtravel.rollup import blank
    from privtravel.rollup.config import Rollup

    assert isinstance(rollup, Rollup)
    member = rollup.member(code) if code else None
    if code and member is None:
        raise FatalError(f"rollup.yaml 中没有成员代码「{code}」。")
    out.mkdir(parents=True, exist_ok=True)
    (out / WORKBOOK).write_bytes(blank.workbook(rollup, member))
    print(f"已写入 {out / WORKBOOK}：按通知格式填写附件2、附件3 后提交到 members/{code or '<成员代码>'}/。")
    return 0
