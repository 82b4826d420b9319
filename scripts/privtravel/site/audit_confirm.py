"""Confirm the audit trail's merge requests against GitLab's own records.

A merge commit's message is written by GitLab, but the person merging may edit it, and anyone who can
push to main can write one.  With a token, each claimed merge request is looked up: it must exist,
be merged into the default branch, and GitLab's merge commit for it must be this very commit; the
approvers, the author and who merged then come from GitLab.  Without a token the claims stay
「仅见于合并提交说明」.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from privtravel.site.audit import MERGE_REQUEST, Entry

CONFIRMED = "已核实"
CLAIMED = "仅见于合并提交说明"
DISPUTED = "与 GitLab 记录不符"
UNCHECKED = "无法核实"


@dataclass(frozen=True, slots=True)
class Recorded:
    """What GitLab records about one merge request (usernames, not display names)."""

    iid: int
    title: str
    state: str
    target_branch: str
    merge_commit_sha: str | None
    squash_commit_sha: str | None
    author: str | None
    merged_by: str | None
    approvers: tuple[str, ...]
    web_url: str = ""

    @classmethod
    def from_api(cls, mr: Mapping[str, Any], approvals: Mapping[str, Any]) -> Recorded:
        """From GET /projects/:id/merge_requests/:iid and its /approvals, as GitLab documents them."""

        def username(user: object) -> str | None:
            return str(user["username"]) if isinstance(user, dict) and user.get("username") else None

        approvers = [
            username(a.get("user")) for a in approvals.get("approved_by") or [] if isinstance(a, dict)
        ]
        return cls(
            iid=int(mr["iid"]),
            title=str(mr.get("title") or ""),
            state=str(mr.get("state") or ""),
            target_branch=str(mr.get("target_branch") or ""),
            merge_commit_sha=mr.get("merge_commit_sha") or None,
            squash_commit_sha=mr.get("squash_commit_sha") or None,
            author=username(mr.get("author")),
            merged_by=username(mr.get("merge_user") or mr.get("merged_by")),
            approvers=tuple(sorted(a for a in approvers if a)),
            web_url=str(mr.get("web_url") or ""),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str  # CONFIRMED, CLAIMED, DISPUTED or UNCHECKED
    reason: str = ""
    record: Recorded | None = None


class LookupFailed(Exception):
    """GitLab could not be asked (network, token); the message is Chinese and names no secret."""


# lookup(iid) -> the record, or None when the project has no such merge request
Lookup = Callable[[int], Recorded | None]


def confirm(
    entries: list[Entry], lookup: Lookup | None, *, default_branch: str = "main", project_path: str = ""
) -> dict[str, Verdict]:
    """A verdict for every merge-request entry, by commit; without ``lookup`` all are CLAIMED."""
    verdicts: dict[str, Verdict] = {}
    failed: str | None = None
    for entry in entries:
        if entry.kind != MERGE_REQUEST:
            continue
        if lookup is None:
            verdicts[entry.sha] = Verdict(CLAIMED, "未配置 GitLab 令牌，未经 GitLab 核实")
            continue
        if failed is not None:  # one failure (network, token) is not retried for every entry
            verdicts[entry.sha] = Verdict(UNCHECKED, failed)
            continue
        try:
            verdicts[entry.sha] = _judge(entry, lookup, default_branch, project_path)
        except LookupFailed as exc:
            failed = str(exc)
            verdicts[entry.sha] = Verdict(UNCHECKED, failed)
    return verdicts


def _judge(entry: Entry, lookup: Lookup, default_branch: str, project_path: str) -> Verdict:
    claimed = entry.claim.merge_request or ""
    path = claimed.rsplit("!", 1)[0]
    if path and project_path and path.casefold() != project_path.casefold():
        return Verdict(DISPUTED, f"提交说明写的是另一个项目（{path}）的合并请求")
    iid = entry.claim.iid
    assert iid is not None
    record = lookup(iid)
    if record is None:
        return Verdict(DISPUTED, f"GitLab 中没有合并请求 !{iid}")
    if record.state != "merged":
        return Verdict(DISPUTED, f"GitLab 中合并请求 !{iid} 的状态是「{record.state}」，没有合并", record)
    if record.target_branch != default_branch:
        return Verdict(
            DISPUTED, f"合并请求 !{iid} 合并到的是 {record.target_branch}，不是 {default_branch}", record
        )
    if entry.sha not in (record.merge_commit_sha, record.squash_commit_sha):
        made = (record.merge_commit_sha or "（无）")[:8]
        return Verdict(DISPUTED, f"GitLab 记录的合并请求 !{iid} 的合并提交是 {made}，不是这个提交", record)
    return Verdict(CONFIRMED, "", record)
