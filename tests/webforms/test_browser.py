"""The real editor in headless Chromium against decap-server (Decap's own local Git backend, run
from the pinned npm lockfile): HR create a person's report with two documents and a trip, and edit
the roster; each save is a branch with a Chinese commit message, the files are the ones a person
would write by hand, and `privtravel check` passes them with no warning."""

from __future__ import annotations

import functools
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import Locator, Page, sync_playwright

from tests.site.test_browser import CHROMIUM, FLAGS

REPO = Path(__file__).parents[2]
UNIT = "szyy"
REPORT = f"submissions/{UNIT}/报告/A02-冯涛.yaml"
ROSTER = f"submissions/{UNIT}/登记备案.yaml"
# The report as a person would write it by hand in the README's style (records in their own order:
# the form fills the passport first, the file lists the 往来港澳通行证 first, as `import` would).
BY_HAND = """\
# yaml-language-server: $schema=../../../schemas/report.schema.json
单位代码: szyy
编号: A02
姓名: 冯涛
单位及职务: 绍兴市中医院 药剂科副科长
报告类型: 填报
持有证件:
  - 证件类别: 往来港澳通行证
    证件号码: C12345678
    签发日期: 2016-05-10
    有效期至: 2026-05-09
    保管机构: 组织人事科
  - 证件类别: 普通护照
    证件号码: E12345678
    签发日期: 2017-03-02
    有效期至: 2027-03-01
    保管机构: 本人
    备注: 尚未上交
出国境情况:
  - 出境日期: 2018-02-10
    入境日期: 2018-02-16
    所到国家（地区）: [日本, 韩国]
    事由: 旅游
    审批机构: 未经审批
签名日期: 2019-05-28
纸质报告表保管: 本单位
"""


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture()
def campaign(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", root)
    _git(root, "init", "-q", "-b", "main")
    # decap-server reads git's file lists as text: Chinese paths must not come back octal-quoted
    _git(root, "config", "core.quotePath", "false")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=委政治处", "-c", "user.email=z@example.org", "commit", "-q", "-m", "起始")
    return root


@pytest.fixture()
def backend(campaign: Path, forms_npm: Path, tmp_path: Path) -> Iterator[str]:
    """decap-server in git mode on a free port, working in the campaign repository."""
    port = _free_port()
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(campaign), "PORT": str(port)}
    env["BIND_HOST"] = "127.0.0.1"
    log = (tmp_path / "decap-server.log").open("w")
    server = subprocess.Popen(
        ["node", str(forms_npm / "decap-server" / "dist" / "index.js")], env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert server.poll() is None, (tmp_path / "decap-server.log").read_text()
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(10)
        log.close()


@pytest.fixture()
def site(campaign: Path, backend: str, tmp_path: Path) -> Iterator[str]:
    out = tmp_path / "public"
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(campaign), "webforms", "--out", str(out / "forms"),
         "--local-backend", backend],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/forms/{UNIT}/"
    httpd.shutdown()


@pytest.fixture()
def page() -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        # HR are in China: a date picked must not move a day whatever the time zone
        context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="Asia/Shanghai")
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        browser.close()


def _field(page: Page, label: str, nth: int) -> Locator:
    """The nth visible field labelled ``label`` (optional ones say 「 (可选)」 after it)."""
    return page.get_by_label(re.compile(f"^{re.escape(label)}( \\(可选\\))?$")).filter(visible=True).nth(nth)


def _select(page: Page, label: str, option: str, nth: int = 0) -> None:
    _field(page, label, nth).click()
    page.get_by_role("option", name=option, exact=True).click()


def _fill(page: Page, label: str, value: str, nth: int = 0) -> None:
    _field(page, label, nth).fill(value)


def _document(page: Page, nth: int, kind: str, number: str, issued: str, until: str, keeper: str) -> None:
    page.get_by_role("button", name="新增证件").click()
    _select(page, "证件类别", kind, nth)
    _fill(page, "证件号码", number, nth)
    _fill(page, "签发日期", issued, nth)
    _fill(page, "有效期至", until, nth)
    _fill(page, "保管机构", keeper, nth)


