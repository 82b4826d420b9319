"""The GitLab API through python-gitlab: group members, and the review summary as a merge-request note.

Configured from the CI environment: ``CI_SERVER_URL`` (or ``CI_API_V4_URL``), and the token in
``PRIVTRAVEL_GITLAB_TOKEN`` (a project access token, role Reporter, scope ``api``).  The token never
appears in a message.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from privtravel.diagnostics import FatalError

if TYPE_CHECKING:
    import gitlab

TOKEN_VARIABLE = "PRIVTRAVEL_GITLAB_TOKEN"
NOTE_MARKER = "<!-- privtravel-review -->"


def server_url(env: Mapping[str, str]) -> str | None:
    if env.get("CI_SERVER_URL"):
        return env["CI_SERVER_URL"]
    api = env.get("CI_API_V4_URL", "")
    return api.removesuffix("/api/v4") or None


def connect(env: Mapping[str, str] | None = None) -> gitlab.Gitlab | None:
    """A client when both the server and the token are configured, else None."""
    env = os.environ if env is None else env
    token = env.get(TOKEN_VARIABLE)
    url = server_url(env)
    if not token or not url:
        return None
    import gitlab

    return gitlab.Gitlab(url, private_token=token, timeout=30, retry_transient_errors=True)


def _fail(what: str, exc: Exception) -> FatalError:
    code = getattr(exc, "response_code", None)
    reason = f"HTTP {code}" if code else type(exc).__name__
    hint = "（检查 PRIVTRAVEL_GITLAB_TOKEN 是否有效、是否有 api 权限）" if code in (401, 403) else ""
    return FatalError(f"调用 GitLab 接口{what}失败：{reason}{hint}")


def members_of(client: gitlab.Gitlab, handle: str) -> frozenset[str] | None:
    """The usernames of a group (with inherited members); None when no such group exists."""
    import gitlab

    try:
        group = client.groups.get(handle.lstrip("@"))
        return frozenset(m.username for m in group.members_all.list(iterator=True))
    except gitlab.GitlabGetError as exc:
        if exc.response_code == 404:
            return None
        raise _fail(f"（查询群组 {handle} 的成员）", exc) from exc
    except (gitlab.GitlabError, OSError) as exc:
        raise _fail(f"（查询群组 {handle} 的成员）", exc) from exc


def upsert_note(client: gitlab.Gitlab, project: str, merge_request: int, body: str) -> str:
    """Post ``body`` (which carries NOTE_MARKER) on the merge request, replacing our earlier note.

    Returns 已更新 or 已发布.
    """
    import gitlab

    try:
        mr = client.projects.get(project, lazy=True).mergerequests.get(merge_request, lazy=True)
        for note in mr.notes.list(iterator=True, sort="asc", order_by="created_at"):
            if not note.system and NOTE_MARKER in note.body:
                note.body = body
                note.save()
                return "已更新"
        mr.notes.create({"body": body})
        return "已发布"
    except (gitlab.GitlabError, OSError) as exc:
        raise _fail(f"（在合并请求 !{merge_request} 发布审核摘要）", exc) from exc


def project_of(client: gitlab.Gitlab, project: str) -> dict[str, Any]:
    """GET /projects/:id as GitLab documents it (path_with_namespace, default_branch, settings …)."""
    import gitlab

    try:
        found = client.http_get(f"/projects/{quote(str(project), safe='')}")
    except (gitlab.GitlabError, OSError) as exc:
        raise _fail(f"（读取项目 {project}）", exc) from exc
    if not isinstance(found, dict):
        raise FatalError(f"调用 GitLab 接口（读取项目 {project}）失败：回答不是项目")
    return found


def merge_request_with_approvals(
    client: gitlab.Gitlab, project: str, iid: int
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """GET /projects/:id/merge_requests/:iid and its /approvals; None when there is no such merge request."""
    import gitlab

    base = f"/projects/{quote(str(project), safe='')}/merge_requests/{iid}"
    try:
        mr = client.http_get(base)
    except gitlab.GitlabHttpError as exc:
        if exc.response_code == 404:
            return None
        raise _fail(f"（读取合并请求 !{iid}）", exc) from exc
    except (gitlab.GitlabError, OSError) as exc:
        raise _fail(f"（读取合并请求 !{iid}）", exc) from exc
    try:
        approvals = client.http_get(f"{base}/approvals")
    except (gitlab.GitlabError, OSError) as exc:
        raise _fail(f"（读取合并请求 !{iid} 的批准人）", exc) from exc
    if not isinstance(mr, dict) or not isinstance(approvals, dict):
        raise FatalError(f"调用 GitLab 接口（读取合并请求 !{iid}）失败：回答的格式不对")
    return mr, approvals


def api_failure(what: str, exc: Exception) -> FatalError:
    """A failed API call as a clear stop, for the other workflow modules (the token never shown)."""
    return _fail(what, exc)
