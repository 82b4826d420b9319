"""site: generate the dashboard pages and build them with MkDocs Material into public/."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

HELP = "生成看板（MkDocs Material，离线可用）到 public/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default="public", help="输出目录（默认 public/，GitLab Pages 发布的目录）")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="以哪一天为「今天」计算时间节点（YYYY-MM-DD，默认今天）",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.site.build import build  # MkDocs is heavy; `check` (the hook) must not need it
    from privtravel.site.swap import building

    root = Path(args.root)
    out = Path(args.out)
    with building(out if out.is_absolute() else root / out) as new:  # the old dashboard stays until done
        build(root, new, args.today)
    print(f"看板已生成：{out}/index.html")
    from privtravel.webforms.build import installed

    if installed():
        print(f"网页填报：{out}/forms/index.html")
    else:
        print("网页填报未生成：编辑器（Decap CMS）未安装，先运行 make forms。")
    return 0
