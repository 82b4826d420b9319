"""Find, strictly load, validate and build every declaration of a campaign repository."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, TypeVar

from privtravel.diagnostics import Diagnostic, FatalError, JsonPath, Result
from privtravel.load import build, yaml_strict
from privtravel.load.cache import Cache
from privtravel.load.layout import (
    CAMPAIGN_FILE,
    INSPECTIONS,
    REPORTS_DIR,
    SCHEMA_DIR,
    SUBMISSIONS,
    UNIT_FILES,
    Kind,
    classify,
    path_parts,
    schema_comment,
    subject_of,
    unit_of,
    unit_repo_extra,
)
from privtravel.model import Campaign, Src, UnitData
from privtravel.rules import freetext
from privtravel.validate import schemas
from privtravel.validate.messages import schema_diagnostics
from privtravel.validate.suggest import nearest

Progress = Callable[[int, int], None]
FileEntry = tuple[list[Diagnostic], Any, dict[JsonPath, int]]  # diagnostics, validated data, lines


class FileResults(Protocol):
    """Load results known without parsing: the check cache, or what worker processes parsed."""

    def knows(self, rel: str) -> bool: ...

    def file_result(self, rel: str) -> FileEntry | None: ...

    def remember_file(
        self, rel: str, diagnostics: list[Diagnostic], data: Any, positions: dict[JsonPath, int]
    ) -> None: ...


@dataclass
class Repository:
    root: Path
    campaign: Campaign | None = None
    units: dict[str, UnitData] = field(default_factory=dict)


# What a mounted unit repository carries at its top, beside the declarations (not data).
_UNIT_REPO_DOTFILES = frozenset(
    {".git", ".gitignore", ".gitattributes", ".gitlab", ".gitmodules", ".pre-commit-config.yaml", ".gitkeep"}
)


def discover(root: Path, problems: list[Diagnostic] | None = None) -> list[str]:
    """Every regular file under submissions/ and inspections/, as sorted POSIX paths.

    Nothing is skipped unseen: hidden entries (but a unit repository's own .git, .gitignore, …)
    and symbolic links, dangling or not, are not loaded and each gets an F117 in ``problems``.
    os.scandir, not pathlib: at 60,000 files pathlib's path objects cost a second.
    """
    found: list[str] = []
    for top in (SUBMISSIONS, INSPECTIONS):
        base = root / top
        if not base.is_dir():
            continue
        pending = [(os.fspath(base), top)]
        while pending:
            folder, rel_folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                rel = f"{rel_folder}/{entry.name}"
                if unit_repo_extra(rel):
                    continue
                try:
                    problem = _irregular(entry, rel)
                    if problem is not None:
                        if problems is not None and problem:
                            problems.append(Diagnostic(rel, "F117", problem))
                    elif entry.is_dir(follow_symlinks=False):
                        pending.append((entry.path, rel))
                    elif entry.is_file(follow_symlinks=False):
                        found.append(rel)
                    elif problems is not None:
                        problems.append(
                            Diagnostic(rel, "F117", "这不是普通文件（设备、管道等），未作检查：请删掉它。")
                        )
                except OSError:
                    continue
    return sorted(found)


def _irregular(entry: os.DirEntry[str], rel: str) -> str | None:
    """Why an entry is not read: a message, "" for a unit repository's own files, None if it is read."""
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        if not os.path.exists(target):
            return "这是一个指向不存在的文件的符号链接（失效的链接），未作检查：请删掉它，或换成文件本身。"
        return "这是一个符号链接，不作为填报文件读取（它可以指向仓库之外的任何文件）：请换成文件本身。"
    if not entry.name.startswith("."):
        return None
    if entry.name in _UNIT_REPO_DOTFILES and len(path_parts(rel)) == 3 and rel.startswith(f"{SUBMISSIONS}/"):
        return ""
    return f"「{entry.name}」是隐藏文件（名称以「.」开头），未作检查：填报文件不能隐藏，请改名或删掉它。"


def load_declaration(
    root: Path,
    rel: str,
    kind: Kind,
    max_bytes: int,
    result: Result,
    positions: dict[JsonPath, int] | None = None,
    cache: FileResults | None = None,
) -> dict[str, Any] | None:
    """Load one file; every problem goes into ``result``; returns data only if it is valid."""
    if cache is None:
        return _load_declaration(root, rel, kind, max_bytes, result, positions)
    hit = cache.file_result(rel)
    if hit is not None:
        result.files_checked += 1
        result.extend(hit[0])
        if positions is not None:
            positions.update(hit[2])
        cached: dict[str, Any] | None = hit[1]
        return cached
    before = len(result.diagnostics)
    found: dict[JsonPath, int] = {}
    data = _load_declaration(root, rel, kind, max_bytes, result, found)
    cache.remember_file(rel, result.diagnostics[before:], data, found)
    if positions is not None:
        positions.update(found)
    return data


def _load_declaration(
    root: Path,
    rel: str,
    kind: Kind,
    max_bytes: int,
    result: Result,
    positions: dict[JsonPath, int] | None,
) -> dict[str, Any] | None:
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        result.add(Diagnostic(rel, "F110", f"无法读取文件：{exc.strerror}"))
        return None
    result.files_checked += 1
    loaded = yaml_strict.load(rel, raw, max_bytes=max_bytes)
    result.extend(loaded.diagnostics)
    if loaded.data is None or loaded.root is None:
        return None
    expected = schema_comment(rel, kind, in_unit=_carries_schemas(root, rel))
    if loaded.first_line.strip() != expected:
        if loaded.first_line.startswith("# yaml-language-server:"):
            result.add(Diagnostic(rel, "F112", f"第一行的 schema 路径不对，应为：{expected}", 1, 1))
        else:
            result.add(Diagnostic(rel, "F112", f"第一行应为编辑器提示行：{expected}", 1, 1))
    errors = schemas.errors(kind.schema_file, loaded.data)
    result.extend(freetext.check(rel, kind.schema_file, loaded.data, loaded.root, raw))
    if errors:
        result.extend(schema_diagnostics(rel, errors, loaded.root, loaded.bad_paths, loaded.data))
        return None
    if not loaded.ok:
        return None
    if positions is not None:
        positions.update(loaded.positions)
    data: dict[str, Any] = loaded.data
    return data


def _carries_schemas(root: Path, rel: str) -> bool:
    """Whether the unit folder of ``rel`` has its own schemas/ (a unit repository)."""
    code = unit_of(rel)
    return code is not None and os.path.isdir(os.path.join(root, SUBMISSIONS, code, SCHEMA_DIR))


def load_campaign(root: Path, result: Result) -> Campaign | None:
    if not (root / CAMPAIGN_FILE).is_file():
        raise FatalError(f"在 {root} 找不到 {CAMPAIGN_FILE}：请在填报仓库的根目录运行，或用 --root 指定。")
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
    paths = _paths(root, wanted, result)
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
    paths = _paths(root, None if units is None else set(units), result)
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


def _paths(root: Path, wanted: set[str] | None, result: Result) -> list[str]:
    """The files to load; what is found but cannot be loaded (hidden files, links, files outside any
    unit folder) is reported here, for the units asked for (all of them: stray files too)."""
    problems: list[Diagnostic] = []
    paths: list[str] = []
    for p in discover(root, problems):
        code = subject_of(p)
        if code is None:
            problems.append(Diagnostic(p, "F111", _unknown_file_message(p), 1, 1))
        elif wanted is None or code in wanted:
            paths.append(p)
    result.extend(d for d in problems if wanted is None or subject_of(d.path) in wanted)
    return paths


PARALLEL_FROM = 1500  # files; below this, starting processes costs more than it saves


def default_workers(files: int) -> int:
    return min(os.cpu_count() or 1, 4) if files >= PARALLEL_FROM else 1


def load_serial(
    root: Path,
    paths: list[str],
    repo: Repository,
    max_bytes: int,
    result: Result,
    progress: Progress | None,
    cache: FileResults | None,
) -> None:
    """Load and build ``paths`` (whole units) into ``repo``, in this process."""
    collecting = gc.isenabled()
    gc.disable()  # nothing made here is cyclic garbage; collecting as records pile up cost 20%
    try:
        for done, rel in enumerate(paths, start=1):
            code = subject_of(rel)
            assert code is not None
            unit = repo.units.get(code)
            if unit is None:
                unit = repo.units[code] = UnitData(code=code)
            _load_file(root, rel, unit, max_bytes, result, cache)
            if progress is not None:
                progress(done, len(paths))
    finally:
        if collecting:
            gc.enable()


def _load_file(
    root: Path, rel: str, unit: UnitData, max_bytes: int, result: Result, cache: FileResults | None = None
) -> None:
    place = classify(rel)
    if place is None:
        result.add(Diagnostic(rel, "F111", _unknown_file_message(rel), 1, 1))
        return
    if place.kind is not Kind.INSPECTION:  # the inspection group's file is not one the unit submitted
        unit.files.append(rel)
    found: dict[JsonPath, int] = {}
    data = load_declaration(root, rel, place.kind, max_bytes, result, found, cache)
    if data is None:
        unit.invalid_files.append(rel)
        if place.kind is Kind.REPORT:
            unit.unreadable_report_ids.add(PurePosixPath(rel).stem.split("-", 1)[0])
        return
    src = Src(rel, (), 1)
    declared_unit = data.get("单位代码")
    if declared_unit != unit.code:
        where = "文件名" if place.kind is Kind.INSPECTION else "所在文件夹"
        result.add(
            Diagnostic(
                rel,
                "R309",
                f"文件中的单位代码「{declared_unit}」与{where}「{unit.code}」不一致：每个单位只能在自己的文件夹里填报。",
                field="单位代码",
                json_path=("单位代码",),
            )
        )
    with build.positions(found):
        _build(place.kind, data, src, unit)


def _build(kind: Kind, data: dict[str, Any], src: Src, unit: UnitData) -> None:
    if kind is Kind.UNIT:
        unit.profile = build.unit_profile(data, src)
    elif kind is Kind.ROSTER:
        unit.roster = build.roster(data, src)
        unit.roster_src = src
    elif kind is Kind.REPORT:
        unit.reports.append(build.report(data, src))
    elif kind is Kind.CUSTODY:
        unit.custody = build.custody(data, src)
        unit.custody_src = src
    elif kind is Kind.APPROVALS:
        unit.approvals = build.approvals(data, src)
        unit.approvals_src = src
    elif kind is Kind.CASES:
        unit.cases = build.cases(data, src)
        unit.cases_src = src
    elif kind is Kind.RESPONSES:
        unit.responses = build.responses(data, src)
        unit.responses_src = src
    elif kind is Kind.INSPECTION:
        unit.inspection = build.inspection(data, src)
    elif kind is Kind.RECTIFICATION:
        unit.rectifications = build.rectifications(data, src)
        unit.rectifications_src = src


def _unknown_file_message(rel: str) -> str:
    parts = PurePosixPath(rel).parts
    name = parts[-1]
    if parts[0] == INSPECTIONS:
        return f"inspections/ 下每个被检查单位一个文件，写成「单位代码.yaml」，如「srmyy.yaml」（现在是「{rel}」）。"
    if len(parts) == 2:
        return f"submissions/ 下只能放各单位的文件夹，「{name}」应放进本单位的文件夹。"
    known = [*UNIT_FILES, f"{REPORTS_DIR}/"]
    if len(parts) == 4 and parts[2] == REPORTS_DIR:
        return f"报告文件的扩展名应为 .yaml，文件名写成「编号-姓名.yaml」，如「0012-张三.yaml」（现在是「{name}」）。"
    if len(parts) == 3:
        best, _ = nearest(PurePosixPath(name).stem, [PurePosixPath(k).stem for k in UNIT_FILES])
        hint = f"是不是要写「{best}.yaml」？" if best else ""
        return f"无法识别的文件「{name}」。{hint}单位文件夹里只能有：{'、'.join(known)}。"
    return f"无法识别的位置「{rel}」：报告表放在「{REPORTS_DIR}/」下，其他文件放在单位文件夹里。"
