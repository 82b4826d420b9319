"""What the web forms save is byte for byte what `privtravel import` writes (excel/emit.py): the
browser's writer (site/forms/privtravel-yaml.js) runs in Node.js on the same data, for every
committed declaration, for schema-shaped generated ones and for hostile text."""

from __future__ import annotations

import re
import string
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from privtravel.excel.emit import dump
from privtravel.excel.schema_walk import root_schema
from privtravel.load import yaml_strict
from privtravel.load.layout import Kind, classify, schema_comment
from privtravel.webforms.config import Unit, modeline
from privtravel.webforms.shapes import UNIT_KINDS
from tests.excel.excel_strategies import for_object
from tests.webforms.node_writer import REPO, run

REPORT_REL = "submissions/srmyy/报告/0001-张三.yaml"


def _rel(kind: Kind) -> str:
    if kind is Kind.REPORT:
        return REPORT_REL
    from privtravel.load.layout import UNIT_FILES

    return "submissions/srmyy/" + next(name for name, k in UNIT_FILES.items() if k is kind)


def _case(kind: Kind, rel: str, data: Any, op: str = "dump") -> dict[str, Any]:
    return {"op": op, "kind": kind.value, "modeline": schema_comment(rel, kind), "data": data}


def test_every_committed_declaration_is_written_identically() -> None:
    cases, expected = [], []
    for path in sorted((REPO / "submissions").rglob("*.yaml")) + sorted(
        (REPO / "tests" / "fixtures").rglob("*.yaml")
    ):
        rel = path.relative_to(path.parents[len(path.relative_to(REPO).parts) - 1]).as_posix()
        rel = rel[rel.index("submissions/") :] if "submissions/" in rel else rel
        place = classify(rel)
        if place is None or place.kind not in UNIT_KINDS:
            continue
        loaded = yaml_strict.load(rel, path.read_bytes(), max_bytes=10**7)
        if not loaded.ok or not isinstance(loaded.data, dict):
            continue
        cases.append(_case(place.kind, rel, loaded.data))
        expected.append(dump(place.kind, rel, loaded.data))
    assert len(cases) > 300
    assert run(cases) == expected


def test_saving_a_file_unchanged_writes_what_import_writes() -> None:
    """Opening a committed file in the forms and saving it unchanged gives import's bytes: the same
    file when it is already in that form; otherwise records reordered once, as import does."""
    cases, expected, same = [], [], 0
    for path in sorted((REPO / "submissions" / "srmyy").rglob("*.yaml")):
        rel = path.relative_to(REPO).as_posix()
        place = classify(rel)
        assert place is not None
        loaded = yaml_strict.load(rel, path.read_bytes(), max_bytes=10**7)
        cases.append(_case(place.kind, rel, loaded.data, op="form"))
        expected.append(dump(place.kind, rel, loaded.data))
        same += expected[-1] == path.read_text(encoding="utf-8")
    assert run(cases) == expected
    assert same > len(expected) // 2


def _kinds() -> st.SearchStrategy[tuple[Kind, dict[str, Any]]]:
    def one(kind: Kind) -> st.SearchStrategy[tuple[Kind, dict[str, Any]]]:
        schema, base = root_schema(kind)
        return for_object(schema, base, fixed={"单位代码": "srmyy"}).map(lambda d: (kind, d))

    return st.one_of([one(k) for k in UNIT_KINDS])


@settings(max_examples=8, deadline=None)
@given(st.lists(_kinds(), min_size=10, max_size=10))
def test_schema_shaped_declarations_are_written_identically(docs: list[tuple[Kind, dict[str, Any]]]) -> None:
    cases = [_case(kind, _rel(kind), data) for kind, data in docs]
    assert run(cases) == [dump(kind, _rel(kind), data) for kind, data in docs]


