"""The review summary of a roll-up merge request: what it changes in members' status, their figures and
the 合计, and what is wrong in the files it brings (Markdown for the merge request)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.rollup import config, members, table
from privtravel.rollup.report import line
from privtravel.stats.compute import Statistics
from privtravel.stats.table import RowKind, Value
from privtravel.workflow import gitrepo


def _computed(root: Path) -> tuple[members.Gathered, Statistics]:
    gathered = members.gather(root, config.load(root))
    return gathered, table.statistics(root, gathered)


def _shown(value: Value) -> str:
    return "（空）" if value is None else str(value)


def summary(root: Path, base_ref: str) -> str:
    base = gitrepo.merge_base(root, base_ref)
    with tempfile.TemporaryDirectory(prefix="privtravel-rollup-base-") as tmp:
        if not gitrepo.extract(root, base, [config.CONFIG_FILE, config.MEMBERS], Path(tmp)):
            raise FatalError(f"合并基点中没有 {config.CONFIG_FILE}。")
        before, before_stats = _computed(Path(tmp))
    after, after_stats = _computed(root)
    changed = {
        p.split("/")[1] for p in gitrepo.changed_paths(root, base) if p.startswith(f"{config.MEMBERS}/")
    }
    lines = [
        "## 审核摘要（统计汇总）",
        "",
        f"对比合并基点 `{gitrepo.short(root, base)}` 与本合并请求：改动了 {len(changed)} 个成员的文件夹。",
        "",
    ]
    old_states = {s.member.code: s for s in before.states}
    for state in after.states:
        code = state.member.code
        if code not in changed:
            continue
        old = old_states.get(code)
        was = old.status.value if old is not None else "（新成员）"
        lines += [f"### {state.member.name}（{code}）", "", f"状态：{was} → {state.status.value}", ""]
        errors = [d for d in state.diagnostics if d.is_error]
        if errors:
            lines += [f"有 {len(errors)} 个错误，合并后此成员不计入汇总：", ""]
            lines += [f"- `{line(d)}`" for d in errors[:50]]
            lines += ["- ……"] if len(errors) > 50 else []
            lines.append("")
        lines += _differences(before_stats, after_stats, code)
    lines += ["### 合计", ""]
    total = _differences(before_stats, after_stats, None)
    lines += total if total else ["合计没有变化。", ""]
    return "\n".join(lines)


def _differences(before: Statistics, after: Statistics, code: str | None) -> list[str]:
    rows = []
    for old_table, new_table in zip(before.tables, after.tables, strict=True):
        old_rows = {r.id: r for r in old_table.rows}
        for row in new_table.rows:
            if (code is None and row.kind is not RowKind.TOTAL) or (code is not None and row.id != code):
                continue
            old = old_rows.get(row.id)
            for column in new_table.spec.data_columns:
                was = old.cells[column.key].value if old is not None and column.key in old.cells else None
                now = row.cells[column.key].value
                if was != now:
                    rows.append(
                        f"| {new_table.spec.attachment} | {'-'.join(column.path)} | {_shown(was)} | {_shown(now)} |"
                    )
    if not rows:
        return []
    return ["| 表 | 列 | 合并前 | 合并后 |", "|---|---|--:|--:|", *rows, ""]
