"""`site` swaps in only a finished build: killed or interrupted at any moment, the folder holds the
old dashboard or the new one, never a half; Ctrl-C ends it at once without a traceback."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from privtravel.diagnostics import FatalError
from privtravel.site import swap

TESTS = Path(__file__).parents[1]
MARK = "old-dashboard.txt"


def _site(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "privtravel", "--root", str(root), "site", "--today", "2026-07-01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _state(out: Path) -> str:
    """'old' or 'new'; anything else fails the test."""
    assert out.is_dir(), "看板目录不见了"
    if (out / MARK).exists():
        return "old"
    assert (out / "index.html").is_file() and (out / "search" / "search_index.json").is_file()
    assert (out / "stats" / "index.html").is_file() and (out / "findings" / "index.html").is_file()
    return "new"


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".public."))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A copy of the mini campaign with a dashboard already built, and how long a build takes."""
    root = tmp_path_factory.mktemp("swap") / "campaign"
    shutil.copytree(TESTS / "fixtures" / "mini", root)
    start = time.monotonic()
    done = _site(root).communicate()
    assert (root / "public" / "index.html").is_file(), done
    return root, time.monotonic() - start


def _fresh(built: tuple[Path, float], tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(built[0], root, symlinks=True)
    (root / "public" / MARK).write_text("旧看板", encoding="utf-8")
    return root


def test_killed_at_random_moments_leaves_the_old_or_the_new_dashboard(
    built: tuple[Path, float], tmp_path: Path
) -> None:
    root = _fresh(built, tmp_path)
    seen = set()
    for delay in [*sorted(random.Random(18).uniform(0.2, built[1] * 1.1) for _ in range(3)), built[1] * 3]:
        process = _site(root)
        time.sleep(delay)
        process.kill()
        process.communicate()
        seen.add(_state(root / "public"))
        if "new" in seen:
            (root / "public" / MARK).write_text("旧看板", encoding="utf-8")
    assert "old" in seen or "new" in seen
    _, err = _site(root).communicate()  # the next run cleans up after the killed ones
    assert _state(root / "public") == "new", err
    assert _leftovers(root) == []


def test_ctrl_c_ends_at_once_without_a_traceback_and_keeps_the_old_dashboard(
    built: tuple[Path, float], tmp_path: Path
) -> None:
    root = _fresh(built, tmp_path)
    process = _site(root)
    time.sleep(min(2.0, built[1] / 2))
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "已中断" in err
    assert _state(root / "public") == "old"
    assert _leftovers(root) == []


def test_a_failed_build_leaves_the_old_folder_and_no_temporary_one(tmp_path: Path) -> None:
    out = tmp_path / "public"
    out.mkdir()
    (out / MARK).write_text("旧看板", encoding="utf-8")
    with pytest.raises(FatalError), swap.building(out) as new:
        (new / "index.html").write_text("半成品", encoding="utf-8")
        raise FatalError("构建失败")
    assert _state(out) == "old" and _leftovers(tmp_path) == []
    with swap.building(out) as new:
        (new / "index.html").write_text("新", encoding="utf-8")
    assert (out / "index.html").read_text(encoding="utf-8") == "新" and not (out / MARK).exists()
    assert _leftovers(tmp_path) == []


def test_killed_between_the_two_renames_the_next_run_puts_the_old_dashboard_back(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    old = tmp_path / f".public.old-{pid}"
    old.mkdir()
    (old / MARK).write_text("旧看板", encoding="utf-8")
    (tmp_path / f".public.new-{pid}-x").mkdir()  # its unfinished build
    swap.recover(tmp_path / "public")
    assert (tmp_path / "public" / MARK).is_file() and _leftovers(tmp_path) == []


def test_a_file_in_the_way_is_refused_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "public").write_text("", encoding="utf-8")
    with pytest.raises(FatalError, match="不是目录"), swap.building(tmp_path / "public"):
        pass


def test_two_renames_where_the_system_cannot_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    out = tmp_path / "public"
    out.mkdir()
    (out / MARK).write_text("旧看板", encoding="utf-8")
    with swap.building(out) as new:
        (new / "index.html").write_text("新", encoding="utf-8")
    assert (out / "index.html").is_file() and not (out / MARK).exists() and _leftovers(tmp_path) == []
    assert os.stat(out).st_mode & 0o777 == 0o755
