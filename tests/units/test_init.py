"""`units init` and the unit's own check (`units hook`): a ready repository, judged by the committee."""

from __future__ import annotations

import shutil

import pytest

from privtravel.cli import main
from tests.units.conftest import TESTS, World, edit, git


def test_init_writes_a_ready_unit_repository(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    committee, out = world.committee, world.top / "new-unit"
    shutil.copytree(TESTS.parent / ".gitlab", committee / ".gitlab")
    assert main(["--root", str(committee), "units", "init", "szyy", "--out", str(out)]) == 0
    rev = git(committee, "rev-parse", "HEAD").strip()
    config = (out / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"repo: {world.origin}" in config and f"rev: {rev}" in config and "args: [--unit, szyy]" in config
    templates = {
        p.name: p.read_text(encoding="utf-8") for p in (out / ".gitlab/merge_request_templates").glob("*.md")
    }
    assert set(templates) == {"单位填报.md", "更正.md"}
    assert all("submissions/" not in t for t in templates.values())
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "绍兴市中医院（szyy）" in readme and "pre-commit install" in readme
    assert git(out, "status", "--porcelain") == "" and git(out, "rev-list", "--count", "HEAD").strip() == "1"
    # every first line points at a schema the unit repository carries
    for path in out.rglob("*.yaml"):
        if path.name.startswith("."):
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("=", 1)[1]).resolve().is_file(), path
    capsys.readouterr()

    # the unit's own check: the committee's judge, paths as HR sees them
    assert main(["--root", str(out), "units", "hook", "--unit", "szyy", "--committee", str(committee)]) == 0
    edit(out / "单位.yaml", "单位代码: szyy", "单位代码: srmyy")
    assert main(["--root", str(out), "units", "hook", "--unit", "szyy", "--committee", str(committee)]) == 1
    text = capsys.readouterr().out
    assert "单位.yaml:" in text and "R309" in text and "submissions/" not in text


def test_init_for_a_unit_without_a_folder_writes_a_start(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    committee, out = world.committee, world.top / "start"
    git(committee, "rm", "-q", "-r", "submissions/sjkzx")
    assert main(["--root", str(committee), "units", "init", "sjkzx", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.glob("[!.]*.yaml")) == ["单位.yaml", "登记备案.yaml"]
    capsys.readouterr()
    assert main(["--root", str(out), "units", "hook", "--unit", "sjkzx", "--committee", str(committee)]) == 1
    assert "单位.yaml" in capsys.readouterr().out  # what HR still has to fill in
    assert main(["--root", str(committee), "units", "init", "sjkzx", "--out", str(out)]) == 2
    assert main(["--root", str(committee), "units", "init", "nosuch", "--out", str(world.top / "x")]) == 2


def test_an_interrupted_init_leaves_no_half_repository(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from privtravel.units import init

    committee, out = world.committee, world.top / "new-unit"

    def power_cut(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(init, "write_scaffold", power_cut)
    assert main(["--root", str(committee), "units", "init", "szyy", "--out", str(out)]) != 0  # Ctrl-C
    assert not out.exists() and not list(world.top.glob(".new-unit*"))
    monkeypatch.undo()
    (world.top / ".new-unit.privtravel-init").mkdir()  # what a killed run leaves
    (world.top / ".new-unit.privtravel-init" / "half").write_text("x", encoding="utf-8")
    assert main(["--root", str(committee), "units", "init", "szyy", "--out", str(out)]) == 0
    assert git(out, "status", "--porcelain") == "" and not (out / "half").exists()
    assert not (world.top / ".new-unit.privtravel-init").exists()
