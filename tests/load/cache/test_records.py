"""The records on disk: what ``write`` wrote reads back exactly; anything else reads as nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from privtravel.diagnostics import Diagnostic
from privtravel.load.cache import records

SALT = "ab" * 16
REL = "submissions/srmyy/报告/0001-赵明.yaml"


def written(tmp_path: Path, body: Any, key: bytes = b"") -> Path:
    path = tmp_path / "srmyy.files.json"
    records.write(path, "files", "srmyy", SALT, key, body)
    return path


def test_a_record_reads_back_exactly_with_the_same_values(tmp_path: Path) -> None:
    body = {"文字": '引号"、换行\n和\ud800孤立代理', "数": [1, 2.5, True, None], "空": {}}
    path = written(tmp_path, body, key=b"k")
    assert records.read(path, "files", "srmyy", SALT, b"k", 1 << 20) == body
    assert records.read(path, "files", "srmyy", SALT, b"other", 1 << 20) is None  # another key
    assert records.read(path, "files", "srmyy", SALT, b"", 1 << 20) is None  # no key
    assert records.read(path, "files", "szyy", SALT, b"k", 1 << 20) is None  # another unit
    assert records.read(path, "result", "srmyy", SALT, b"k", 1 << 20) is None  # another kind
    assert records.read(path, "files", "srmyy", "cd" * 16, b"k", 1 << 20) is None  # another salt
    assert records.read(path, "files", "srmyy", SALT, b"k", 10) is None  # larger than allowed


@pytest.mark.parametrize("offset", [0, 1, 40, -1])
def test_one_changed_byte_anywhere_makes_the_record_unknown(tmp_path: Path, offset: int) -> None:
    path = written(tmp_path, {"姓名": "赵明", "行": [1, 2, 3]})
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))
    assert records.read(path, "files", "srmyy", SALT, b"", 1 << 20) is None


def test_a_record_is_never_written_through_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("原来的内容", encoding="utf-8")
    path = tmp_path / "srmyy.files.json"
    path.symlink_to(elsewhere)
    records.write(path, "files", "srmyy", SALT, b"", {"x": 1})
    assert elsewhere.read_text(encoding="utf-8") == "原来的内容"
    assert not path.is_symlink() and records.read(path, "files", "srmyy", SALT, b"", 1 << 20) == {"x": 1}


def test_diagnostics_and_entries_round_trip() -> None:
    d = Diagnostic(
        REL, "S204", "「报告类型」填写的「零报」不在允许的取值中。", 6, 7, "报告类型", ("报告类型",), (6, 1)
    )
    raw = records.entry_json(
        "digest", [d], None, {("持有证件", 0): 8, ("出国境情况", 1, "所到国家（地区）", 0): 15}
    )
    back = json.loads(records.dumps(raw))
    diagnostics, data, lines = records.entry(REL, back)
    assert diagnostics == [d] and diagnostics[0].record == (6, 1) and data is None
    assert lines == {("持有证件", 0): 8, ("出国境情况", 1, "所到国家（地区）", 0): 15}


GOOD = [REL, "S204", "说明", 6, 7, "报告类型", ["报告类型"], 6, 1]


@pytest.mark.parametrize(
    "bad",
    [
        GOOD[:8],
        [REL, "Z999", *GOOD[2:]],  # no such code
        [REL, "S204", 3, *GOOD[3:]],  # a number for the message
        [REL, "S204", "说明", "6", *GOOD[4:]],  # a line as text
        [REL, "S204", "说明", True, *GOOD[4:]],  # a bool is not a line
        [REL, "S204", "说明", -1, *GOOD[4:]],
        [*GOOD[:6], [["嵌套"]], 6, 1],  # a path part that is a list
        [*GOOD[:6], "报告类型", 6, 1],  # a path that is not a list
        {"path": REL},
    ],
)
def test_a_diagnostic_of_the_wrong_shape_is_refused(bad: Any) -> None:
    with pytest.raises(records.Invalid):
        records.diagnostic(bad)


def test_an_entry_of_another_file_or_with_data_that_fails_its_schema_is_refused() -> None:
    def packed(diagnostics: Any, data: Any, lines: Any) -> list[str]:
        return ["d", json.dumps([diagnostics, data, lines], ensure_ascii=False)]

    with pytest.raises(records.Invalid):  # a diagnostic about another file
        records.entry(REL, packed([["submissions/srmyy/单位.yaml", *GOOD[1:]]], None, []))
    with pytest.raises(records.Invalid):  # data that is not a report
        records.entry(REL, packed([], {"单位代码": "srmyy"}, []))
    with pytest.raises(records.Invalid):  # data for a file that is no declaration
        records.entry("submissions/srmyy/备注.txt", packed([], {"单位代码": "srmyy"}, []))
    with pytest.raises(records.Invalid):  # a position without a line
        records.entry(REL, packed([], None, [["持有证件"]]))
    with pytest.raises(records.Invalid):  # a line 0
        records.entry(REL, packed([], None, [["持有证件", 0, 0]]))
    for bad in (["d", [], None, []], ["d", "[[], null"], ["d", "[[], null]"], ["d", '{"a": 1}'], [1, "[]"]):
        with pytest.raises(records.Invalid):  # the old shape, text that is not JSON or not three parts
            records.entry(REL, bad)


def test_a_unit_record_holds_only_the_units_own_paths() -> None:
    stat = [10, 20, 30, 40, "digest", 50]
    body = {"key": "k", "files_checked": 1, "diagnostics": [GOOD], "stats": {REL: stat}}
    record = records.unit_record(json.loads(json.dumps(body)), "srmyy")
    assert record.stats == {REL: ((10, 20, 30, 40), "digest", 50)}
    assert records.unit_record_json(record) == body
    for other in (
        body | {"stats": {"submissions/szyy/单位.yaml": stat}},
        body | {"diagnostics": [["submissions/szyy/单位.yaml", *GOOD[1:]]]},
        body | {"stats": {REL: [*stat[:4], 7, 50]}},  # a digest that is not text
        body | {"files_checked": -1},
        body | {"extra": 1},
        {k: v for k, v in body.items() if k != "key"},
    ):
        with pytest.raises(records.Invalid):
            records.unit_record(other, "srmyy")


def test_entries_served_share_one_object_per_text() -> None:
    """Equal strings of every entry served with the same ``strings`` become one object; the data
    is otherwise unchanged."""
    data = {
        "单位代码": "srmyy",
        "编号": "0001",
        "姓名": "张三",
        "报告类型": "零报告",
        "签名日期": "2019-06-01",
    }
    strings: dict[str, str] = {}
    nested = {"a": ["香港", {"b": ["澳门", "香港"]}], "c": 1}
    records.share(nested, strings)
    assert nested == {"a": ["香港", {"b": ["澳门", "香港"]}], "c": 1}
    assert nested["a"][0] is nested["a"][1]["b"][1]  # type: ignore[index]
    served = []
    for _ in range(2):
        text = json.dumps([[], data, []], ensure_ascii=False)
        served.append(records.entry(REL, ["d", text], check_data=False, strings=strings)[1])
    assert served[0] == served[1] == data and served[0] is not served[1]
    assert all(served[0][key] is served[1][key] for key in data)
