"""`units projects` against a local HTTP server answering as GitLab's REST API documents it
(GET /groups/:id, /projects/:id, /users?username=; POST /projects, /protected_branches, /members,
/share): one private project per unit, set up as the README asks; existing ones left alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from privtravel.cli import main
from tests.gitlab_fake import JsonHandler, running

TOKEN = "glpat-units-projects-test"


class FakeGitLab:
    def __init__(self) -> None:
        self.groups = {
            "wjw/units": {"id": 5, "full_path": "wjw/units"},
            "wzzc-reviewers": {"id": 9, "full_path": "wzzc-reviewers"},
        }
        self.users = {"srmyy-hr": 21, "szyy-hr": 22, "sjkzx-hr": 23}
        self.projects: dict[str, dict[str, Any]] = {
            "wjw/units/szyy": {"id": 70, "path_with_namespace": "wjw/units/szyy"}
        }
        self.posts: list[tuple[str, dict[str, Any]]] = []

    def get(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        if path.startswith("/groups/"):
            found = self.groups.get(path.removeprefix("/groups/"))
        elif path.startswith("/projects/"):
            found = self.projects.get(path.removeprefix("/projects/"))
        elif path == "/users":
            name = query.get("username", [""])[0]
            return 200, ([{"id": self.users[name], "username": name}] if name in self.users else [])
        else:
            found = None
        return (200, found) if found is not None else (404, {"message": "404 Not Found"})

    def post(self, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        self.posts.append((path, body))
        if path == "/projects":
            project = {"id": 100 + len(self.projects), **body}
            self.projects[f"wjw/units/{body['path']}"] = project
            return 201, project
        return 201, {"ok": True}


@contextmanager
def serve(fake: FakeGitLab) -> Iterator[str]:
    class Handler(JsonHandler):
        def _answer(self, method: str) -> None:
            if self.headers.get("PRIVATE-TOKEN") != TOKEN:
                self._reply(401, {"message": "401 Unauthorized"})
                return
            url = urlsplit(self.path)
            path = unquote(url.path).removeprefix("/api/v4")
            if method == "GET":
                self._reply(*fake.get(path, parse_qs(url.query)))
            else:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                self._reply(*fake.post(path, body))

        def do_GET(self) -> None:
            self._answer("GET")

        def do_POST(self) -> None:
            self._answer("POST")

    with running(Handler) as url:
        yield url


def run(campaign: Path, url: str, *extra: str) -> int:
    argv = ["--root", str(campaign), "units", "projects", "--group", "wjw/units"]
    return main([*argv, "--committee-project", "wjw/privtravel", "--gitlab-url", url, *extra])


def test_projects_are_planned_then_created_as_the_readme_asks(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRIVTRAVEL_GITLAB_TOKEN", TOKEN)
    fake = FakeGitLab()
    with serve(fake) as url:
        assert run(campaign, url) == 0
        planned = capsys.readouterr().out
        assert fake.posts == []  # a plan only
        assert "将建立：wjw/units/srmyy（绍兴市人民医院），成员 @srmyy-hr（开发者）" in planned
        assert "已有：wjw/units/szyy" in planned and "加 --apply 执行" in planned
        assert run(campaign, url, "--apply") == 0
    created = {body["path"]: body for path, body in fake.posts if path == "/projects"}
    assert set(created) == {"srmyy", "sjkzx"}
    srmyy = created["srmyy"]
    assert srmyy["visibility"] == "private" and srmyy["namespace_id"] == 5
    assert srmyy["ci_config_path"] == "ci/unit-pipeline.yml@wjw/privtravel"
    assert srmyy["merge_method"] == "merge" and "%{approved_by}" in srmyy["merge_commit_template"]
    assert srmyy["only_allow_merge_if_pipeline_succeeds"] and srmyy["forking_access_level"] == "disabled"
    pid = fake.projects["wjw/units/srmyy"]["id"]
    protected = [b for p, b in fake.posts if p == f"/projects/{pid}/protected_branches"]
    assert protected == [
        {"name": "main", "push_access_level": 0, "merge_access_level": 40, "allow_force_push": False}
    ]
    members = [b for p, b in fake.posts if p == f"/projects/{pid}/members"]
    assert {"user_id": 21, "access_level": 30} in members
    shared = [b for p, b in fake.posts if p == f"/projects/{pid}/share"]
    assert shared == [{"group_id": 9, "group_access": 40}]  # the reviewers' group, as maintainers
    assert "已建立：wjw/units/srmyy" in capsys.readouterr().out


def test_without_a_token_it_says_what_is_needed(
    campaign: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRIVTRAVEL_GITLAB_TOKEN", raising=False)
    assert run(campaign, "http://127.0.0.1:9") == 2
    assert "PRIVTRAVEL_GITLAB_TOKEN" in capsys.readouterr().err
