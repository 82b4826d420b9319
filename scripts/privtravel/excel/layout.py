"""The workbook layout: which sheet holds which records, and its columns, derived from the schemas.

Only the table below is written by hand (sheet names, which array of which file a sheet holds,
and the field that links child rows to their parent).  Columns, headers, help texts and drop-down
lists come from the schemas; a schema property with no place in the workbook is an error when the
layout is built, so a schema change cannot be silently lost in Excel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from privtravel.excel.schema_walk import (
    FieldInfo,
    FieldType,
    LayoutError,
    Schema,
    base_of,
    fields,
    root_schema,
)
from privtravel.load.layout import Kind

UNIT_CODE = "单位代码"
SENSITIVE = frozenset({"证件号码", "公民身份号码", "联系电话"})  # masked in every message


@dataclass(frozen=True, slots=True)
class SheetSpec:
    name: str
    kind: Kind
    array: tuple[str, ...] = ()  # the array (from the file's root) whose items are this sheet's rows
    key: str | None = None  # the field by which child sheets name a row of this sheet
    form: bool = False  # one record shown as 项目/内容 rows: the file's root object
    per_file: bool = False  # each row is a file of its own (the reports)


SPECS: tuple[SheetSpec, ...] = (
    SheetSpec("单位基本情况", Kind.UNIT, form=True),
    SheetSpec("制度", Kind.UNIT, ("管理制度",)),
    SheetSpec("登记备案人员", Kind.ROSTER, ("人员",), key="编号"),
    SheetSpec("登记备案变动", Kind.ROSTER, ("人员", "变动记录")),
    SheetSpec("报告表", Kind.REPORT, per_file=True, key="编号"),
    SheetSpec("证件", Kind.REPORT, ("持有证件",)),
    SheetSpec("出国（境）情况", Kind.REPORT, ("出国境情况",)),
    SheetSpec("证件保管", Kind.CUSTODY, ("证件",), key="证件号码"),
    SheetSpec("证件领用", Kind.CUSTODY, ("证件", "领用记录")),
    SheetSpec("审批", Kind.APPROVALS, ("审批",)),
    SheetSpec("违规问题", Kind.CASES, ("问题",), key="问题编号"),
    SheetSpec("问题处理", Kind.CASES, ("问题", "处理")),
    SheetSpec("责任追究", Kind.CASES, ("问题", "责任追究")),
)
KINDS = (Kind.UNIT, Kind.ROSTER, Kind.REPORT, Kind.CUSTODY, Kind.APPROVALS, Kind.CASES)


@dataclass(frozen=True, slots=True)
class Column:
    path: tuple[str, ...]  # property names from the row's object to the value; () = the parent key
    field: FieldInfo
    header: str  # the lower header (or the only one)
    group: str | None = None  # the upper header shared by several columns
    option: str | None = None  # MULTI: the value this 是/blank column stands for
    parent_key: bool = False

    @property
    def label(self) -> str:
        """How messages name the column: 纪检监察意见·日期, 问题类型·瞒报出国境情况."""
        return f"{self.group}·{self.header}" if self.group else self.header

    @property
    def sensitive(self) -> bool:
        return self.field.name in SENSITIVE

    @property
    def required(self) -> bool:
        return self.parent_key or (self.field.required and self.option is None)


@dataclass(frozen=True, slots=True)
class Sheet:
    spec: SheetSpec
    title: str
    description: str
    columns: tuple[Column, ...]
    parent: str | None = None  # the sheet whose rows this sheet's rows belong to
    children: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def kind(self) -> Kind:
        return self.spec.kind


@dataclass(frozen=True, slots=True)
class Layout:
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)

    def of_kind(self, kind: Kind) -> list[Sheet]:
        return [s for s in self.sheets if s.kind is kind]

    def for_array(self, kind: Kind, array: tuple[str, ...]) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.kind is kind and sheet.spec.array == array:
                return sheet
        return None


@cache
def layout() -> Layout:
    sheets: list[Sheet] = []
    for kind in KINDS:
        sheets.extend(_sheets_of(kind))
    names = [s.name for s in sheets]
    if len(set(names)) != len(names):  # pragma: no cover - the table above
        raise LayoutError("工作表名称重复")
    return Layout(tuple(sheets))


def _sheets_of(kind: Kind) -> list[Sheet]:
    specs = {s.array: s for s in SPECS if s.kind is kind}
    schema, base = root_schema(kind)
    out: list[Sheet] = []
    root_spec = specs.get(())
    if root_spec is None:
        for info in fields(schema, base):
            if info.name == UNIT_CODE:
                continue
            if info.type is not FieldType.CHILD:
                raise LayoutError(f"{kind.schema_file} 的字段「{info.name}」在表格中没有位置")
            out.extend(_array_sheets(kind, specs, (info.name,), info, None))
        return out
    root = Sheet(
        root_spec,
        str(schema.get("title", root_spec.name)),
        for_excel(str(schema.get("description", ""))),
        (),
    )
    columns, children = _columns(kind, specs, root_spec, schema, base, keep_unit_code=root_spec.form)
    child_sheets: list[Sheet] = []
    for info in children:
        child_sheets.extend(_array_sheets(kind, specs, (info.name,), info, root_spec))
    direct = tuple(s.name for s in child_sheets if s.parent == root_spec.name)
    out.append(Sheet(root.spec, root.title, root.description, columns, None, direct))
    out.extend(child_sheets)
    return out


def _array_sheets(
    kind: Kind,
    specs: dict[tuple[str, ...], SheetSpec],
    array: tuple[str, ...],
    info: FieldInfo,
    parent: SheetSpec | None,
) -> list[Sheet]:
    spec = specs.get(array)
    if spec is None:
        raise LayoutError(f"{kind.schema_file} 的列表「{'.'.join(array)}」没有对应的工作表")
    assert info.schema is not None
    base = base_of(info.schema, kind.schema_file)
    columns, children = _columns(kind, specs, spec, info.schema, base, keep_unit_code=False)
    if parent is not None and parent.key is not None:
        key_info = _parent_key_info(kind, parent)
        key_column = Column((), key_info, key_info.title, parent_key=True)
        columns = (key_column, *columns)
    below: list[Sheet] = []
    for child in children:
        below.extend(_array_sheets(kind, specs, (*array, child.name), child, spec))
    direct = tuple(s.name for s in below if s.parent == spec.name)
    sheet = Sheet(
        spec,
        info.title,
        for_excel(info.description),
        columns,
        parent.name if parent is not None else None,
        direct,
    )
    return [sheet, *below]


def _parent_key_info(kind: Kind, parent: SheetSpec) -> FieldInfo:
    schema, base = root_schema(kind)
    for name in parent.array:
        for info in fields(schema, base):
            if info.name == name and info.schema is not None:
                schema, base = info.schema, base_of(info.schema, base)
                break
    for info in fields(schema, base):
        if info.name == parent.key:
            return info
    raise LayoutError(f"工作表「{parent.name}」没有字段「{parent.key}」")  # pragma: no cover


def _columns(
    kind: Kind,
    specs: dict[tuple[str, ...], SheetSpec],
    spec: SheetSpec,
    schema: Schema,
    base: str,
    *,
    keep_unit_code: bool,
) -> tuple[tuple[Column, ...], list[FieldInfo]]:
    columns: list[Column] = []
    children: list[FieldInfo] = []
    for info in fields(schema, base):
        if info.name == UNIT_CODE and not spec.array and not keep_unit_code:
            continue
        if info.type is FieldType.CHILD:
            children.append(info)
        elif info.type is FieldType.GROUP:
            assert info.schema is not None
            for inner in fields(info.schema, base_of(info.schema, base)):
                if inner.type in (FieldType.GROUP, FieldType.CHILD):
                    raise LayoutError(f"「{info.name}.{inner.name}」嵌套太深，表格中无法表示")
                columns.extend(_leaf_columns((info.name, inner.name), inner, info.title))
        else:
            columns.extend(_leaf_columns((info.name,), info, None))
    labels = [c.label for c in columns]
    if len(set(labels)) != len(labels):
        raise LayoutError(f"工作表「{spec.name}」有重复的列名")
    return tuple(columns), children


def _leaf_columns(path: tuple[str, ...], info: FieldInfo, group: str | None) -> list[Column]:
    if info.type is FieldType.MULTI:
        # a multi-choice inside a group (从严审查.情形) shows its values under the group's header
        upper = group or info.title
        return [Column(path, info, option, upper, option) for option in info.options]
    return [Column(path, info, info.title, group)]


_YAML_CLAUSE = re.compile(r"引号|true|false|: \[|「- |yaml|YAML|\.yaml")


def for_excel(description: str) -> str:
    """A schema description without the parts that only make sense in YAML."""
    kept = []
    for sentence in re.split(r"(?<=[。；])", description):
        if sentence and not _YAML_CLAUSE.search(sentence):
            kept.append(sentence)
    text = "".join(kept).replace("不写", "留空").strip()
    if text.endswith("；"):
        text = text[:-1] + "。"
    return text
