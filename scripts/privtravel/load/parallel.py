"""Loading on several cores: worker processes are forked, so they inherit the campaign and the
cache instead of receiving them pickled, and send back as little as possible.

* ``parse``: workers read, parse and validate files and send back the plain validated data as one
  JSON text (as the cache stores it; as fast to read back as marshal); each file's part is decoded
  only when its records are built, in the calling process, so that the whole province's data is
  never held as objects at once.  Built records are slots dataclasses, whose pickling cost as much as parsing.
* ``run``: workers load whole units and apply the caller's work to them (``check`` applies the
  unit rules and stores the cache records), sending back only what that work returns.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypeVar

from privtravel.diagnostics import Diagnostic, JsonPath, Result
from privtravel.interrupt import fork_pool
from privtravel.load import serial
from privtravel.load.cache import Cache, records
from privtravel.load.declaration import FileEntry, load_declaration
from privtravel.load.layout import classify, subject_of
from privtravel.load.serial import Progress, Repository
from privtravel.model import Campaign

T = TypeVar("T")
_FORKED: dict[str, Any] = {}  # what a forked worker inherits instead of receiving it pickled


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _pool(workers: int) -> AbstractContextManager[ProcessPoolExecutor]:
    return fork_pool(workers)  # Ctrl-C ends the workers at once (privtravel.interrupt)


class Parsed:
    """What the workers parsed, consulted before the cache (a ``FileResults``)."""

    def __init__(self, entries: dict[str, tuple[records.RawEntry, bool]], cache: Cache | None) -> None:
        self.entries = entries
        self.cache = cache
        self.strings: dict[str, str] = cache.strings if cache is not None else {}
        self.uncounted = 0  # unreadable files: served here, but not counted as checked

    def knows(self, rel: str) -> bool:
        return rel in self.entries or (self.cache is not None and self.cache.knows(rel))

    def file_result(self, rel: str) -> FileEntry | None:
        got = self.entries.pop(rel, None)
        if got is None:
            return self.cache.file_result(rel) if self.cache is not None else None
        raw, counted = got
        self.uncounted += not counted
        if self.cache is not None:  # so that a check's cache stores it
            self.cache.remember_raw(rel, raw)
        # validated in the worker a moment ago: not checked against the schema again
        return records.entry(rel, raw, check_data=False, strings=self.strings)

    def remember_file(
        self, rel: str, diagnostics: list[Diagnostic], data: Any, positions: dict[JsonPath, int]
    ) -> None:
        if self.cache is not None:
            self.cache.remember_file(rel, diagnostics, data, positions)


def parse(
    root: Path,
    paths: Sequence[str],
    max_bytes: int,
    workers: int,
    progress: Progress | None,
    cache: Cache | None,
) -> Parsed:
    step = max(1, len(paths) // (workers * 4))  # a few chunks per worker evens out their sizes
    chunks = [list(paths[i : i + step]) for i in range(0, len(paths), step)]
    entries: dict[str, tuple[records.RawEntry, bool]] = {}
    done = 0
    with _pool(workers) as pool:
        for chunk, part in zip(chunks, pool.map(_parse, [(root, c, max_bytes) for c in chunks]), strict=True):
            entries.update(json.loads(part))
            done += len(chunk)
            if progress is not None:
                progress(done, len(paths))
    return Parsed(entries, cache)


def _parse(job: tuple[Path, list[str], int]) -> str:
    """In a worker: each file's diagnostics, validated data and line positions, and whether it was
    read, as one JSON text (the cache's shape for a file; much cheaper to send than pickled)."""
    root, paths, max_bytes = job
    plain: dict[str, tuple[records.RawEntry, bool]] = {}
    gc.disable()  # a worker's own process: what it builds up is no cyclic garbage (as load_serial)
    for rel in paths:
        place = classify(rel)
        assert place is not None
        result, found = Result(), dict[JsonPath, int]()
        data = load_declaration(root, rel, place.kind, max_bytes, result, found)
        plain[rel] = (records.entry_json("", result.diagnostics, data, found), result.files_checked == 1)
    return records.dumps(plain)


def run(
    root: Path,
    campaign: Campaign | None,
    paths: list[str],
    max_bytes: int,
    result: Result,
    progress: Progress | None,
    workers: int,
    cache: Cache | None,
    work: Callable[[Repository, Result], T],
) -> list[T]:
    by_unit: dict[str, list[str]] = {}
    for rel in paths:
        by_unit.setdefault(subject_of(rel) or "", []).append(rel)
    target = max(1, len(paths) // (workers * 4))
    chunks: list[list[str]] = [[]]
    for files in by_unit.values():  # every file of a unit in the same chunk
        if len(chunks[-1]) >= target:
            chunks.append([])
        chunks[-1].extend(files)
    done = 0
    outputs: list[T] = []
    _FORKED.update(campaign=campaign, cache=cache, work=work)
    try:
        with _pool(workers) as pool:
            jobs = [(root, c, max_bytes) for c in chunks]
            for chunk, (output, part, stored) in zip(chunks, pool.map(_run, jobs), strict=True):
                outputs.append(output)
                result.extend(part.diagnostics)
                result.files_checked += part.files_checked
                if cache is not None:
                    cache.stored |= stored
                done += len(chunk)
                if progress is not None:
                    progress(done, len(paths))
    finally:
        _FORKED.clear()
    return outputs


def _run(job: tuple[Path, list[str], int]) -> tuple[Any, Result, set[str]]:
    """In a worker: load whole units, apply the run's work, hand back its output and diagnostics
    and which units' cache records the work stored."""
    root, paths, max_bytes = job
    repo, result = Repository(root=root, campaign=_FORKED["campaign"]), Result()
    cache: Cache | None = _FORKED["cache"]
    serial.load_serial(root, paths, repo, max_bytes, result, None, cache)
    output = _FORKED["work"](repo, result)
    return output, result, (cache.stored & set(repo.units)) if cache is not None else set()
