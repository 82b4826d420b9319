"""Locating a diagnostic inside its record gives the same line and column as composing the file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from privtravel.diagnostics import Diagnostic
from privtravel.load import yaml_strict
from privtravel.report import locate
from tests.jsonpaths import every_path

REPO = Path(__file__).resolve().parents[2]


def _diagnostics(root: Path, files: list[Path]) -> list[Diagnostic]:
    """One diagnostic at every place inside every recorded list item (and some that lead nowhere)."""
    out = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        loaded = yaml_strict.load(rel, path.read_bytes(), max_bytes=10**7)
        assert loaded.data is not None, rel
        for record, line in loaded.positions.items():
            node: Any = loaded.data
            for step in record:
                node = node[step]
            for inner in [*every_path(node), ("没有这个字段",), (99,)]:
                where = (*record, *inner)
                out.append(Diagnostic(rel, "R301", "x", json_path=where, record=(line, len(record))))
    return out


def _compare(root: Path, files: list[Path]) -> int:
    diagnostics = _diagnostics(root, files)
    fast = locate.resolve(root, diagnostics)
    whole = locate.resolve(root, [replace(d, record=(0, 0)) for d in diagnostics])
    for a, b in zip(fast, whole, strict=True):
        assert (a.path, a.json_path, a.line, a.col) == (b.path, b.json_path, b.line, b.col)
    return len(diagnostics)


def test_same_place_as_composing_the_whole_file_in_the_demo() -> None:
    unit = REPO / "submissions" / "srmyy"
    files = sorted(p for p in unit.rglob("*.yaml") if "报告" not in p.parts)[:4]
    files += sorted((unit / "报告").glob("*.yaml"))[:30]
    assert _compare(REPO, files) > 2000


def test_same_place_in_awkward_layouts(tmp_path: Path) -> None:
    """Sequences at the key's own indentation, comments, blank lines, block scalars, flow items."""
    (tmp_path / "a.yaml").write_text(
        "人员:\n"
        "- 编号: '0001'\n"
        "  # a comment at the item's indentation\n"
        "\n"
        "  备注: |\n"
        "    两行\n"
        "    文字\n"
        "  证件:\n"
        "  - 类别: 普通护照\n"
        "    号码: E1\n"
        "  - {类别: 往来港澳通行证, 号码: C1}\n"
        "-   编号: '0002'\n"
        "    姓名: 李四\n"
        "其他:\n"
        "  - - 嵌套\n"
        "    - 列表\n"
        "  -\n"
        "    编号: '0003'\n",
        encoding="utf-8",
    )
    assert _compare(tmp_path, [tmp_path / "a.yaml"]) > 20


def test_unusual_line_breaks_fall_back_to_the_whole_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes("人员:\r\n- 编号: '1'\r\n  姓名: 张三\r\n".encode())
    assert _compare(tmp_path, [tmp_path / "a.yaml"]) > 3


def test_record_hint_is_the_deepest_list_item() -> None:
    assert locate.record_of(12, ("人员", 3, "证件号码")) == (12, 2)
    assert locate.record_of(12, ("人员", 3, "变动", 1)) == (12, 4)
    assert locate.record_of(1, ("单位名称",)) == (0, 0)


def test_cross_check_evidence_lines_match_the_whole_file() -> None:
    """The demo's findings name records by their Src; their lines are the ones composing gives."""
    from privtravel.crosscheck.lines import KEEP, LineFinder
    from privtravel.crosscheck.run import crosscheck

    outcome = crosscheck(REPO)
    evidence = [e for a in outcome.answered for e in a.finding.evidence if e.json_path is not None]
    assert len(evidence) > 25 and any(e.record != (0, 0) for e in evidence)
    fast, whole = LineFinder(REPO), locate.Locator(REPO)
    for e in [*evidence, *reversed(evidence)]:  # the second time, files let go are read again
        assert e.json_path is not None
        expected = whole.place(e.path, e.json_path)
        assert expected is not None and fast.line(e) == expected[0], e
    assert len({e.path for e in evidence}) > KEEP >= len(fast.locator.files)  # only the last files kept
