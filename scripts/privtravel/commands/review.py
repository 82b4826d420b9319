"""review: the reviewer's summary of a merge request, in Chinese Markdown (CI keeps it as an artifact
and, when a token is configured, posts it as a note on the merge request)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "审核摘要：对比合并基点与当前工作区，按单位列出人员、证件、出国（境）、保管、审批、问题的变化"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base",
        required=True,
        help="对比基准（分支或提交），取它与当前分支的合并基点；CI 中为 $CI_MERGE_REQUEST_DIFF_BASE_SHA",
    )
    parser.add_argument(
        "--head",
        metavar="提交",
        help="被审核的提交（CI 中审核工具与数据分开放置时用）：列出它在数据以外的改动，这些改动合并后才生效",
    )
    parser.add_argument("--out", help="写入这个文件（相对于 --root；默认输出到屏幕）")
    parser.add_argument(
        "--note",
        action="store_true",
        help="同时发布为合并请求的评论（再次运行时更新同一条）；需要 $PRIVTRAVEL_GITLAB_TOKEN，未配置时跳过",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.workflow import gitlab_api
    from privtravel.workflow.review import build, markdown

    root = Path(args.root)
    text = markdown.render(build.review(root, args.base, head=args.head))
    if args.out:
        out = Path(args.out)
        out = out if out.is_absolute() else root / out
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"审核摘要已写入 {args.out}")
    else:
        sys.stdout.write(text)
    if args.note:
        client = gitlab_api.connect()
        if client is None:
            print(f"未配置 {gitlab_api.TOKEN_VARIABLE}：审核摘要只保存为作业产物，不发布到合并请求。")
            return 0
        project = os.environ.get("CI_PROJECT_ID", "")
        iid = os.environ.get("CI_MERGE_REQUEST_IID", "")
        if not project or not iid.isdigit():
            raise FatalError(
                "发布审核摘要需要 CI_PROJECT_ID 和 CI_MERGE_REQUEST_IID（只在合并请求流水线中提供）。"
            )
        done = gitlab_api.upsert_note(client, project, int(iid), text)
        print(f"审核摘要{done}到合并请求 !{iid}。")
    return 0
