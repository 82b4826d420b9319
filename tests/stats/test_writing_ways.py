"""The same campaign written in the different ways the format allows gives identical 附件2, 附件3, findings
and 「应…尽…」 lines (issue 18: figures never depend on how a fact was written).

The campaign is a small generated demo (police data included, so the cross-check runs and confirmed
findings feed 附件2), with one case of two 问题类型 added so that writing it as two cases is exercised.
Every declaration is rewritten in a drawn ``Way`` (key order, flow or block, quoting, indentation, dates
quoted, optional empty lists and false flags omitted or written out, schema line, report file named
``编号-姓名.yaml`` or ``编号.yaml``, a 责任追究 entry with or without its optional 编号) and the whole pipeline (check, cross-check, statistics) runs again.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from writing import Way, rewrite

from privtravel.analysis import analyze
from privtravel.demo import Options, generate

SEED = Options(seed=11, units=4, people=90, crossings=240)
SPLIT_KIND = "瞒报出国境情况"

Signature = dict[str, Any]


def _signature(root: Path) -> Signature:
    analysis = analyze(root)
    assert analysis.stats is not None and analysis.crosscheck is not None
    outcome = analysis.crosscheck
    tables = {
        t.spec.key: [(row.id, key, cell.value) for row in t.rows for key, cell in sorted(row.cells.items())]
        for t in analysis.stats.tables
    }
    findings = sorted(
        (
            a.finding.code,
            a.finding.key,
            a.finding.unit,
            a.finding.person_id or "",
            a.state,
            a.covering is not None,
        )
        for a in outcome.answered
    )
    lines = {(u.unit, i.value): s.text() for u in outcome.units for i, s in u.indicators.items()}
    # F112 (no editor line) is the one warning about the writing itself: it names the way, not a fact
    severity = Counter((d.code, d.is_error) for d in analysis.result.diagnostics if d.code != "F112")
    return {"tables": tables, "findings": findings, "lines": lines, "diagnostics": severity}


def _with_a_two_kind_case(files: dict[str, str]) -> dict[str, str]:
    """The first handled single-kind case gets a second 问题类型, so splitting it is a way to write it."""
    out = dict(files)
    for rel in sorted(r for r in files if r.endswith("违规问题.yaml")):
        data = yaml.safe_load(files[rel])
        handled = [c for c in data["问题"] if c.get("处理") and SPLIT_KIND not in c["问题类型"]]
        if handled:
            handled[0]["问题类型"].append(SPLIT_KIND)
            head = files[rel].splitlines()[0]
            out[rel] = head + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            return out
    raise AssertionError("the demo has no handled case")


def _split_cases(text: str) -> str:
    """Each case of several 问题类型 written as one case per type, the same decisions under each:
    by persons, a person counts once and the same decision (机关, 日期, 文号) once (the 统计口径)."""
    head = text.splitlines()[0]
    data = yaml.safe_load(text)
    cases = []
    for case in data["问题"]:
        kinds = case["问题类型"]
        cases.append(dict(case, 问题类型=kinds[:1]))
        for n, kind in enumerate(kinds[1:], 2):
            cases.append(dict(case, 问题编号=f"{case['问题编号']}-{n}", 问题类型=[kind]))
    data["问题"] = cases
    return head + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _accountable_by_name(text: str, roster_text: str) -> str:
    """责任追究 entries without their optional 编号 where 姓名 and 职务 name one roster entry."""
    roster = Counter((p["姓名"], p["现任职务"]) for p in yaml.safe_load(roster_text)["人员"])
    head = text.splitlines()[0]
    data = yaml.safe_load(text)
    for case in data["问题"]:
        for acc in case.get("责任追究", []):
            if roster[(acc["姓名"], acc["职务"])] == 1:
                acc.pop("编号", None)
    return head + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Signature]:
    generated = generate(SEED)
    files = _with_a_two_kind_case({rel: text for rel, text in generated.files.items()})
    root = tmp_path_factory.mktemp("base")
    _write(root, files)
    signature = _signature(root)
    assert not [code for (code, error), _ in signature["diagnostics"].items() if error]
    assert signature["findings"], "the demo has findings to compare"
    assert any("责任追究:" in text for rel, text in files.items() if rel.endswith("违规问题.yaml"))
    return files, signature


ways = st.builds(
    Way,
    seed=st.integers(0, 10**6),
    shuffle_keys=st.booleans(),
    flow=st.sampled_from([0.0, 0.3, 1.0]),
    quoting=st.sampled_from(["plain", "double", "single", "mixed"]),
    indent=st.sampled_from([2, 4]),
    indentless=st.booleans(),
    omit_empty=st.booleans(),
    quote_dates=st.booleans(),
    schema_line=st.booleans(),
)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failing way is printed whole; no slow shrinking
)
@given(way=ways, split=st.booleans(), short_names=st.booleans(), by_name=st.booleans())
def test_every_way_of_writing_gives_the_same_tables_and_findings(
    base: tuple[dict[str, str], Signature],
    tmp_path: Path,
    way: Way,
    split: bool,
    short_names: bool,
    by_name: bool,
) -> None:
    files, expected = base
    root = tmp_path / "way"
    shutil.rmtree(root, ignore_errors=True)
    written: dict[str, str] = {}
    for rel, text in files.items():
        if not rel.endswith(".yaml") or not rel.startswith("submissions/"):
            written[rel] = text
            continue
        if split and rel.endswith("违规问题.yaml"):
            text = _split_cases(text)
        if by_name and rel.endswith("违规问题.yaml"):
            text = _accountable_by_name(text, files[rel.replace("违规问题.yaml", "登记备案.yaml")])
        new_rel = rel
        if short_names and "/报告/" in rel:
            folder, name = rel.rsplit("/", 1)
            new_rel = f"{folder}/{name.split('-', 1)[0]}.yaml"
        written[new_rel] = rewrite(text, way, rel)
    _write(root, written)
    got = _signature(root)
    assert got["diagnostics"] == expected["diagnostics"]
    assert got["tables"] == expected["tables"]
    assert got["findings"] == expected["findings"]
    if split:  # the one figure that counts records, not people or decisions: a split case is one more
        got["lines"], expected = (
            _without_case_counts(got["lines"]),
            dict(expected, lines=_without_case_counts(expected["lines"])),
        )
    assert got["lines"] == expected["lines"]


def _without_case_counts(lines: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return {k: re.sub(r"违规问题 \d+(（[^）]*）)?", "违规问题", v) for k, v in lines.items()}
