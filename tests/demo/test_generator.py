"""The generator: deterministic, valid at any size, and every planted situation really is in the data."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
import yaml

from privtravel.cli import main
from privtravel.commands.check import check
from privtravel.demo import Options, generate
from privtravel.demo.plant import METHODS, PERSON_KINDS
from privtravel.rules.documents import number_problem
from privtravel.rules.identity import problems
from privtravel.validate.schemas import load_all, validator

SMALL = Options(seed=7, units=5, people=120, crossings=300)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_same_options_give_identical_files() -> None:
    first, second = generate(SMALL), generate(SMALL)
    assert first.files == second.files
    assert first.manifest == second.manifest


def test_another_seed_gives_other_people() -> None:
    first = generate(SMALL)
    other = generate(Options(seed=8, units=5, people=120, crossings=300))
    assert first.files["submissions/srmyy/登记备案.yaml"] != other.files["submissions/srmyy/登记备案.yaml"]


@pytest.mark.parametrize(
    "options",
    [
        SMALL,
        Options(seed=1, units=20, people=400, crossings=900),
        Options(seed=3, units=24, people=500, crossings=2000, rate=0.01),  # province layout, dense planting
    ],
    ids=["5-units", "20-units", "24-units-province"],
)
def test_generated_campaign_passes_check_with_only_planted_warnings(tmp_path: Path, options: Options) -> None:
    generated = generate(options)
    write(tmp_path, generated.files)
    result = check(tmp_path)
    assert [d for d in result.diagnostics if d.is_error] == []
    warned = sorted((d.code, d.path) for d in result.warnings)
    missing = [s for s in generated.manifest["situations"] if "R307" in s["check"]]
    expected = sorted(("R307", f"submissions/{s['unit']}/登记备案.yaml") for s in missing)
    assert warned == expected
    declarations = [rel for rel in generated.files if rel.endswith(".yaml") and not rel.startswith("police/")]
    assert result.files_checked == len(declarations)  # police/交付清单.yaml is checked by crosscheck


def test_every_kind_is_planted_and_cases_cover_every_kind_and_handling() -> None:
    generated = generate(SMALL)
    kinds = Counter(s["kind"] for s in generated.manifest["situations"])
    for kind, *_ in PERSON_KINDS:
        assert kinds[kind] >= 1, kind
    for kind in ("not_registered", "unit_without_rules", "rules_revised"):
        assert kinds[kind] >= 1, kind
    case_kinds: set[str] = set()
    methods: set[str] = set()
    for rel, text in generated.files.items():
        if rel.endswith("违规问题.yaml"):
            for case in yaml.safe_load(text)["问题"]:
                case_kinds.update(case["问题类型"])
                methods.update(h["处理方式"] for h in case["处理"])
    assert case_kinds == set(load_all()["common.schema.json"]["$defs"]["违规问题类型"]["enum"])
    assert methods == set(METHODS)


def _csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_police_files_are_valid_rows_with_valid_numbers() -> None:
    files = generate(SMALL).files
    holdings = _csv(files["police/持证信息.csv"])
    crossings = _csv(files["police/出入境记录.csv"])
    assert list(holdings[0]) == list(load_all()["police-holding.schema.json"]["properties"])
    assert list(crossings[0]) == list(load_all()["police-crossing.schema.json"]["properties"])
    holding_schema = validator("police-holding.schema.json")
    crossing_schema = validator("police-crossing.schema.json")
    import datetime as dt

    for row in holdings:
        assert list(holding_schema.iter_errors(row)) == []
        assert number_problem(row["证件类别"], row["证件号码"]) is None
        assert problems(row["公民身份号码"], dt.date.fromisoformat(row["出生日期"]), row["性别"]) == []
    for row in crossings:
        assert list(crossing_schema.iter_errors(row)) == []
    assert len({r["证件号码"] for r in holdings}) == len(holdings)
    held = {r["证件号码"] for r in holdings}
    assert {r["证件号码"] for r in crossings} <= held


def _report(files: dict[str, str], unit: str, person: str) -> dict[str, object] | None:
    prefix = f"submissions/{unit}/报告/{person}-"
    for rel, text in files.items():
        if rel.startswith(prefix):
            data: dict[str, object] = yaml.safe_load(text)
            return data
    return None


def test_planted_problems_are_really_in_the_data() -> None:
    generated = generate(SMALL)
    files = generated.files
    crossings = _csv(files["police/出入境记录.csv"])
    for s in generated.manifest["situations"]:
        unit, person, d = s["unit"], s["person"], s["details"]
        report = _report(files, unit, person) if person else None
        if s["kind"] == "missing_report" or s["kind"] == "retired_cadre":
            assert report is None
        if s["kind"] == "exempt_city_leader":
            assert report is not None and report["报告类型"] == "市管领导干部无需填报"
        if s["kind"] == "trip_not_reported":
            assert report is not None
            assert str(d["出境日期"]) not in {str(t["出境日期"]) for t in report.get("出国境情况", [])}  # type: ignore[attr-defined]
            assert any(c["出入境日期"] == d["出境日期"] and c["出境/入境"] == "出境" for c in crossings)
        if s["kind"] == "trip_without_approval":
            assert report is not None
            trips = report["出国境情况"]
            assert any(t["审批机构"] == "未经审批" for t in trips)  # type: ignore[attr-defined]
        if s["kind"] == "trip_longer_than_approved":
            assert d["入境日期"] > d["计划入境日期"]
        if s["kind"] == "approval_after_departure":
            assert d["审批日期"] > d["出境日期"]
        if s["kind"] == "unit_without_rules":
            assert yaml.safe_load(files[f"submissions/{unit}/单位.yaml"])["管理制度"] == []
        if s["kind"] == "still_abroad":
            dates = [
                c
                for c in crossings
                if c["出入境日期"] >= d["出境日期"] and c["证件号码"].endswith(d["证件号码"][-2:])
            ]
            assert any(c["出境/入境"] == "出境" for c in dates)
            assert d["入境日期"] is None


def test_cli_writes_a_campaign_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo"
    args = ["demo", "--out", str(out), "--units", "3", "--people", "150", "--crossings", "400"]
    assert main([*args, "--manifest", str(tmp_path / "m.json")]) == 0
    assert "已生成示例数据" in capsys.readouterr().out
    assert (tmp_path / "m.json").is_file()
    assert (out / "police" / "出入境记录.csv").is_file()
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    (out / "submissions" / "stale").mkdir()
    assert main([*args, "--force"]) == 0
    assert not (out / "submissions" / "stale").exists()
    assert main(["--root", str(out), "check"]) == 0


def test_cli_rejects_impossible_sizes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["demo", "--out", str(tmp_path), "--units", "10", "--people", "20"]) == 2
    assert "人数太少" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["demo", "--out", str(tmp_path), "--rate", "2"])


def test_every_unit_without_rules_and_every_missing_report_is_in_the_manifest() -> None:
    generated = generate(Options(seed=11, units=20, people=400, crossings=900, unit_rate=0.1))
    files, situations = generated.files, generated.manifest["situations"]
    no_rules = {
        rel.split("/")[1]
        for rel, text in files.items()
        if rel.endswith("/单位.yaml") and yaml.safe_load(text)["管理制度"] == []
    }
    assert no_rules == {s["unit"] for s in situations if s["kind"] == "unit_without_rules"}
    assert len(no_rules) == 2
    without_report = set()
    for rel, text in files.items():
        if rel.endswith("/登记备案.yaml"):
            unit = rel.split("/")[1]
            for person in yaml.safe_load(text)["人员"]:
                if not any(r.startswith(f"submissions/{unit}/报告/{person['编号']}-") for r in files):
                    without_report.add((unit, person["编号"]))
    explained = {"missing_report", "retired_cadre", "revoked_transferred"}
    assert without_report == {(s["unit"], s["person"]) for s in situations if s["kind"] in explained}


def test_replacing_the_demo_keeps_the_units_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """核查说明.yaml is written by units, never generated: --force keeps it where it can.  整改.yaml
    answers the generated inspections/ and is replaced with them, as is a hand-made inspection."""
    out = tmp_path / "demo"
    args = ["demo", "--out", str(out), "--people", "150", "--crossings", "400"]
    assert main([*args, "--units", "3"]) == 0
    first, last = sorted(p.name for p in (out / "submissions").iterdir())[::2]
    answers = {
        f"submissions/{first}/核查说明.yaml": "# 单位的答复\n".encode(),
        f"submissions/{last}/核查说明.yaml": "# 单位的答复\n".encode(),
    }
    for rel, data in answers.items():
        (out / rel).write_bytes(data)
    generated = {p.relative_to(out).as_posix() for p in out.rglob("整改.yaml")}
    assert generated
    for rel in generated:
        (out / rel).write_bytes("# 手改的整改\n".encode())
    (out / "inspections" / "stale.yaml").write_bytes(b"# stale\n")
    assert main([*args, "--units", "3", "--force"]) == 0
    assert all((out / rel).read_bytes() == data for rel, data in answers.items())
    for rel in generated:  # generated again, the hand edit is gone
        assert (out / rel).read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert {p.relative_to(out).as_posix() for p in out.rglob("整改.yaml")} == generated
    assert not (out / "inspections" / "stale.yaml").exists()
    capsys.readouterr()
    assert main([*args, "--units", "2", "--force"]) == 0
    printed = capsys.readouterr().out
    units = {p.name for p in (out / "submissions").iterdir()}
    assert len(units) == 2 and {first, last} - units  # one of the two units is gone
    for rel, data in answers.items():
        if rel.split("/")[1] in units:
            assert (out / rel).read_bytes() == data
        else:
            assert not (out / rel).exists() and f"未保留：{rel}" in printed
