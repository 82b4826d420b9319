"""JSON Schema errors turned into Chinese diagnostics at the right line and column."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import yaml

from privtravel import masking
from privtravel.diagnostics import Diagnostic, JsonPath, field_label
from privtravel.load.yaml_strict import locate
from privtravel.validate.suggest import suggest_key, suggest_value

if TYPE_CHECKING:
    from jsonschema import ValidationError

# Values of these fields are masked in messages: they reach CI logs and review summaries.
SENSITIVE = frozenset({"证件号码", "公民身份号码"})

_TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "array": "列表（每项以「- 」开头）",
    "object": "「字段: 值」的形式",
    "null": "空",
}


# (json path, of the key rather than the value?) -> (line, column), both 1-based
Locator = Callable[[JsonPath, bool], tuple[int, int]]


def schema_diagnostics(
    path: str,
    errors: Iterable[ValidationError],
    root: yaml.Node,
    skip: set[JsonPath],
    data: Any = None,
) -> Iterator[Diagnostic]:
    """One diagnostic per problem; values the loader already reported are not reported again.

    ``data`` (the loaded document) lets a message look at a value's neighbours: a 证件号码 is
    judged against the 证件类别 beside it."""
    return schema_diagnostics_at(path, errors, lambda spot, key: locate(root, spot, key=key), skip, data)


def schema_diagnostics_at(
    path: str,
    errors: Iterable[ValidationError],
    locator: Locator,
    skip: set[JsonPath],
    data: Any = None,
) -> Iterator[Diagnostic]:
    """The same messages for data that is not YAML (a table row): ``locator`` finds line and column."""
    seen: set[tuple[JsonPath, str, str]] = set()
    found: list[Diagnostic] = []
    misspelt: set[JsonPath] = set()  # (…, key) where an unknown key was probably meant as ``key``
    for error in errors:
        where: JsonPath = tuple(error.absolute_path)
        if any(where[: len(bad)] == bad for bad in skip):
            continue
        for diagnostic, meant in _convert(path, error, where, locator, data):
            key = (diagnostic.json_path or (), diagnostic.code, diagnostic.message)
            if key not in seen:
                seen.add(key)
                found.append(diagnostic)
            if meant is not None:
                misspelt.add((*where, meant))
    for diagnostic in found:
        if diagnostic.code == "S202" and diagnostic.json_path in misspelt:
            continue  # "unknown 证件号 (did you mean 证件号码?)" already says it
        yield diagnostic


def _field_name(where: JsonPath) -> str:
    """The key as HR wrote it (keys are Chinese): the last key on the path."""
    for part in reversed(where):
        if isinstance(part, str):
            return part
    return "文件"


def _shown(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "一组内容"
    text = str(value)
    text = text if len(text) <= 40 else text[:37] + "…"
    # a message is one line: a line break or tab in a value is shown, not obeyed
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _convert(
    path: str, error: ValidationError, where: JsonPath, locator: Locator, data: Any = None
) -> Iterator[tuple[Diagnostic, str | None]]:
    """Diagnostics for one schema error, each with the known key an unknown key stands for."""
    keyword = error.validator
    schema = error.schema
    field = field_label(where)
    name = _field_name(where)
    display = _shown(error.instance)
    if name in SENSITIVE and isinstance(error.instance, (str, int)) and not isinstance(error.instance, bool):
        display = masking.document_number(display) if name == "证件号码" else masking.id_number(display)
    value = error.instance
    expected: Any = error.validator_value

    def at(
        code: str, message: str, spot: JsonPath = where, *, key: bool = False, meant: str | None = None
    ) -> tuple[Diagnostic, str | None]:
        line, col = locator(spot, key)
        return Diagnostic(path, code, message, line, col, field_label(spot), spot), meant

    if keyword == "additionalProperties" and isinstance(value, dict):
        known = list(schema.get("properties", {})) if isinstance(schema, dict) else []
        for extra in sorted(set(value) - set(known), key=list(value).index):
            best, hint = suggest_key(extra, known)
            yield at("S201", f"未知字段「{extra}」。{hint}", (*where, extra), key=True, meant=best)
        return
    if keyword == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
        for key in missing:
            description = properties.get(key, {}).get("description", "")
            where_text = f"「{field}」" if field else "文件最外层"
            yield at("S202", f"{where_text}缺少必填字段「{key}」。{description}".rstrip(), (*where, key))
        return
    if keyword == "type" and value is None:
        yield at("S202", f"「{name}」没有填写内容；不需要填写时请删掉这一行。")
        return
    if keyword == "type":
        yield at("S203", _type_message(name, value, display, error.validator_value))
        return
    if keyword == "enum":
        allowed = [str(v) for v in expected]
        hint = suggest_value(display, allowed)
        yield at(
            "S204",
            f"「{name}」填写的「{display}」不在允许的取值中。{hint}可选：{'、'.join(allowed)}。",
        )
        return
    if keyword == "format" and error.validator_value == "date":
        yield at("S205", f"「{name}」填写的「{display}」不是有效日期：请写成 年-月-日，如 2019-06-05。")
        return
    if keyword == "pattern" and isinstance(schema, dict) and schema.get("format") == "date":
        return  # the format's message (S205) says it: the pattern only repeats it for the editor
    if keyword == "pattern" and isinstance(value, str) and _is_private_number(schema):
        yield at("R304", _document_number_message(value, _sibling(data, where, "证件类别")))
        return
    if keyword == "pattern":
        description = schema.get("description", "") if isinstance(schema, dict) else ""
        yield at("S206", f"「{name}」填写的「{display}」格式不对。{description}")
        return
    if keyword in ("minLength",) and isinstance(value, str) and not value.strip():
        yield at("S202", f"「{name}」没有填写内容；不需要填写时请删掉这一行。")
        return
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        yield at("S207", f"「{name}」填写的 {display} 超出范围（{_bound(keyword, error.validator_value)}）。")
        return
    if keyword == "minItems":
        yield at("S207", f"「{name}」至少要填写 {error.validator_value} 项。")
        return
    if keyword == "maxItems":
        yield at("S207", f"「{name}」最多填写 {error.validator_value} 项。")
        return
    if keyword == "minLength":
        yield at("S207", f"「{name}」填写的「{display}」太短（至少 {error.validator_value} 个字）。")
        return
    if keyword == "maxLength":
        yield at("S207", f"「{name}」太长（最多 {error.validator_value} 个字），较长的说明可另附页。")
        return
    if keyword == "uniqueItems":
        yield at("S208", f"「{name}」中有重复的项，请删掉重复的。")
        return
    yield at("S208", f"「{name}」不符合要求（{error.message}）。")


def _is_private_number(schema: Any) -> bool:
    """Whether ``schema`` is the declarations' 因私证件号码 (the police files' numbers are not judged
    by our idea of the formats)."""
    from privtravel.validate.schemas import load_all

    return bool(schema == load_all()["common.schema.json"]["$defs"]["因私证件号码"])


def _sibling(data: Any, where: JsonPath, key: str) -> Any:
    """The value of ``key`` in the mapping that holds ``where`` (None where there is none)."""
    node = data
    for part in where[:-1]:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node.get(key) if isinstance(node, dict) else None


def _document_number_message(number: str, doc_type: Any) -> str:
    """The rule's own words (R304) when the type beside the number is known, else every format."""
    from privtravel.rules.documents import FORMATS, number_problem

    slips = _typing_slips(number)
    if slips:
        clean = re.sub(r"\s", "", unicodedata.normalize("NFKC", number)).upper()
        return f"证件号码{slips}：请改成与证件上一致的「{masking.document_number(clean)}」这样的写法（半角大写字母和数字，写在同一行）。"
    if isinstance(doc_type, str) and doc_type in FORMATS:
        problem = number_problem(doc_type, number)
        if problem is not None:
            return problem[1]
    shown = masking.document_number(number)
    formats = "；".join(
        f"{kind} {'、'.join(text for _, _, text in forms)}" for kind, forms in FORMATS.items()
    )
    return f"证件号码「{shown}」不是因私出入境证件的号码格式，应为：{formats}。字母大写，不含空格。"


