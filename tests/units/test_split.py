"""`units split`: the folder's history moves to the unit repository; the folder becomes a mount."""

from __future__ import annotations

import subprocess
from pathlib import Path

from privtravel.cli import main
from privtravel.commands.check import check
from tests.units.conftest import TESTS, UNITS, World, edit, git

REPORT = "报告/0001-赵明.yaml"


def _history(cwd: Path, path: str) -> list[str]:
    return git(cwd, "log", "--format=%an|%ae|%aI|%s", "--", path).splitlines()


def test_split_keeps_each_files_history_and_mounts_the_unit(world: World, capsys: object) -> None:
    committee = world.committee
    report = committee / "submissions/srmyy" / REPORT
    for i, (who, when) in enumerate(
        [("李人事", "2019-05-02T10:00:00+08:00"), ("王人事", "2019-05-09T15:30:00+08:00")]
    ):
        text = report.read_text(encoding="utf-8")
        report.write_text(text + f"# 更正 {i}\n", encoding="utf-8")
        git(committee, "commit", "-q", "-am", f"赵明报告更正 {i}", author=who, date=when)
    before = _history(committee, f"submissions/srmyy/{REPORT}")
    assert len(before) == 3
    checked_before = check(committee).diagnostics

    assert main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 0

    clone = world.hr_clone("srmyy")
    after = _history(clone, REPORT)
    assert after[1:] == before, "author, date and message of every commit"
    assert after[0].endswith(
        "|Make this folder a unit repository: schemas, modelines, pre-commit hook, templates, README"
    )
    # the committee now mounts the unit repository, pinned to its main, by a relative URL
    gitmodules = (committee / ".gitmodules").read_text(encoding="utf-8")
    assert "path = submissions/srmyy" in gitmodules and "url = ../units/srmyy.git" in gitmodules
    pinned = git(committee, "ls-tree", "HEAD", "submissions/srmyy").split()
    assert pinned[0] == "160000" and pinned[2] == git(clone, "rev-parse", "HEAD").strip()
    assert git(committee, "status", "--porcelain") == ""
    # the unit repository is ready: schemas for the modelines, hook, README; first lines point inside
    assert (clone / "schemas/report.schema.json").is_file() and (clone / "README.md").is_file()
    assert "id: privtravel-unit" in (clone / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    first = (clone / REPORT).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/report.schema.json"
    assert (clone / REPORT.split("/")[0] / first.split("=")[1]).resolve().is_file()
    # the committee reads the mount exactly as the folder: same diagnostics
    assert check(committee).diagnostics == checked_before


def test_split_refuses_what_it_cannot_do_cleanly(world: World, capsys: object) -> None:
    committee = world.committee
    edit(committee / "submissions/srmyy/单位.yaml", "单位代码", "单位代码 ")
    assert main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 2
    git(committee, "checkout", "-q", "--", ".")
    assert main(["--root", str(committee), "units", "split", "nosuch", "--url", "../units/x.git"]) == 2
    assert main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 0
    assert main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "未提交的改动" in err and "不在 campaign.yaml" in err and "已经是单位仓库" in err


def test_a_unit_clone_holds_no_other_units_personal_data(world: World) -> None:
    committee = world.committee
    numbers = _personal_numbers(committee)
    for code in UNITS:
        assert main(["--root", str(committee), "units", "split", code, "--url", f"../units/{code}.git"]) == 0
    for code in UNITS:
        clone = world.hr_clone(code)
        # every object of the clone, decompressed: blobs of all versions, trees, commit messages
        everything = subprocess.run(
            ["git", "cat-file", "--batch-all-objects", "--batch"], cwd=clone, capture_output=True, check=True
        ).stdout
        files = b"".join(p.read_bytes() for p in clone.rglob("*") if p.is_file())
        for other, values in numbers.items():
            for value in values:
                assert (value.encode() in everything) == (other == code), (code, other, value)
                assert (value.encode() in files) == (other == code), (code, other, value)


def _personal_numbers(root: Path) -> dict[str, set[str]]:
    """Every ID and document number in each unit's declarations."""
    import re

    pattern = re.compile(r'(?:公民身份号码|证件号码):\s*"?([0-9A-Z]{8,18})"?')
    examples = "".join(p.read_text(encoding="utf-8") for p in (TESTS.parent / "schemas").glob("*.json"))
    out: dict[str, set[str]] = {}
    for code in UNITS:
        found: set[str] = set()
        for path in (root / "submissions" / code).rglob("*.yaml"):
            found.update(pattern.findall(path.read_text(encoding="utf-8")))
        found = {n for n in found if n not in examples}  # the schemas' own examples (E12345678)
        assert found, code
        out[code] = found
    return out
