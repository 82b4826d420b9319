"""A GitLab project's settings as the REST API answers them, safe as README「维护人员」 asks.

Field names and shapes follow GitLab's API documentation for GET /projects/:id, /protected_branches,
/variables, /members/all, /job_token_scope, /job_token_scope/allowlist, /approval_rules, /approvals,
/repository/files/:path and /groups/:id/members/all.  ``safe()`` is a GitLab Free project set up
correctly; tests change one thing at a time.
"""

from __future__ import annotations

import copy
from typing import Any

from tests import gitlab_fake

P = "/projects/7"
CI_TOKEN = "glpat-ci-token-in-the-variable"  # the value of PRIVTRAVEL_GITLAB_TOKEN, a project access token
BOT = {"id": 77, "username": "project_7_bot_0a1b", "name": "privtravel-ci", "state": "active"}


def project() -> dict[str, Any]:
    return {
        "id": 7,
        "description": "干部因私出国（境）专项整治填报仓库",
        "name": "privtravel",
        "name_with_namespace": "wjw / privtravel",
        "path": "privtravel",
        "path_with_namespace": "wjw/privtravel",
        "default_branch": "main",
        "visibility": "private",
        "namespace": {
            "id": 3,
            "name": "wjw",
            "path": "wjw",
            "kind": "group",
            "full_path": "wjw",
            "parent_id": None,
        },
        "web_url": "https://gitlab.example.invalid/wjw/privtravel",
        "archived": False,
        "merge_method": "merge",
        "squash_option": "default_off",
        "merge_commit_template": None,
        "squash_commit_template": None,
        "only_allow_merge_if_pipeline_succeeds": True,
        "allow_merge_on_skipped_pipeline": False,
        "only_allow_merge_if_all_discussions_are_resolved": True,
        "remove_source_branch_after_merge": True,
        "ci_config_path": ".gitlab-ci.yml@wjw/privtravel:main",
        "ci_default_git_depth": 50,
        "ci_separated_caches": True,
        "ci_forward_deployment_enabled": True,
        "ci_job_token_scope_enabled": False,
        "restrict_user_defined_variables": True,
        "ci_pipeline_variables_minimum_override_role": "maintainer",
        "public_jobs": False,
        "pages_access_level": "private",
        "builds_access_level": "enabled",
        "merge_requests_access_level": "enabled",
        "forking_access_level": "disabled",
    }


def access(level: int, description: str) -> dict[str, Any]:
    return {
        "id": level + 1,
        "access_level": level,
        "access_level_description": description,
        "user_id": None,
        "group_id": None,
        "deploy_key_id": None,
    }


def protected_main(push: int = 0, merge: int = 40) -> dict[str, Any]:
    names = {0: "No one", 30: "Developers + Maintainers", 40: "Maintainers"}
    return {
        "id": 1,
        "name": "main",
        "push_access_levels": [access(push, names[push])],
        "merge_access_levels": [access(merge, names[merge])],
        "unprotect_access_levels": [],
        "allow_force_push": False,
    }


def protected_tags(name: str = "*", create: int = 40) -> dict[str, Any]:
    """GET /projects/:id/protected_tags, one rule."""
    names = {0: "No one", 30: "Developers + Maintainers", 40: "Maintainers"}
    return {"name": name, "create_access_levels": [access(create, names[create])]}


def variable(key: str, value: str, *, protected: bool, masked: bool, scope: str = "*") -> dict[str, Any]:
    return {
        "variable_type": "env_var",
        "key": key,
        "value": value,
        "protected": protected,
        "masked": masked,
        "hidden": False,
        "raw": True,
        "environment_scope": scope,
        "description": None,
    }


WANG = gitlab_fake.user(11, "wangli", "王丽")  # 绍兴市人民医院 HR (group srmyy-hr)
XU = gitlab_fake.user(21, "xutong", "徐彤")  # 委政治处 reviewer (group wzzc-reviewers)
ADMIN = gitlab_fake.user(31, "zhanggong", "张工")  # maintainer (group privtravel-maintainers)


def member(user: dict[str, Any], level: int) -> dict[str, Any]:
    return {**user, "access_level": level, "created_at": "2019-05-01T00:00:00.000Z", "expires_at": None}


