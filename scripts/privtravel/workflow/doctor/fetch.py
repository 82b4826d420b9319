"""One snapshot of a GitLab project's settings, read through the REST API with python-gitlab.

Every answer is kept with its HTTP status, so that the checks can tell "off" from "this tier has no
such setting" (403/404) from "the token may not read it".  Only the project itself is required.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from privtravel.diagnostics import FatalError
from privtravel.workflow.gitlab_api import TOKEN_VARIABLE

if TYPE_CHECKING:
    import gitlab

CODEOWNERS_PATHS = ("CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")


@dataclass(frozen=True, slots=True)
class Answer:
    """An endpoint's JSON, or the HTTP status that stopped it (0: no answer at all)."""

    data: Any = None
    status: int = 200

    @property
    def ok(self) -> bool:
        return self.status == 200

    def items(self) -> list[dict[str, Any]]:
        return (
            [d for d in self.data if isinstance(d, dict)] if self.ok and isinstance(self.data, list) else []
        )

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if self.ok and isinstance(self.data, dict) else default


@dataclass(frozen=True, slots=True)
class PipelineSource:
    """Where ``ci_config_path`` says the pipeline definition lives."""

    raw: str
    file: str
    project: str | None  # group/project after @, None when the file is in this project
    ref: str | None  # after : (a branch or tag), None for that project's default branch
    about: Answer = Answer(None, 0)  # GET /projects/:that
    protected: Answer = Answer(None, 0)  # its protected branches
    tags: Answer = Answer(None, 0)  # its protected tags (a tag named like the ref would shadow it)
    file_found: Answer = Answer(None, 0)  # GET …/repository/files/:file?ref=…
    members: Answer = Answer(None, 0)  # who can change it


@dataclass
class Snapshot:
    project: dict[str, Any]
    metadata: Answer
    protected: Answer
    tags: Answer
    approval_rules: Answer
    approvals: Answer
    variables: Answer
    group_variables: Answer
    members: Answer
    job_token: Answer
    allowlist: Answer
    codeowners: str | None  # the path of the CODEOWNERS file on the default branch
    source: PipelineSource | None
    groups: dict[str, Answer] = field(default_factory=dict)  # handle -> its members (with inherited)
    ci_token: Answer = Answer(None, 0)  # /personal_access_tokens/self, asked with the CI variable's token
    ci_token_member: Answer = Answer(None, 0)  # that token's user in this project (its role)

    @property
    def path(self) -> str:
        return str(self.project.get("path_with_namespace") or self.project.get("id") or "")

    @property
    def default_branch(self) -> str:
        return str(self.project.get("default_branch") or "main")


def _enc(value: object) -> str:
    return quote(str(value), safe="")


def get(client: gitlab.Gitlab, path: str, *, many: bool = False, **query: str) -> Answer:
    """GET one endpoint; a list (``many``) is read whole, every page."""
    import gitlab
    import requests

    try:
        if many:
            return Answer(list(client.http_list(path, query_data=query or None, get_all=True)))
        return Answer(client.http_get(path, query_data=query or None))
    except gitlab.GitlabHttpError as exc:
        return Answer(None, exc.response_code or 0)
    except gitlab.GitlabAuthenticationError as exc:
        return Answer(None, exc.response_code or 401)
    except (gitlab.GitlabError, requests.RequestException, OSError):
        return Answer(None, 0)


def parse_source(raw: str | None) -> PipelineSource | None:
    """``.gitlab-ci.yml@group/project:main`` → file, project, ref; None when the setting is empty."""
    text = (raw or "").strip()
    if not text:
        return None
    file, at, rest = text.partition("@")
    if not at:
        return PipelineSource(text, text, None, None)
    project, colon, ref = rest.partition(":")
    return PipelineSource(text, file, project.strip() or None, ref.strip() if colon and ref.strip() else None)


def snapshot(client: gitlab.Gitlab, project: str, groups: Iterable[str] = ()) -> Snapshot:
    about = get(client, f"/projects/{_enc(project)}")
    if not about.ok or not isinstance(about.data, dict):
        reason = f"HTTP {about.status}" if about.status else "连接失败"
        hint = "（检查地址、项目和 PRIVTRAVEL_GITLAB_TOKEN）" if about.status in (0, 401, 403, 404) else ""
        raise FatalError(f"读取 GitLab 项目 {project} 失败：{reason}{hint}")
    base = f"/projects/{_enc(about.data['id'])}"
    default = str(about.data.get("default_branch") or "main")
    namespace = about.data.get("namespace") or {}
    group_vars = (
        get(client, f"/groups/{_enc(namespace.get('id'))}/variables", many=True)
        if isinstance(namespace, dict) and namespace.get("kind") == "group"
        else Answer([])
    )
    found = Snapshot(
        project=about.data,
        metadata=get(client, "/metadata"),
        protected=get(client, f"{base}/protected_branches", many=True),
        tags=get(client, f"{base}/protected_tags", many=True),
        approval_rules=get(client, f"{base}/approval_rules", many=True),
        approvals=get(client, f"{base}/approvals"),
        variables=get(client, f"{base}/variables", many=True),
        group_variables=group_vars,
        members=get(client, f"{base}/members/all", many=True),
        job_token=get(client, f"{base}/job_token_scope"),
        allowlist=get(client, f"{base}/job_token_scope/allowlist", many=True),
        codeowners=next(
            (
                p
                for p in CODEOWNERS_PATHS
                if get(client, f"{base}/repository/files/{_enc(p)}", ref=default).ok
            ),
            None,
        ),
        source=_source(client, about.data.get("ci_config_path")),
        groups={h: _group_members(client, h) for h in groups},
    )
    found.ci_token, found.ci_token_member = _ci_token(client, base, found.variables)
    return found


def _source(client: gitlab.Gitlab, raw: str | None) -> PipelineSource | None:
    source = parse_source(raw)
    if source is None or source.project is None:
        return source
    that = f"/projects/{_enc(source.project)}"
    about = get(client, that)
    ref = source.ref or str(about.get("default_branch") or "main")
    return PipelineSource(
        source.raw,
        source.file,
        source.project,
        source.ref,
        about,
        get(client, f"{that}/protected_branches", many=True),
        get(client, f"{that}/protected_tags", many=True),
        get(client, f"{that}/repository/files/{_enc(source.file)}", ref=ref),
        get(client, f"{that}/members/all", many=True),
    )


def _group_members(client: gitlab.Gitlab, handle: str) -> Answer:
    group = get(client, f"/groups/{_enc(handle.lstrip('@'))}")
    if not group.ok:
        return group
    return get(client, f"/groups/{_enc(group.get('id'))}/members/all", many=True)


def _ci_token(client: gitlab.Gitlab, base: str, variables: Answer) -> tuple[Answer, Answer]:
    """What the token in the CI variable may do: asked with that token itself (its value is never shown)."""
    import gitlab

    value = next((str(v.get("value") or "") for v in variables.items() if v.get("key") == TOKEN_VARIABLE), "")
    if not value:  # no such variable, or a hidden one (GitLab does not return its value)
        return Answer(None, 0), Answer(None, 0)
    itself = get(gitlab.Gitlab(client.url, private_token=value, timeout=30), "/personal_access_tokens/self")
    user = itself.get("user_id")
    member = get(client, f"{base}/members/all/{_enc(user)}") if user else Answer(None, 0)
    return itself, member
