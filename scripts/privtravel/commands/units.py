"""units: one repository per unit (init, split, sync, and the unit's own hook and pipeline judge)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HELP = "单位仓库：建立（init）、由文件夹拆分（split）、取用各单位审核合并的版本（sync）、单位仓库中的检查（hook、judge）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="units_command", required=True, metavar="子命令")
    init = sub.add_parser(
        "init", help="写出一个可以直接使用的单位仓库", description="写出一个可以直接使用的单位仓库"
    )
    init.add_argument("unit", metavar="单位代码")
    init.add_argument("--out", help="写到这个目录（默认 build/units/<单位代码>）")
    _hook_source(init)

    split = sub.add_parser(
        "split", help="把单位文件夹拆分为单位仓库（保留每个文件的历史），并改为引用该仓库（子模块）"
    )
    split.add_argument("unit", metavar="单位代码")
    split.add_argument(
        "--url",
        required=True,
        help="新建的空单位仓库地址，可写相对地址（如 ../units/srmyy.git，相对于本仓库的 origin）",
    )
    _hook_source(split)

    sync = sub.add_parser("sync", help="取用各单位仓库 main 的最新版本：检查通过的才取用，每个单位一个提交")
    sync.add_argument("units", nargs="*", metavar="单位代码", help="只处理这些单位（默认全部单位仓库）")
    sync.add_argument("--dry-run", action="store_true", help="只列出将要取用和拒绝的版本，不提交")
    sync.add_argument(
        "--recover",
        action="store_true",
        help="只撤销上次被中断（进程被终止、断电）的取用，把文件恢复到那次取用之前",
    )

    projects = sub.add_parser(
        "projects",
        help="通过 GitLab 接口为每个单位建立单位项目（私有、流水线来自委政治处、main 受保护、成员）",
    )
    projects.add_argument("--group", required=True, help="单位项目所在的群组（如 wjw/units）")
    projects.add_argument(
        "--committee-project",
        default=os.environ.get("CI_PROJECT_PATH"),
        help="委政治处项目的路径（单位项目的流水线文件取自它；默认 $CI_PROJECT_PATH）",
    )
    projects.add_argument(
        "--gitlab-url", default=os.environ.get("CI_SERVER_URL"), help="GitLab 地址（默认 $CI_SERVER_URL）"
    )
    projects.add_argument("--apply", action="store_true", help="执行（默认只列出将要建立的项目）")

    take = sub.add_parser(
        "checkout", help="在审核工具的目录中取出挂载的单位仓库（固定的提交），供流水线的审核工具读取"
    )
    take.add_argument(
        "--from", dest="clone", required=True, help="CI 检出的委政治处仓库（含已取出的单位仓库）"
    )

    hook = sub.add_parser("hook", help="在单位仓库中检查本单位的文件（提交前检查调用）")
    _unit_side(hook)

    judge = sub.add_parser(
        "judge", help="单位仓库合并请求流水线：用委政治处的工具检查本单位文件，生成审核摘要"
    )
    _unit_side(judge)
    judge.add_argument("--base", help="对比基准（单位仓库的目标分支或提交）；给出时生成审核摘要")
    judge.add_argument("--out", help="审核摘要写入这个文件")
    judge.add_argument(
        "--note", action="store_true", help="同时发布为合并请求的评论（需要 $PRIVTRAVEL_GITLAB_TOKEN）"
    )


def _hook_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--committee-url", help="单位仓库的提交前检查从哪个仓库取检查工具（默认本仓库的 origin）"
    )
    parser.add_argument("--rev", help="检查工具的固定版本（默认本仓库当前提交）")


def _unit_side(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", required=True, metavar="单位代码")
    parser.add_argument(
        "--committee", help="委政治处仓库的检出目录（取 campaign.yaml）；不写时用检查工具自带的 campaign.yaml"
    )


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    command: str = args.units_command
    if command == "init":
        from privtravel.units.init import init

        out = Path(args.out) if args.out else root / "build" / "units" / args.unit
        count = init(root, args.unit, out, args.committee_url, args.rev)
        what = f"含本单位已有的 {count} 个填报文件" if count else "含单位.yaml 和登记备案.yaml 的初稿"
        print(
            f"已写出单位仓库 {out}（{what}）。推送到 GitLab 上的单位项目后，用 privtravel units split 或 git submodule add 引用。"
        )
        return 0
    if command == "split":
        from privtravel.units.split import split

        done = split(root, args.unit, args.url, args.committee_url, args.rev)
        if done.resumed:
            print(
                f"上次拆分 submissions/{done.code} 被中断：已按当时的提交完成引用（main 为 {done.head[:12]}）。"
            )
            return 0
        print(
            f"已把 submissions/{done.code} 拆分为单位仓库 {done.url}（保留 {done.commits} 个提交的历史，"
            f"main 为 {done.head[:12]}），并改为引用该仓库。请推送本仓库。"
        )
        return 0
    if command == "projects":
        return _projects(args)
    if command == "checkout":
        from privtravel.units.checkout import checkout

        codes = checkout(root, Path(args.clone))
        print(f"已取出 {len(codes)} 个单位仓库（委政治处固定的提交）。")
        return 0
    if command == "sync":
        from privtravel import journal
        from privtravel.units.sync import report, sync

        undone = journal.recover(root)
        if undone is not None:
            print(f"上次的{undone}没有完成，已撤销：这些文件已恢复到那次写入之前的状态。")
        if args.recover:
            if undone is None:
                print("没有被中断的写入，无需恢复。")
            return 0

        outcome = sync(root, args.units or None, dry_run=args.dry_run)
        sys.stdout.write(report(outcome))
        return 1 if outcome.failed else 0
    return _unit_command(args, command)


def _projects(args: argparse.Namespace) -> int:
    from privtravel.diagnostics import FatalError
    from privtravel.units import projects
    from privtravel.units.init import campaign_of
    from privtravel.workflow import gitlab_api

    if not args.gitlab_url or not args.committee_project:
        raise FatalError(
            "请用 --gitlab-url 和 --committee-project 指明 GitLab 地址和委政治处项目（CI 中自动取）。"
        )
    client = gitlab_api.connect({**os.environ, "CI_SERVER_URL": args.gitlab_url})
    if client is None:
        raise FatalError(
            f"需要 GitLab 访问令牌：请设置环境变量 {gitlab_api.TOKEN_VARIABLE}（api 权限，能在群组中建项目）。"
        )
    campaign = campaign_of(Path(args.root), None)
    plans = projects.plan(client, campaign, args.group)
    if args.apply:
        projects.apply(client, plans, args.group, args.committee_project)
    sys.stdout.write(projects.describe(plans, args.group, args.apply))
    return 0


def _unit_command(args: argparse.Namespace, command: str) -> int:
    from privtravel.report import text as text_report
    from privtravel.units import judge

    root = Path(args.root)
    committee = Path(args.committee) if args.committee else None
    # the pipeline judges the merge request's commit; the hook, what is about to be committed
    result = judge.check(root, args.unit, committee, commit="HEAD" if command == "judge" else None)
    text_report.write(result, sys.stdout)
    if command == "judge" and args.base:
        summary = judge.review_markdown(root, args.unit, committee, args.base)
        _publish(summary, args.out, args.note)
    return 1 if result.errors else 0


def _publish(text: str, out: str | None, note: bool) -> None:
    import os

    from privtravel.diagnostics import FatalError
    from privtravel.workflow import gitlab_api

    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        print(f"审核摘要已写入 {out}")
    else:
        sys.stdout.write(text)
    if not note:
        return
    client = gitlab_api.connect()
    if client is None:
        print(f"未配置 {gitlab_api.TOKEN_VARIABLE}：审核摘要只保存为作业产物，不发布到合并请求。")
        return
    project, iid = os.environ.get("CI_PROJECT_ID", ""), os.environ.get("CI_MERGE_REQUEST_IID", "")
    if not project or not iid.isdigit():
        raise FatalError(
            "发布审核摘要需要 CI_PROJECT_ID 和 CI_MERGE_REQUEST_IID（只在合并请求流水线中提供）。"
        )
    print(f"审核摘要{gitlab_api.upsert_note(client, project, int(iid), text)}到合并请求 !{iid}。")
