"""police-manifest: write police/交付清单.yaml from the files as received (rows and SHA-256 as seen).

It records what is there; it cannot know what the police sent.  The operator compares each 行数
with the police's covering letter (交接函) before using the data: a file truncated before this
command runs is recorded truncated, and only that comparison catches it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from privtravel.diagnostics import FatalError

HELP = "按收到的公安数据文件生成交付清单 police/交付清单.yaml（提取日期、各文件行数和 SHA-256 校验值），供与交接函核对"


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期「{text}」应写成 年-月-日，如 2019-06-30") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--extracted",
        type=_day,
        required=True,
        help="提取日期：照抄公安机关交接函上的数据提取日期，如 2019-06-30",
    )
    parser.add_argument("--provider", required=True, help="提供单位，如 绍兴市公安局出入境管理支队")
    parser.add_argument("--delivered", type=_day, help="交付日期：收到数据的日期（可不写）")
    parser.add_argument(
        "--police", help="公安数据所在的目录（默认为仓库根目录下的 police/；正式部署时指向受限的位置）"
    )
    parser.add_argument(
        "--force", action="store_true", help="已有交付清单时也替换（只在公安机关重新交付后使用）"
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.load.layout import POLICE_DIR, POLICE_MANIFEST
    from privtravel.police import seal

    root = Path(args.root)
    folder = Path(args.police) if args.police else root / POLICE_DIR
    if not folder.is_dir():
        raise FatalError(f"找不到公安数据目录 {folder}：请先把公安机关交付的文件放进去，或用 --police 指定。")
    target = folder / POLICE_MANIFEST
    if (target.exists() or target.is_symlink()) and not args.force:
        raise FatalError(
            f"{target} 已经存在：它记录的是当初交付的文件，不能用现在的文件覆盖（文件若被改动或截断，覆盖就看不出来了）。"
            "公安机关重新交付了数据的，加 --force 替换。"
        )
    if len(args.provider.strip()) < 2 or len(args.provider) > 60 or "\n" in args.provider:
        raise FatalError("--provider 应为提供数据的公安机关出入境管理部门名称（2 至 60 个字）。")
    if args.extracted > dt.date.today():
        raise FatalError(f"提取日期 {args.extracted} 晚于今天：请照抄交接函上的提取日期。")
    if args.delivered is not None and args.delivered < args.extracted:
        raise FatalError("交付日期早于提取日期：请核对两个日期。")
    try:
        files = seal.seal(folder, args.provider.strip(), args.extracted, args.delivered)
    except seal.Unsealable as exc:
        raise FatalError(str(exc)) from None
    print(f"已写入 {target}：提取日期 {args.extracted}")
    for name, rows, hexdigest in files:
        print(f"  {name}：{rows} 行数据，SHA-256 {hexdigest}")
    print(
        "请逐项核对上面的行数与公安机关交接函上的记录条数（有校验值的也核对校验值）："
        "不一致说明文件在交付或复制中不完整，不要使用这批数据，请公安机关重新提供。",
        file=sys.stderr,
    )
    return 0
