"""Run every check on a snapshot and print the findings, unsafe ones first, each with its fix."""

from __future__ import annotations

from collections.abc import Callable

from privtravel.model import Campaign
from privtravel.workflow.doctor import access_checks, project_checks, source_checks, token_checks
from privtravel.workflow.doctor.fetch import Snapshot
from privtravel.workflow.doctor.findings import FAILING, GAP, GOOD, NOTE, Finding, Roles

Check = Callable[[Snapshot, Roles], list[Finding]]

CHECKS: tuple[Check, ...] = (
    project_checks.visibility,
    project_checks.protected_main,
    project_checks.merge_method,
    project_checks.pipelines,
    source_checks.pipeline_source,
    access_checks.approvals,
    access_checks.variables,
    token_checks.job_token,
    token_checks.ci_token,
    token_checks.cache_key,
    access_checks.members,
)

_MARK = {GOOD: "✓", NOTE: "·", GAP: "△"}


def examine(snapshot: Snapshot, campaign: Campaign | None) -> list[Finding]:
    roles = Roles(campaign, snapshot)
    return [finding for check in CHECKS for finding in check(snapshot, roles)]


def text(snapshot: Snapshot, findings: list[Finding]) -> str:
    failing = [f for f in findings if f.level in FAILING]
    version = snapshot.metadata.get("version")
    lines = [
        f"GitLab 项目 {snapshot.path}（默认分支 {snapshot.default_branch}"
        + (f"，GitLab {version}）" if version else "）"),
        "",
    ]
    if failing:
        lines += [f"有 {len(failing)} 项不安全的设置：", ""]
        for n, f in enumerate(failing, 1):
            lines.append(f"{n}. 【{f.topic}】{'（' + f.level + '）' if f.level != '不安全' else ''}{f.text}")
            if f.fix:
                lines.append(f"   改法：{f.fix}")
        lines.append("")
    gaps = [f for f in findings if f.level == GAP]
    if gaps:
        lines += ["本 GitLab 没有的功能和替代办法：", ""]
        for f in gaps:
            lines.append(f"{_MARK[GAP]} 【{f.topic}】{f.text}")
            if f.fix:
                lines.append(f"  替代：{f.fix}")
        lines.append("")
    rest = [f for f in findings if f.level in (GOOD, NOTE)]
    if rest:
        lines += ["其他检查结果：", ""]
        for f in rest:
            lines.append(f"{_MARK[f.level]} 【{f.topic}】{f.text}" + (f" {f.fix}" if f.fix else ""))
        lines.append("")
    lines.append(
        f"结论：有 {len(failing)} 项不安全，请按「改法」修改后再运行 privtravel gitlab doctor。"
        if failing
        else "结论：没有发现不安全的设置。"
    )
    return "\n".join(lines) + "\n"
