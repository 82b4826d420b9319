"""check: strict loading, schema validation and the rules within each unit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path, PurePosixPath

from privtravel import journal, rules
from privtravel.diagnostics import Diagnostic, Result
from privtravel.load import repository
from privtravel.load.cache import Cache
from privtravel.load.layout import CAMPAIGN_FILE, SCHEMA_DIR, subject_of
from privtravel.load.repository import Repository
from privtravel.model import UnitData
from privtravel.report import json as json_report
from privtravel.report import locate, progress
from privtravel.report import text as text_report

HELP = "检查填报文件：YAML 格式、字段和取值、单位内的规则"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        help="只检查这些文件所在的单位（pre-commit 传入改动的文件）；不写则检查全部",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="不使用检查结果缓存（.cache/privtravel 或 $PRIVTRAVEL_CACHE_DIR；默认只重新检查内容有变化的单位）",
    )


def affected_units(root: Path, paths: Sequence[str]) -> set[str] | None:
    """The units the given files belong to; None (= all) when the campaign config changed."""
    units: set[str] = set()
    for raw in paths:
        path = Path(raw)
        rel = path.resolve().relative_to(root.resolve()) if path.is_absolute() else PurePosixPath(raw)
        posix = PurePosixPath(rel).as_posix()
        if posix == CAMPAIGN_FILE or posix.startswith(f"{SCHEMA_DIR}/"):
            return None
        code = subject_of(posix)
        if code is not None:
            units.add(code)
    return units


def run(args: argparse.Namespace) -> int:
    journal.refuse_if_unfinished(Path(args.root))  # a half-done import is not judged as it stands
    result = check(Path(args.root), args.paths, cache=not args.no_cache)
    if args.format == "json":
        json_report.write(result, sys.stdout)
    else:
        text_report.write(result, sys.stdout)
    return 1 if result.errors else 0


def check(root: Path, paths: Sequence[str] = (), *, cache: bool = False) -> Result:
    """With ``cache``, units unchanged since the last cached run are not checked again.

    Each worker process checks the units it loaded and stores their cache records itself: only
    diagnostics travel back, never the loaded declarations (pickling those cost seconds).
    """
    memo = Cache.open(root) if cache else None
    result = Result()
    units = affected_units(root, paths) if paths else None
    campaign, loaded = repository.process(
        root,
        result,
        partial(_check_units, memo),
        units=units,
        progress=progress.reporter("已检查文件"),
        cache=memo,
    )
    served = memo.hits if memo is not None else set()
    empty = (units or set()) - set().union(*loaded) - served  # asked for, but without any file
    _check_units(memo, Repository(root, campaign, {code: UnitData(code) for code in empty}), result)
    if memo is not None:
        memo.store(result)  # units served from the cache whose files were only touched
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _check_units(memo: Cache | None, chunk: Repository, result: Result) -> set[str]:
    """The unit rules and line numbers for a chunk of loaded units, whose records are then stored."""
    apply_rules(chunk, result)
    if memo is not None:
        memo.store(result, chunk.units)
    return set(chunk.units)


def apply_rules(repo: Repository, result: Result) -> None:
    if repo.campaign is not None:
        for code in sorted(repo.units):
            result.extend(rules.check_unit(repo.campaign, repo.units[code]))
    result.diagnostics = locate.resolve(repo.root, result.diagnostics)


def check_repository(
    root: Path, paths: Sequence[str] = (), cache: Cache | None = None
) -> tuple[Repository, Result]:
    """Load (all units, or those of ``paths``), validate and apply the unit rules."""
    result = Result()
    units = affected_units(root, paths) if paths else None
    repo = repository.load(root, result, units=units, progress=progress.reporter("已检查文件"), cache=cache)
    apply_rules(repo, result)
    return repo, result
