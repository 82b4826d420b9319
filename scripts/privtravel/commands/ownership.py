"""ownership: the paths a merge request changes must all belong to its author (CI runs it on every MR)."""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from privtravel.diagnostics import FatalError

if TYPE_CHECKING:
    from privtravel.model import Campaign
    from privtravel.workflow.owners import Owner

HELP = "检查提交权限：合并请求改动的文件都属于提交人负责的单位（或提交人是维护人员）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base", required=True, help="对比基准（分支或提交）；CI 中为 $CI_MERGE_REQUEST_DIFF_BASE_SHA"
    )
    parser.add_argument(
        "--head",
        metavar="提交",
        help="被审核的提交（默认是当前工作区，包括未提交的改动）；CI 中为合并请求的提交",
    )
    parser.add_argument("--user", help="提交人的 GitLab 用户名（默认取 $GITLAB_USER_LOGIN）")
    parser.add_argument(
        "--member-of",
        action="append",
        default=[],
        metavar="群组",
        help="提交人所属的 GitLab 群组（可重复；也可用 $PRIVTRAVEL_USER_GROUPS，逗号分隔）",
    )


def run(args: argparse.Namespace) -> int:
    from privtravel.load.layout import CAMPAIGN_FILE
    from privtravel.workflow.config import load_campaign

    return judge(args, CAMPAIGN_FILE, lambda folder: load_campaign(folder, "合并基点的 "))


def judge(
    args: argparse.Namespace,
    config_file: str,
    load: Callable[[Path], Campaign],
    owner: Callable[[Campaign, str], Owner] | None = None,
) -> int:
    """The check, with who-owns-what read from ``config_file`` at the merge base by ``load``
    (a roll-up passes rollup.yaml and its own ``owner``: members' folders instead of units')."""
    from privtravel.workflow import gitlab_api, gitrepo, identity, membership, ownership
    from privtravel.workflow.owners import owner_of

    owns = owner or owner_of
    root = Path(args.root)
    env = os.environ
    identity.overrides_refused(env, args.member_of)
    login = args.user or env.get("GITLAB_USER_LOGIN", "")
    if not login:
        raise FatalError("请用 --user 指定提交人的 GitLab 用户名（CI 中由 GITLAB_USER_LOGIN 提供）。")
    groups = [*args.member_of, *filter(None, env.get(identity.GROUPS_VARIABLE, "").split(","))]
    base = gitrepo.merge_base(root, args.base)
    head = gitrepo.commit(root, args.head) if args.head else None
    paths = gitrepo.changed_paths(root, base, head)
    with tempfile.TemporaryDirectory(prefix="privtravel-base-") as tmp:
        if not gitrepo.extract(root, base, [config_file], Path(tmp)):
            raise FatalError(
                f"合并基点 {gitrepo.short(root, base)} 中没有 {config_file}，无法确定各单位的填报人员。"
            )
        campaign = load(Path(tmp))
    client = gitlab_api.connect()

    def member_for(who: str) -> membership.Member:
        if client is None:
            return membership.static(who, groups if who == login else ())
        return membership.with_lookup(
            who, groups if who == login else (), lambda h: gitlab_api.members_of(client, h)
        )

    people = identity.people(login, env, client)
    verdicts = [ownership.check(campaign, paths, p.login, member_for(p.login), owns) for p in people]
    for person, verdict in zip(people, verdicts, strict=True):
        recorded = "（GitLab 记录）" if person.recorded else ""
        print(ownership.explain(verdict, lookup=client is not None, who=person.role + recorded))
    ok = all(v.ok for v in verdicts)
    if identity.in_ci(env) and client is None:
        print(
            f"未配置 {gitlab_api.TOKEN_VARIABLE}：合并请求的作者无法从 GitLab 确认，只检查了运行流水线的用户"
            "（README「维护人员」第 7 项）。"
        )
    commits = identity.commits(root, base, head)
    if client is not None:
        identity.match_authors(commits, env, lambda e: identity.user_by_email(client, e))
    else:
        identity.match_authors(commits, env, lambda e: None)
    # maintainers may bring in commits others wrote (and answer for them); nobody else may
    vouched = all(v.maintainer for v in verdicts)
    refused = (
        []
        if vouched
        else ownership.check_commits(campaign, paths, commits, [p.login for p in people], member_for, owns)
    )
    listing = ownership.explain_commits(commits, refused, lookup=client is not None)
    if listing:
        print(listing)
    return 0 if ok and not refused else 1
