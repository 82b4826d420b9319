"""`units split` killed (as by a power cut) at points spread over its file system steps: `check`
judges the tree as before, or refuses it with a message that says what to do, never half a unit;
running the split again finishes it, with the unit repository that the interrupted run pushed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from privtravel import journal
from privtravel.cli import main
from privtravel.commands.check import check
from privtravel.units import mounting
from tests.units.conftest import World, git

STEPS = ("replace", "link", "fsync", "unlink", "rename", "rmdir")


def _split(committee: Path, kill_at: int | None, counted: Path | None = None) -> bool:
    """`units split srmyy` in a child that dies at its ``kill_at``-th file system change; True when
    it finished before that.  ``counted`` receives how many changes a whole run made."""
    pid = os.fork()
    if pid == 0:  # the child
        count = [0]
        real = {name: getattr(os, name) for name in STEPS}

        def step(name: str):  # type: ignore[no-untyped-def]
            def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
                count[0] += 1
                if kill_at is not None and count[0] > kill_at:
                    os._exit(9)
                return real[name](*args, **kwargs)

            return wrapped

        for name in STEPS:
            setattr(os, name, step(name))
        code = 1
        try:
            code = main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"])
        finally:
            if counted is not None:
                counted.write_text(str(count[0]))
            os._exit(0 if code == 0 else 1)  # the child must never return to pytest
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) in (0, 9), status
    return os.WEXITSTATUS(status) == 0


def _copy(world: World, where: Path) -> Path:
    """The committee alone, with an origin and an empty unit repository of its own."""
    committee = where / "committee"
    shutil.copytree(world.committee, committee, symlinks=True)
    git(where, "init", "-q", "--bare", "-b", "main", str(where / "units" / "srmyy.git"))
    git(committee, "remote", "set-url", "origin", str(where / "committee.git"))
    return committee


def test_a_split_killed_midway_is_judged_as_before_or_refused_and_finished_by_running_it_again(
    world: World, tmp_path: Path
) -> None:
    before = sorted(check(world.committee).diagnostics, key=lambda d: d.sort_key())
    counted = tmp_path / "steps"
    assert _split(_copy(world, tmp_path / "whole"), None, counted)
    total = int(counted.read_text())
    # a few early points (the unit repository built and pushed, the temporary clone removed), then
    # every few steps over the mount at the end (journal, the folder emptied, the checkout moved in)
    kill_points = sorted({0, 1, total // 3, 2 * total // 3, *range(max(total - 70, 2), total, 4)})
    # the count varies a little from run to run (what git leaves in the temporary clone): go on
    # past it until a run finishes
    seen: set[str] = set()
    for kill_at in [*kill_points, *range(total, 2 * total + 60, 3)]:
        where = tmp_path / f"run{kill_at}"
        committee = _copy(world, where)
        finished = _split(committee, kill_at)
        if journal.unfinished(committee) is not None:
            seen.add("refused")
            assert check_refuses(committee)
            assert main(["--root", str(committee), "import", "--recover"]) == 0
        if not finished:
            diagnostics = sorted(check(committee).diagnostics, key=lambda d: d.sort_key())
            new = [d for d in diagnostics if d not in before]
            assert all(d.code == "F113" and d.path == "submissions/srmyy" for d in new), (kill_at, new)
            seen.add("not checked out" if new else "as before")
            assert _split(committee, None), kill_at  # the split taken up again
        head = git(where / "units" / "srmyy.git", "rev-parse", "main").strip()
        assert git(committee, "ls-tree", "HEAD", "submissions/srmyy").split()[2] == head, kill_at
        assert mounting.finished(committee, "srmyy", head), kill_at
        assert git(committee, "status", "--porcelain") == "", kill_at
        assert sorted(check(committee).diagnostics, key=lambda d: d.sort_key()) == before, kill_at
        shutil.rmtree(where)
        if finished:
            break
    else:
        pytest.fail("the split never finished")
    assert {"as before", "refused"} <= seen, seen


def check_refuses(committee: Path) -> bool:
    try:
        journal.refuse_if_unfinished(committee)
    except Exception as exc:
        return "--recover" in str(exc)
    return False
