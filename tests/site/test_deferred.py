"""Tables taken out of a page's Markdown come back in the built HTML, in place and in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from privtravel.diagnostics import FatalError
from privtravel.site.deferred import Deferred

PAGE = """# 标题

<table>
<tbody><tr><td>一</td></tr></tbody>
</table>

<details><summary>名单</summary>

<table><tbody><tr><td>二</td></tr></tbody></table>

</details>
"""


@pytest.mark.parametrize("spill", [False, True])
def test_take_and_insert(tmp_path: Path, spill: bool) -> None:
    deferred = Deferred(tmp_path / "spill" if spill else None)
    text = deferred.take("units/a.md", PAGE)
    assert "<table" not in text and text.count("PRIVTRAVEL-TABLE") == 2
    if spill:  # waiting on disk, not in memory
        assert set(deferred.pages["units/a.md"].values()) == {""}
        assert "<td>二</td>" in (tmp_path / "spill" / "0.json").read_text(encoding="utf-8")
    markers = list(deferred.pages["units/a.md"])
    built = tmp_path / "units" / "a" / "index.html"
    built.parent.mkdir(parents=True)
    # Markdown passes the markers (HTML comments) through as they are, in a paragraph or not
    built.write_text(
        f"<h1>标题</h1><!-- {markers[0]} --><details><!-- {markers[1]} --></details>", encoding="utf-8"
    )
    deferred.insert(tmp_path)
    html = built.read_text(encoding="utf-8")
    assert html.index("<td>一</td>") < html.index("<td>二</td>") and "PRIVTRAVEL" not in html
    assert "<p><table>" not in html


@pytest.mark.parametrize("spill", [False, True])
def test_index_pages_and_pages_without_tables(tmp_path: Path, spill: bool) -> None:
    deferred = Deferred(tmp_path / "spill" if spill else None)
    assert deferred.take("guide/steps.md", "# 步骤\n") == "# 步骤\n"
    text = deferred.take("index.md", "<table><tr><td>1</td></tr></table>")
    (tmp_path / "index.html").write_text(text, encoding="utf-8")
    deferred.insert(tmp_path)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "<table><tr><td>1</td></tr></table>"


def test_an_unclosed_table_is_left_to_markdown() -> None:
    deferred = Deferred()
    assert deferred.take("a.md", "<table>\n<tr><td>1</td></tr>\n") == "<table>\n<tr><td>1</td></tr>\n"


def test_a_lost_marker_stops_the_build(tmp_path: Path) -> None:
    deferred = Deferred()
    deferred.take("a.md", "<table></table>")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>nothing</p>", encoding="utf-8")
    with pytest.raises(FatalError, match="找不到表格的位置"):
        deferred.insert(tmp_path)
