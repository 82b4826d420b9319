"""codeowners: write .gitlab/CODEOWNERS from campaign.yaml, or check that the committed file agrees."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "由 campaign.yaml 生成 .gitlab/CODEOWNERS（--write），或检查两者是否一致（--check）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="写入 .gitlab/CODEOWNERS")
    mode.add_argument("--check", action="store_true", help="与 campaign.yaml 不一致时列出差异并以 1 退出")


def run(args: argparse.Namespace) -> int:
    from privtravel.workflow import codeowners
    from privtravel.workflow.config import load_campaign

    root = Path(args.root)
    campaign = load_campaign(root)
    if args.check:
        diff = codeowners.difference(root, campaign)
        if not diff:
            print(f"{codeowners.CODEOWNERS} 与 campaign.yaml 一致。")
            return 0
        sys.stdout.writelines(diff)
        print(
            f"\n{codeowners.CODEOWNERS} 与 campaign.yaml 不一致：请运行 privtravel codeowners --write，"
            "把生成的文件和 campaign.yaml 的改动一起提交。"
        )
        return 1
    content = codeowners.render(campaign)
    if args.write:
        path = root / codeowners.CODEOWNERS
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        print(f"已写入 {codeowners.CODEOWNERS}（{len(campaign.units)} 个单位）。")
        return 0
    sys.stdout.write(content)
    return 0
