"""The roll-up's audit trail: main's first-parent history (site/audit.py) restricted to rollup.yaml and
members/, shown per member.  Merge requests and approvals named only in a merge commit's message are
marked as such, as on the committee's dashboard."""

from __future__ import annotations

from pathlib import Path

from privtravel.load.layout import path_parts
from privtravel.rollup.config import CONFIG_FILE, MEMBERS
from privtravel.site.audit import DIRECT, INITIAL, MERGE, MERGE_REQUEST, Entry, read_log
from privtravel.site.pages.common import cell, html_table

HOW = {
    MERGE_REQUEST: "合并请求",
    MERGE: "手工合并（未经合并请求）",
    DIRECT: "直接推送到 main",
    INITIAL: "初始提交",
}
HEAD = ["日期", "提交", "方式", "提交人", "审核通过（仅见于合并提交说明）", "说明", "改动"]


def member_of(path: str) -> str | None:
    parts = path_parts(path)
    return parts[1] if len(parts) >= 2 and parts[0] == MEMBERS else None


def entries(root: Path) -> list[Entry]:
    """Entries that changed the roll-up's data: rollup.yaml or a member's folder (newest first)."""
    return [e for e in read_log(root) if any(p == CONFIG_FILE or member_of(p) for _, p in e.files)]


def _row(entry: Entry, code: str | None) -> list[str]:
    files = [
        p for _, p in entry.files if (member_of(p) == code if code else (p == CONFIG_FILE or member_of(p)))
    ]
    how = HOW.get(entry.kind, entry.kind)
    if entry.claim.merge_request:
        how += f" {entry.claim.merge_request}"
    return [
        cell(entry.commit.committed[:10]),
        f"<code>{entry.sha[:8]}</code>",
        cell(how),
        cell("、".join(entry.authors())),
        cell("、".join(entry.claim.approvers)),
        cell("；".join(entry.subjects())),
        cell("、".join(files)),
    ]


def table(found: list[Entry], code: str | None = None) -> str:
    chosen = [e for e in found if code is None or any(member_of(p) == code for _, p in e.files)]
    if not chosen:
        return "（不在 git 仓库中或尚无提交记录）"
    return html_table(HEAD, [_row(e, code) for e in chosen])


def page(found: list[Entry], source: str) -> str:
    return "\n".join(
        [
            "# 审计记录",
            "",
            "每一次报送、更正和审核都是汇总仓库 main 分支上的一次提交。下表按时间倒序列出改动过 rollup.yaml "
            "或成员文件夹的全部提交；「直接推送到 main」的提交没有经过合并请求审核。",
            "",
            f"看板数据来源：{cell(source)}",
            "",
            table(found),
            "",
        ]
    )
