"""Worker pools end at once when their caller is interrupted, instead of finishing every queued job."""

from __future__ import annotations

import os
import time

import pytest

from privtravel.interrupt import fork_pool


def _slow(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_an_interrupted_pool_ends_its_workers_without_running_the_queue() -> None:
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt), fork_pool(2) as pool:
        results = pool.map(_slow, [30.0] * 8)
        time.sleep(0.5)  # the workers are busy with their first 30 s job
        raise KeyboardInterrupt
    assert time.monotonic() - start < 10  # not 8 jobs × 30 s / 2 workers
    del results


def test_a_pool_that_ends_normally_returns_every_result() -> None:
    with fork_pool(2) as pool:
        assert len(list(pool.map(_slow, [0.0] * 6))) == 6
