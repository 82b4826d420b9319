"""The same declarations give the same results whether units are plain folders or mounted unit
repositories, mixed: check, statistics (附件2/附件3 with their sources), exports, cross-check
findings against the police records, reminders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privtravel.cli import main
from tests.units.conftest import make_world


def outputs(root: Path, capsys: pytest.CaptureFixture[str], exports: Path) -> dict[str, object]:
    capsys.readouterr()
    got: dict[str, object] = {}
    for name, argv in {
        "check": ["check", "--format", "json", "--no-cache"],
        "stats": ["stats", "--format", "json", "--out", str(exports)],
        "crosscheck": ["crosscheck", "--format", "json"],
        "remind": ["remind", "--date", "2019-06-08", "--format", "csv"],
    }.items():
        main(["--root", str(root), *argv])
        text = capsys.readouterr().out
        if name == "stats":
            start = text.index("{")
            data = json.loads(text[start:])
            data.pop("数据版本")  # the commit differs, by design
            got[name] = data
        elif name in ("check", "crosscheck"):
            got[name] = json.loads(text)
        else:
            got[name] = text
    got["exports"] = {p.name: p.read_bytes() for p in sorted(exports.glob("*.csv"))}
    return got


def test_mixed_folders_and_mounts_give_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in {"GIT_AUTHOR_NAME": "委政治处", "GIT_COMMITTER_NAME": "委政治处"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "zzc@example.invalid")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "zzc@example.invalid")
    monkeypatch.setenv("HOME", str(tmp_path))
    demo = tmp_path / "demo"
    assert main(["demo", "--out", str(demo), "--units", "3", "--people", "150", "--crossings", "300"]) == 0
    codes = tuple(sorted(p.name for p in (demo / "submissions").iterdir()))
    world = make_world(tmp_path, demo, codes)
    plain = outputs(world.committee, capsys, tmp_path / "plain-exports")
    assert plain["crosscheck"]["findings"], "the demo's police data gives findings"  # type: ignore[index]

    for code in codes[:2]:
        assert (
            main(["--root", str(world.committee), "units", "split", code, "--url", f"../units/{code}.git"])
            == 0
        )
    mixed = outputs(world.committee, capsys, tmp_path / "mixed-exports")
    for name in plain:
        assert mixed[name] == plain[name], name
