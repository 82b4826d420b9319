"""审计记录 and each unit's 提交记录: what reached main, how, confirmed by whom; data apart from tools."""

from __future__ import annotations

from privtravel.model import Campaign
from privtravel.site.audit import DIRECT, INITIAL, MERGE, MERGE_REQUEST, Entry
from privtravel.site.audit_confirm import CONFIRMED, DISPUTED
from privtravel.site.audit_trail import Trail
from privtravel.site.pages.common import WIDE_PAGE, cell, demo_note, html_table

_STATUS = {"A": "新增", "M": "修改", "D": "删除"}
HEAD = ["日期", "提交", "方式", "核实", "提交人", "合并人", "审核通过", "说明", "改动"]
_FOLD_FROM = 3  # subjects listed openly up to this many
_NAMED_UNITS = 3  # units named in the 改动 cell up to this many
_WARN = '<strong class="audit-flag">⚠ '


def _how(entry: Entry) -> str:
    if entry.kind == MERGE_REQUEST:
        return cell(f"合并请求 {entry.claim.merge_request}")
    if entry.kind == MERGE:
        return "手工合并后推送（无合并请求）"
    if entry.kind == INITIAL:
        return "初始提交"
    return "直接推送"


def _checked(trail: Trail, entry: Entry) -> str:
    verdict = trail.verdicts.get(entry.sha)
    if verdict is not None:
        text = verdict.status if verdict.status == CONFIRMED else f"{verdict.status}：{verdict.reason}"
        merger = verdict.record.merged_by if verdict.record is not None else None
        if (
            verdict.status == CONFIRMED
            and merger
            and trail.mergers is not None
            and merger not in trail.mergers
        ):
            return f"{cell(text)}<br>{_WARN}合并人不是 campaign.yaml 中的审核人员或维护人员</strong>"
        return f"{_WARN}{cell(text)}</strong>" if verdict.status == DISPUTED else cell(text)
    if entry.kind == DIRECT:
        note = "；提交说明自称经合并请求或写有批准人，不予采信" if entry.claims_in_message else ""
        return f"{_WARN}未经合并请求直接推送到 main{note}</strong>"
    if entry.kind == MERGE:
        return f"{_WARN}合并提交不是 GitLab 合并请求产生的</strong>"
    return ""


def _people(trail: Trail, entry: Entry) -> tuple[str, str, str]:
    """提交人, 合并人, 审核通过: from GitLab's record when confirmed, else from git (approvers only as claimed)."""
    verdict = trail.verdicts.get(entry.sha)
    authors = "、".join(dict.fromkeys(trail.person(n, e) for n, e in entry.writers()))
    c = entry.commit
    if verdict is not None and verdict.status == CONFIRMED and verdict.record is not None:
        record = verdict.record
        approvers = "、".join(trail.name(a) for a in record.approvers) or "无（GitLab 中没有批准记录）"
        by = trail.name(record.author)
        return (
            cell(f"{by}（提交作者：{authors}）" if by else authors),
            cell(trail.name(record.merged_by)),
            cell(approvers),
        )
    if entry.kind == MERGE_REQUEST and (verdict is None or verdict.status != DISPUTED):
        claimed = "、".join(entry.claim.approvers)
        return (
            cell(authors),
            cell(trail.person(c.committer, c.committer_email)),
            cell(f"{claimed}（仅见于合并提交说明）" if claimed else ""),
        )
    merger = trail.person(c.committer, c.committer_email) if entry.is_merge else ""
    return cell(authors), cell(merger), ""


def _description(trail: Trail, entry: Entry) -> str:
    verdict = trail.verdicts.get(entry.sha)
    record = verdict.record if verdict is not None and verdict.status == CONFIRMED else None
    title = record.title if record is not None else entry.claim.title if entry.is_merge else None
    subjects = entry.subjects()
    if title is not None and subjects == [title]:
        subjects = []
    parts = [f"<strong>{cell(title)}</strong>"] if title else []
    if len(subjects) > _FOLD_FROM:
        items = "<br>".join(cell(s) for s in subjects)
        parts.append(f"<details><summary>{len(subjects)} 个提交</summary>{items}</details>")
    elif subjects:
        parts.append("<br>".join(cell(s) for s in subjects))
    return "<br>".join(parts)


def _files_text(files: list[tuple[str, str]]) -> str:
    counts: dict[str, int] = {}
    for status, _ in files:
        label = _STATUS.get(status, "改动")
        counts[label] = counts.get(label, 0) + 1
    return "，".join(f"{k} {v} 个文件" for k, v in counts.items())


