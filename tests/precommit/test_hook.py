"""The pre-commit hook, for real: `git commit` of a broken declaration is refused with the message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).parents[2]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def sh(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "人事科",
        "GIT_AUTHOR_EMAIL": "hr@example.invalid",
        "GIT_COMMITTER_NAME": "人事科",
        "GIT_COMMITTER_EMAIL": "hr@example.invalid",
        # environments are built once per machine, as on an HR workstation
        "PRE_COMMIT_HOME": str(REPO / ".cache" / "pre-commit"),
    }
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's hook setup with the small test campaign, committed, hooks installed."""
    root = tmp_path_factory.mktemp("hook") / "repo"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", root)
    for name in ("scripts", "schemas"):
        shutil.copytree(REPO / name, root / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")  # as HR installs it
    sh(root, "git", "init", "-q", "-b", "main")
    sh(root, "git", "add", "-A")
    sh(root, "git", "commit", "-q", "--no-verify", "-m", "初始提交")
    sh(root, str(PRE_COMMIT), "install")
    return root


def test_broken_declaration_is_refused_with_its_message(clone: Path) -> None:
    report = clone / "submissions/srmyy/报告/0003-孙伟.yaml"
    original = report.read_text(encoding="utf-8")
    report.write_text(original.replace("签名日期: 2019-06-04", "签名日期: 2019-06-31"), encoding="utf-8")
    sh(clone, "git", "add", "-A")
    done = sh(clone, "git", "commit", "-m", "孙伟零报告", check=False)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "submissions/srmyy/报告/0003-孙伟.yaml:7:7: F109 错误 [签名日期] 日期「2019-06-31」不存在" in out
    assert sh(clone, "git", "log", "--oneline").stdout.count("\n") == 1, "nothing was committed"
    report.write_text(original.replace("签名日期: 2019-06-04", "签名日期: 2019-06-05"), encoding="utf-8")
    sh(clone, "git", "add", "-A")
    done = sh(clone, "git", "commit", "-m", "孙伟零报告", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout + done.stderr


def test_a_number_typed_into_free_text_is_refused_and_never_shown_in_full(clone: Path) -> None:
    report = clone / "submissions/srmyy/报告/0001-赵明.yaml"
    original = report.read_text(encoding="utf-8")
    report.write_text(
        original.replace("事由: 旅游", "事由: 旅游（护照E12345678，手机13812345678）"), encoding="utf-8"
    )
    sh(clone, "git", "add", "-A")
    done = sh(clone, "git", "commit", "-m", "赵明出国（境）情况", check=False)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "[出国境情况第1项.事由] 「事由」里写了完整的普通护照号码 E******78：证件号码只写在" in out
    assert "R336 警告 [出国境情况第1项.事由] 「事由」里写了电话号码 138****5678" in out
    assert "E12345678" not in out and "13812345678" not in out
    report.write_text(original.replace("事由: 旅游", "事由: 旅游（护照 E******78）"), encoding="utf-8")
    sh(clone, "git", "add", "-A")
    done = sh(clone, "git", "commit", "-m", "赵明出国（境）情况", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def hooks(name: str) -> list[dict[str, Any]]:
    config = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_hr_install_builds_only_the_declaration_check(clone: Path) -> None:
    """HR's machines get one environment: no ruff or mypy, nothing of the maintainers' lint setup."""
    assert [h["id"] for h in hooks(".pre-commit-config.yaml")] == ["privtravel-check"]
    done = sh(clone, str(PRE_COMMIT), "run", "--all-files", check=False)
    out = done.stdout + done.stderr
    assert "检查填报文件" in out
    assert "ruff" not in out and "mypy" not in out


def test_the_maintainers_config_adds_the_code_checks_to_the_same_declaration_check() -> None:
    hr = hooks(".pre-commit-config.yaml")
    dev = hooks(".pre-commit-config.maintainers.yaml")
    assert dev[: len(hr)] == hr
    assert [h["id"] for h in dev[len(hr) :]] == ["ruff", "ruff-format", "mypy"]
    assert all(h["entry"].startswith(".venv/bin/") for h in dev[len(hr) :])


def test_the_maintainers_code_hooks_pass_on_the_package(tmp_path: Path) -> None:
    """ruff and mypy as the maintainers' hooks run them (their .venv), on the package as committed."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("scripts", "schemas"):
        shutil.copytree(REPO / name, root / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", ".pre-commit-config.maintainers.yaml"):
        shutil.copy2(REPO / name, root / name)
    (root / ".venv").symlink_to(sys.prefix)
    sh(root, "git", "init", "-q", "-b", "main")
    sh(root, "git", "add", "-A")
    for hook in ("ruff", "ruff-format", "mypy"):
        done = sh(
            root,
            str(PRE_COMMIT),
            "run",
            "-c",
            ".pre-commit-config.maintainers.yaml",
            hook,
            "--all-files",
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Passed" in done.stdout


def test_hook_pins_match_the_requirements() -> None:
    pins = {}
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (REPO / name).read_text().splitlines():
            if "==" in line and not line.startswith("#"):
                package, version = line.split("==")
                pins[package.lower().replace("_", "-")] = version
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for hook in config["repos"][0]["hooks"]:
        for dependency in hook.get("additional_dependencies", []):
            package, version = dependency.split("==")
            assert pins.get(package.lower().replace("_", "-")) == version, (hook["id"], dependency)
