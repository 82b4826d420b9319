"""The built dashboard in headless Chromium, served from a local server: no failed request, nothing
from outside, and the offline Chinese search finds units by full and short name."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium: .ci/run installs it")
    pytest.skip("Debian's chromium is not installed (CI installs it)", allow_module_level=True)

from playwright.sync_api import Page, sync_playwright  # noqa: E402


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser") / "campaign"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "mini", root)
    subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "site", "--today", "2019-06-20"],
        check=True,
        capture_output=True,
    )
    handler = functools.partial(_Quiet, directory=str(root / "public"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser.new_page()
        browser.close()


def _visit(page: Page, url: str, origin: str) -> list[str]:
    problems: list[str] = []
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("request", lambda r: None if r.url.startswith(origin) else problems.append(f"outside: {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    response = page.goto(url)
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")
    return problems


@pytest.mark.parametrize(
    "path", ["/", "/stats/", "/findings/", "/units/srmyy/", "/audit/", "/guide/steps/", "/guide/codes/"]
)
def test_page_loads_with_nothing_from_outside(server: str, browser_page: Page, path: str) -> None:
    problems = _visit(browser_page, server + path, server)
    assert problems == []
    assert browser_page.locator("h1").count() == 1


def _search(page: Page, query: str) -> int:
    page.keyboard.press("Escape")
    page.keyboard.press("s")  # the search shortcut, as a user would
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function(  # the cleared box shows the prompt again: no stale results
        "() => document.querySelector('.md-search-result__meta').textContent.includes('键入')"
    )
    page.keyboard.insert_text(query)
    box.press("End")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('键入')"
    )
    return page.locator(".md-search-result__item").count()


def test_chinese_search_finds_units_by_full_and_short_name(server: str, browser_page: Page) -> None:
    _visit(browser_page, server + "/", server)
    assert _search(browser_page, "绍兴市人民医院") > 0
    assert _search(browser_page, "人民医院") > 0
    assert _search(browser_page, "疾病预防控制中心") > 0
    assert _search(browser_page, "登记备案") > 0
    assert _search(browser_page, "乌鲁木齐") == 0  # a place named nowhere in the campaign
