"""Find, read and strictly validate the police tables; build Holding and Crossing records."""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from privtravel import masking
from privtravel.diagnostics import Diagnostic, JsonPath, Result
from privtravel.load.layout import POLICE_CROSSINGS, POLICE_DIR, POLICE_HOLDINGS, POLICE_MANIFEST
from privtravel.police import delivery, table
from privtravel.police.manifest import Manifest
from privtravel.police.records import Crossing, Holding, PoliceData, Row
from privtravel.validate import fast, schemas
from privtravel.validate.messages import schema_diagnostics_at
from privtravel.validate.suggest import suggest_key

HOLDING_SCHEMA = "police-holding.schema.json"
CROSSING_SCHEMA = "police-crossing.schema.json"
EXTENSIONS = (".csv", ".xlsx")
# Columns whose values are masked in every message (logs and CI output are read by many).
MASKED = {"公民身份号码": masking.id_number, "证件号码": masking.document_number}

_d = dt.date.fromisoformat
T = TypeVar("T")


def relative(root: Path, path: Path) -> str:
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()  # a link as named
    except ValueError:
        return path.as_posix()


def find(root: Path, folder: Path, stem: str, result: Result) -> str | None:
    """The one file of this table (.csv or .xlsx), or None when the police delivered none."""
    for odd in (folder / f"{stem}{ext}" for ext in EXTENSIONS):
        if (odd.exists() or odd.is_symlink()) and not odd.is_file():  # a dangling link is not absent
            result.add(
                Diagnostic(
                    relative(root, odd),
                    "P504",
                    f"{odd.name} 不是文件（是文件夹或其他特殊文件）：请放入公安机关提供的表格文件本身。",
                )
            )
    present = [folder / f"{stem}{ext}" for ext in EXTENSIONS if (folder / f"{stem}{ext}").is_file()]
    if len(present) > 1:
        names = "、".join(p.name for p in present)
        result.add(
            Diagnostic(
                relative(root, present[0]),
                "P501",
                f"同时有 {names}：每种表只能放一个文件，请删掉其中一个（两者内容可能不同，不能自动选择）。",
            )
        )
        return None
    return relative(root, present[0]) if present else None


def load(root: Path, folder: Path | None, result: Result) -> PoliceData:
    """Read both tables from ``folder`` (default: <root>/police); problems go into ``result``."""
    if folder is not None and not folder.is_dir():  # a mistyped --police must not mean "no police data"
        message = f"公安数据目录 {folder} 不存在或不是目录：请核对 --police 指定的位置。"
        result.add(Diagnostic(folder.as_posix(), "P501", message))
        return PoliceData()
    folder = root / POLICE_DIR if folder is None else folder
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of records: the cyclic collector would rescan them all
    try:
        return _load(root, folder, result)
    finally:
        if enabled:
            gc.enable()


def _load(root: Path, folder: Path, result: Result) -> PoliceData:
    data = PoliceData()
    result.extend(delivery.strays(root, folder, relative))
    holdings_file = find(root, folder, POLICE_HOLDINGS, result)
    crossings_file = find(root, folder, POLICE_CROSSINGS, result)
    delivered = [f for f in (holdings_file, crossings_file) if f is not None]
    manifest_rel = relative(root, folder / POLICE_MANIFEST)
    manifest = delivery.open_manifest(root, folder, manifest_rel, bool(delivered), result)
    if holdings_file is not None:
        data.holdings_present = True
        data.files.append(holdings_file)
        data.holdings = list(_load_table(root, holdings_file, HOLDING_SCHEMA, _holding, manifest, result))
    if crossings_file is not None:
        data.crossings_present = True
        data.files.append(crossings_file)
        data.crossings = list(_load_table(root, crossings_file, CROSSING_SCHEMA, _crossing, manifest, result))
    if manifest is not None:
        data.manifest = manifest.path
        data.extracted = manifest.extracted
        data.provider = manifest.provider
        result.extend(delivery.missing(manifest, [PurePosixPath(f).name for f in delivered]))
        result.extend(delivery.dated(manifest, data, dt.date.today()))
    result.extend(consistency(data))
    return data


def _holding(row: dict[str, str], where: Row) -> Holding:
    return Holding(
        name=row["姓名"],
        sex=row["性别"],
        birth=_d(row["出生日期"]),
        id_number=row["公民身份号码"],
        type=row["证件类别"],
        number=row["证件号码"],
        issued=_d(row["签发日期"]),
        expires=_d(row["有效期至"]),
        status=row["证件状态"],
        row=where,
    )


def _crossing(row: dict[str, str], where: Row) -> Crossing:
    return Crossing(
        id_number=row["公民身份号码"],
        name=row["姓名"],
        date=_d(row["出入境日期"]),
        direction=row["出境/入境"],
        port=row["口岸"],
        place=row["前往国家（地区）"],
        number=row["证件号码"],
        row=where,
    )


