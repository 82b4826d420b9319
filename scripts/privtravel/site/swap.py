"""`site` builds beside the published folder and swaps in only a finished build.

The build goes to ``.public.new-<pid>-…`` next to ``public/``; when it is complete the two are
exchanged in one step (Linux ``renameat2(RENAME_EXCHANGE)``), or, where that is missing, by two
renames with the old folder kept as ``.public.old-<pid>`` until the new one is in place.  A build
that is interrupted or killed leaves the old dashboard as it was; the next run removes what a
killed run left and, if it was killed between the two renames, puts the old dashboard back.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from privtravel.diagnostics import FatalError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextlib.contextmanager
def building(out: Path) -> Iterator[Path]:
    """A fresh folder to build into; ``out`` is replaced by it only if the block completes."""
    if out.exists() and not out.is_dir():
        raise FatalError(f"{out} 不是目录，看板无法生成到这里：请改用 --out 指定目录，或先移走该文件。")
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    new = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{os.getpid()}-", dir=out.parent))
    new.chmod(0o755)
    try:
        yield new
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    replace(new, out)


def replace(new: Path, out: Path) -> None:
    """Put the finished build ``new`` in place of ``out``; at no moment is neither there."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # now the old build
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, old)
    os.rename(new, out)  # killed between the two: recover() puts the old one back
    shutil.rmtree(old, ignore_errors=True)


def recover(out: Path) -> None:
    """Undo what a killed run left beside ``out``: its unfinished build, and the old dashboard it
    had moved aside (put back if ``out`` is missing)."""
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.(new|old)-(\d+)")
    for leftover in sorted(out.parent.iterdir()):
        match = pattern.match(leftover.name)
        if match is None or _alive(int(match[2])):
            continue
        if match[1] == "old" and not out.exists():
            os.rename(leftover, out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then the caller renames twice)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)
