"""A local GitLab REST API for tests: a real HTTP server on 127.0.0.1 answering from a table of paths.

Each route is the path after ``/api/v4`` (URL-decoded, e.g. ``/projects/wjw/privtravel``) and maps to a
JSON body (status 200) or a ``(status, body)`` pair; anything else is GitLab's 404.  The bodies are
written in the shapes GitLab documents for each endpoint.  Every request is logged, and a request
without the right ``PRIVATE-TOKEN`` gets GitLab's 401.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

TOKEN = "glpat-fake-token-for-tests"


class JsonHandler(BaseHTTPRequestHandler):
    """A request handler that answers in JSON, as GitLab does, and keeps quiet in the test log."""

    def _reply(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def running(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port of 127.0.0.1 in a thread; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class FakeGitLab:
    routes: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)  # other tokens: their own routes
    log: list[str] = field(default_factory=list)
    url: str = ""

    def answer(self, path: str, token: str = TOKEN) -> tuple[int, Any]:
        self.log.append(path)
        routes = self.routes if token == TOKEN else self.tokens[token]
        if path not in routes:
            return 404, {"message": "404 Not Found"}
        found = routes[path]
        if isinstance(found, tuple):
            return found[0], found[1]
        return 200, found


@contextmanager
def serve(routes: dict[str, Any], tokens: dict[str, dict[str, Any]] | None = None) -> Iterator[FakeGitLab]:
    """Serve ``routes`` to TOKEN, and each of ``tokens`` its own routes (e.g. /personal_access_tokens/self)."""
    fake = FakeGitLab(dict(routes), dict(tokens or {}))

    class Handler(JsonHandler):
        def do_GET(self) -> None:
            token = self.headers.get("PRIVATE-TOKEN") or ""
            if token != TOKEN and token not in fake.tokens:
                self._reply(401, {"message": "401 Unauthorized"})
                return
            path = unquote(urlsplit(self.path).path).removeprefix("/api/v4")
            self._reply(*fake.answer(path, token))

    with running(Handler) as url:
        fake.url = url
        yield fake


def user(id_: int, username: str, name: str) -> dict[str, Any]:
    """A user as GitLab embeds one in other objects (author, merge_user, approved_by[].user)."""
    return {
        "id": id_,
        "username": username,
        "name": name,
        "state": "active",
        "avatar_url": None,
        "web_url": f"https://gitlab.example.invalid/{username}",
    }


def merge_request(
    iid: int,
    title: str,
    author: dict[str, Any],
    merged_by: dict[str, Any] | None,
    merge_commit_sha: str | None,
) -> dict[str, Any]:
    """GET /projects/:id/merge_requests/:iid, the fields the audit trail reads and their neighbours."""
    return {
        "id": 1000 + iid,
        "iid": iid,
        "project_id": 7,
        "title": title,
        "description": "",
        "state": "merged" if merged_by else "opened",
        "created_at": "2019-06-01T08:00:00.000Z",
        "merged_at": "2019-06-02T09:00:00.000Z" if merged_by else None,
        "merged_by": merged_by,
        "merge_user": merged_by,
        "target_branch": "main",
        "source_branch": f"branch-{iid}",
        "author": author,
        "sha": "0" * 40,
        "merge_commit_sha": merge_commit_sha,
        "squash_commit_sha": None,
        "squash": False,
        "web_url": f"https://gitlab.example.invalid/wjw/privtravel/-/merge_requests/{iid}",
    }


def approvals(iid: int, approvers: list[dict[str, Any]]) -> dict[str, Any]:
    """GET /projects/:id/merge_requests/:iid/approvals (Free: who approved)."""
    return {
        "id": 1000 + iid,
        "iid": iid,
        "project_id": 7,
        "title": "",
        "state": "merged",
        "approved": bool(approvers),
        "approved_by": [{"user": u} for u in approvers],
    }


def group(id_: int, path: str, members: list[dict[str, Any]], access_level: int = 30) -> dict[str, Any]:
    """Routes for a group: GET /groups/:path and GET /groups/:id/members/all (members with their role)."""
    about = {"id": id_, "name": path, "path": path, "full_path": path, "visibility": "private"}
    listed = [{**m, "access_level": access_level} for m in members]
    return {f"/groups/{path}": about, f"/groups/{id_}": about, f"/groups/{id_}/members/all": listed}
