"""审计记录: who submitted what, through which merge request, approved and merged by whom, when."""

from __future__ import annotations

from privtravel.model import Campaign
from privtravel.site.audit import Commit
from privtravel.site.pages.common import cell, demo_note, html_table

_STATUS = {"A": "新增", "M": "修改", "D": "删除"}


def _row(commit: Commit, unit: str | None) -> list[str]:
    files = [(s, p) for s, p in commit.files if unit is None or p.startswith(f"submissions/{unit}/")]
    mr = commit.merge_request or "直接提交"
    row = [
        commit.committed[:10],
        f"<code>{commit.sha[:8]}</code>",
        cell(mr),
        cell(commit.author),
        cell(commit.merged_by or ""),
        cell("、".join(commit.approved_by)),
        cell(commit.subject),
        _files_text(files),
    ]
    return [*row, cell("、".join(commit.people(unit)))] if unit else row


def _files_text(files: list[tuple[str, str]]) -> str:
    counts: dict[str, int] = {}
    for status, _ in files:
        label = _STATUS.get(status, "改动")
        counts[label] = counts.get(label, 0) + 1
    return "，".join(f"{k} {v} 个文件" for k, v in counts.items())


HEAD = ["日期", "提交", "合并请求", "提交人", "合并人", "审核通过", "说明", "文件"]


def unit_section(commits: list[Commit], unit: str) -> list[str]:
    lines = ["## 提交记录", ""]
    if not commits:
        return [*lines, "（不在 git 仓库中或尚无提交记录）", ""]
    return [*lines, html_table([*HEAD, "涉及人员"], [_row(c, unit) for c in commits]), ""]


def audit_page(campaign: Campaign, commits: list[Commit], computed_from: str) -> str:
    lines = [
        "# 审计记录",
        "",
        demo_note(campaign),
        "每一次填报、更正和审核都是仓库里的一次提交。下表按时间倒序列出改动过填报文件的全部提交"
        "（经合并请求合并的，列出合并请求编号、提交人、合并人和审核通过人）。",
        "",
        f"看板数据来源：{cell(computed_from)}",
        "",
    ]
    if not commits:
        return "\n".join([*lines, "（不在 git 仓库中或尚无提交记录）", ""])
    lines += [html_table(HEAD, [_row(c, None) for c in commits]), ""]
    return "\n".join(lines)