def _load_table(
    root: Path,
    rel: str,
    schema_file: str,
    make: Callable[[dict[str, str], Row], T],
    manifest: Manifest | None,
    result: Result,
) -> Iterator[T]:
    read = table.read(root, rel)
    result.files_checked += 1
    result.extend(read.diagnostics)
    name = PurePosixPath(rel).name
    if manifest is not None:
        if name in manifest.entries:
            delivery.compare(manifest, name, rel, read, result)
        else:
            result.add(delivery.unlisted(manifest, rel))
    if not read.ok:
        return
    schema = schemas.load_all()[schema_file]
    properties: dict[str, Any] = schema["properties"]
    header_problems = list(_header(read, properties, schema.get("required", ())))
    if header_problems:
        result.extend(header_problems)
        return
    names = read.header
    check = schemas.fast_check(schema_file)
    validator = schemas.validator(schema_file)
    seen: dict[tuple[Any, ...], int] = {}
    for line, cells in read.rows:
        first = seen.setdefault(tuple(cells), line)
        if first != line:  # counted twice, every finding on it would be counted twice
            message = f"这一行与第 {first} 行完全相同（重复的记录）：请公安机关重新导出，不要手工拼接文件。"
            result.add(Diagnostic(rel, "P504", message, line, 1))
            continue
        row = dict(zip(names, cells, strict=True))
        if fast.accepts(check, row):  # a blank cell (None) is not a string: never accepted here
            yield make(row, Row(rel, line))  # type: ignore[arg-type]
            continue
        problems = list(_row_problems(read, line, row, validator))
        result.extend(problems)
        if problems or any((line, col) in read.bad for col in range(1, len(names) + 1)):
            continue  # a cell the table reader reported (a number, a time) is None here
        yield make(row, Row(rel, line))  # type: ignore[arg-type]


def _header(read: table.Table, properties: dict[str, Any], required: list[str]) -> Iterator[Diagnostic]:
    known = list(properties)
    counts = Counter(read.header)
    first: dict[str, int] = {}
    for col, name in enumerate(read.header, start=1):
        if counts[name] > 1 and name in first:
            yield Diagnostic(
                read.path, "F106", f"列名「{name}」重复（第一次在第 {first[name]} 列）。", 1, col, name
            )
            continue
        first.setdefault(name, col)
        if name not in properties:
            _, hint = suggest_key(name, known)
            yield Diagnostic(read.path, "S201", f"未知的列名「{name}」。{hint}", 1, col, name)
    for name in required:
        if name not in counts:
            yield Diagnostic(
                read.path,
                "S202",
                f"表头缺少「{name}」列。表头应为：{'、'.join(known)}。",
                1,
                1,
                name,
            )


def _row_problems(
    read: table.Table,
    line: int,
    row: dict[str, str | None],
    validator: Any,
) -> Iterator[Diagnostic]:
    columns = {name: col for col, name in enumerate(read.header, start=1)}
    for name, value in row.items():
        if value is None and (line, columns[name]) not in read.bad:
            yield Diagnostic(read.path, "S202", f"「{name}」没有填写。", line, columns[name], name)
    present = {k: v for k, v in row.items() if v is not None}

    def locator(spot: JsonPath, key: bool) -> tuple[int, int]:
        return line, columns.get(str(spot[0]), 1) if spot else 1

    errors = [e for e in validator.iter_errors(present) if e.validator != "required"]
    for diagnostic in schema_diagnostics_at(read.path, errors, locator, set()):
        yield _masked(diagnostic, row)


def _masked(diagnostic: Diagnostic, row: dict[str, str | None]) -> Diagnostic:
    message = diagnostic.message
    for column, mask in MASKED.items():
        value = row.get(column)
        if value:
            message = message.replace(value, mask(value))
    if message == diagnostic.message:
        return diagnostic
    return Diagnostic(
        diagnostic.path, diagnostic.code, message, diagnostic.line, diagnostic.col, diagnostic.field
    )


def consistency(data: PoliceData) -> Iterator[Diagnostic]:
    """One document number belongs to one person, in the holdings and in the crossings."""
    owner: dict[str, Holding] = {}
    for holding in data.holdings:
        first = owner.setdefault(holding.number, holding)
        if first.id_number != holding.id_number:
            yield Diagnostic(
                holding.row.path,
                "P502",
                f"证件号码 {masking.document_number(holding.number)} 在{first.row}属于"
                f"{masking.id_number(first.id_number)}，这里却属于 {masking.id_number(holding.id_number)}。",
                holding.row.line,
                0,
                "证件号码",
            )
    for crossing in data.crossings:
        holder = owner.get(crossing.number)
        if holder is not None and holder.id_number != crossing.id_number:
            yield Diagnostic(
                crossing.row.path,
                "P502",
                f"证件号码 {masking.document_number(crossing.number)} 在持证信息（{holder.row}）中属于"
                f"{masking.id_number(holder.id_number)}，这条出入境记录却是 {masking.id_number(crossing.id_number)}。",
                crossing.row.line,
                0,
                "证件号码",
            )
