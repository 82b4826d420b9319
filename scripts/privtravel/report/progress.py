"""Progress on a terminal (files done / total); silent in CI or when output is piped."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable


def reporter(label: str, *, minimum: int = 500) -> Callable[[int, int], None] | None:
    stream = sys.stderr
    if not stream.isatty() or os.environ.get("CI"):
        return None
    last = 0.0

    def show(done: int, total: int) -> None:
        nonlocal last
        if total < minimum:
            return
        now = time.monotonic()
        if done != total and now - last < 0.2:
            return
        last = now
        end = "\n" if done == total else ""
        stream.write(f"\r{label} {done}/{total}{end}")
        stream.flush()

    return show
