"""The schemas themselves: valid Draft 2020-12, and every property explained to HR in Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from privtravel.load.layout import Kind
from privtravel.validate import schemas

HAN = re.compile(r"[\u4e00-\u9fff]")


def _properties(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}.{name}", sub
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{where}[{i}]")


@pytest.mark.parametrize("name", sorted(schemas.load_all()))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(schemas.load_all()[name])


@pytest.mark.parametrize("name", sorted(schemas.load_all()))
def test_every_property_has_a_chinese_title_and_description(name: str) -> None:
    schema = schemas.load_all()[name]
    definitions = schema.get("$defs", {})
    for where, prop in _properties(schema, name):
        ref = prop.get("$ref", "")
        target = definitions.get(ref.rsplit("/", 1)[-1], {}) if ref.startswith("#") else {}
        title = prop.get("title") or target.get("title")
        description = prop.get("description") or target.get("description")
        if ref.startswith("common.schema.json"):
            common = schemas.load_all()["common.schema.json"]["$defs"][ref.rsplit("/", 1)[-1]]
            title = title or common.get("title")
            description = description or common.get("description")
        assert title and HAN.search(title), f"{where} has no Chinese title"
        assert description and HAN.search(description), f"{where} has no Chinese description"


def test_every_kind_has_a_schema_and_objects_are_closed() -> None:
    for kind in Kind:
        schema = schemas.load_all()[kind.schema_file]
        assert schema["additionalProperties"] is False, kind
