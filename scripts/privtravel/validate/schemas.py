"""Loading the JSON Schemas and building one validator per kind (once per run)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from privtravel.load.layout import SCHEMA_DIR, Kind

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date")
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
    return Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in load_all().items()
    )


@cache
def validator(schema_file: str) -> Draft202012Validator:
    return Draft202012Validator(load_all()[schema_file], registry=registry(), format_checker=FORMATS)


def for_kind(kind: Kind) -> Draft202012Validator:
    return validator(kind.schema_file)
