"""The review as Markdown for the merge request: short for a one-line fix, complete (and collapsed)
for a unit's first submission.  Values are masked already (values.py); user text is masked again
and escaped here, and the whole summary once more as it leaves (privtravel.masking)."""

from __future__ import annotations

import re

from privtravel.load.layout import CAMPAIGN_FILE
from privtravel.masking import mask_text
from privtravel.workflow.gitlab_api import NOTE_MARKER
from privtravel.workflow.review import pending
from privtravel.workflow.review.changes import FigureChange, FindingChange, Item, Review, Section

INLINE_ITEMS = 6  # a section with more items (or lines) than this is collapsed
INLINE_LINES = 12
LIST_FILES = 5  # more changed files than this are collapsed

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    """Masked first (the stars of E******78 are then escaped too), then Markdown-escaped."""
    return _SPECIAL.sub(r"\\\1", mask_text(text))


def code(text: str) -> str:
    """A path as inline code (backslash escapes do not work there)."""
    return "`" + text.replace("`", "'") + "`"


def render(review: Review) -> str:
    out = [NOTE_MARKER, "## 审核摘要", ""]
    out += _pending(review)
    out += _overview(review)
    if review.campaign:
        out += _section(review.campaign, heading="###")
    for unit in review.units:
        out += [f"### {escape(unit.name)}（{unit.code}）", ""]
        for section in unit.sections:
            out += _section(section)
    if review.figures == [] and review.findings == []:
        out += ["附件2、附件3 的数字和比对核查发现的问题都没有变化。", ""]
    else:
        if review.figures is not None:
            out += _figures(review.figures)
        if review.findings is not None:
            out += _findings(review.findings)
    return mask_text("\n".join(out).rstrip("\n") + "\n")


def _pending(review: Review) -> list[str]:
    """The judge's notice: what the merge request changes besides data takes effect only once merged."""
    if review.head is None:
        return []
    if not review.pending:
        return [
            f"本合并请求（`{review.head}`）只改动了填报数据；检查和本摘要用的是合并基点的工具、schema 和配置。",
            "",
        ]
    groups = pending.kinds(review.pending)
    named = "、".join(
        f"{label}（{code(paths[0])}{' 等' if len(paths) > 1 else ''}）" for label, paths in groups
    )
    lines = [
        f"> **本合并请求修改了{named}，合并后才生效，须维护人员审核。**",
        ">",
        f"> 流水线的各项检查和本摘要用的是合并基点 `{review.base}` 的工具、schema 和配置，不是本合并请求（`{review.head}`）"
        "中的；本合并请求只提供填报数据（submissions/、inspections/）。",
    ]
    if CAMPAIGN_FILE in review.pending:
        lines += [">", f"> {CAMPAIGN_FILE}（时间节点、容许天数、单位和人员）的改动还须委政治处审核人员批准。"]
    lines += ["", f"<details><summary>数据以外改动的 {len(review.pending)} 个文件</summary>", ""]
    lines += [f"- {label}：{'、'.join(code(p) for p in paths)}" for label, paths in groups]
    return [*lines, "", "</details>", ""]


def _overview(review: Review) -> list[str]:
    names = "、".join(escape(u.name) for u in review.units)
    scope = f"，涉及 {len(review.units)} 个单位：{names}" if review.units else ""
    lines = [
        f"对比合并基点 `{review.base}` 与本合并请求：改动 {len(review.changed_files)} 个文件{scope}。",
        "",
    ]
    counted = "全部单位" if review.whole else "涉及的单位"
    checks = f"检查（{counted}）：本合并请求 {review.head_checks}；合并基点 {review.base_checks}。"
    if review.head_checks.errors:
        checks += "有错误的文件未参与比较，请先看「校验」作业的提示。"
    lines += [checks, ""]
    if not review.declarations_changed:
        lines += ["本合并请求没有改动填报内容。", ""]
    if review.other_files and review.head is None:
        files = [code(p) for p in review.other_files]
        lines += [
            f"**注意**：改动了 {len(files)} 个填报文件以外的文件（由维护人员审核）：{'、'.join(files)}",
            "",
        ]
    if len(review.changed_files) > LIST_FILES:
        lines += ["<details><summary>改动的文件</summary>", ""]
        lines += [f"- {code(p)}" for p in review.changed_files]
        lines += ["", "</details>", ""]
    return lines


def _item(item: Item) -> list[str]:
    head = f"- {item.op.value} {escape(item.subject)}"
    if len(item.details) == 1:
        return [f"{head}：{escape(item.details[0])}"]
    return [head] + [f"  - {escape(d)}" for d in item.details]


def _section(section: Section, heading: str = "") -> list[str]:
    body = [f"- {escape(n)}" for n in section.notes]
    for item in section.items:
        body += _item(item)
    title = escape(section.title)
    counts = section.counts()
    if len(section.items) > INLINE_ITEMS or len(body) > INLINE_LINES:
        summary = f"<b>{title}</b>：{counts}" if counts else f"<b>{title}</b>"
        return [f"<details><summary>{summary}</summary>", "", *body, "", "</details>", ""]
    head = f"{heading} {title}" if heading else f"**{title}**"
    return [head, "", *body, ""]


def _figures(changes: list[FigureChange]) -> list[str]:
    if not changes:
        return ["### 附件2、附件3", "", "统计表的数字没有变化。", ""]
    rows = ["| 表 | 地区、单位（部门） | 项目 | 原 | 现 |", "|---|---|---|---:|---:|"]
    for c in changes:
        old = "—" if c.old is None else escape(c.old)
        new = "—" if c.new is None else escape(c.new)
        rows.append(f"| {c.table} | {escape(c.row)} | {escape(c.column)} | {old} | {new} |")
    title = f"附件2、附件3 变化的数字（{len(changes)} 个）"
    if len(changes) > INLINE_LINES:
        return [f"<details><summary><b>{title}</b></summary>", "", *rows, "", "</details>", ""]
    return [f"### {title}", "", *rows, ""]


def _findings(changes: list[FindingChange]) -> list[str]:
    opened = [c for c in changes if c.opened]
    closed = [c for c in changes if not c.opened]
    if not changes:
        return ["### 比对核查发现", "", "比对核查发现的问题没有变化。", ""]
    out = ["### 比对核查发现", ""]
    out += [f"- 新发现 {escape(c.unit)}：{escape(c.text)}" for c in opened]
    out += [f"- 已消除 {escape(c.unit)}：{escape(c.text)}" for c in closed]
    return [*out, ""]
