"""police-report: the month's 登记备案 changes as an .xlsx for the 公安机关出入境管理部门."""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "生成某月登记备案人员变动情况表（.xlsx，报送公安机关出入境管理部门），可记录报送日期"
OUT_DIR = Path("build") / "police"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", required=True, help="报送月份，如 2019-06（含上月26日至本月25日的变动）")
    parser.add_argument("--unit", action="append", help="只含这个单位（单位代码，可重复；默认全部单位）")
    parser.add_argument("--out", help=f"输出文件（默认 {OUT_DIR}/登记备案变动-月份.xlsx，不在仓库中提交）")
    parser.add_argument(
        "--record-sent",
        metavar="报送日期",
        help="表格报送后运行：把这一天写入各条变动的「报送公安日期」（只改尚未填写的），再提交合并请求",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.campaignops import police_roster, police_xlsx, record_sent
    from privtravel.commands.check import check_repository

    year, month = police_roster.parse_month(args.month)
    if not year:
        raise FatalError(f"月份「{args.month}」应写成 年-月，如 2019-06。")
    sent = _sent_date(args.record_sent)
    root = Path(args.root)
    repo, result = check_repository(root)
    campaign = repo.campaign
    if campaign is None:
        raise FatalError("campaign.yaml 有错误：请先运行 check 并改正。")
    units = args.unit
    if units:
        unknown = sorted(set(units) - {u.code for u in campaign.units})
        if unknown:
            raise FatalError(f"campaign.yaml 中没有单位「{'、'.join(unknown)}」。")
    broken = sorted(
        {
            d.path
            for d in result.errors
            if d.path.endswith("/登记备案.yaml") and (not units or d.path.split("/")[1] in units)
        }
    )
    if broken:
        raise FatalError(f"登记备案名单有错误，变动情况不完整：{'、'.join(broken)}。请先运行 check 改正。")
    lines = police_roster.month_lines(repo, year, month, units)
    name = f"登记备案变动-{year:04d}-{month:02d}" + (f"-{'-'.join(units)}" if units else "") + ".xlsx"
    out = Path(args.out) if args.out else root / OUT_DIR / name
    police_xlsx.write(out, lines, year, month, campaign.issuer)
    kinds = Counter(line.category for line in lines)
    print(
        f"已生成 {out}：{year}年{month}月变动 {len(lines)} 条"
        f"（新增 {kinds['新增']}，变更 {kinds['变更']}，撤销 {kinds['撤销']}）。"
    )
    print("此表含完整的公民身份号码，只报送公安机关出入境管理部门：不要提交到仓库，不要公开。")
    for line in lines:
        if line.status == police_roster.LATE:
            print(
                f"补报：{line.unit.name} {line.person.id} {line.person.name} {line.change.date} {line.change.kind}（{line.note}）"
            )
    earlier = police_roster.earlier_unsent(repo, year, month, units)
    if earlier:
        print(f"注意：以前月份还有未报送的变动（{'、'.join(earlier)}），请分别生成这些月份的表格。")
    if sent is not None:
        if sent < max((line.change.date for line in lines), default=sent):
            raise FatalError("报送日期早于表中最晚的变动日期：请核对 --record-sent。")
        marked = record_sent.record(root, [line.change for line in lines], sent)
        print(f"已在登记备案名单中为 {marked} 条变动填写报送公安日期 {sent.isoformat()}，请检查后提交。")
    return 0


def _sent_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FatalError(f"报送日期「{text}」应写成 年-月-日，如 2019-06-24。") from None
