"""Units kept in their own repositories: each one's history of record (the merges of its main, with
merge request, merger and approvers) up to the commit the committee has taken in, and whether
`units sync` is refusing a newer head and since when.  Shown on the unit's page and in 审计记录,
next to the committee's own commits (whose pointer moves name the range they took in)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from privtravel.model import Campaign
from privtravel.site.pages.common import cell, html_table
from privtravel.units import history, mounts, state


@dataclass
class UnitRepo:
    code: str
    url: str
    pinned: str | None  # the commit the committee's HEAD pins
    entries: list[history.Entry]  # first-parent history of the unit's main up to ``pinned``
    refusal: state.Refusal | None


def read(root: Path, code: str) -> UnitRepo | None:
    """The unit's repository as the committee has taken it in; None for a plain folder."""
    mount = mounts.declared(root).get(code)
    if mount is None:
        return None
    pinned = mounts.pinned(root, "HEAD").get(code)
    entries = []
    if pinned is not None and mounts.is_mounted_here(root, code):
        entries = history.mainline(root / mount.path, pinned)
    return UnitRepo(code, mount.url, pinned, entries, state.read(root).get(code))


def _row(entry: history.Entry, name: str | None = None) -> list[str]:
    if entry.merge_request:
        how = cell(entry.short_mr)
    elif entry.merge:
        how = "合并（无合并请求记录）"
    else:
        how = "直接提交到 main"
    row = [
        entry.committed[:10],
        f"<code>{entry.sha[:8]}</code>",
        how,
        cell(entry.committer if entry.merge else entry.author),
        cell("、".join(entry.approved_by)),
        cell(entry.subject),
    ]
    return [cell(name), *row] if name is not None else row


HEAD = ["日期", "提交", "合并请求", "合并人/提交人", "审核通过", "说明"]


def refusal_text(refusal: state.Refusal) -> str:
    return (
        f"单位仓库 main 上的新版本 <code>{refusal.head[:8]}</code> 未被取用（{cell(refusal.reason)}），"
        f"自 {cell(refusal.since[:16].replace('T', ' '))} 起看板仍按上一个通过检查的版本 "
        f"<code>{refusal.kept[:8]}</code> 统计。"
    )


def refusal_notice(root: Path, code: str) -> list[str]:
    """At the top of the unit's page: the unit's newest version is not what the page shows."""
    mount = mounts.declared(root).get(code)
    refusal = state.read(root).get(code) if mount is not None else None
    if refusal is None:
        return []
    return ['!!! warning "单位仓库的新版本未被取用"', "", f"    {refusal_text(refusal)}", ""]


def unit_section(root: Path, code: str) -> list[str]:
    repo = read(root, code)
    if repo is None:
        return []
    lines = [
        "## 单位仓库的合并记录",
        "",
        f"本单位的填报保存在单位仓库 <code>{cell(repo.url)}</code> 中；委政治处取用的版本是 "
        f"<code>{(repo.pinned or '')[:8]}</code>。下表是单位仓库 main 上到这个版本为止的记录"
        "（经合并请求合并的列出合并请求、合并人和审核通过人；直接提交到 main 的单独标出）。",
        "",
    ]
    if repo.refusal is not None:
        lines += [
            f'<p class="unit-sync-refused"><strong>未取用</strong>：{refusal_text(repo.refusal)}</p>',
            "",
        ]
    if not repo.entries:
        return [*lines, "（单位仓库没有取出，无法列出记录）", ""]
    return [*lines, html_table(HEAD, [_row(e) for e in repo.entries]), ""]


def audit_section(root: Path, campaign: Campaign) -> list[str]:
    """All unit repositories' records, newest first, after the committee's own table."""
    repos = [r for u in campaign.units if (r := read(root, u.code)) is not None]
    if not repos:
        return []
    names = {u.code: u.name for u in campaign.units}
    lines = [
        "## 单位仓库的合并记录",
        "",
        "保存在各自单位仓库中的单位：上表中「units: take in」提交是委政治处取用单位仓库新版本的记录（提交说明写明"
        "提交范围和带进来的合并请求），下表是各单位仓库 main 上到所取用版本为止的记录。",
        "",
    ]
    for repo in repos:
        if repo.refusal is not None:
            lines += [f"- {cell(names[repo.code])}：{refusal_text(repo.refusal)}"]
    rows = sorted(
        ((e.committed, names[r.code], e) for r in repos for e in r.entries), key=lambda t: t[0], reverse=True
    )
    lines += ["", html_table(["单位", *HEAD], [_row(e, name) for _, name, e in rows]), ""]
    return lines
