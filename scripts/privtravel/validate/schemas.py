"""Loading the JSON Schemas and building one validator per kind (once per run)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privtravel.load.layout import SCHEMA_DIR, Kind
from privtravel.validate import ecma, fast

if TYPE_CHECKING:  # jsonschema is imported only when a document needs it (not on a warm check)
    from jsonschema import Draft202012Validator, FormatChecker, ValidationError
    from referencing import Registry

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _is_date(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _DATE.match(instance):
        return False
    try:
        dt.date.fromisoformat(instance)
    except ValueError:
        return False
    return True


def schema_dir() -> Path:
    """schemas/ beside the package in a source checkout, else the copy installed with it."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / SCHEMA_DIR, here.parents[1] / SCHEMA_DIR):
        if (candidate / "common.schema.json").is_file():
            return candidate
    raise FileNotFoundError("schemas/common.schema.json")  # pragma: no cover


@cache
def load_all() -> dict[str, dict[str, Any]]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(schema_dir().glob("*.schema.json"))
    }


@cache
def registry() -> Registry[Any]:
    from referencing import Registry, Resource

    return Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in load_all().items()
    )


@cache
def format_checker() -> FormatChecker:
    """Only the formats our schemas use, with our own idea of a date."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(_is_date)
    return checker


@cache
def validator(schema_file: str) -> Draft202012Validator:
    schema = inline_refs(load_all()[schema_file], schema_file, load_all())
    return ecma_validator_class()(schema, registry=registry(), format_checker=format_checker())


@cache
def ecma_validator_class() -> type[Draft202012Validator]:
    """Draft 2020-12 whose ``pattern`` runs in the ECMA-262 dialect (validate/ecma.py)."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Any:
        if validator.is_type(instance, "string") and not ecma.compile_pattern(patrn).search(instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    cls: type[Draft202012Validator] = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": pattern}
    )
    return cls


_ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "$comment",
        "examples",
        "errorMessage",
        "patternErrorMessage",
        "markdownDescription",
    }
)


def inline_refs(node: Any, document: str, documents: dict[str, dict[str, Any]]) -> Any:
    """The schema with each ``$ref`` to a definition copied in place (profiling: reference lookups
    were 40% of validation time).  Only a ``$ref`` whose siblings are annotations is inlined; the
    definition's own title and description win, exactly as when jsonschema follows the reference,
    so errors carry the same ``schema`` and the Chinese messages stay the same."""
    if isinstance(node, list):
        return [inline_refs(item, document, documents) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and set(node) - {"$ref"} <= _ANNOTATIONS:
        target = _definition(ref, document, documents)
        if target is not None:
            target_document, definition = target
            resolved = inline_refs(definition, target_document, documents)
            if isinstance(resolved, dict):
                siblings = {k: v for k, v in node.items() if k != "$ref"}
                return {**siblings, **resolved}
    return {key: inline_refs(value, document, documents) for key, value in node.items()}


def _definition(ref: str, document: str, documents: dict[str, dict[str, Any]]) -> tuple[str, Any] | None:
    name, _, pointer = ref.partition("#")
    name = name or document
    if name not in documents or not pointer.startswith("/$defs/") or pointer.count("/") != 2:
        return None
    definition = documents[name].get("$defs", {}).get(pointer.removeprefix("/$defs/"))
    return None if definition is None else (name, definition)


def for_kind(kind: Kind) -> Draft202012Validator:
    return validator(kind.schema_file)


@cache
def fast_check(schema_file: str) -> fast.Check | None:
    """The compiled yes/no check of a schema (see validate/fast.py), None if it has no fast path."""
    schema = inline_refs(load_all()[schema_file], schema_file, load_all())
    return fast.compile_schema(schema, {"date": _is_date})


def errors(schema_file: str, instance: Any) -> list[ValidationError]:
    """Every schema error of ``instance``: none at once when the compiled check accepts it."""
    if fast.accepts(fast_check(schema_file), instance):
        return []
    return list(validator(schema_file).iter_errors(instance))
