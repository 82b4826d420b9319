"""Loading with several processes gives exactly what loading in one gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from privtravel.diagnostics import Result
from privtravel.load import repository

REPO = Path(__file__).parents[2]


def test_parallel_load_equals_serial_load(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(REPO / "submissions", root / "submissions")
    shutil.copy(REPO / "campaign.yaml", root / "campaign.yaml")
    broken = next((root / "submissions").glob("*/报告/*.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8").replace("报告类型:", "报告类型: 护照\n备注:"))
    serial, parallel = Result(), Result()
    one = repository.load(root, serial, workers=1)
    two = repository.load(root, parallel, workers=2)
    assert list(one.units) == list(two.units)
    for code in one.units:
        assert one.units[code] == two.units[code], code
    assert serial.diagnostics == parallel.diagnostics
    assert serial.errors and serial.files_checked == parallel.files_checked > 600


def test_parallel_cold_check_fills_the_cache_like_a_serial_one(tmp_path: Path) -> None:
    from privtravel.commands.check import check_repository
    from privtravel.load.cache import Cache

    root = tmp_path / "demo"
    shutil.copytree(REPO / "submissions", root / "submissions")
    shutil.copy(REPO / "campaign.yaml", root / "campaign.yaml")
    original = repository.default_workers
    try:
        repository.default_workers = lambda files: 2  # type: ignore[assignment]
        memo = Cache.open(root)
        _, cold = check_repository(root, cache=memo)
        memo.store(cold)
        assert len(memo.new_files) > 600
    finally:
        repository.default_workers = original  # type: ignore[assignment]
    warm_memo = Cache.open(root)
    _, warm = check_repository(root, cache=warm_memo)
    assert warm.diagnostics == cold.diagnostics and warm.files_checked == cold.files_checked
    assert len(warm_memo.hits) == 20  # every unit served from what the parallel run stored


def test_parallel_cold_check_command_stores_in_the_workers(tmp_path: Path) -> None:
    """`check` lets each worker store its own units; a warm run is then served entirely."""
    from privtravel.commands.check import check
    from privtravel.load.cache import Cache

    root = tmp_path / "demo"
    shutil.copytree(REPO / "submissions", root / "submissions")
    shutil.copy(REPO / "campaign.yaml", root / "campaign.yaml")
    broken = next((root / "submissions").glob("*/登记备案.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8").replace("    姓名:", "    姓名: 张三\n    姓名:", 1))
    serial = check(root)
    original = repository.default_workers
    try:
        repository.default_workers = lambda files: 2  # type: ignore[assignment]
        cold = check(root, cache=True)
    finally:
        repository.default_workers = original  # type: ignore[assignment]
    assert cold.diagnostics == serial.diagnostics and cold.files_checked == serial.files_checked
    assert any(d.code == "F106" for d in cold.diagnostics)
    assert len(list((root / ".cache" / "privtravel" / "units").glob("*.result.json"))) == 20
    warm_memo = Cache.open(root)
    warm = check(root, cache=True)
    assert warm.diagnostics == cold.diagnostics and warm.files_checked == cold.files_checked
    warm_memo.take(repository.discover(root), warm.__class__())
    assert len(warm_memo.hits) == 20
