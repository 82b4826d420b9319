"""What HR sees in the editor: yaml-language-server (the real one, pinned in .ci/yaml-language-server)
gives the schemas' own Chinese messages (``errorMessage``) for a wrong type, a value not in the list,
a bad format, and flags impossible dates (2018-02-30, 2019-02-29) as ``check`` does."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from privtravel.validate import schemas
from tests.units.lsp import Client

EXAMPLES = Path(__file__).parents[1] / "examples" / "valid"
HAN = re.compile(r"[\u4e00-\u9fff]")
# yaml-language-server's own (English, or half-translated) wording for what errorMessage replaces
UNTRANSLATED = (
    "Incorrect type",
    "Value is not accepted",
    "does not match",
    "RFC3339",
    "类型不正确",
    "值无效",
)


def _leaves(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of a value that is not a mapping (and is not an ``if`` condition)."""
    if isinstance(node, dict):
        value = "$ref" not in node and node.get("type") != "object" and "properties" not in node
        if value and ("type" in node or "enum" in node or "const" in node):
            yield where, node
        for key, value in node.items():
            if key != "if":
                yield from _leaves(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _leaves(value, f"{where}/{i}")


@pytest.mark.parametrize("name", sorted(schemas.load_all()))
def test_every_value_schema_has_a_chinese_error_message(name: str) -> None:
    missing = [
        where
        for where, leaf in _leaves(schemas.load_all()[name], name)
        if not HAN.search(str(leaf.get("errorMessage", "")))
    ]
    assert not missing, f"no Chinese errorMessage (the editor would say 'Incorrect type…'): {missing}"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, Path]]:
    top = tmp_path_factory.mktemp("editor")
    shutil.copytree(schemas.schema_dir(), top / "schemas")
    (top / "files").mkdir()
    client = Client(top)
    try:
        yield client, top / "files"
    finally:
        client.close()


def _document(example: str, old: str, new: str) -> str:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    text = re.sub(r"\$schema=(?:\.\./)+schemas/", "$schema=../schemas/", text, count=1)
    assert old in text, (example, old)
    return text.replace(old, new, 1)


# (example file, text replaced, by what, a fragment of the expected message)
CASES = [
    ("report-filed.yaml", '编号: "0001"', "编号: 0001", "纯数字要加英文引号"),
    ("report-filed.yaml", "签发日期: 2014-04-02", "签发日期: 2018-02-30", "确有这一天"),
    ("report-filed.yaml", "签发日期: 2014-04-02", "签发日期: 2019-02-29", "2 月 29 日只在闰年"),
    ("report-filed.yaml", "签发日期: 2014-04-02", "签发日期: 2019-13-01", "年-月-日"),
    ("report-filed.yaml", "签发日期: 2014-04-02", "签发日期: 2019.4.2", "年-月-日"),
    ("report-filed.yaml", "证件号码: E12345678", "证件号码: 12345678", "字母大写"),
    ("report-filed.yaml", "证件号码: E12345678", "证件号码: X12345678", "普通护照如 E12345678"),
    ("report-filed.yaml", "证件类别: 普通护照", "证件类别: 护照", "只能填写以下之一：「普通护照」"),
    ("report-filed.yaml", "事由: 旅游", "事由: 123", "应填写文字"),
    ("report-filed.yaml", "所到国家（地区）: [日本]", "所到国家（地区）: 日本", "写成列表"),
    ("report-filed.yaml", "报告类型: 填报", "报告类型: true", "只能填写以下之一"),
    ("unit-no-rules.yaml", "专柜: false", "专柜: 是", "只能写 true（是）或 false（否）"),
    ("unit-no-rules.yaml", "国家工作人员总数: ", "国家工作人员总数: x", "之间的整数"),
    ("unit-no-rules.yaml", '联系电话: "', "联系电话: 1", "要加英文引号"),
    ("roster-changes.yaml", "公民身份号码: ", "公民身份号码: 1", "18 位公民身份号码"),
]


@pytest.mark.parametrize(("example", "old", "new", "fragment"), CASES, ids=[c[2] for c in CASES])
def test_the_editor_speaks_chinese(
    editor: tuple[Client, Path], example: str, old: str, new: str, fragment: str
) -> None:
    client, folder = editor
    path = folder / f"{abs(hash((example, new)))}.yaml"
    path.write_text(_document(example, old, new), encoding="utf-8")
    messages = [d["message"] for d in client.diagnostics(path)]
    assert any(fragment in m for m in messages), messages
    assert not [m for m in messages if any(word in m for word in UNTRANSLATED)], messages


def test_a_valid_file_has_no_diagnostics(editor: tuple[Client, Path]) -> None:
    client, folder = editor
    for example in ("report-filed.yaml", "report-unusual-number.yaml", "custody.yaml", "roster-changes.yaml"):
        path = folder / example
        path.write_text(_document(example, "\n", "\n"), encoding="utf-8")
        assert client.diagnostics(path) == [], example
