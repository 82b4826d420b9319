"""Who a merge request comes from, as GitLab recorded it, never as the environment or a commit claims.

* the pipeline user: ``GITLAB_USER_LOGIN``, confirmed through the API (the pipeline's ``user``) when a
  token is configured; a mismatch means the variable was overridden, and stops the check;
* the merge request's author: from the API (``/projects/:id/merge_requests/:iid``), when a token is
  configured (GitLab gives CI no variable for it);
* every commit's author, as git records it (name and e-mail, which anyone can write), matched to a GitLab
  user by e-mail through the API when a token is configured, else only to the pipeline user's e-mail.

Group membership is never taken from the environment inside CI (``overrides_refused``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from privtravel.diagnostics import FatalError
from privtravel.workflow import gitrepo
from privtravel.workflow.gitlab_api import TOKEN_VARIABLE, api_failure

if TYPE_CHECKING:
    import gitlab

GROUPS_VARIABLE = "PRIVTRAVEL_USER_GROUPS"


@dataclass(frozen=True, slots=True)
class Person:
    login: str
    role: str  # 合并请求的作者, 运行流水线的用户, 提交人
    recorded: bool  # True: from GitLab's own records (the API), not from a variable or an option


@dataclass(slots=True)
class Commit:
    sha: str
    author: str  # 姓名 <e-mail>, as git records it
    email: str
    paths: list[str] = field(default_factory=list)  # paths it changes (merges: none)
    login: str | None = None  # the GitLab user that e-mail belongs to, when known


def in_ci(env: Mapping[str, str]) -> bool:
    return bool(env.get("CI")) or bool(env.get("GITLAB_CI"))


def overrides_refused(env: Mapping[str, str], member_of: Sequence[str]) -> None:
    """Inside CI, group membership comes from GitLab only: an override is an attempt, not a setting."""
    if not in_ci(env):
        return
    given = [f"--member-of {g}" for g in member_of]
    if env.get(GROUPS_VARIABLE):
        given.append(f"变量 {GROUPS_VARIABLE}")
    if given:
        raise FatalError(
            f"在 CI 中不能用 {'、'.join(given)} 指定提交人所属的群组：群组成员和维护人员只从 GitLab 接口查询"
            f"（配置 {TOKEN_VARIABLE}）。请删除这个变量或选项；设置了它的流水线不能作为合并的依据。"
        )


def _get(client: gitlab.Gitlab, path: str, what: str) -> Any:
    import gitlab

    try:
        return client.http_get(path)
    except (gitlab.GitlabError, OSError) as exc:
        raise api_failure(what, exc) from exc


def _username(found: Any, key: str) -> str | None:
    if isinstance(found, dict) and isinstance(found.get(key), dict):
        name = found[key].get("username")
        return name if isinstance(name, str) and name else None
    return None


def people(login: str, env: Mapping[str, str], client: gitlab.Gitlab | None) -> list[Person]:
    """The identities the merge request must be owned by: the pipeline user, and in CI with a token,
    the user GitLab recorded for the pipeline and the merge request's author."""
    if not in_ci(env):
        return [Person(login, "提交人", False)]
    if client is None:
        return [Person(login, "运行流水线的用户", False)]
    project = quote(env.get("CI_PROJECT_ID", ""), safe="")
    out: list[Person] = []
    pipeline = env.get("CI_PIPELINE_ID", "")
    if project and pipeline.isdigit():
        found = _get(client, f"/projects/{project}/pipelines/{pipeline}", f"（读取流水线 {pipeline}）")
        recorded = _username(found, "user")
        if recorded is None:
            raise FatalError(f"GitLab 接口没有给出流水线 {pipeline} 的运行用户，无法确认提交人。")
        if recorded.casefold() != login.lstrip("@").casefold():
            raise FatalError(
                f"GITLAB_USER_LOGIN（{login}）与 GitLab 记录的运行流水线的用户（@{recorded}）不一致："
                "这个变量被改写了。请在「设置 › CI/CD › 变量」中只允许维护人员使用流水线变量，然后重新运行流水线。"
            )
        out.append(Person(recorded, "运行流水线的用户", True))
    else:
        out.append(Person(login, "运行流水线的用户", False))
    iid = env.get("CI_MERGE_REQUEST_IID", "")
    if project and iid.isdigit():
        found = _get(client, f"/projects/{project}/merge_requests/{iid}", f"（读取合并请求 !{iid}）")
        author = _username(found, "author")
        if author is None:
            raise FatalError(f"GitLab 接口没有给出合并请求 !{iid} 的作者，无法确认提交人。")
        if author.casefold() not in {p.login.casefold() for p in out}:
            out.insert(0, Person(author, "合并请求的作者", True))
        else:
            out[0] = Person(author, "合并请求的作者和运行流水线的用户", True)
    return out


def commits(root: Path, base: str, head: str | None) -> list[Commit]:
    """Every commit between ``base`` and ``head`` (default HEAD), oldest first, with the paths each changes."""
    raw = gitrepo.git(
        root,
        "log",
        "--reverse",
        "-z",
        "--no-renames",
        "--relative",
        "--name-only",
        "--format=%x01%H%x00%an <%ae>%x00%ae",
        f"{base}..{head or 'HEAD'}",
    )
    out: list[Commit] = []
    for chunk in raw.decode("utf-8", "surrogateescape").split("\x01")[1:]:
        sha, author, email, *rest = chunk.split("\x00")
        paths = [p.strip("\n") for p in rest if p.strip("\n")]
        out.append(Commit(sha, author, email, paths))
    return out


def match_authors(found: list[Commit], env: Mapping[str, str], lookup: Callable[[str], str | None]) -> None:
    """Give each commit the GitLab user its author's e-mail belongs to (once per e-mail)."""
    known: dict[str, str | None] = {}
    mine = env.get("GITLAB_USER_EMAIL", "").casefold()
    for commit in found:
        key = commit.email.casefold()
        if key not in known:
            known[key] = env.get("GITLAB_USER_LOGIN") if mine and key == mine else lookup(commit.email)
        commit.login = known[key]


def user_by_email(client: gitlab.Gitlab, email: str) -> str | None:
    """The GitLab user whose (public, or to an administrator's token any) e-mail is ``email``."""
    if not email or "@" not in email:
        return None
    found = _get(client, f"/users?search={quote(email, safe='')}", f"（按邮箱查找提交作者 {email}）")
    if not isinstance(found, list):
        return None
    wanted = email.casefold()
    for user in found:
        if not isinstance(user, dict):
            continue
        addresses = {str(user.get(k) or "").casefold() for k in ("email", "public_email", "commit_email")}
        if wanted in addresses and isinstance(user.get("username"), str):
            return str(user["username"])
    return None
