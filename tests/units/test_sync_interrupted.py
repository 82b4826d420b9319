"""`units sync` killed (as by a power cut) after any file system step: the committee's tree is the
one before, the one after, or refused by `check` until `units sync --recover` gives back the one
before; a later sync then takes the unit in as if nothing had happened."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from privtravel import journal
from privtravel.cli import main
from privtravel.commands.check import check
from privtravel.diagnostics import FatalError
from tests.units import test_sync
from tests.units.conftest import World, git
from tests.units.test_sync import REPORT, merge_request, pinned

mounted = test_sync.mounted  # the fixture: three units split into their own repositories

STEPS = ("replace", "link", "fsync", "unlink", "rename")


def _killed_after(committee: Path, steps: int) -> bool:
    """Run `units sync` in a child that dies at its ``steps``-th file system change; True when the
    sync finished before that."""
    pid = os.fork()
    if pid == 0:  # the child
        count = [0]
        real = {name: getattr(os, name) for name in STEPS}

        def step(name: str):  # type: ignore[no-untyped-def]
            def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
                count[0] += 1
                if count[0] > steps:
                    os._exit(9)
                return real[name](*args, **kwargs)

            return wrapped

        for name in STEPS:
            setattr(os, name, step(name))
        try:
            code = main(["--root", str(committee), "units", "sync"])
        finally:
            os._exit(0 if code == 0 else 1)  # the child must never return to pytest
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) in (0, 9), status
    return os.WEXITSTATUS(status) == 0


def _same(unit: Path, commit: str) -> bool:
    """Whether the unit's checked-out files are exactly those of ``commit``."""
    try:
        git(unit, "diff", "--quiet", commit)
    except subprocess.CalledProcessError:
        return False
    return True


def test_a_sync_killed_at_any_step_leaves_a_tree_judged_correctly(mounted: World, tmp_path: Path) -> None:
    committee = mounted.committee
    old = pinned(committee, "srmyy")
    new = merge_request(
        mounted.hr_clone("srmyy"), 3, (REPORT, "签名日期: 2019-06-04", "签名日期: 2019-06-05")
    )
    seen: set[str] = set()
    for steps in range(60):
        copy = tmp_path / f"run{steps}"
        shutil.copytree(committee, copy, symlinks=True)
        unit = copy / "submissions" / "srmyy"
        finished = _killed_after(copy, steps)
        if journal.unfinished(copy) is not None:
            with pytest.raises(FatalError, match="units sync --recover"):
                journal.refuse_if_unfinished(copy)
            assert main(["--root", str(copy), "units", "sync", "--recover"]) == 0
            assert journal.unfinished(copy) is None and _same(unit, old), steps
            seen.add("recovered")
        else:
            assert _same(unit, old) or _same(unit, new), steps
            seen.add("new" if _same(unit, new) else "old")
        assert not check(copy).errors, steps
        assert main(["--root", str(copy), "units", "sync"]) == 0  # finishes what was left
        assert pinned(copy, "srmyy") == new and _same(unit, new), steps
        assert not git(copy, "status", "--porcelain", "--ignore-submodules=none").strip(), steps
        shutil.rmtree(copy)
        if finished:
            break
    else:
        pytest.fail("the sync never finished")
    assert seen == {"old", "recovered", "new"}, seen