def _typing_slips(number: str) -> str:
    """What a clerk's keyboard added to a document number: spaces, a line break, full-width or
    lower-case characters ("" when none of these)."""
    slips = []
    if "\n" in number:
        slips.append("末尾或中间有换行（「|」「>」多行写法会在末尾加换行）")
    elif re.search(r"\s", number):
        slips.append("前后或中间有空格")
    if unicodedata.normalize("NFKC", number) != number:
        slips.append("用了全角字母或数字")
    if any(ch.islower() for ch in number):
        slips.append("字母写成了小写")
    return "、".join(slips)


def _bound(keyword: str, bound: Any) -> str:
    return {
        "minimum": f"不能小于 {bound}",
        "maximum": f"不能大于 {bound}",
        "exclusiveMinimum": f"必须大于 {bound}",
        "exclusiveMaximum": f"必须小于 {bound}",
    }[keyword]


def _type_message(name: str, value: Any, display: str, expected: Any) -> str:
    wanted = expected if isinstance(expected, str) else "/".join(expected)
    wanted_text = _TYPE_NAMES.get(wanted, wanted)
    if value is None:
        return f"「{name}」没有填写内容；应填写{wanted_text}，不需要填写时请删掉这一行。"
    if wanted == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        quoted = "。" if display != str(value) else f'，写成 "{value}"。'
        return f"「{name}」填写的 {display} 被读成了数字：号码、编号、电话等要加英文引号{quoted}"
    if wanted == "string" and isinstance(value, bool):
        return f"「{name}」应填写文字，不能是 true/false；如果确是文字请加引号。"
    if wanted in ("integer", "number") and isinstance(value, str):
        return f"「{name}」应填写数字（不加引号），现在是「{display}」。"
    if wanted == "boolean":
        return f"「{name}」只能写 true（是）或 false（否），现在是「{display}」。"
    return f"「{name}」应为{wanted_text}，现在是「{display}」。"