def _units_text(campaign: Campaign, entry: Entry) -> str:
    names = []
    for code in sorted(entry.units()):
        unit = campaign.unit(code)
        names.append(unit.name if unit is not None else code)
    if len(names) > _NAMED_UNITS:
        names = [f"{names[0]}等 {len(names)} 个单位"]
    others = sorted({p.split("/", 1)[0] for _, p in entry.data_files() if not p.startswith("submissions/")})
    return "、".join([*names, *others])


def _row(trail: Trail, entry: Entry, files: list[tuple[str, str]], where: str) -> list[str]:
    submitter, merger, approvers = _people(trail, entry)
    changed = _files_text(files) + (f"（{cell(where)}）" if where else "")
    return [
        cell(entry.commit.committed[:10]),
        f"<code>{entry.sha[:8]}</code>",
        _how(entry),
        _checked(trail, entry),
        submitter,
        merger,
        approvers,
        _description(trail, entry),
        changed,
    ]


def unit_section(trail: Trail, unit: str) -> list[str]:
    """The unit page's 提交记录: every entry that changed the unit's folder."""
    lines = ["## 提交记录", ""]
    entries = trail.units.get(unit, [])
    if not entries:
        return [*lines, "（不在 git 仓库中或尚无提交记录）", ""]
    rows = []
    for entry in entries:
        row = _row(trail, entry, entry.data_files(unit), "")
        rows.append([*row, cell("、".join(entry.people(unit)))])
    return [*lines, cell(trail.source), "", html_table([*HEAD, "涉及人员"], rows), ""]


def _flags(trail: Trail) -> list[str]:
    direct = [e for e in trail.entries if e.kind in (DIRECT, MERGE)]
    disputed = [
        e for e in trail.entries if (v := trail.verdicts.get(e.sha)) is not None and v.status == DISPUTED
    ]
    pretending = [e for e in trail.entries if e.claims_in_message]
    if not (direct or disputed or pretending):
        return ["main 上的每一次改动都经合并请求合并。", ""]
    lines = ["## 需要注意", ""]
    if direct:
        data = sum(1 for e in direct if e.data_files())
        lines.append(
            f"- **{len(direct)} 个提交未经合并请求直接推送到 main**（其中 {data} 个改动了填报或数据）："
            "没有经过流水线检查和审核。main 应设为受保护分支、不允许推送（`privtravel gitlab doctor` 可检查）。"
        )
    if disputed:
        lines.append(
            f"- **{len(disputed)} 个合并与 GitLab 记录不符**：提交说明里的合并请求或批准人不能作为审核依据。"
        )
    if pretending:
        lines.append(
            f"- **{len(pretending)} 个提交的说明自称经合并请求或写有批准人**，但它们不是 main 上由 GitLab 产生的合并提交，"
            "所写内容不作为审核记录。"
        )
    return [*lines, ""]


def audit_page(campaign: Campaign, trail: Trail, computed_from: str) -> str:
    lines = [
        *WIDE_PAGE,
        "# 审计记录",
        "",
        demo_note(campaign),
        "每一次填报、更正和审核都是仓库里的一次提交。只有 GitLab 合并一个合并请求时在 main 上写下的合并提交"
        "（main 第一父提交链上的合并提交）才算经过审核；单位自己的提交说明里写的「See merge request」"
        "「Approved-by」一律不作为审核记录。直接推送到 main 的提交单独标出。",
        "",
        f"**核实情况**：{cell(trail.source)}",
        "",
        f"看板数据来源：{cell(computed_from)}",
        "",
    ]
    if not trail.entries:
        return "\n".join([*lines, "（不在 git 仓库中或尚无提交记录）", ""])
    lines += _flags(trail)
    data = [e for e in trail.entries if e.data_files()]
    tools = [e for e in trail.entries if e.tool_files()]
    lines += ["## 填报和数据的改动", ""]
    lines.append(
        "各单位的填报（`submissions/`）、检查组的检查情况（`inspections/`）、`campaign.yaml` 和公安数据（`police/`）的改动。"
    )
    lines.append("")
    if data:
        rows = [_row(trail, e, e.data_files(), _units_text(campaign, e)) for e in data]
        lines += [html_table(HEAD, rows), ""]
    else:
        lines += ["（尚无）", ""]
    lines += ["## 工具和配置的改动", ""]
    lines.append("工具、schema、看板和流水线等的改动（由维护人员审核），与填报分开列出。")
    lines.append("")
    if tools:
        rows = [_row(trail, e, e.tool_files(), "") for e in tools]
        table = html_table(HEAD, rows)
        lines += [f"<details><summary>共 {len(tools)} 项</summary>\n\n{table}\n\n</details>", ""]
    else:
        lines += ["（尚无）", ""]
    return "\n".join(lines)
