"""A local fake of the GitLab REST API: a real HTTP server on 127.0.0.1, users, groups and issues in memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.gitlab_fake import JsonHandler, running

TOKEN = "glpat-test-token"


class FakeGitLab:
    """Users, groups and one project's issues, in memory; every request is logged."""

    def __init__(self) -> None:
        self.users = {"wangli": 11, "chenjianguo": 12}
        self.groups = {"srmyy-hr": [11, 13], "sjkzx-hr": [14]}
        self.issues: list[dict[str, Any]] = []
        self.log: list[tuple[str, str]] = []
        self.url = ""

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], body: dict[str, Any]
    ) -> tuple[int, Any]:
        self.log.append((method, path))
        parts = [unquote(p) for p in path.removeprefix("/api/v4/").split("/")]
        if parts == ["users"]:
            name = query.get("username", [""])[0]
            return 200, [{"id": self.users[name], "username": name}] if name in self.users else []
        if parts[0] == "groups" and parts[-1] == "members":
            group = "/".join(parts[1:-1])
            if group not in self.groups:
                return 404, {"message": "404 Group Not Found"}
            return 200, [{"id": i, "username": f"user{i}"} for i in self.groups[group]]
        if parts[0] == "projects" and parts[2] == "issues":
            if method == "GET" and len(parts) == 3:
                wanted = set(query.get("labels", [""])[0].split(","))
                state = query.get("state", ["all"])[0]
                found = [
                    i for i in self.issues if wanted <= set(i["labels"]) and state in ("all", i["state"])
                ]
                return 200, found
            if method == "POST":
                labels = body.get("labels", "")
                issue = {
                    "id": 1000 + len(self.issues),
                    "iid": len(self.issues) + 1,
                    "project_id": parts[1],
                    "title": body["title"],
                    "description": body.get("description", ""),
                    "labels": labels.split(",") if isinstance(labels, str) else labels,
                    "assignees": [{"id": i} for i in body.get("assignee_ids", [])],
                    "state": "opened",
                    "created_at": f"2019-01-01T00:00:{len(self.issues):02d}Z",
                }
                self.issues.append(issue)
                return 201, issue
            if method == "PUT" and len(parts) == 4:
                issue = next(i for i in self.issues if str(i["iid"]) == parts[3])
                for key in ("title", "description"):
                    if key in body:
                        issue[key] = body[key]
                event = body.get("state_event")
                if event:
                    issue["state"] = {"close": "closed", "reopen": "opened"}[event]
                return 200, issue
        return 404, {"message": "404 Not Found"}


@contextmanager
def serve() -> Iterator[FakeGitLab]:
    """Serve a fresh FakeGitLab on a free port of 127.0.0.1 until the block ends."""
    fake = FakeGitLab()

    class Handler(JsonHandler):
        def _serve(self) -> None:
            if self.headers.get("PRIVATE-TOKEN") != TOKEN:
                self._reply(401, {"message": "401 Unauthorized"})
                return
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if raw and "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(raw)
            else:
                body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            status, payload = fake.handle(self.command, url.path, parse_qs(url.query), body)
            self._reply(status, payload)

        do_GET = do_POST = do_PUT = _serve

    with running(Handler) as url:
        fake.url = url
        yield fake
