"""Roll-up fixtures: demo campaigns that publish their tables, and roll-up repositories made of them."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from privtravel import cli
from privtravel.analysis import analyze
from privtravel.rollup import publish
from privtravel.stats.compute import Statistics

SEEDS = (11, 12, 13, 14)


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=测试", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def commit_all(root: Path, message: str = "报送") -> None:
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


@dataclass
class Demo:
    root: Path
    stats: Statistics
    published: bytes  # 统计表.json from `privtravel rollup publish`


@pytest.fixture(scope="session")
def demos(tmp_path_factory: pytest.TempPathFactory) -> list[Demo]:
    """Four generated campaigns (different seeds, small), each committed and published."""
    out = []
    for seed in SEEDS:
        root = tmp_path_factory.mktemp(f"demo{seed}")
        args = [
            "demo",
            "--out",
            str(root),
            "--seed",
            str(seed),
            "--units",
            "4",
            "--people",
            "160",
            "--crossings",
            "80",
        ]
        assert cli.main(args) == 0
        commit_all(root, "示例数据")
        assert cli.main(["--root", str(root), "rollup", "publish", "--out", str(root / "上报")]) == 0
        stats = analyze(root).stats
        assert stats is not None
        out.append(Demo(root, stats, (root / "上报" / "统计表.json").read_bytes()))
        assert out[-1].published == publish.document(stats)
    return out


MemberSpec = tuple[str, str, str, str]  # 代码, 名称, 地区, 报送方式


def config_text(members: list[MemberSpec], regions: list[str], *, name: str = "绍兴市统计汇总") -> str:
    lines = [
        "# yaml-language-server: $schema=schemas/rollup.schema.json",
        f"汇总名称: {name}",
        "填表单位: 中共绍兴市委组织部",
        "年度: 2019",
        "出国境起算日期: 2016-01-01",
        "统计表报送截止日期: 2019-07-10",
        "地区:",
        *[f"  - 名称: {r}" for r in regions],
        "成员:",
    ]
    for code, label, region, source in members:
        lines += [
            f"  - 代码: {code}",
            f"    名称: {label}",
            f"    地区: {region}",
            f"    报送方式: {source}",
            f'    填报人员: ["@{code}-zzb"]',
        ]
    lines += ['审核人员: ["@zzb-review"]', '维护人员: ["@zzb-admin"]']
    return "\n".join(lines) + "\n"


MakeRollup = Callable[[list[MemberSpec], dict[str, bytes]], Path]


@pytest.fixture
def make_rollup(tmp_path: Path) -> MakeRollup:
    """A roll-up repository: rollup.yaml for ``members`` and the given files (members/<代码>/<文件>)."""
    counter = [0]

    def make(members: list[MemberSpec], files: dict[str, bytes], regions: list[str] | None = None) -> Path:
        counter[0] += 1
        root = tmp_path / f"rollup{counter[0]}"
        root.mkdir()
        chosen = regions or list(dict.fromkeys(m[2] for m in members))
        (root / "rollup.yaml").write_text(config_text(members, chosen), encoding="utf-8")
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        commit_all(root)
        return root

    return make  # type: ignore[return-value]


def need_soffice() -> None:
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI needs LibreOffice (soffice): .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it")