def safe() -> dict[str, Any]:
    """Routes of a GitLab Free project set up as README「维护人员」 asks."""
    routes: dict[str, Any] = {
        "/metadata": {"version": "17.5.1", "revision": "abc", "kas": {"enabled": False}, "enterprise": False},
        P: project(),
        "/projects/wjw/privtravel": project(),
        "/projects/wjw/privtravel/protected_branches": [protected_main()],
        f"{P}/protected_branches": [protected_main()],
        f"{P}/protected_tags": [protected_tags()],
        f"{P}/approval_rules": (403, {"message": "403 Forbidden"}),
        f"{P}/approvals": (403, {"message": "403 Forbidden"}),
        f"{P}/variables": [
            variable("PIP_INDEX_URL", "https://pypi.example.invalid/simple", protected=False, masked=False),
            variable(
                "PRIVTRAVEL_GITLAB_TOKEN",
                CI_TOKEN,
                protected=False,
                masked=True,
                scope="privtravel-judge",
            ),
            variable("PRIVTRAVEL_CACHE_KEY", "k" * 40, protected=True, masked=True),
        ],
        "/groups/3/variables": [],
        f"{P}/members/all": [member(WANG, 30), member(XU, 40), member(ADMIN, 50), member(BOT, 20)],
        f"{P}/members/all/77": member(BOT, 20),
        f"{P}/job_token_scope": {"inbound_enabled": True, "outbound_enabled": False},
        f"{P}/job_token_scope/allowlist": [{"id": 7, "path_with_namespace": "wjw/privtravel"}],
        f"{P}/repository/files/.gitlab/CODEOWNERS": {
            "file_name": "CODEOWNERS",
            "file_path": ".gitlab/CODEOWNERS",
            "ref": "main",
        },
        "/projects/wjw/privtravel/repository/files/.gitlab-ci.yml": {
            "file_name": ".gitlab-ci.yml",
            "file_path": ".gitlab-ci.yml",
            "ref": "main",
        },
        **gitlab_fake.group(101, "srmyy-hr", [WANG]),
        **gitlab_fake.group(102, "szyy-hr", []),
        **gitlab_fake.group(103, "sjkzx-hr", []),
        **gitlab_fake.group(104, "wzzc-reviewers", [XU], 40),
        **gitlab_fake.group(105, "privtravel-maintainers", [ADMIN], 50),
    }
    return copy.deepcopy(routes)


def premium(routes: dict[str, Any]) -> dict[str, Any]:
    """The same project on Premium: approval rules, approval settings, code owner approval."""
    routes[f"{P}/approval_rules"] = [
        {
            "id": 1,
            "name": "委政治处审核",
            "rule_type": "regular",
            "eligible_approvers": [XU],
            "approvals_required": 1,
            "users": [],
            "groups": [
                {"id": 104, "name": "wzzc-reviewers", "path": "wzzc-reviewers", "full_path": "wzzc-reviewers"}
            ],
            "contains_hidden_groups": False,
            "protected_branches": [],
            "applies_to_all_protected_branches": True,
        }
    ]
    routes[f"{P}/approvals"] = {
        "approvers": [],
        "approver_groups": [],
        "approvals_before_merge": 0,
        "reset_approvals_on_push": True,
        "selective_code_owner_removals": False,
        "disable_overriding_approvers_per_merge_request": True,
        "merge_requests_author_approval": False,
        "merge_requests_disable_committers_approval": True,
        "require_password_to_approve": False,
        "require_reauthentication_to_approve": False,
    }
    for rule in routes[f"{P}/protected_branches"]:
        rule["code_owner_approval_required"] = True
    return routes


def ci_token(scopes: tuple[str, ...] = ("api",)) -> dict[str, dict[str, Any]]:
    """What the CI token sees when it asks about itself (GET /personal_access_tokens/self)."""
    itself = {
        "id": 5,
        "name": "privtravel-ci",
        "revoked": False,
        "created_at": "2019-05-01T00:00:00.000Z",
        "scopes": list(scopes),
        "user_id": 77,
        "last_used_at": None,
        "active": True,
        "expires_at": "2020-05-01",
    }
    return {CI_TOKEN: {"/personal_access_tokens/self": itself}}
