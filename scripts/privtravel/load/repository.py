"""Find, strictly load, validate and build every declaration of a campaign repository."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from privtravel.diagnostics import FatalError, Result
from privtravel.load import build, declaration, discovery, serial
from privtravel.load.cache import Cache
from privtravel.load.layout import (
    CAMPAIGN_FILE,
    Kind,
    classify,
)
from privtravel.model import Campaign, Src, UnitData

# where callers have always found them
discover = discovery.discover
FileEntry = declaration.FileEntry
FileResults = declaration.FileResults
load_declaration = declaration.load_declaration

Progress = serial.Progress
Repository = serial.Repository
load_serial = serial.load_serial


def load_campaign(root: Path, result: Result) -> Campaign | None:
    if not (root / CAMPAIGN_FILE).is_file():
        raise FatalError(
            f"在 {os.path.abspath(root)} 找不到 {CAMPAIGN_FILE}：请在填报仓库的根目录运行，或用 --root 指定。"
        )
    data = load_declaration(root, CAMPAIGN_FILE, Kind.CAMPAIGN, build.DEFAULT_MAX_FILE_KB * 1024, result)
    if data is None:
        return None
    return build.campaign(data, Src(CAMPAIGN_FILE))


T = TypeVar("T")
Work = Callable[[Repository, Result], T]


def load(
    root: Path,
    result: Result,
    *,
    units: Iterable[str] | None = None,
    progress: Progress | None = None,
    cache: Cache | None = None,
    reuse: Cache | None = None,
    workers: int | None = None,
) -> Repository:
    """Load the campaign and the given units' folders (all units when ``units`` is None).

    With a ``cache``, units whose check result is cached are not loaded at all (their diagnostics go
    straight into ``result``): only ``check`` uses it, since the repository is then incomplete.
    With ``reuse``, every unit is loaded, but files unchanged since a cached check are not parsed
    again: their validated content comes from the cache.
    Many files to parse are parsed by several processes (``workers``: default one per core above
    PARALLEL_FROM files), which send back plain validated data; the records are built here.
    """
    from privtravel.load import parallel  # it builds on this module

    wanted = None if units is None else set(units)
    repo = Repository(root=root, campaign=load_campaign(root, result))
    max_bytes = _max_bytes(repo.campaign)
    paths = discovery.declarations(root, wanted, result)
    _missing_mounts(root, wanted, result)
    known = cache or reuse
    if cache is not None:
        paths = cache.take(paths, result)
    elif reuse is not None:
        reuse.reuse(paths)
    to_parse = [p for p in paths if classify(p) is not None and (known is None or not known.knows(p))]
    if workers is None:
        workers = default_workers(len(to_parse))
    results: FileResults | None = known
    if workers > 1 and parallel.available():
        results = parallel.parse(root, to_parse, max_bytes, workers, progress, known)
        progress = None
    load_serial(root, paths, repo, max_bytes, result, progress, results)
    if isinstance(results, parallel.Parsed):
        result.files_checked -= results.uncounted
    for code in sorted((wanted or set()) - set(repo.units)):
        repo.units[code] = UnitData(code=code)
    return repo


def process(
    root: Path,
    result: Result,
    work: Work[T],
    *,
    units: Iterable[str] | None = None,
    progress: Progress | None = None,
    cache: Cache | None = None,
    workers: int | None = None,
) -> tuple[Campaign | None, list[T]]:
    """Load the units' files in chunks of whole units and apply ``work`` to each chunk where it was
    loaded: in a worker process when there are several, so that only what ``work`` returns (and the
    chunk's diagnostics) travels back.  Returns the campaign and ``work``'s outputs, in order.
    ``check`` uses it: its work stores each unit's cache records in the worker that checked it.
    """
    from privtravel.load import parallel  # it builds on this module

    campaign = load_campaign(root, result)
    max_bytes = _max_bytes(campaign)
    paths = discovery.declarations(root, None if units is None else set(units), result)
    _missing_mounts(root, None if units is None else set(units), result)
    if cache is not None:
        paths = cache.take(paths, result)
    if workers is None:
        workers = default_workers(len(paths))
    if workers > 1 and parallel.available():
        return campaign, parallel.run(
            root, campaign, paths, max_bytes, result, progress, workers, cache, work
        )
    chunk = Repository(root=root, campaign=campaign)
    load_serial(root, paths, chunk, max_bytes, result, progress, cache)
    return campaign, [work(chunk, result)]


def _max_bytes(campaign: Campaign | None) -> int:
    return (campaign.max_file_kb if campaign else build.DEFAULT_MAX_FILE_KB) * 1024


def _missing_mounts(root: Path, wanted: set[str] | None, result: Result) -> None:
    from privtravel.units import mounts  # only repositories with .gitmodules pay for it

    mounts.missing(root, wanted, result)


PARALLEL_FROM = 1500  # files; below this, starting processes costs more than it saves


def default_workers(files: int) -> int:
    return min(os.cpu_count() or 1, 4) if files >= PARALLEL_FROM else 1
