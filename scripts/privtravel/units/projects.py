"""`units projects`: one GitLab project per unit, created and set up through the API.

For each unit of campaign.yaml without a project ``<group>/<代码>`` it plans (and with ``apply``
does): a private project named by the unit code; the committee's unit pipeline file as its CI/CD
configuration file; merge commits whose message carries the approvers; pipelines must succeed;
no forks, no pipeline variables; main protected (nobody pushes, maintainers merge); the unit's
填报人员 as Developers and the 委政治处 reviewers as Maintainers (users, or groups shared in).
Existing projects are left as they are (`gitlab doctor` checks them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from privtravel.diagnostics import FatalError
from privtravel.model import Campaign

if TYPE_CHECKING:
    import gitlab

DEVELOPER, MAINTAINER = 30, 40
PIPELINE_FILE = "ci/unit-pipeline.yml"
MERGE_TEMPLATE = "Merge branch '%{source_branch}' into '%{target_branch}'\n\n%{title}\n\n%{issues}\n\nSee merge request %{reference}\n\n%{approved_by}"


@dataclass
class Plan:
    code: str
    name: str
    exists: bool
    members: list[tuple[str, int]] = field(default_factory=list)  # (@handle, access level)


def settings(code: str, name: str, namespace_id: int, committee: str) -> dict[str, Any]:
    return {
        "name": code,
        "path": code,
        "namespace_id": namespace_id,
        "description": f"{name}：干部因私出国（境）专项整治填报（只有本单位填报人员和委政治处可见）",
        "visibility": "private",
        "default_branch": "main",
        "initialize_with_readme": False,
        "ci_config_path": f"{PIPELINE_FILE}@{committee}",
        "merge_method": "merge",
        "merge_commit_template": MERGE_TEMPLATE,
        "only_allow_merge_if_pipeline_succeeds": True,
        "allow_merge_on_skipped_pipeline": False,
        "only_allow_merge_if_all_discussions_are_resolved": True,
        "forking_access_level": "disabled",
        "ci_pipeline_variables_minimum_override_role": "no_one_allowed",
    }


def plan(client: gitlab.Gitlab, campaign: Campaign, group: str) -> list[Plan]:
    plans = []
    for unit in campaign.units:
        exists = _get(client, f"/projects/{quote(f'{group}/{unit.code}', safe='')}") is not None
        members = [(h, DEVELOPER) for h in unit.owners] + [(h, MAINTAINER) for h in campaign.reviewers]
        plans.append(Plan(unit.code, unit.name, exists, members))
    return plans


def apply(client: gitlab.Gitlab, plans: list[Plan], group: str, committee: str) -> None:
    found = _get(client, f"/groups/{quote(group, safe='')}")
    if found is None:
        raise FatalError(f"GitLab 上找不到群组 {group}：请先建立它（单位项目建在这个群组下）。")
    for p in plans:
        if p.exists:
            continue
        project = client.http_post("/projects", post_data=settings(p.code, p.name, found["id"], committee))
        assert isinstance(project, dict)
        pid = project["id"]
        client.http_post(
            f"/projects/{pid}/protected_branches",
            post_data={
                "name": "main",
                "push_access_level": 0,
                "merge_access_level": MAINTAINER,
                "allow_force_push": False,
            },
        )
        for handle, level in p.members:
            _add_member(client, pid, handle, level)


def _add_member(client: gitlab.Gitlab, pid: int, handle: str, level: int) -> None:
    name = handle.lstrip("@")
    users = client.http_get("/users", query_data={"username": name})
    if isinstance(users, list) and users:
        client.http_post(
            f"/projects/{pid}/members", post_data={"user_id": users[0]["id"], "access_level": level}
        )
        return
    group = _get(client, f"/groups/{quote(name, safe='')}")
    if group is None:
        raise FatalError(f"GitLab 上找不到用户或群组 {handle}（campaign.yaml 中的填报人员或审核人员）。")
    client.http_post(f"/projects/{pid}/share", post_data={"group_id": group["id"], "group_access": level})


def _get(client: gitlab.Gitlab, path: str) -> dict[str, Any] | None:
    import gitlab

    try:
        found = client.http_get(path)
    except gitlab.GitlabHttpError as exc:
        if exc.response_code == 404:
            return None
        raise FatalError(f"调用 GitLab 接口（{path}）失败：HTTP {exc.response_code}") from exc
    return found if isinstance(found, dict) else None


def describe(plans: list[Plan], group: str, applied: bool) -> str:
    lines = []
    labels = {DEVELOPER: "开发者", MAINTAINER: "维护者"}
    for p in plans:
        if p.exists:
            lines.append(
                f"已有：{group}/{p.code}（{p.name}），不改动；用 privtravel gitlab doctor 检查它的设置和成员"
            )
            continue
        who = "、".join(f"{h}（{labels[level]}）" for h, level in p.members)
        verb = "已建立" if applied else "将建立"
        lines.append(f"{verb}：{group}/{p.code}（{p.name}），成员 {who}")
    new = sum(not p.exists for p in plans)
    if not applied and new:
        lines.append(f"共 {new} 个项目待建立：加 --apply 执行。")
    return "\n".join(lines) + "\n"
