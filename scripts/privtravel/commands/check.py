"""check: strict loading, schema validation and the rules within each unit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path, PurePosixPath

from privtravel import journal, rules
from privtravel.diagnostics import Diagnostic, Result
from privtravel.load import repository
from privtravel.load.cache import Cache
from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, SCHEMA_DIR, SUBMISSIONS, subject_of
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


def affected_units(
    root: Path, paths: Sequence[str], problems: list[Diagnostic] | None = None
) -> set[str] | None:
    """The units the given files belong to; None (= all) when the campaign config changed, or when a
    file lies under submissions/ or inspections/ outside any unit (the full check reports it).

    A path that is not a file of this repository, or not a declaration, is never passed over in
    silence: it gets an F117 in ``problems`` (``check ../x.yaml`` must not say 通过)."""
    units: set[str] = set()
    everything = False
    for raw in paths:
        posix = _relative(root, raw)
        if posix is None:
            _problem(
                problems,
                raw,
                f"「{raw}」不在填报仓库 {os.path.abspath(root)} 之内，未作检查：只能检查本仓库中的填报文件。",
            )
            continue
        if not os.path.lexists(root / posix):
            _problem(problems, posix, f"文件「{raw}」不存在，未作检查：请核对路径（相对于仓库根目录）。")
            continue
        if posix == CAMPAIGN_FILE or posix.startswith(f"{SCHEMA_DIR}/"):
            everything = True
            continue
        code = subject_of(posix)
        if code is not None:
            units.add(code)
        elif posix.startswith((f"{SUBMISSIONS}/", f"{INSPECTIONS}/")):
            everything = True  # a stray file: the full check names it (F111)
        else:
            _problem(
                problems,
                posix,
                f"「{posix}」不是填报文件，未作检查：填报文件在 submissions/ 和 inspections/ 下。",
            )
    return None if everything else units


def _relative(root: Path, raw: str) -> str | None:
    """``raw`` as a clean POSIX path relative to ``root``, or None when it lies outside the repository.

    The last component is not resolved: a symbolic link inside the repository is reported as such."""
    path = Path(raw) if os.path.isabs(raw) else root / raw
    folder = os.path.realpath(path.parent)
    for base in (os.path.realpath(root), os.path.abspath(root)):
        rel = os.path.relpath(os.path.join(folder, path.name), base)
        if rel != ".." and not rel.startswith(("../", "..\\")) and not os.path.isabs(rel) and path.name:
            return PurePosixPath(Path(rel)).as_posix()
    return None


def _problem(problems: list[Diagnostic] | None, path: str, message: str) -> None:
    if problems is not None:
        problems.append(Diagnostic(path, "F117", message))


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
    units = affected_units(root, paths, result.diagnostics) if paths else None
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
    units = affected_units(root, paths, result.diagnostics) if paths else None
    repo = repository.load(root, result, units=units, progress=progress.reporter("已检查文件"), cache=cache)
    apply_rules(repo, result)
    return repo, result
