"""The editor experience in a unit repository, with the real yaml-language-server: each file's first
line finds its schema in the unit's own clone and where the committee mounts it (completion, hover
and the schema's Chinese messages then work in both places)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from privtravel.cli import main
from tests.units.conftest import TESTS, World, edit, git
from tests.units.lsp import Client


@pytest.fixture
def lsp(world: World) -> Iterator[Client]:
    client = Client(world.top)
    try:
        yield client
    finally:
        client.close()


def test_modelines_resolve_in_the_unit_clone_and_in_the_mount(world: World, lsp: Client) -> None:
    committee = world.committee
    assert main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 0
    clone = world.hr_clone("srmyy")
    for where in (clone, committee / "submissions" / "srmyy"):
        report = where / "报告/0001-赵明.yaml"
        edit(report, "单位代码: srmyy", "单位代码: srmyy\n错字段: 1")  # a key the schema does not allow
        messages = [d["message"] for d in lsp.diagnostics(report)]
        assert any("错字段" in m for m in messages), (where, messages)
        assert not any("Unable to load schema" in m or "无法" in m for m in messages), messages
        unit = where / "单位.yaml"
        assert lsp.diagnostics(unit) == [], unit
        assert "单位代码" in lsp.hover(unit, 1, 2), unit  # the schema's Chinese title and help
        git(where, "checkout", "-q", "--", ".")


def test_a_plain_folder_keeps_the_committee_schemas(world: World, lsp: Client) -> None:
    shutil.copytree(TESTS.parent / "schemas", world.committee / "schemas")
    unit = world.committee / "submissions/szyy/单位.yaml"
    assert lsp.diagnostics(unit) == []
    edit(unit, "单位代码: szyy", "单位代码: szyy\n错字段: 1")
    messages = [d["message"] for d in lsp.diagnostics(unit)]
    assert any("错字段" in m for m in messages) and not any("Unable to load schema" in m for m in messages)
