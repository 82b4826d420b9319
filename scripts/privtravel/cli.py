"""The command line: one subcommand per module under privtravel.commands.

A command module has ``HELP`` (one Chinese line), ``add_arguments(parser)`` and
``run(args) -> int``; it imports heavy libraries inside ``run`` so that `check`, which the
pre-commit hook runs with only its own dependencies, starts fast and needs nothing else.  FatalError becomes exit code 2 here, and only here.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from types import ModuleType

from privtravel import __version__
from privtravel.commands import (
    check,
    codeowners,
    crosscheck,
    demo,
    export,
    forms,
    gitlab,
    import_,
    ownership,
    police_manifest,
    police_report,
    remind,
    review,
    rollup,
    site,
    stats,
    template,
    units,
    webforms,
)
from privtravel.diagnostics import FatalError

COMMANDS: dict[str, ModuleType] = {
    "check": check,
    "crosscheck": crosscheck,
    "demo": demo,
    "site": site,
    "remind": remind,
    "police-report": police_report,
    "police-manifest": police_manifest,
    "stats": stats,
    "codeowners": codeowners,
    "ownership": ownership,
    "review": review,
    "template": template,
    "import": import_,
    "export": export,
    "forms": forms,
    "gitlab": gitlab,
    "rollup": rollup,
    "units": units,
    "webforms": webforms,
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="privtravel",
        description="干部因私出国（境）违规问题专项整治：填报文件的校验、核查、统计与看板。",
    )
    top.add_argument("--version", action="version", version=__version__)
    top.add_argument("--root", default=".", help="填报仓库的根目录（默认当前目录）")
    sub = top.add_subparsers(dest="command", required=True, metavar="命令")
    for name, module in COMMANDS.items():
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = COMMANDS[args.command].run(args)
    except FatalError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # a second Ctrl-C while we end ends the process at once, without a traceback
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        print("\n已中断（Ctrl-C）。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `privtravel stats | head`: the reader has gone, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code
