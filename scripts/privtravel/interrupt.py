"""Worker pools that Ctrl-C stops at once.

A ``ProcessPoolExecutor`` left by an exception waits for every queued job before it lets the
command end (its ``__exit__`` and the interpreter's exit both join it): Ctrl-C in `site` used to
hang for half a minute.  Here the workers ignore SIGINT (the command, not each worker, answers
it), and a pool left by any exception cancels what is queued and terminates its workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def fork_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Forked workers (they inherit the caller's data); stopped at once if the caller is interrupted."""
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_sigint
    )
    try:
        yield pool
    except BaseException:
        stop(pool)
        raise
    pool.shutdown(wait=True)


def stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued jobs and end the workers now, without waiting for their current job."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=1)
