"""Block scalars laid out as YAML forbids, and invisible characters: each named at its line, with
its field, in Chinese; an invisible character in a comment changes no value and is let through."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from privtravel.load import yaml_lexical
from privtravel.load.yaml_strict import load


def _load(text: str) -> list[tuple[str, int, str, str]]:
    loaded = load("x.yaml", text.encode("utf-8"), max_bytes=1 << 20)
    return [(d.code, d.line, d.field, d.message) for d in loaded.diagnostics]


BLOCKS = [
    # a leading line of spaces deeper than the text (YAML test suite S98Z: libyaml reads it silently)
    ("姓名: 张三\n备注: >\n \n  \n   \n # 说明\n", 4, "备注", "只有空格"),
    # the same before a line of text (W9L4: libyaml fails, speaking of keys)
    ("姓名: 张三\n备注: |\n     \n  第一行\n  第二行\n", 3, "备注", "只有空格"),
    # a later line less indented than the first: the text ends there and the next line is garbage
    ("姓名: 张三\n备注: |\n    第一行\n  第二行\n", 4, "备注", "缩进得少"),
    ("人员:\n  - 编号: '1'\n    说明: >-\n        第一行\n      第二行\n", 5, "说明", "缩进得少"),
]


@pytest.mark.parametrize(("text", "line", "field", "fragment"), BLOCKS)
def test_a_misindented_block_scalar_is_named_with_its_field(
    text: str, line: int, field: str, fragment: str
) -> None:
    found = _load(text)
    assert len(found) == 1, found
    code, at, where, message = found[0]
    assert (code, at) == ("F104", line) and where.endswith(field) and fragment in message, found[0]


@pytest.mark.parametrize(
    "text",
    [
        "备注: |\n  第一行\n    第二行缩进更多，保留在文字里\n姓名: 张三\n",
        "备注: |\n\n  第一行\n\n  第三行\n",
        "备注: |\n   \n姓名: 张三\n",  # an empty text followed by the next field: allowed
        "备注: |2\n     多缩进的第一行\n  第二行\n",  # the writer chose the indentation
        "备注: >\n  第一行\n  \n  第三行\n",
    ],
)
def test_valid_block_scalars_pass(text: str) -> None:
    assert _load(text) == []


def test_an_invisible_character_is_named_with_its_field_and_the_rest_is_still_checked() -> None:
    text = "姓名: 张\u200b三\n出生: 010\n"
    found = _load(text)
    assert [(c, line, f) for c, line, f, _ in found] == [("F116", 1, "姓名"), ("F108", 2, "出生")]
    assert "U+200B" in found[0][3] and "姓名" in found[0][3]


def test_in_a_key_and_in_quoted_text_too() -> None:
    found = _load('\u202e姓名: 张三\n备注: "第一行\n  第二\u2066行"\n')
    assert [(c, line) for c, line, _, _ in found] == [("F116", 1), ("F116", 3)]


def test_a_comment_may_hold_one() -> None:
    assert _load("# 说明\u200b\n姓名: 张三 # 备注\u202e\n") == []


def test_every_format_character_is_caught() -> None:
    """The class, not the examples: every Unicode format character (Cf), line and paragraph
    separator, variation selector and invisible filler is refused in a value."""
    missed = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if (unicodedata.category(chr(cp)) in ("Cf", "Zl", "Zp") or 0xFE00 <= cp <= 0xFE0F)
        and not yaml_lexical.INVISIBLE.search(chr(cp))
    ]
    assert not missed, missed


def test_an_invisible_character_in_a_key_is_one_error_not_a_missing_field_too() -> None:
    found = _load("\u200b姓名: 张三\n")
    assert [(c, line, f) for c, line, f, _ in found] == [("F116", 1, "姓名")]
    assert "\u200b" not in found[0][3]


def test_a_control_character_names_its_field() -> None:
    found = _load('姓名: 张三\n备注: "a\x07b"\n')
    assert [(c, line, f) for c, line, f, _ in found] == [("F116", 2, "备注")]
    assert "U+0007" in found[0][3] and "注释里也不行" in found[0][3]


def test_a_full_width_space_after_the_colon_is_named() -> None:
    found = _load("姓名:\u3000张三\n单位代码: srmyy\n")
    assert [(c, line) for c, line, _, _ in found] == [("F104", 1)] and "全角空格" in found[0][3]
