"""gitlab: the GitLab project's settings; ``gitlab doctor`` lists each unsafe one with its fix."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HELP = "GitLab 项目设置：doctor 逐项检查本仓库依赖的安全设置，列出不安全的设置和改法"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="操作")
    doctor = actions.add_parser(
        "doctor",
        help="检查受保护分支、合并方式、流水线、配置文件来源、审批、变量、作业令牌和成员角色",
        description="通过 GitLab 接口读取项目设置，列出每一项不安全的设置和改法；有不安全的设置时退出码为 1。"
        "令牌放在环境变量 PRIVTRAVEL_GITLAB_TOKEN 中（需要维护者角色、api 权限）。",
    )
    doctor.add_argument(
        "--gitlab-url", default=os.environ.get("CI_SERVER_URL"), help="GitLab 地址（默认 $CI_SERVER_URL）"
    )
    doctor.add_argument(
        "--project",
        default=os.environ.get("CI_PROJECT_ID") or os.environ.get("CI_PROJECT_PATH"),
        help="项目的编号或路径，如 wjw/privtravel（默认 $CI_PROJECT_ID）",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.diagnostics import FatalError
    from privtravel.load.layout import CAMPAIGN_FILE
    from privtravel.workflow import gitlab_api
    from privtravel.workflow.config import load_campaign
    from privtravel.workflow.doctor import fetch, report
    from privtravel.workflow.doctor.findings import FAILING

    if not args.gitlab_url or not args.project:
        raise FatalError(
            "请用 --gitlab-url 和 --project 指明 GitLab 地址和项目（CI 中自动取 $CI_SERVER_URL、$CI_PROJECT_ID）。"
        )
    env = {**os.environ, "CI_SERVER_URL": args.gitlab_url}
    client = gitlab_api.connect(env)
    if client is None:
        raise FatalError(f"请把有维护者角色、api 权限的访问令牌放在环境变量 {gitlab_api.TOKEN_VARIABLE} 中。")
    root = Path(args.root)
    campaign = load_campaign(root) if (root / CAMPAIGN_FILE).is_file() else None
    handles = (
        ()
        if campaign is None
        else {
            h
            for hs in [campaign.reviewers, campaign.maintainers, *(u.owners for u in campaign.units)]
            for h in hs
        }
    )
    snapshot = fetch.snapshot(client, args.project, sorted(handles))
    findings = report.examine(snapshot, campaign)
    sys.stdout.write(report.text(snapshot, findings))
    return 1 if any(f.level in FAILING for f in findings) else 0
