"""The compiled check agrees with jsonschema: on every file we have, and on generated mutations."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privtravel.load import yaml_strict
from privtravel.load.layout import classify
from privtravel.validate import fast, schemas
from tests.jsonpaths import every_path

REPO = Path(__file__).resolve().parents[2]
TARGET = re.compile(r"^# target: (\S+)", re.M)


def _documents() -> list[tuple[str, str, Any]]:
    """(label, schema file, data) for every declaration in the demo, the fixtures and the examples."""
    out = []
    sources = [
        *(REPO / "submissions").rglob("*.yaml"),
        *(REPO / "inspections").glob("*.yaml"),
        *(REPO / "tests" / "fixtures" / "mini").rglob("*.yaml"),
        *(REPO / "tests" / "examples").rglob("*.yaml"),
    ]
    for path in sorted(sources):
        raw = path.read_bytes()
        rel = path.relative_to(REPO).as_posix()
        target = TARGET.search(raw.decode("utf-8", "replace"))
        place = classify(target.group(1) if target else rel.split("/", 3)[-1] if "fixtures" in rel else rel)
        if place is None:
            continue
        loaded = yaml_strict.load(rel, raw, max_bytes=10**7)
        if loaded.data is not None:
            out.append((rel, place.kind.schema_file, loaded.data))
    return out


DOCUMENTS = _documents()


def _truth(schema_file: str, data: Any) -> bool:
    return not list(schemas.validator(schema_file).iter_errors(data))


def _exact(schema_file: str, data: Any) -> bool | None:
    check = schemas.fast_check(schema_file)
    assert check is not None, f"{schema_file} lost its fast path"
    try:
        return check(data)
    except fast.Unsure:
        return None


def test_every_schema_has_a_fast_path() -> None:
    assert all(schemas.fast_check(name) is not None for name in schemas.load_all())


def test_agrees_on_every_file() -> None:
    assert len(DOCUMENTS) > 600
    invalid = 0
    for label, schema_file, data in DOCUMENTS:
        truth = _truth(schema_file, data)
        invalid += not truth
        assert _exact(schema_file, data) == truth, label
    assert invalid >= 10  # the negative examples are really exercised


def test_errors_are_jsonschemas_own_when_rejected() -> None:
    for label, schema_file, data in DOCUMENTS:
        expected = [e.message for e in schemas.validator(schema_file).iter_errors(data)]
        assert [e.message for e in schemas.errors(schema_file, data)] == expected, label


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(
        ["", "是", "否", "普通护照", "2019-02-30", "2019-02-03", "E12345678", "0012", "旅游", "x"]
    ),
    st.text(max_size=4),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=5,
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_agrees_on_mutated_documents(data: st.DataObject) -> None:
    """Replace, delete or add one value anywhere in a real document; both must say the same."""
    _, schema_file, original = data.draw(st.sampled_from(DOCUMENTS))
    doc = copy.deepcopy(original)
    path = data.draw(st.sampled_from(every_path(doc)))
    action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
    if not path:
        doc = data.draw(VALUES) if action == "replace" else doc
    else:
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if action == "replace":
            parent[last] = data.draw(VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["备注", "x", "姓名", "证件号码"]))] = data.draw(VALUES)
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    exact = _exact(schema_file, doc)
    if exact is not None:
        assert exact == _truth(schema_file, doc)


@pytest.mark.parametrize(
    ("schema", "instance", "expected"),
    [
        ({"type": "integer"}, True, False),
        ({"type": "integer"}, 3.0, True),
        ({"type": "number"}, False, False),
        ({"minimum": 1}, "0", True),  # bounds apply to numbers only
        ({"minimum": 1}, True, True),  # a boolean is not a number
        ({"enum": ["是", "否"]}, 1, False),
        ({"minLength": 2}, "护照", True),
        ({"pattern": "^[0-9]+$"}, 12, True),
        ({"if": {"required": ["a"]}, "then": {"required": ["b"]}}, {"a": 1}, False),
        ({"if": {"required": ["a"]}, "then": {"required": ["b"]}}, {"c": 1}, True),
        ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2}, False),
        ({"items": {"type": "string"}, "uniqueItems": True}, ["a", "a"], False),
    ],
)
def test_keywords(schema: dict[str, Any], instance: Any, expected: bool) -> None:
    from jsonschema import Draft202012Validator

    check = fast.compile_schema(schema, {})
    assert check is not None
    assert check(instance) is expected
    assert Draft202012Validator(schema).is_valid(instance) is expected


def test_unknown_keywords_get_no_fast_path() -> None:
    assert fast.compile_schema({"properties": {"a": {"oneOf": [{}]}}}, {}) is None
    assert fast.compile_schema({"format": "email"}, {}) is None
    assert fast.compile_schema({"enum": [1, True]}, {}) is None


def test_unsure_defers_to_jsonschema() -> None:
    check = fast.compile_schema({"uniqueItems": True}, {})
    with pytest.raises(fast.Unsure):
        assert check is not None and check([1, True])
    assert fast.accepts(check, [1, True]) is False
    assert fast.accepts(None, {}) is False
