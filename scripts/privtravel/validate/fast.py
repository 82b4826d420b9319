"""A compiled yes/no check for the common case: a valid document.

jsonschema is the authority and the only source of messages, but it walks the schema anew for
every document and was a third of the cost of loading at province scale.  ``compile_schema``
turns a schema (refs already inlined) into nested closures for exactly the keywords our schemas
use.  Each closure answers *exactly* (valid or not) or raises ``Unsure``; callers run jsonschema
whenever the answer is not a plain yes, so a document this module accepts is one jsonschema
accepts, and every message still comes from jsonschema.  A schema with a keyword not handled
here gets no fast path at all (``compile_schema`` returns None).  tests/validate/test_fast.py
compares both on every example file and on generated documents.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

from privtravel.validate import ecma

Check = Callable[[Any], bool]


class Unsure(Exception):
    """An instance this module does not judge (say, an enum of mixed types): ask jsonschema."""


class Unsupported(Exception):
    """A schema keyword this module does not compile."""


# annotations, and the editor's (yaml-language-server's) own messages, which jsonschema ignores too
_IGNORED = frozenset(
    {
        "$schema",
        "$id",
        "$defs",
        "$comment",
        "title",
        "description",
        "examples",
        "default",
        "errorMessage",
        "patternErrorMessage",
        "markdownDescription",
    }
)


def _is_number(x: Any) -> bool:
    return isinstance(x, numbers.Number) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "string": lambda x: isinstance(x, str),
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "number": _is_number,
    "integer": lambda x: (
        (isinstance(x, int) and not isinstance(x, bool)) or (isinstance(x, float) and x.is_integer())
    ),
}


def compile_schema(schema: Any, formats: dict[str, Check]) -> Check | None:
    """A check for ``schema``, or None when it uses a keyword this module does not handle."""
    try:
        return _compile(schema, formats)
    except Unsupported:
        return None


def accepts(check: Check | None, instance: Any) -> bool:
    """True only when ``check`` exists and is sure that ``instance`` is valid."""
    if check is None:
        return False
    try:
        return check(instance)
    except Unsure:
        return False


def _compile(schema: Any, formats: dict[str, Check]) -> Check:
    if schema is True:
        return lambda x: True
    if schema is False:
        return lambda x: False
    if not isinstance(schema, dict):
        raise Unsupported(repr(schema))
    checks: list[Check] = []
    for key, value in schema.items():
        if key in _IGNORED or key in ("then", "else"):
            continue
        maker = _KEYWORDS.get(key)
        if maker is None:
            raise Unsupported(key)
        checks.append(maker(value, schema, formats))
    if not checks:
        return lambda x: True
    check = checks[0] if len(checks) == 1 else _every(tuple(checks))
    if set(schema) - _IGNORED <= _SCALAR:
        return _remembered(check)
    return check


# keywords whose verdict on a string depends on nothing but the string
_SCALAR = frozenset(
    {"type", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "format"}
)
_REMEMBER = 50_000  # strings per schema; the same dates, places and kinds recur across thousands of files


def _every(checks: tuple[Check, ...]) -> Check:
    def check(x: Any) -> bool:
        for c in checks:  # noqa: SIM110 - a plain loop: all() over a generator costs twice as much here
            if not c(x):
                return False
        return True

    return check


def _remembered(check: Check) -> Check:
    known: dict[str, bool] = {}

    def remembered(x: Any) -> bool:
        if type(x) is not str:
            return check(x)
        verdict = known.get(x)
        if verdict is None:
            if len(known) >= _REMEMBER:
                known.clear()
            verdict = known[x] = check(x)
        return verdict

    return remembered


def _type(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or any(n not in _TYPES for n in names):
        raise Unsupported(f"type {value!r}")
    tests = tuple(_TYPES[n] for n in names)
    if len(tests) == 1:
        return tests[0]
    return lambda x: any(t(x) for t in tests)


def _same_kind(value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Unsupported("enum of non-strings")
    return frozenset(value)


def _enum(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    allowed = _same_kind(value)
    return lambda x: isinstance(x, str) and x in allowed


def _const(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    allowed = _same_kind([value])
    return lambda x: isinstance(x, str) and x in allowed


def _pattern(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    search = ecma.compile_pattern(value).search
    return lambda x: not isinstance(x, str) or search(x) is not None


def _length(bound: Callable[[int, int], bool]) -> Callable[[Any, dict[str, Any], dict[str, Check]], Check]:
    def make(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
        if not isinstance(value, int):
            raise Unsupported("length bound")
        return lambda x: not isinstance(x, str) or bound(len(x), value)

    return make


def _range(bound: Callable[[Any, Any], bool]) -> Callable[[Any, dict[str, Any], dict[str, Check]], Check]:
    def make(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
        if not _is_number(value):
            raise Unsupported("numeric bound")
        return lambda x: not _is_number(x) or bound(x, value)

    return make


def _min_items(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    if not isinstance(value, int):
        raise Unsupported("minItems")
    return lambda x: not isinstance(x, list) or len(x) >= value


def _unique_items(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    if value is not True:
        return lambda x: True

    def check(x: Any) -> bool:
        if not isinstance(x, list):
            return True
        if not all(isinstance(item, str) for item in x):
            raise Unsure  # jsonschema's equality (1 vs True vs 1.0) is its own
        return len(set(x)) == len(x)

    return check


def _format(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    test = formats.get(value)
    if test is None:
        raise Unsupported(f"format {value!r}")
    return test


def _required(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    names = tuple(value)

    def check(x: Any) -> bool:
        if isinstance(x, dict):
            for n in names:
                if n not in x:
                    return False
        return True

    return check


def _properties(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    compiled = {name: _compile(sub, formats) for name, sub in value.items()}

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for key, item in x.items():
            sub = compiled.get(key)
            if sub is not None and not sub(item):
                return False
        return True

    return check


def _additional(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    if "patternProperties" in schema:
        raise Unsupported("patternProperties")
    known = frozenset(schema.get("properties", {}))
    sub = _compile(value, formats)

    def check(x: Any) -> bool:
        if isinstance(x, dict):
            for k, v in x.items():
                if k not in known and not sub(v):
                    return False
        return True

    return check


def _items(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    if "prefixItems" in schema:
        raise Unsupported("prefixItems")
    sub = _compile(value, formats)

    def check(x: Any) -> bool:
        if isinstance(x, list):
            for item in x:
                if not sub(item):
                    return False
        return True

    return check


def _all_of(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    return _every(tuple(_compile(s, formats) for s in value))


def _if(value: Any, schema: dict[str, Any], formats: dict[str, Check]) -> Check:
    condition = _compile(value, formats)
    then = _compile(schema.get("then", True), formats)
    otherwise = _compile(schema.get("else", True), formats)
    return lambda x: then(x) if condition(x) else otherwise(x)


_KEYWORDS: dict[str, Callable[[Any, dict[str, Any], dict[str, Check]], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minLength": _length(lambda n, b: n >= b),
    "maxLength": _length(lambda n, b: n <= b),
    "minimum": _range(lambda x, b: x >= b),
    "maximum": _range(lambda x, b: x <= b),
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "format": _format,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional,
    "items": _items,
    "allOf": _all_of,
    "if": _if,
}
