"""`import` killed at random moments, as an operator's machine dies: `check` never judges a half-written
unit as it stands, and `import --recover` gives back the folder exactly as it was."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).parents[2]
UNIT = "submissions/srmyy"


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / UNIT).rglob("*"))
        if p.is_file()
    }


def test_import_killed_anywhere_is_refused_by_check_then_recovered(tmp_path: Path) -> None:
    root = tmp_path / "campaign"
    root.mkdir()
    for name in ("campaign.yaml", "submissions", "inspections", "police"):
        source = PROJECT / name
        shutil.copytree(source, root / name) if source.is_dir() else shutil.copy2(source, root / name)
    workbook = tmp_path / "srmyy.xlsx"
    assert _cli(root, "export", "srmyy", "--out", str(workbook)).returncode == 0
    shutil.rmtree(root / UNIT / "报告")  # the unit's 106 reports and its roster come from the workbook
    (root / UNIT / "登记备案.yaml").unlink()
    before = _tree(root)
    start = time.monotonic()
    done = _cli(root, "import", str(workbook))
    took = time.monotonic() - start
    assert done.returncode == 0, done.stdout + done.stderr
    after = _tree(root)
    assert _cli(root, "check").returncode == 0
    shutil.rmtree(root / UNIT)
    shutil.copytree(PROJECT / UNIT, root / UNIT)
    shutil.rmtree(root / UNIT / "报告")
    (root / UNIT / "登记备案.yaml").unlink()
    assert _tree(root) == before
    states = []
    pick = random.Random(18)
    for delay in [pick.uniform(0, took / 3) for _ in range(5)] + [took * 2]:
        process = subprocess.Popen(
            [sys.executable, "-m", "privtravel", "--root", str(root), "import", str(workbook)]
        )
        while process.poll() is None and not (root / ".privtravel-unfinished").exists():
            time.sleep(0.001)  # the write has begun: kill it somewhere inside
        time.sleep(delay)
        process.kill()
        process.wait()
        tree = _tree(root)
        checked = _cli(root, "check")
        if tree not in (before, after):  # half written: check must not judge it
            assert checked.returncode == 2 and "import --recover" in checked.stderr, checked.stdout
            recovered = _cli(root, "import", "--recover")
            assert recovered.returncode == 0 and "已撤销" in recovered.stdout
            assert _tree(root) == before
            states.append("recovered")
        else:
            if checked.returncode == 2:  # killed with the journal written, nothing moved yet
                assert _cli(root, "import", "--recover").returncode == 0
                assert _tree(root) == before
            states.append(
                ("refused-" if checked.returncode == 2 else "")
                + ("before" if _tree(root) == before else "after")
            )
        if _tree(root) == after:
            assert _cli(root, "check").returncode == 0
            shutil.rmtree(root / UNIT / "报告")
            (root / UNIT / "登记备案.yaml").unlink()
    assert _cli(root, "import", "--recover").stdout.strip() == "没有被中断的导入，无需恢复。"
    assert "请给出要导入的表格文件" in _cli(root, "import").stderr
