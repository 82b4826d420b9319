"""The strict loader on inputs that examples/ cannot hold: bombs, size caps, odd encodings."""

from __future__ import annotations

import time

from privtravel.load.yaml_strict import load

BOMB = b"""a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_alias_bomb_is_refused_before_expansion() -> None:
    start = time.perf_counter()
    loaded = load("bomb.yaml", BOMB, max_bytes=1 << 20)
    elapsed = time.perf_counter() - start
    assert [d.code for d in loaded.diagnostics] == ["F107"]
    assert loaded.diagnostics[0].line == 1
    assert loaded.data is None
    assert elapsed < 0.5, "refusing an alias bomb must not walk it"


def test_file_above_the_size_cap_is_not_parsed() -> None:
    loaded = load("big.yaml", b"a: b\n" * 10_000, max_bytes=16 * 1024)
    assert [d.code for d in loaded.diagnostics] == ["F101"]
    assert "超过上限 16 KB" in loaded.diagnostics[0].message


def test_utf16_is_named() -> None:
    loaded = load("u16.yaml", "姓名: 张三\n".encode("utf-16"), max_bytes=1 << 20)
    assert loaded.diagnostics[0].code == "F102"
    assert "UTF-16" in loaded.diagnostics[0].message


def test_latin1_is_not_called_gbk() -> None:
    loaded = load("latin.yaml", "name: caf\xe9\n".encode("latin-1"), max_bytes=1 << 20)
    assert loaded.diagnostics[0].code == "F102"
    assert "GBK" not in loaded.diagnostics[0].message


def test_values_are_typed_by_our_rules_not_yaml_1_1() -> None:
    text = "a: 12\nb: 1.5\nc: true\nd: 2019-06-01\ne: ~\nf: E12345678\ng: '010'\nh: 2019-6-1\n"
    loaded = load("ok.yaml", text.encode(), max_bytes=1 << 20)
    assert loaded.diagnostics == []
    assert loaded.data == {
        "a": 12,
        "b": 1.5,
        "c": True,
        "d": "2019-06-01",
        "e": None,
        "f": "E12345678",
        "g": "010",
        "h": "2019-6-1",  # not a YAML date: the schema asks for 2019-06-01
    }


def test_every_problem_in_a_file_is_reported() -> None:
    text = "a: yes\nb: 010\nc: 2019-02-30\nd: 0x1F\ne: 1_000\nf: 2019-06-01 10:00:00\n"
    loaded = load("many.yaml", text.encode(), max_bytes=1 << 20)
    assert [(d.code, d.line) for d in loaded.diagnostics] == [
        ("F108", 1),
        ("F108", 2),
        ("F109", 3),
        ("F108", 4),
        ("F108", 5),
        ("F109", 6),
    ]


def test_multiple_documents_and_empty_files() -> None:
    assert load("two.yaml", b"a: 1\n---\nb: 2\n", max_bytes=1 << 20).diagnostics[0].code == "F104"
    assert load("empty.yaml", b"", max_bytes=1 << 20).diagnostics[0].code == "F110"
    assert load("comment.yaml", b"# only a comment\n", max_bytes=1 << 20).diagnostics[0].code == "F110"


def test_merge_keys_are_refused() -> None:
    loaded = load("merge.yaml", b"a:\n  <<: {b: 1}\n", max_bytes=1 << 20)
    assert [d.code for d in loaded.diagnostics] == ["F107"]
