"""A filled workbook → the unit's declarations, with every unreadable cell as a Problem at 工作表!B7.

Columns are found by their headers (so a moved column is still read right); rows are read in
order; child rows are attached to the parent row their first column names.  Nothing is guessed:
a cell that cannot be read is reported and left out, and the caller writes nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from privtravel.diagnostics import FatalError, JsonPath
from privtravel.excel import cells
from privtravel.excel.layout import UNIT_CODE, Column, Sheet, layout
from privtravel.excel.places import CellMap, Place, Problem
from privtravel.excel.schema_walk import FieldType, base_of, fields, root_schema
from privtravel.excel.unitdocs import FILE_OF_KIND, Data, UnitDocs, folder, rel_path, report_rel
from privtravel.excel.workbook_write import (
    FIRST_ROW,
    FORM_FIRST_ROW,
    FORM_VALUE_COLUMN,
    GROUP_ROW,
    HEADER_ROW,
)
from privtravel.load.layout import REPORTS_DIR, Kind

_BAD_FILE_CHARS = set('/\\:*?"<>|')


@dataclass
class Extracted:
    docs: UnitDocs
    problems: list[Problem] = field(default_factory=list)
    cellmap: CellMap = field(default_factory=CellMap)
    bad: dict[str, set[JsonPath]] = field(default_factory=dict)  # values already reported, per file
    rows_read: int = 0

    def mark_bad(self, rel: str, path: JsonPath) -> None:
        self.bad.setdefault(rel, set()).add(path)


@dataclass
class _Row:
    rel: str
    path: JsonPath
    obj: Data


def open_workbook(path: Path) -> Any:
    if not path.is_file():
        raise FatalError(f"找不到表格文件 {path}。")
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise FatalError(
            f"无法打开 {path.name}：它不是 .xlsx 表格（旧的 .xls 请在 Excel/WPS 中另存为 .xlsx）。（{exc}）"
        ) from None


def read(path: Path, *, unit: str | None, existing: set[Kind]) -> Extracted:
    """Read the workbook at ``path``.  ``unit`` is the expected unit code (None: the workbook's own);
    ``existing`` are the kinds that already have a file (kept even when their sheets are emptied)."""
    book = open_workbook(path)
    try:
        return _Reader(book, unit, existing).run()
    finally:
        book.close()


class _Reader:
    def __init__(self, book: Any, unit: str | None, existing: set[Kind]) -> None:
        self.book = book
        self.expected_unit = unit
        self.existing = existing
        self.out = Extracted(UnitDocs(unit or ""))
        self.keys: dict[str, dict[str, _Row]] = {}  # sheet → key value → row
        self.roots: dict[str, _Row] = {}  # rel → the file's root
        self.form_row: _Row | None = None
        self.code = unit or ""

    def problem(self, place: Place | None, message: str) -> None:
        self.out.problems.append(Problem(place, message))

    def run(self) -> Extracted:
        lay = layout()
        present = set(self.book.sheetnames)
        tables: dict[str, list[tuple[int, list[Any]]]] = {}
        for sheet in lay.sheets:
            if sheet.name not in present:
                self.problem(None, f"缺少工作表「{sheet.name}」：请使用 privtravel template 生成的表格。")
                continue
            ws = self.book[sheet.name]
            ws.reset_dimensions()
            raw = [list(r) for r in ws.iter_rows(values_only=True)]
            tables[sheet.name] = list(enumerate(raw, start=1))
        form = lay.of_kind(Kind.UNIT)[0]
        if form.name in tables:
            self._form(form, tables[form.name])
        self.out.docs.code = self.code
        for sheet in lay.sheets:
            if sheet.spec.form or sheet.name not in tables:
                continue
            self._table(sheet, tables[sheet.name])
        self._finish_roots()
        return self.out

    # --- the unit form -------------------------------------------------------------------------
    def _form(self, sheet: Sheet, rows: list[tuple[int, list[Any]]]) -> None:
        by_label = {(c.group or "", c.header): c for c in sheet.columns}
        found: dict[Column, tuple[int, Any]] = {}
        for number, values in rows[FORM_FIRST_ROW - 1 :]:
            group = _text(values, 0)
            header = _text(values, 1)
            if not header:
                continue
            column = by_label.get((group, header))
            if column is None:
                self.problem(
                    Place(sheet.name, number, 2), f"无法识别的项目「{header}」：请不要修改项目名称。"
                )
                continue
            found[column] = (
                number,
                values[FORM_VALUE_COLUMN - 1] if len(values) >= FORM_VALUE_COLUMN else None,
            )
        for column in sheet.columns:
            if column not in found:
                self.problem(
                    Place(sheet.name, FORM_FIRST_ROW, 2),
                    f"缺少项目「{column.label}」：请不要删除表格中的行。",
                )
        code_column = next(c for c in sheet.columns if c.path == (UNIT_CODE,))
        code_number, code_raw = found.get(code_column, (FORM_FIRST_ROW, None))
        code_place = Place(sheet.name, code_number, FORM_VALUE_COLUMN)
        code = code_raw.strip() if isinstance(code_raw, str) else None
        if not code:
            self.problem(code_place, "「单位代码」必须填写：它决定表格导入到哪个单位的文件夹。")
            code = self.expected_unit or ""
        elif self.expected_unit is not None and code != self.expected_unit:
            self.problem(
                code_place, f"这是单位「{code}」的表格，不是「{self.expected_unit}」的：请核对表格或 --unit。"
            )
        self.code = code
        rel = rel_path(code, Kind.UNIT)
        obj: Data = {}
        row = _Row(rel, (), obj)
        self.out.cellmap.add(rel, (), code_place, None)
        content = False
        prefilled = {UNIT_CODE, "单位名称"}
        for column in sheet.columns:
            number, raw = found.get(column, (FORM_FIRST_ROW, None))
            place = Place(sheet.name, number, FORM_VALUE_COLUMN)
            filled = self._cell(row, column, place, raw)
            if filled and column.path[0] not in prefilled:
                content = True
        _empty_required_lists(obj, sheet.columns)
        if content or Kind.UNIT in self.existing:
            self.out.rows_read += 1
            _init_required_lists(Kind.UNIT, obj, ())
            self.roots[rel] = row
            self.form_row = row

    # --- tables ------------------------------------------------------------------------------
    def _columns(self, sheet: Sheet, rows: list[tuple[int, list[Any]]]) -> dict[int, Column] | None:
        """Physical column index → Column, from the two header rows."""
        upper = rows[GROUP_ROW - 1][1] if len(rows) >= GROUP_ROW else []
        lower = rows[HEADER_ROW - 1][1] if len(rows) >= HEADER_ROW else []
        by_label = {c.label: c for c in sheet.columns}
        found: dict[int, Column] = {}
        seen: dict[str, int] = {}
        group: str | None = None
        ok = True
        for index in range(max(len(upper), len(lower))):
            top, bottom = _text(upper, index), _text(lower, index)
            if bottom:
                group = top or group
                label = f"{group}·{bottom}" if group else bottom
            elif top:
                group = None
                label = top
            else:
                group = None
                continue
            column = by_label.get(label)
            place = Place(sheet.name, HEADER_ROW if bottom else GROUP_ROW, index + 1)
            if column is None:
                self.problem(
                    place, f"无法识别的列「{label}」：请不要修改表头（其他情况写在「备注」「说明」等列里）。"
                )
                ok = False
            elif label in seen:
                self.problem(place, f"列「{label}」出现了两次。")
                ok = False
            else:
                seen[label] = index
                found[index] = column
        for column in sheet.columns:
            if column.label not in seen:
                self.problem(
                    Place(sheet.name, HEADER_ROW, 1), f"缺少列「{column.label}」：请不要删除或改动表头。"
                )
                ok = False
        return found if ok else None

    def _table(self, sheet: Sheet, rows: list[tuple[int, list[Any]]]) -> None:
        columns = self._columns(sheet, rows)
        if columns is None:
            return  # a broken header: the rows cannot be read reliably
        parent = layout().sheet(sheet.parent) if sheet.parent else None
        key_index = next((i for i, c in columns.items() if c.parent_key), None)
        for number, values in rows[FIRST_ROW - 1 :]:
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            self.out.rows_read += 1
            target = self._target(sheet, parent, number, values, columns, key_index)
            if target is None:
                continue
            row = target
            for index, column in columns.items():
                if column.parent_key:
                    continue
                raw = values[index] if index < len(values) else None
                self._cell(row, column, Place(sheet.name, number, index + 1), raw)
            _empty_required_lists(row.obj, columns.values())
            self._register(sheet, row, number, values, columns)

    def _target(
        self,
        sheet: Sheet,
        parent: Sheet | None,
        number: int,
        values: list[Any],
        columns: dict[int, Column],
        key_index: int | None,
    ) -> _Row | None:
        """The row object a sheet row fills in, already placed in its file."""
        spec = sheet.spec
        first = Place(sheet.name, number, 1)
        if spec.per_file:
            rel = self._report_rel(sheet, number, values, columns)
            obj: Data = {UNIT_CODE: self.code}
            _init_required_lists(sheet.kind, obj, ())
            row = _Row(rel, (), obj)
            self.out.cellmap.add(rel, (), first, None)
            if rel in self.roots:
                return row  # a second row with the same 编号 and 姓名: reported as a duplicate 编号
            self.roots[rel] = row
            return row
        name = spec.array[-1]
        if parent is None or parent.spec.form:
            holder = self._root(sheet.kind) if parent is None else self.form_row
            if holder is None:  # 制度 rows without a 单位基本情况 to hold them
                holder = self._unit_root_for_rules()
        else:
            assert key_index is not None
            key_column = columns[key_index]
            place = Place(sheet.name, number, key_index + 1)
            raw = values[key_index] if key_index < len(values) else None
            try:
                key = cells.read(key_column, raw)
            except cells.CellError as exc:
                self.problem(place, f"「{key_column.header}」{exc}")
                return None
            if key is None:
                self.problem(
                    place, f"「{key_column.header}」必须填写：这一行属于「{parent.name}」表中的哪一条。"
                )
                return None
            found = self.keys.get(parent.name, {}).get(key)
            if found is None:
                self.problem(
                    place,
                    f"「{parent.name}」表中没有{key_column.header}「{cells.shown(key_column, key)}」的记录。",
                )
                return None
            holder = found
        items = holder.obj.setdefault(name, [])
        path = (*holder.path, name, len(items))
        obj = {}
        _init_required_lists(sheet.kind, obj, spec.array)
        items.append(obj)
        self.out.cellmap.add(holder.rel, path, first, None)
        return _Row(holder.rel, path, obj)

    def _register(
        self, sheet: Sheet, row: _Row, number: int, values: list[Any], columns: dict[int, Column]
    ) -> None:
        """Remember the row under its key (for child sheets); name a report's file."""
        key = sheet.spec.key
        if key is None:
            return
        value = row.obj.get(key)
        key_index = next((i for i, c in columns.items() if c.path == (key,)), 0)
        place = Place(sheet.name, number, key_index + 1)
        if not isinstance(value, str):
            # no usable key: its child rows cannot be attached, so "no child rows" is not news
            for child in sheet.children:
                self.out.mark_bad(row.rel, (*row.path, layout().sheet(child).spec.array[-1]))
            return
        registry = self.keys.setdefault(sheet.name, {})
        if value in registry:
            first = self.out.cellmap.find(registry[value].rel, registry[value].path)
            where = f"（第 {first[0].row} 行已有）" if first else ""
            column = next(c for c in sheet.columns if c.path == (key,))
            self.problem(
                place,
                f"{column.header}「{cells.shown(column, value)}」重复{where}：每条记录的{column.header}不能相同。",
            )
            return
        registry[value] = row

    def _report_rel(self, sheet: Sheet, number: int, values: list[Any], columns: dict[int, Column]) -> str:
        """The report's file, named 编号-姓名.yaml from the row (a placeholder while they are wrong)."""
        found: dict[str, Any] = {}
        name_place = Place(sheet.name, number, 1)
        for index, column in columns.items():
            if column.path in (("编号",), ("姓名",)) and index < len(values):
                if column.path == ("姓名",):
                    name_place = Place(sheet.name, number, index + 1)
                with suppress(cells.CellError):  # reported when the cell itself is read
                    found[column.path[0]] = cells.read(column, values[index])
        ident, name = found.get("编号"), found.get("姓名")
        if isinstance(ident, str) and isinstance(name, str):
            if _BAD_FILE_CHARS & set(name) or name.startswith("."):
                self.problem(
                    name_place, f'「姓名」「{name}」含有不能用于文件名的字符（/ \\ : * ? " < > |）。'
                )
            else:
                return report_rel(self.code, ident, name)
        return f"{folder(self.code)}/{REPORTS_DIR}/(第{number}行).yaml"

    def _root(self, kind: Kind) -> _Row:
        rel = rel_path(self.code, kind)
        row = self.roots.get(rel)
        if row is None:
            obj: Data = {UNIT_CODE: self.code}
            _init_required_lists(kind, obj, ())
            row = self.roots[rel] = _Row(rel, (), obj)
        return row

    def _unit_root_for_rules(self) -> _Row:
        """制度 rows while the 单位基本情况 sheet is empty: the unit file is then needed after all."""
        if self.form_row is None:
            rel = rel_path(self.code, Kind.UNIT)
            obj: Data = {UNIT_CODE: self.code}
            _init_required_lists(Kind.UNIT, obj, ())
            self.form_row = self.roots[rel] = _Row(rel, (), obj)
        return self.form_row

    def _finish_roots(self) -> None:
        for kind in (Kind.ROSTER, Kind.CUSTODY, Kind.APPROVALS, Kind.CASES):
            if kind in self.existing:
                self._root(kind)
        for rel, row in self.roots.items():
            if REPORTS_DIR in rel.split("/")[-2:-1]:
                self.out.docs.reports[rel] = row.obj
            else:
                kind = next(k for k in FILE_OF_KIND if rel == rel_path(self.code, k))
                self.out.docs.files[kind] = row.obj

    # --- one cell ------------------------------------------------------------------------------
    def _cell(self, row: _Row, column: Column, place: Place, raw: Any) -> bool:
        """Read a cell into the row's object; True when it had a value."""
        path = (*row.path, *column.path)
        self.out.cellmap.add(row.rel, path, place, column)
        try:
            value = cells.read(column, raw)
        except cells.CellError as exc:
            self.problem(place, f"「{column.label}」{exc}")
            self.out.mark_bad(row.rel, path)
            _set(row.obj, column.path, None)  # keep the key so it is not reported as missing too
            return True
        if value is None:
            return False
        if column.option is not None:
            if value is False:
                return True  # 否: filled in, not chosen
            chosen = _get(row.obj, column.path)
            if not isinstance(chosen, list):
                chosen = []
                _set(row.obj, column.path, chosen)
            chosen.append(column.option)
            return True
        _set(row.obj, column.path, value)
        return True


def _empty_required_lists(obj: Data, columns: Iterable[Column]) -> None:
    """A blank cell of a required list means an empty list (专人: none designated), not a gap."""
    for column in columns:
        if column.field.type not in (FieldType.LIST, FieldType.MULTI) or not column.field.required:
            continue
        holder: Any = obj
        for part in column.path[:-1]:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict):
            holder.setdefault(column.path[-1], [])


def _text(values: list[Any], index: int) -> str:
    if index >= len(values) or values[index] is None:
        return ""
    return str(values[index]).strip()


def _get(obj: Data, path: tuple[str, ...]) -> Any:
    value: Any = obj
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _set(obj: Data, path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


def _init_required_lists(kind: Kind, obj: Data, array: tuple[str, ...]) -> None:
    """Required lists start empty, so a missing child row is a clear 'at least one row' message."""
    for name in _required_lists(kind, array):
        obj.setdefault(name, [])


@cache
def _required_lists(kind: Kind, array: tuple[str, ...]) -> tuple[str, ...]:
    schema, base = root_schema(kind)
    for name in array:
        for info in fields(schema, base):
            if info.name == name and info.schema is not None:
                schema, base = info.schema, base_of(info.schema, base)
                break
    return tuple(info.name for info in fields(schema, base) if info.required and info.type is FieldType.CHILD)
