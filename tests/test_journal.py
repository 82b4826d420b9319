"""Several files written as one (privtravel.journal): a process killed after any step leaves a tree
that `check` refuses to judge until recovered, and recovery gives back exactly the tree before."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privtravel import journal
from privtravel.diagnostics import FatalError

BEFORE = {"a/1.yaml": "旧 1\n", "a/2.yaml": "旧 2\n", "b/3.yaml": "旧 3\n"}
WRITE = {"a/1.yaml": "新 1\n", "a/4.yaml": "新 4\n", "c/5.yaml": "新 5\n"}
DELETE = ["b/3.yaml"]


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and journal.FOLDER not in p.parts
    }


def _start(root: Path) -> None:
    for rel, text in BEFORE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def _after() -> dict[str, str]:
    out = {**BEFORE, **WRITE}
    del out["b/3.yaml"]
    return out


def _killed_after(root: Path, steps: int) -> None:
    """Run the write in a child process that dies (as if the power went) at its ``steps``-th file
    system change."""
    pid = os.fork()
    if pid == 0:  # the child
        count = [0]
        real = {name: getattr(os, name) for name in ("replace", "link", "fsync", "unlink")}

        def step(name: str):  # type: ignore[no-untyped-def]
            def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
                count[0] += 1
                if count[0] > steps:
                    os._exit(9)
                return real[name](*args, **kwargs)

            return wrapped

        for name in real:
            setattr(os, name, step(name))
        try:
            journal.write_all(root, WRITE, DELETE, 0o644, "导入")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def test_killed_after_any_step_the_tree_is_refused_then_recovered_exactly(tmp_path: Path) -> None:
    seen = set()
    for steps in range(40):
        root = tmp_path / str(steps)
        root.mkdir()
        _start(root)
        _killed_after(root, steps)
        tree = _tree(root)
        if journal.unfinished(root) is not None:
            with pytest.raises(FatalError, match="import --recover"):
                journal.refuse_if_unfinished(root)
            assert journal.recover(root) is not None
            assert _tree(root) == BEFORE
            seen.add("recovered")
        else:
            assert tree in (BEFORE, _after()), steps
            journal.recover(root)  # what a killed run left without a journal: nothing to undo
            assert _tree(root) == tree
            seen.add("before" if tree == BEFORE else "after")
        assert not (root / journal.FOLDER).exists()
    assert seen == {"before", "recovered", "after"}


def test_an_error_midway_is_undone_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _start(tmp_path)
    real, calls = os.replace, [0]

    def interrupted(*args: object) -> None:
        calls[0] += 1
        if calls[0] == 3:
            raise KeyboardInterrupt
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        journal.write_all(tmp_path, WRITE, DELETE, 0o644, "导入")
    monkeypatch.undo()
    assert _tree(tmp_path) == BEFORE and not (tmp_path / journal.FOLDER).exists()


def test_a_complete_write(tmp_path: Path) -> None:
    _start(tmp_path)
    journal.write_all(tmp_path, WRITE, DELETE, 0o640, "导入")
    assert _tree(tmp_path) == _after() and not (tmp_path / journal.FOLDER).exists()
    assert (tmp_path / "c/5.yaml").stat().st_mode & 0o777 == 0o640
