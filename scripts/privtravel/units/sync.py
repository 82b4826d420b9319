"""`units sync`: take in each unit repository's main, if the committee's judge finds no error.

For each mounted unit: fetch its main; if it moved since the pinned commit, check it (committee's
campaign.yaml, schemas, rules; the unit's files only) and move the pointer in one commit per unit,
whose message names the unit, the commit range, and the merge requests and approvers it brings in.
A head with errors, or a main whose history was rewritten, is refused: the pointer stays at the last
good commit and ``units-sync.json`` records since when.  Nothing new, nothing committed.  The unit's
files and units-sync.json change in one all-or-nothing write (units/switch.py, privtravel.journal).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.load.layout import SUBMISSIONS
from privtravel.units import git, history, judge, mounts, state, switch

FETCH_THREADS = 8


@dataclass
class Outcome:
    taken: list[str] = field(default_factory=list)  # commit subjects
    refused: dict[str, state.Refusal] = field(default_factory=dict)  # newly refused this run
    unchanged: int = 0
    fetch_seconds: float = 0.0
    other_seconds: float = 0.0
    identity: dict[str, str] | None = None  # for the commits, when git has none configured
    failed: dict[str, str] = field(default_factory=dict)  # units whose main could not be fetched


def _fetch(repo: Path) -> str | FatalError:
    """The unit's remote main, or why it could not be fetched (one unit's outage stops no other)."""
    try:
        git.run(repo, "fetch", "-q", "--no-tags", "origin", "+refs/heads/main:refs/remotes/origin/main")
        return git.run(repo, "rev-parse", "refs/remotes/origin/main").strip()
    except FatalError as exc:
        return exc


def fetch_all(root: Path, codes: list[str]) -> dict[str, str | FatalError]:
    """Each unit's remote main, fetched a few at a time (the fetches wait on the network)."""
    for code in codes:
        if not mounts.is_mounted_here(root, code):
            raise FatalError(f"{SUBMISSIONS}/{code} 没有取出：请先运行 git submodule update --init。")
    with ThreadPoolExecutor(max_workers=FETCH_THREADS) as pool:
        heads = pool.map(lambda c: _fetch(root / SUBMISSIONS / c), codes)
        return dict(zip(codes, heads, strict=True))


def sync(root: Path, only: Iterable[str] | None = None, *, dry_run: bool = False) -> Outcome:
    declared = mounts.declared(root)
    codes = sorted(declared if only is None else only)
    unknown = [c for c in codes if c not in declared]
    if unknown:
        raise FatalError(f"这些单位不是单位仓库（.gitmodules 中没有）：{'、'.join(unknown)}。")
    if not dry_run and git.run(root, "diff", "--cached", "--name-only").strip():
        raise FatalError("暂存区中有未提交的改动：units sync 每个单位单独提交，请先提交或撤销这些改动。")
    outcome = Outcome(identity=_identity(root))
    started = time.perf_counter()
    heads = fetch_all(root, codes)
    outcome.fetch_seconds = time.perf_counter() - started
    started = time.perf_counter()
    pinned = mounts.pinned(root, "HEAD")
    refused = state.read(root)
    for code in codes:
        head, old = heads[code], pinned.get(code)
        if isinstance(head, FatalError):
            outcome.failed[code] = str(head)
            continue
        earlier = refused.get(code)
        if head == old or (earlier is not None and earlier.head == head):
            outcome.unchanged += 1
            continue
        _take_or_refuse(root, code, old, head, refused, outcome, dry_run)
    outcome.other_seconds = time.perf_counter() - started
    return outcome


