"""Schema patterns run in ECMA-262's dialect, identically in the fast check and in jsonschema."""

from __future__ import annotations

import pytest

from privtravel.validate import ecma, fast, schemas


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("^E[0-9]{8}$", "E83464114", True),
        ("^E[0-9]{8}$", "E83464114\n", False),  # Python's $ accepts a final newline; ECMA's does not
        (r"^\d+$", "١٢٣", False),  # Arabic-Indic digits
        (r"^\d+$", "１２３", False),  # full-width digits
        (r"^\w+$", "ab_9", True),
        (r"^\w+$", "é", False),
        (r"^[^\s0-9]+$", "\ufeff张三", False),  # ECMA's \s includes U+FEFF
        (r"^[^\s0-9]+$", "张三", True),
        (r"^a.b$", "a\rb", False),
        (r"^[\d-]+$", "0575-85080558", True),
    ],
)
def test_translated_patterns_match_as_in_ecma_262(pattern: str, text: str, matches: bool) -> None:
    assert (ecma.compile_pattern(pattern).search(text) is not None) is matches


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(v) for v in node))
    return set()


TRICKY = [
    "E83464114\n",
    "\ufeffE83464114",
    "E８３４６４１１４",
    "0575-85080558\n",
    "srmyy\n",
    "张三\n",
    "\u200b张三",
]


def test_fast_check_and_jsonschema_agree_on_every_schema_pattern() -> None:
    for name, schema in schemas.load_all().items():
        for pattern in _patterns(schema):
            check = fast.compile_schema({"type": "string", "pattern": pattern}, {})
            validator = schemas.ecma_validator_class()({"type": "string", "pattern": pattern})
            for text in TRICKY:
                assert fast.accepts(check, text) == validator.is_valid(text), (name, pattern, text)
                assert not text.endswith("\n") or not validator.is_valid(text), (name, pattern, text)


def _unbounded(node: object, where: str) -> list[str]:
    if isinstance(node, dict):
        bounded = {"enum", "const", "pattern", "format", "maxLength", "$ref"} & set(node)
        found = [where] if node.get("type") == "string" and not bounded else []
        return found + [p for k, v in node.items() for p in _unbounded(v, f"{where}/{k}")]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _unbounded(v, f"{where}/{i}")]
    return []


def test_every_text_field_of_a_declaration_has_a_maximum_length() -> None:
    """Free text of any length (32,000 characters in 审批.事由) is refused with a Chinese message (S207)."""
    for name, schema in schemas.load_all().items():
        if not name.startswith("police-"):  # the police deliveries have their own checks
            assert not _unbounded(schema, name), _unbounded(schema, name)
