"""Git for the unit commands: local (file://) remotes allowed, failures as Chinese FatalErrors."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from privtravel.diagnostics import FatalError

# file:// submodules and clones need this since git 2.38.1; the committee's own remotes are trusted
ALLOW_FILE = ("-c", "protocol.file.allow=always")


def run(cwd: Path, *args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    """Run git in ``cwd`` and return its output; a failure becomes a FatalError quoting git."""
    full_env = None if env is None else {**os.environ, **env}
    try:
        done = subprocess.run(
            ["git", *ALLOW_FILE, "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            env=full_env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise FatalError("找不到 git 命令：请先安装 git。") from exc
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise FatalError(f"git {args[0]} 失败（{cwd}）：{message}")
    return done.stdout.decode("utf-8", "surrogateescape")


def ok(cwd: Path, *args: str) -> bool:
    """Whether a git command succeeds (``rev-parse --verify``, ``cat-file -e`` …)."""
    try:
        done = subprocess.run(["git", *ALLOW_FILE, *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        return False
    return done.returncode == 0


def zsplit(out: str) -> list[str]:
    return [p for p in out.split("\0") if p]


def run_bytes(cwd: Path, *args: str) -> bytes:
    """Like ``run``, for binary output (``git archive``)."""
    try:
        done = subprocess.run(["git", *ALLOW_FILE, *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise FatalError("找不到 git 命令：请先安装 git。") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise FatalError(f"git {args[0]} 失败（{cwd}）：{message}")
    return done.stdout
