"""The committed demo's dashboard as a leader uses it, in headless Chromium at 1440×900 and 390×844:
worst first on 总览, sticky table headers, search that finds, opened as a file, nothing from outside,
and no serious contrast problem (axe-core, pinned in tests/site/npm/package-lock.json).

The site is built without --today: the demo is read as of its police data date (site/asof.py).
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from privtravel.model import UNIT_CATEGORIES
from tests.site.test_browser import CHROMIUM, FLAGS, _search

REPO = Path(__file__).parents[2]
NPM = Path(__file__).parent / "npm"
PLANTED = json.loads((REPO / "tests" / "fixtures" / "demo_planted.json").read_text(encoding="utf-8"))
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}
# On the police data date these planted cases are late: reports due 6月10日, a roster change not yet
# sent to the police, documents never returned.  Returned late or entered late is a finding, not overdue.
OVERDUE_KINDS = ("missing_report", "roster_change_unreported", "not_returned")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _commit(root: Path, message: str, stamp: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "测试",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "测试",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dashboard") / "campaign"
    root.mkdir()
    for name in ("campaign.yaml", "submissions", "police", "inspections"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    # a Git history for 进展: the declarations on one day, the police data two days later
    police = root.parent / "police"
    shutil.move(root / "police", police)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    _commit(root, "各单位填报", "2019-06-10T18:00:00+08:00")
    shutil.move(police, root / "police")
    _commit(root, "公安数据", "2019-06-12T18:00:00+08:00")
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "site"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return root / "public"


@pytest.fixture(scope="module")
def server(public: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(public)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(params=list(SIZES))
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


def _open(page: Page, url: str, origin: str) -> list[str]:
    problems: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(origin) else problems.append(f"outside: {r.url}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return problems


def _units() -> dict[str, str]:
    campaign = yaml.safe_load((REPO / "campaign.yaml").read_text(encoding="utf-8"))
    return {u["名称"]: u["代码"] for u in campaign["单位"]}


def test_overview_names_exactly_the_lagging_units_and_the_overdue_items(server: str, page: Page) -> None:
    assert _open(page, server + "/", server) == []
    assert "数据截至 2019年6月30日" in page.locator("p.asof").inner_text()
    codes = _units()
    lagging = {codes[t] for t in page.locator("#lagging + ul li a").all_inner_texts()}
    assert lagging == {s["unit"] for s in PLANTED["situations"] if s["kind"] == "missing_report"}
    rows = page.locator("table.attention-table tbody tr")
    seen = set()
    for i in range(rows.count()):
        unit, _, person = rows.nth(i).locator("td").all_inner_texts()[:3]
        seen.add((codes[unit], person.split(" ")[0]))
    assert seen == {(s["unit"], s["person"]) for s in PLANTED["situations"] if s["kind"] in OVERDUE_KINDS}
    # the first screen answers it: the block's tiles are visible without scrolling
    assert page.locator(".tiles").bounding_box()["y"] < SIZES["phone"][1]  # type: ignore[index]


def test_a_person_link_opens_their_row_in_the_folded_roster(server: str, page: Page) -> None:
    _open(page, server + "/", server)
    page.locator("table.attention-table tbody tr td a[href*='#p-']").first.click()
    page.wait_for_load_state("networkidle")
    row = page.locator("tr.target")
    assert row.count() == 1 and row.is_visible()


def test_table_headers_and_first_column_stay_while_scrolling(server: str, page: Page) -> None:
    _open(page, server + "/units/srmyy/", server)
    page.locator("details summary", has_text="登记备案人员名单").click()
    table = page.locator("details table").first
    box = page.locator("details .md-typeset__scrollwrap").first
    box.scroll_into_view_if_needed()
    corner = table.locator("thead th").first
    before = corner.bounding_box()
    box.evaluate("b => { b.scrollTop = 1500; b.scrollLeft = 400; }")
    page.wait_for_timeout(100)
    head, frame = corner.bounding_box(), box.bounding_box()
    assert before is not None and head is not None and frame is not None
    assert (
        abs(head["y"] - frame["y"]) < 2 and frame["x"] - 1 < head["x"] < before["x"] + 1
    )  # stuck to the box
    # what shows at the box's left edge, half-way down, is still each row's first cell
    probe = (
        "([x, y]) => { const c = document.elementFromPoint(x, y).closest('td'); return c && c.cellIndex; }"
    )
    assert page.evaluate(probe, [before["x"] + 4, frame["y"] + frame["height"] / 2]) == 0
    assert box.evaluate("b => b.scrollTop") > 500  # it did scroll: the header stayed


@pytest.mark.parametrize("query", ["医院", "疾控", "person", "code"])
def test_search_finds_the_right_page_first(server: str, page: Page, query: str) -> None:
    person = next(s for s in PLANTED["situations"] if s["kind"] == "missing_report")
    wanted = {
        "医院": "/units/",
        "疾控": "/units/sjkzx/",
        "person": f"/units/{person['unit']}/",
        "code": "/units/skqyy/",
    }[query]
    text = {"person": person["name"], "code": "skqyy"}.get(query, query)
    _open(page, server + "/", server)
    assert _search(page, text) > 0
    first = page.locator(".md-search-result__item a").first
    href = first.get_attribute("href") or ""
    assert wanted in href, (text, href)
    if query == "医院":
        assert "医院" in first.inner_text()


def test_search_results_never_show_internal_markers(public: Path) -> None:
    index = (public / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "PRIVTRAVEL" not in index


def test_the_site_works_opened_as_a_file(public: Path, browser: Browser) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file://") else problems.append(r.url))
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    page.goto((public / "index.html").as_uri())
    page.locator(".md-nav__link", has_text="核查发现").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/findings/index.html") and page.locator("h1").inner_text() == "核查发现"
    assert _search(page, "疾控") > 0
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert "/units/sjkzx/index.html" in page.url and "疾病预防控制中心" in page.locator("h1").inner_text()
    assert problems == []
    page.close()


def test_no_page_reaches_outside_and_no_loader_points_at_a_cdn(server: str, public: Path, page: Page) -> None:
    for path in (
        "/",
        "/progress/",
        "/stats/",
        "/findings/",
        "/units/sjkzx/",
        "/inspection/",
        "/audit/",
        "/404.html",
    ):
        assert _open(page, server + path, server) == [], path
    for script in (public / "assets" / "javascripts").glob("*.js"):
        assert "unpkg.com" not in script.read_text(encoding="utf-8"), script.name
    assert "找不到这个页面" in (public / "404.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def npm_packages() -> Path:
    """axe-core and iframe-worker as pinned in tests/site/npm (npm ci, once)."""
    if shutil.which("npm") is None:
        if os.environ.get("CI"):
            pytest.fail("the dashboard's tests need npm (Node.js) for axe-core")
        pytest.skip("npm is not installed")
    if not (NPM / "node_modules" / "axe-core" / "axe.min.js").exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=NPM,
            check=True,
            capture_output=True,
        )
    return NPM / "node_modules"


@pytest.mark.parametrize(
    "path", ["/", "/progress/", "/findings/", "/units/srmyy/", "/stats/", "/inspection/"]
)
def test_no_serious_contrast_violation(server: str, page: Page, npm_packages: Path, path: str) -> None:
    _open(page, server + path, server)
    page.add_script_tag(path=str(npm_packages / "axe-core" / "axe.min.js"))
    result = page.evaluate("() => axe.run(document, {runOnly: ['color-contrast']})")
    serious = [
        (v["id"], n["target"], n.get("any", [{}])[0].get("message", ""))
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
        for n in v["nodes"]
    ]
    assert serious == [], serious[:5]


def test_the_vendored_iframe_worker_shim_is_the_pinned_one(npm_packages: Path) -> None:
    vendored = (REPO / "site" / "assets" / "vendor" / "iframe-worker-shim.js").read_text(encoding="utf-8")
    pinned = (npm_packages / "iframe-worker" / "shim" / "index.js").read_text(encoding="utf-8")
    assert vendored.endswith(pinned)


def test_a_unit_page_prints_on_a4_with_page_numbers_data_date_and_repeated_headers(
    server: str, browser: Browser, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("printing is checked with pdftotext (poppler-utils): .ci/run installs it")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    page = browser.new_page()
    page.goto(server + "/units/srmyy/")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    pdf = tmp_path / "srmyy.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 2
    for number, body in enumerate(pages, start=1):
        assert "数据截至 2019年6月30日" in body and f"第 {number} 页，共 {len(pages)} 页" in body, number
        assert "检查提示代码" not in body and "搜索" not in body  # no navigation, no search box
        row = re.search(r"^\s*\d{4}\s+\S+.*(本地本单位管理的人员|下属单位管理的人员|其他人员)", body, re.M)
        if row and "登记备案类别" not in body[: row.start()]:
            pytest.fail(f"page {number} continues the roster without its header row")


def test_the_matrix_sorts_and_keeps_its_totals_last(server: str, page: Page) -> None:
    _open(page, server + "/findings/", server)
    table = page.locator("table[data-sortable]").first
    header = table.locator("thead th", has_text="已查实")
    header.click()
    values = [int(v) for v in table.locator("tbody tr:not(.total) td:nth-child(9)").all_inner_texts()]
    assert values == sorted(values, reverse=True) and header.get_attribute("aria-sort") == "descending"
    header.click()
    values = [int(v) for v in table.locator("tbody tr:not(.total) td:nth-child(9)").all_inner_texts()]
    assert values == sorted(values)
    assert "合计" in table.locator("tbody tr").last.inner_text()


def _planted_unit(kind: str) -> str:
    (unit,) = {s["unit"] for s in PLANTED["situations"] if s["kind"] == kind}
    return str(unit)


def test_unit_pages_flag_what_does_not_add_up(public: Path) -> None:
    # the two inspection conclusions planted against the data, and only those, are flagged
    flagged = {
        p.parent.name
        for p in (public / "units").glob("*/index.html")
        if "检查结论与本单位的数据不一致" in p.read_text(encoding="utf-8")
    }
    said = _planted_unit("inspection_says_no_rules")
    overlooked = _planted_unit("inspection_overlooked")
    assert flagged == {said, overlooked}
    # the inspection says 尚未出台制度; the unit's 单位.yaml lists its rules
    page = (public / "units" / said / "index.html").read_text(encoding="utf-8")
    assert "应建尽建：检查组认为本单位未建立制度" in page
    (aspect,) = {s["details"]["方面"] for s in PLANTED["situations"] if s["kind"] == "inspection_overlooked"}
    page = (public / "units" / overlooked / "index.html").read_text(encoding="utf-8")
    assert f"{aspect}：检查组结论「符合要求」，但与公安数据比对：待核实" in page
    srmyy = (public / "units" / "srmyy" / "index.html").read_text(encoding="utf-8")
    covered = [s for s in PLANTED["situations"] if s["unit"] == "srmyy" and s["case"] and s["findings"]]
    assert covered and "已登记违规问题、尚未答复的核查项" in srmyy
    for s in covered:
        assert f"（{s['person']} {s['name']}）→ 违规问题 {s['case']}" in srmyy
    assert '<h2 id="填报格式检查">' in srmyy and '<h2 id="检查结果">' not in srmyy
    uninspected = next(code for code in _units().values() if code not in PLANTED["inspected"])
    clean = (public / "units" / uninspected / "index.html").read_text(encoding="utf-8")
    assert "专项检查组尚未检查本单位" in clean and "检查结论与本单位的数据不一致" not in clean


def test_a_figure_opens_a_small_page_of_its_sources_with_the_entry_highlighted(
    server: str, page: Page
) -> None:
    _open(page, server + "/stats/", server)
    link = page.locator(".privtravel-stats td a[href*='stats-sources/']").first
    target = (link.get_attribute("href") or "").split("#")[1]
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(".html#" + target)
    size = page.evaluate("() => document.documentElement.outerHTML.length")
    assert size < 200_000  # one row's sources, not all of them
    entry = page.locator(f"section[id='{target}']")
    assert entry.is_visible()
    assert entry.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 245, 157)"


def _campaign() -> dict[str, Any]:
    return dict(yaml.safe_load((REPO / "campaign.yaml").read_text(encoding="utf-8")))


def _campaign_units() -> list[dict[str, str]]:
    return list(_campaign()["单位"])


def _visible_rows(table: Locator) -> list[list[str]]:
    rows = table.locator("tbody tr:visible")
    return [rows.nth(i).locator("th, td").all_inner_texts() for i in range(rows.count())]


@pytest.mark.parametrize(
    ("key", "field", "group"), [("region", "地区", "市直公共卫生单位"), ("category", "类别", "医院")]
)
def test_overview_by_region_and_by_unit_category_add_up_and_filter(
    server: str, page: Page, key: str, field: str, group: str
) -> None:
    assert _open(page, server + "/", server) == []
    units = _campaign_units()
    table = page.locator(f"table#groups-{key}")
    body = _visible_rows(table)
    groups, total = body[:-1], body[-1]
    order = [r["名称"] for r in _campaign()["地区"]] if key == "region" else list(UNIT_CATEGORIES)
    assert total[0] == "合计"
    labels = [g[0].removesuffix("小计").strip() for g in groups]
    assert labels == [o for o in order if any(u[field] == o for u in units)]
    for column in range(1, len(total)):  # every figure: the groups' 小计 add up to the 合计
        assert sum(int(r[column]) for r in groups) == int(total[column]), column
    assert int(total[1]) == len(units)
    page.select_option(f"select[data-filter={key}]", group)
    members = {u["名称"] for u in units if u[field] == group}
    body = _visible_rows(table)
    assert {r[0] for r in body[:-2]} == members and body[-2][0].startswith(group) and body[-1][0] == "合计"
    assert sum(int(r[1]) for r in body[:-2]) == int(body[-2][1]) == len(members)
    for column in range(2, len(total)):  # the units add up to their group's 小计
        assert sum(int(r[column]) for r in body[:-2]) == int(body[-2][column])
    shown = page.locator(f"table:not(#groups-{key}) tr[data-{key}]:visible")  # 总览's unit tables narrow
    assert shown.count() >= len(members)
    assert {shown.nth(i).get_attribute(f"data-{key}") for i in range(shown.count())} == {group}
    page.select_option(f"select[data-filter={key}]", "")
    assert len(_visible_rows(table)) == len(groups) + 1


def test_every_demo_unit_has_a_category_from_the_schema() -> None:
    schema = json.loads((REPO / "schemas" / "campaign.schema.json").read_text(encoding="utf-8"))
    allowed = schema["properties"]["单位"]["items"]["properties"]["类别"]["enum"]
    assert tuple(allowed) == UNIT_CATEGORIES
    assert all(u.get("类别") in allowed for u in _campaign_units())


def test_the_statistics_tables_keep_their_headers_while_scrolling(server: str, page: Page) -> None:
    _open(page, server + "/stats/", server)
    box = page.locator(".privtravel-stats")
    box.scroll_into_view_if_needed()
    box.evaluate("b => { b.scrollTop = 300; }")
    page.wait_for_timeout(100)
    head, frame = page.locator("#fj2 thead").bounding_box(), box.bounding_box()
    assert head is not None and frame is not None
    assert box.evaluate("b => b.scrollTop") > 100 and abs(head["y"] - frame["y"]) < 2


def test_progress_charts_by_day_are_readable_and_say_how_thin_the_history_is(server: str, page: Page) -> None:
    assert _open(page, server + "/progress/", server) == []
    charts = page.locator("figure.chart.days")
    assert charts.count() == 3
    findings = charts.nth(1)
    assert "核查发现" in findings.locator("figcaption").inner_text()
    # the police data arrived on 6月12日: every finding opened that day, none before
    bars = findings.locator("rect title").evaluate_all("ts => ts.map(t => t.textContent)")
    opened = [t for t in bars if "新增待核实" in t]
    assert len(opened) == 1 and opened[0].startswith("6-12 "), opened
    _open(page, server + "/", server)  # none answered yet: as many as 总览 counts 待核实
    groups = page.locator("table#groups-region")
    column = groups.locator("thead th").all_inner_texts().index("比对发现待核实")
    total = groups.locator("tbody tr.total").locator("th, td").all_inner_texts()[column]
    assert opened[0].endswith(f" {total}") and int(total) > 0
    _open(page, server + "/progress/", server)
    table = page.locator("h2#按日数据 ~ div table, h2#按日数据 + table").first
    assert "2019-06-12" in table.inner_text()
    # honest about how thin the history is: the note shows exactly when fewer than 7 days are listed
    # (the two days of commits, and the days the demo's 整改.yaml records items as 已完成)
    rows = [r for r in table.locator("tbody tr").all_inner_texts() if not r.startswith("合计")]
    assert ("少于 7 天" in page.locator("article").inner_text()) == (len(rows) < 7), len(rows)
    head = table.locator("thead th").all_inner_texts()
    total = table.locator("tbody tr").last.locator("th, td").all_inner_texts()
    done = [
        item
        for path in (REPO / "submissions").glob("*/整改.yaml")
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["整改"]
        if item["整改状态"] == "已完成"
    ]
    assert done and total[head.index("整改完成")] == str(len(done))
    for i in range(charts.count()):  # chart text as large on screen as the page's small print
        size = charts.nth(i).locator("svg text").first.evaluate("t => t.getBoundingClientRect().height")
        assert size >= 10, size
