"""A filled workbook → the unit's declarations, with every unreadable cell as a Problem at 工作表!B7.

Columns are found by their headers (so a moved column is still read right); rows are read in
order; child rows are attached to the parent row their first column names.  Nothing is guessed:
a cell that cannot be read is reported and left out, and the caller writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from privtravel.diagnostics import JsonPath
from privtravel.excel import cells, headers, rowdata
from privtravel.excel.layout import UNIT_CODE, Column, Sheet, layout
from privtravel.excel.places import CellMap, Place, Problem
from privtravel.excel.report_file import report_file
from privtravel.excel.sheet_rows import Rows, filled_rows, open_workbook
from privtravel.excel.unitdocs import FILE_OF_KIND, Data, UnitDocs, rel_path
from privtravel.excel.workbook_write import (
    FIRST_ROW,
    FORM_FIRST_ROW,
    FORM_VALUE_COLUMN,
)
from privtravel.load.layout import REPORTS_DIR, Kind


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


Existing = Callable[[str], set[Kind]]


def read(path: Path, *, unit: str | None, existing: Existing) -> Extracted:
    """Read the workbook at ``path``.  ``unit`` is the expected unit code (None: the workbook's own);
    ``existing(code)`` are the kinds for which the unit already has a file (kept even when their
    sheets are emptied)."""
    book = open_workbook(path)
    try:
        return _Reader(book, unit, existing).run()
    finally:
        book.close()


class _Reader:
    def __init__(self, book: Any, unit: str | None, existing: Existing) -> None:
        self.book = book
        self.expected_unit = unit
        self.existing_of = existing
        self.existing: set[Kind] = set()
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
        tables: dict[str, Rows] = {}
        for sheet in lay.sheets:
            if sheet.name not in present:
                self.problem(None, f"缺少工作表「{sheet.name}」：请使用 privtravel template 生成的表格。")
                continue
            tables[sheet.name] = filled_rows(self.book, sheet.name)
        form = lay.of_kind(Kind.UNIT)[0]
        if form.name in tables:
            self._form(form, tables[form.name])
        else:
            self.existing = self.existing_of(self.code) if self.code else set()
        self.out.docs.code = self.code
        for sheet in lay.sheets:
            if sheet.spec.form or sheet.name not in tables:
                continue
            self._table(sheet, tables[sheet.name])
        self._finish_roots()
        return self.out

    # --- the unit form -------------------------------------------------------------------------
    def _form(self, sheet: Sheet, rows: Rows) -> None:
        found = headers.form_values(sheet, rows, self.problem)
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
        self.existing = self.existing_of(code) if code else set()
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
        rowdata.empty_required_lists(obj, sheet.columns)
        if content or Kind.UNIT in self.existing:
            self.out.rows_read += 1
            rowdata.init_required_lists(Kind.UNIT, obj, ())
            self.roots[rel] = row
            self.form_row = row

    # --- tables ------------------------------------------------------------------------------
    def _table(self, sheet: Sheet, rows: Rows) -> None:
        columns = headers.table_columns(sheet, rows, self.problem)
        if columns is None:
            return  # a broken header: the rows cannot be read reliably
        parent = layout().sheet(sheet.parent) if sheet.parent else None
        key_index = next((i for i, c in columns.items() if c.parent_key), None)
        for number, values in sorted(rows.items()):
            if number < FIRST_ROW:
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
            rowdata.empty_required_lists(row.obj, columns.values())
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
            rel = report_file(self.code, sheet.name, number, values, columns, self.problem)
            obj: Data = {UNIT_CODE: self.code}
            rowdata.init_required_lists(sheet.kind, obj, ())
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
        rowdata.init_required_lists(sheet.kind, obj, spec.array)
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

    def _root(self, kind: Kind) -> _Row:
        rel = rel_path(self.code, kind)
        row = self.roots.get(rel)
        if row is None:
            obj: Data = {UNIT_CODE: self.code}
            rowdata.init_required_lists(kind, obj, ())
            row = self.roots[rel] = _Row(rel, (), obj)
        return row

    def _unit_root_for_rules(self) -> _Row:
        """制度 rows while the 单位基本情况 sheet is empty: the unit file is then needed after all."""
        if self.form_row is None:
            rel = rel_path(self.code, Kind.UNIT)
            obj: Data = {UNIT_CODE: self.code}
            rowdata.init_required_lists(Kind.UNIT, obj, ())
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
            rowdata.put(row.obj, column.path, None)  # keep the key so it is not reported as missing too
            return True
        if value is None:
            return False
        if column.option is not None:
            if value is False:
                return True  # 否: filled in, not chosen
            chosen = rowdata.get(row.obj, column.path)
            if not isinstance(chosen, list):
                chosen = []
                rowdata.put(row.obj, column.path, chosen)
            chosen.append(column.option)
            return True
        rowdata.put(row.obj, column.path, value)
        return True