# Text no form should turn into something else: YAML 1.1 words and numbers, indicators, digits
# that are not ASCII (Python's isdigit), control and invisible characters, astral characters.
HOSTILE = [
    "NO", "Off", "y", "~", "null", "Null", "<<", "=", ".inf", "-.Inf", ".NaN", "+1", "+1.5", "-1", "0b101",
    "0x1F", "010", "1_000", "1:20", "190:20:30.15", "2019-06-05", "2019-6-5 1:02:03", "０１２", "²3", "١٢",
    "𠀀张三", "张\U0001f600", "a\u2028b", "\ufeffx", "\x07bell", "\x7f", "tab\tx", " lead", "trail ", "a: b",
    "a #b", "end:", "多行\n文字", "多行\n\n空行", "\n开头换行", "行尾空格 \n下一行", "末尾换行\n", "'q'", '"q"', "\\",
    "[x]", "{x}", "a,b", "%x", "@x", "`x`", "!x", "&a", "*a", "|x", ">x", "?x", "-x", "- x", "#x", "",
]  # fmt: skip
TEXT = st.sampled_from(HOSTILE) | st.text(min_size=0, max_size=12) | st.text(string.printable, max_size=8)
# A JavaScript object lists keys such as "4" first, whatever their order: no schema has such a key
# (a file with one is refused by check), so keys not in the schema are any text but those.
KEY = TEXT.filter(lambda k: re.fullmatch(r"0|[1-9][0-9]{0,9}", k) is None)
VALUE = TEXT | st.integers(-(2**53), 2**53) | st.booleans() | st.lists(TEXT, max_size=3)


@settings(max_examples=6, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"编号": TEXT, "姓名": TEXT, "报告类型": TEXT},
            optional={
                "其他需要说明情况": TEXT,
                "持有证件": st.lists(
                    st.dictionaries(st.sampled_from(["证件号码", "备注", "保管机构"]), VALUE, min_size=1)
                ),
                "出国境情况": st.lists(
                    st.fixed_dictionaries({"所到国家（地区）": st.lists(TEXT), "事由": TEXT})
                ),
                "签名日期": TEXT,
            },
        ).flatmap(lambda d: st.dictionaries(KEY, VALUE, max_size=2).map(lambda extra: {**d, **extra})),
        min_size=20,
        max_size=20,
    )
)
def test_hostile_text_is_written_identically(reports: list[dict[str, Any]]) -> None:
    cases = [_case(Kind.REPORT, REPORT_REL, r) for r in reports]
    assert run(cases) == [dump(Kind.REPORT, REPORT_REL, r) for r in reports]


def test_what_a_form_leaves_empty_is_no_value() -> None:
    """Decap keeps a field someone typed into and cleared as "" (and untouched ones as null): the
    file is the one written by hand, without them."""
    by_hand = {
        "单位代码": "srmyy", "编号": "0012", "姓名": "张三", "单位及职务": "市人民医院 财务科科长", "报告类型": "填报",
        "持有证件": [{"证件类别": "普通护照", "证件号码": "E12345678", "签发日期": "2015-03-02",
                  "有效期至": "2025-03-01", "保管机构": "组织人事科"}],
        "签名日期": "2019-05-20", "纸质报告表保管": "本单位",
    }  # fmt: skip
    from_form = {
        **by_hand,
        "持有证件": [{**by_hand["持有证件"][0], "备注": ""}],  # type: ignore[dict-item]
        "出国境情况": [],
        "其他需要说明情况": "",
        "免报说明": None,
    }
    assert run([_case(Kind.REPORT, REPORT_REL, from_form, op="form")]) == [
        dump(Kind.REPORT, REPORT_REL, by_hand)
    ]


def test_a_unit_repository_keeps_its_own_modeline() -> None:
    data = {
        "单位代码": "srmyy",
        "编号": "0012",
        "姓名": "张三",
        "单位及职务": "财务科科长",
        "报告类型": "零报告",
    }
    unit = Unit("srmyy", "绍兴市人民医院", in_unit=True)
    line = modeline(unit, Kind.REPORT)
    assert line == "# yaml-language-server: $schema=../schemas/report.schema.json"
    text = run([{"op": "dump", "kind": "report", "modeline": line, "data": data}])[0]
    assert text == line + "\n" + dump(Kind.REPORT, REPORT_REL, data).split("\n", 1)[1]