def _take_or_refuse(
    root: Path,
    code: str,
    old: str | None,
    head: str,
    refused: dict[str, state.Refusal],
    outcome: Outcome,
    dry_run: bool,
) -> None:
    repo = root / SUBMISSIONS / code
    reason = ""
    errors = 0
    if old is not None and not git.ok(repo, "merge-base", "--is-ancestor", old, head):
        reason = "单位仓库 main 的历史被改写（已取用的版本不在新版本的历史中）"
    else:
        try:
            errors = len(judge.check(repo, code, root, commit=head).errors)
        except FatalError as exc:  # what cannot even be checked is not taken in either
            errors, reason = 1, f"无法检查：{exc}"
        if errors and not reason:
            reason = f"{errors} 个错误"
    if reason:
        now = _now()
        earlier = refused.get(code)
        since = earlier.since if earlier is not None else now
        refusal = state.Refusal(head, since, now, errors, reason, old or "")
        refused[code] = refusal
        outcome.refused[code] = refusal
        if not dry_run:
            state.write(root, refused)
            message = f"units: refuse {code} {head[:12]} ({reason}), keep {(old or '')[:12]}"
            git.run(root, "add", "--", state.STATE_FILE)
            git.run(root, "commit", "-q", "-m", message, "--", state.STATE_FILE, env=outcome.identity)
        return
    message = commit_message(root, code, old, head)
    outcome.taken.append(message.splitlines()[0])
    if dry_run:
        return
    paths = [f"{SUBMISSIONS}/{code}"]
    also: dict[str, str | bytes] = {}
    gone: list[str] = []
    if refused.pop(code, None) is not None:
        content = state.text(refused)
        if content is None:
            gone.append(state.STATE_FILE)
        else:
            also[state.STATE_FILE] = content
        paths.append(state.STATE_FILE)
    switch.switch(root, code, head, also, gone)  # every file of the step, or none (journal)
    git.run(root, "add", "-A", "--", *paths)
    git.run(root, "commit", "-q", "-m", message, "--", *paths, env=outcome.identity)


def commit_message(root: Path, code: str, old: str | None, head: str) -> str:
    from privtravel.diagnostics import Result
    from privtravel.load import repository

    repo = root / SUBMISSIONS / code
    campaign = repository.load_campaign(root, Result())
    unit = campaign.unit(code) if campaign is not None else None
    merges = [e for e in history.mainline(repo, head, old) if e.merge_request]
    n = history.count(repo, head, old)
    rng = f"{old[:12]}..{head[:12]}" if old else head[:12]
    lines = [
        f"units: take in {code} {rng} ({_plural(n, 'commit')}, {_plural(len(merges), 'merge request')})",
        "",
        f"Unit: {code} {unit.name if unit else ''}".rstrip(),
        f"Range: {old}..{head}" if old else f"Range: {head}",
    ]
    for e in reversed(merges):
        approvers = ", ".join(e.approved_by) if e.approved_by else "none recorded"
        lines.append(
            f"Merge request: {e.short_mr} merged by {e.committer}, approved by {approvers}: {e.subject}"
        )
    if not merges:
        lines.append("Merge requests: none (commits pushed straight to main)")
    return "\n".join(lines) + "\n"


SYNC_NAME, SYNC_EMAIL = "privtravel units sync", "units-sync@localhost"


def _identity(root: Path) -> dict[str, str] | None:
    """Commits need an identity: a scheduled job may have none configured; then say who wrote them."""
    if git.ok(root, "var", "GIT_COMMITTER_IDENT") and git.ok(root, "var", "GIT_AUTHOR_IDENT"):
        return None
    return {
        f"GIT_{role}_{what}": os.environ.get(f"GIT_{role}_{what}", value)
        for role in ("AUTHOR", "COMMITTER")
        for what, value in (("NAME", SYNC_NAME), ("EMAIL", SYNC_EMAIL))
    }


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _now() -> str:
    fixed = os.environ.get("PRIVTRAVEL_NOW")  # tests and reproducible runs
    return fixed or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def report(outcome: Outcome) -> str:
    lines = [f"取用：{line}" for line in outcome.taken]
    for code, r in sorted(outcome.refused.items()):
        lines.append(
            f"拒绝：{code} 的 {r.head[:12]}（{r.reason}），仍用 {r.kept[:12]}，自 {r.since} 起未能取用"
        )
    for code, message in sorted(outcome.failed.items()):
        lines.append(f"取回失败：{code}（{message}），本次不处理，仍用原来的版本")
    failed = f"，取回失败 {len(outcome.failed)} 个" if outcome.failed else ""
    lines.append(
        f"单位仓库：取用 {len(outcome.taken)} 个，拒绝 {len(outcome.refused)} 个，没有新版本 {outcome.unchanged} 个{failed}"
        f"（取回用时 {outcome.fetch_seconds:.1f} 秒，其余 {outcome.other_seconds:.1f} 秒）。"
    )
    return "\n".join(lines) + "\n"
