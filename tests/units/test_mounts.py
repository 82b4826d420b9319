"""Reading through mounts: a clone whose unit repositories are not checked out says so (F113)."""

from __future__ import annotations

from privtravel.cli import main
from privtravel.commands.check import check
from tests.units.conftest import World, git


def test_a_mount_not_checked_out_is_an_error_not_an_empty_unit(world: World) -> None:
    committee = world.committee
    assert main(["--root", str(committee), "units", "split", "srmyy", "--url", "../units/srmyy.git"]) == 0
    git(committee, "push", "-q", "origin", "main")
    fresh = world.top / "fresh"
    git(world.top, "clone", "-q", str(world.origin), str(fresh))  # no --recurse-submodules
    found = [d for d in check(fresh).diagnostics if d.code == "F113"]
    assert [d.path for d in found] == ["submissions/srmyy"]
    assert "git submodule update --init" in found[0].message
    assert check(fresh, ["submissions/szyy/单位.yaml"]).errors == []  # another unit's check is unaffected
    git(fresh, "submodule", "update", "-q", "--init")
    assert check(fresh).errors == []
