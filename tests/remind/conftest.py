"""A hand-built campaign for reminders: the small campaign plus loans, pending approvals and roster changes
placed around weekends, the 端午 holiday, the 国庆 holiday and 调休 working days of 2019."""

from __future__ import annotations

from pathlib import Path

import pytest

EXTRA_APPROVALS = """\
  - 审批编号: SP2019-010
    编号: "0002"
    申请日期: 2019-09-02
    事由: 探亲
    前往国家（地区）: [香港]
    计划出境日期: 2019-09-26
    计划入境日期: 2019-09-28
    本年度第几次: 2
    纪检监察意见:
      意见: 同意
      日期: 2019-09-05
      出具部门: 院纪委
    审批结果: 同意
    审批机构: 院党委
    审批人: 陈建国
    审批日期: 2019-09-10
  - 审批编号: SP2019-011
    编号: "0001"
    申请日期: 2019-09-16
    事由: 旅游
    前往国家（地区）: [泰国]
    计划出境日期: 2019-10-15
    计划入境日期: 2019-10-20
    审批结果: 待审批
"""

EXTRA_LOAN = """\
      - 领用日期: 2019-09-25
        审批编号: SP2019-010
"""

EXTRA_PEOPLE = """\
  - 编号: "0004"
    姓名: 李娜
    性别: 女
    出生日期: 1982-02-14
    公民身份号码: "330602198202140625"
    现任职务: 医务科科长
    登记备案类别: 本地本单位管理的人员
    变动记录:
      - 日期: 2019-05-27
        变动类型: 新增
  - 编号: "0005"
    姓名: 刘洋
    性别: 男
    出生日期: 1966-07-01
    公民身份号码: "330602196607010010"
    现任职务: 工会主席
    登记备案类别: 本地本单位管理的人员
    变动记录:
      - 日期: 2012-03-01
        变动类型: 新增
        报送公安日期: 2012-03-20
        公安入库日期: 2012-03-21
      - 日期: 2019-06-20
        变动类型: 退休
        报送公安日期: 2019-06-24
"""


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.fixture
def ops(campaign: Path) -> Path:
    """srmyy gains: an approved trip with a loan not yet returned (back on Sat 2019-09-28, 7 days → 国庆),
    an approval waiting for the 纪检监察 opinion, 0004 added on 2019-05-27 (June report, not sent) and
    0005 retired on 2019-06-20 (sent on 2019-06-24, not yet entered by the police)."""
    unit = campaign / "submissions/srmyy"
    append(unit / "审批.yaml", EXTRA_APPROVALS)
    append(unit / "证件保管.yaml", EXTRA_LOAN)
    append(unit / "登记备案.yaml", EXTRA_PEOPLE)
    profile = unit / "单位.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("国家工作人员总数: 4", "国家工作人员总数: 6")
    )
    for ident, name in (("0004", "李娜"), ("0005", "刘洋")):
        (unit / f"报告/{ident}-{name}.yaml").write_text(
            "# yaml-language-server: $schema=../../../schemas/report.schema.json\n"
            f'单位代码: srmyy\n编号: "{ident}"\n姓名: {name}\n单位及职务: 绍兴市人民医院\n'
            "报告类型: 零报告\n签名日期: 2019-06-05\n纸质报告表保管: 本单位\n",
            encoding="utf-8",
        )
    return campaign


# --- a local fake of the GitLab REST API (a real HTTP server on 127.0.0.1) -------------------------

import json  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import parse_qs, unquote, urlsplit  # noqa: E402

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


@pytest.fixture
def fake_gitlab() -> Iterator[FakeGitLab]:
    fake = FakeGitLab()

    class Handler(BaseHTTPRequestHandler):
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

        def _reply(self, status: int, payload: Any) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
