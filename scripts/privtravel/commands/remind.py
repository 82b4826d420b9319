"""remind: what each unit has due or overdue on a day, as Markdown or CSV, optionally as GitLab issues."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "列出各单位到期和逾期的事项（Markdown 或 CSV），可在 GitLab 中为每个单位建立或更新提醒议题"
TOKEN_ENV = "PRIVTRAVEL_GITLAB_TOKEN"


def day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期「{text}」应写成 年-月-日，如 2019-06-05") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=day, help="按哪一天计算（默认今天），如 2019-06-05")
    parser.add_argument("--ahead", type=int, default=3, help="截止日期前几个工作日开始提醒（默认 3）")
    parser.add_argument("--format", choices=("markdown", "csv"), default="markdown", help="输出格式")
    parser.add_argument("--out", help="写到这个文件（默认输出到屏幕；CSV 文件带 BOM，Excel 可直接打开）")
    parser.add_argument("--unit", action="append", help="只列这个单位（单位代码，可重复）")
    parser.add_argument(
        "--gitlab",
        action="store_true",
        help=f"同时在 GitLab 中为每个单位建立或更新提醒议题（访问令牌取自环境变量 {TOKEN_ENV}）",
    )
    parser.add_argument(
        "--gitlab-url", default=os.environ.get("CI_SERVER_URL"), help="GitLab 地址（默认 $CI_SERVER_URL）"
    )
    parser.add_argument(
        "--project", default=os.environ.get("CI_PROJECT_ID"), help="GitLab 项目（默认 $CI_PROJECT_ID）"
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.analysis import analyze
    from privtravel.campaignops import remind_output, reminders

    root = Path(args.root)
    today = args.date or dt.date.today()
    if args.ahead < 0:
        raise FatalError("--ahead 不能是负数。")
    analysis = analyze(root)  # the declarations, and the cross-check when police data is there
    repo, result = analysis.repo, analysis.result
    if repo.campaign is None:
        raise FatalError("campaign.yaml 有错误，无法计算提醒：请先运行 check 并改正。")
    campaign = repo.campaign
    if args.unit:
        unknown = sorted(set(args.unit) - {u.code for u in campaign.units})
        if unknown:
            raise FatalError(f"campaign.yaml 中没有单位「{'、'.join(unknown)}」。")
    by_unit = reminders.collect(repo, today, args.ahead, reminders.open_findings(analysis.answered))
    if args.unit:
        by_unit = {code: items for code, items in by_unit.items() if code in args.unit}
    invalid = sorted({d.path for d in result.errors})
    if invalid:
        print(
            f"注意：{len(invalid)} 个文件有错误，其中的内容没有计入提醒（运行 check 查看）。", file=sys.stderr
        )
    if args.format == "csv":
        text = remind_output.csv_text(campaign, by_unit)
    else:
        text = remind_output.markdown(campaign, by_unit, today)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="")
        print(f"提醒事项已写入 {out}")
    else:
        sys.stdout.write(text)
    if args.gitlab:
        _publish(args, campaign, by_unit, today)
    return 0


def _publish(args: argparse.Namespace, campaign: object, by_unit: object, today: dt.date) -> None:
    from privtravel.campaignops import forge_issues
    from privtravel.model import Campaign

    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        raise FatalError(f"没有设置环境变量 {TOKEN_ENV}（GitLab 访问令牌，需要 api 权限）。")
    if not args.gitlab_url or not args.project:
        raise FatalError(
            "请用 --gitlab-url 和 --project 指明 GitLab 地址和项目（CI 中自动取 $CI_SERVER_URL、$CI_PROJECT_ID）。"
        )
    assert isinstance(campaign, Campaign) and isinstance(by_unit, dict)
    forge = forge_issues.Forge(args.gitlab_url, token, args.project)
    done = forge_issues.publish(forge, campaign, by_unit, today)
    summary = "，".join(f"{k} {v} 个" for k, v in sorted(done.items()))
    print(f"GitLab 提醒议题：{summary}。", file=sys.stderr)