def _save(page: Page, campaign: Path, branch: str) -> None:
    page.get_by_role("button", name="保存", exact=True).click()
    for _ in range(300):
        if _git(campaign, "branch", "--list", branch).strip() and page.get_by_text("修改已保存").is_visible():
            page.wait_for_timeout(500)  # the editor moves to the saved entry's address
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no branch {branch}: {_git(campaign, 'branch', '-a')}")


def test_hr_create_a_report_and_edit_the_roster_in_the_forms(
    site: str, backend: str, page: Page, campaign: Path, tmp_path: Path
) -> None:
    origins = (site.split("/forms/")[0], backend.split("/api/")[0])
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(origins) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    roster_before = (campaign / ROSTER).read_text(encoding="utf-8")

    page.goto(site)
    page.get_by_role("button", name="登录").click()
    page.goto(site + "#/collections/report/new")
    _fill(page, "人员编号", "A02")
    _fill(page, "姓名", "冯涛")
    _fill(page, "单位及职务", "绍兴市中医院 药剂科副科长")
    _select(page, "报告类型", "填报")
    _document(page, 0, "普通护照", "E12345678", "2017-03-02", "2027-03-01", "本人")
    _fill(page, "备注", "尚未上交")
    _document(page, 1, "往来港澳通行证", "C12345678", "2016-05-10", "2026-05-09", "组织人事科")
    page.get_by_role("button", name="新增出国（境）").click()
    _fill(page, "出境日期", "2018-02-10")
    _fill(page, "入境日期", "2018-02-16")
    for i, country in enumerate(["日本", "韩国"]):
        page.get_by_role("button", name="新增国家（地区）").click()
        _fill(page, "国家（地区）", country, i)
    _fill(page, "事由", "旅游")
    _fill(page, "审批机构", "未经审批")
    _fill(page, "签名日期", "2019-05-28")
    _select(page, "纸质报告表保管", "本单位")
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    _save(page, campaign, "cms/report/A02-冯涛")

    page.wait_for_url(re.compile("entries/A02-"))
    page.goto(site + "#/collections/roster")  # as HR go: the collection, then its file
    page.locator('a[href*="/entries/"]').first.click()
    # open the person: the arrow on top of the record (the summary 「编号 姓名」 below it)
    page.get_by_text("A02 冯涛", exact=True).locator("xpath=preceding-sibling::*[1]//button").first.click()
    _fill(page, "报送公安日期", "2019-05-20")
    _save(page, campaign, "cms/roster/登记备案")

    report = _git(campaign, "show", f"cms/report/A02-冯涛:{REPORT}")
    roster = _git(campaign, "show", f"cms/roster/登记备案:{ROSTER}")
    assert report == BY_HAND
    assert roster_before.endswith("    姓名: 冯涛\n" + roster_before.split("    姓名: 冯涛\n")[1])
    assert roster_before.endswith("        变动类型: 新增\n")  # 冯涛's only change, last in the file
    by_hand = roster_before + "        报送公安日期: 2019-05-20\n"
    assert roster == by_hand
    # each save is its own branch and commit (a merge request on GitLab), titled in Chinese
    assert _git(campaign, "log", "-1", "--format=%s", "cms/report/A02-冯涛").strip() == (
        "绍兴市中医院（szyy）网页填报：新增报告表「A02-冯涛」"
    )
    assert _git(campaign, "log", "-1", "--format=%s", "cms/roster/登记备案").strip() == (
        "绍兴市中医院（szyy）网页填报：修改登记备案人员「登记备案」"
    )
    assert _git(campaign, "diff", "--name-only", "main", "cms/report/A02-冯涛").split() == [REPORT]
    assert _git(campaign, "diff", "--name-only", "main", "cms/roster/登记备案").split() == [ROSTER]

    _git(campaign, "checkout", "-q", "main")
    (campaign / REPORT).write_text(report, encoding="utf-8")
    (campaign / ROSTER).write_text(roster, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(campaign), "check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 个错误，0 个警告" in done.stdout, done.stdout
    assert outside == [] and errors == []
