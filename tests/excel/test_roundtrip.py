"""Export then import gives back the same declarations, and the same YAML bytes (property tests)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from excel_strategies import unit_docs
from hypothesis import HealthCheck, given, settings

from privtravel.diagnostics import Result
from privtravel.excel import workbook_read, workbook_write
from privtravel.excel.canonical import canonical
from privtravel.excel.emit import dump
from privtravel.excel.layout import KINDS
from privtravel.excel.save import save
from privtravel.excel.unitdocs import UnitDocs
from privtravel.load import repository, yaml_strict
from privtravel.load.layout import Kind, classify
from privtravel.model import Campaign
from privtravel.validate import schemas

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


@pytest.fixture(scope="module")
def mini_campaign() -> Campaign:
    campaign = repository.load_campaign(MINI, Result())
    assert campaign is not None
    return campaign


def yaml_files(docs: UnitDocs) -> dict[str, str]:
    return {rel: dump(kind, rel, data) for rel, (kind, data) in docs.all_files().items()}


def through_excel(campaign: Campaign, docs: UnitDocs, path: Path) -> workbook_read.Extracted:
    save(workbook_write.build(campaign, "绍兴市人民医院", docs), path, dt.datetime(2019, 6, 10))
    return workbook_read.read(path, unit=docs.code, existing=lambda _code: set(docs.files))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=unit_docs())
def test_export_then_import_gives_identical_yaml(
    docs: UnitDocs, mini_campaign: Campaign, tmp_path: Path
) -> None:
    back = through_excel(mini_campaign, docs, tmp_path / "unit.xlsx")
    assert back.problems == []
    assert yaml_files(back.docs) == yaml_files(docs)


@settings(max_examples=30, deadline=None)
@given(docs=unit_docs())
def test_written_yaml_loads_back_identically_and_validates(docs: UnitDocs) -> None:
    for rel, (kind, data) in docs.all_files().items():
        text = dump(kind, rel, data)
        loaded = yaml_strict.load(rel, text.encode(), max_bytes=10**7)
        assert loaded.diagnostics == []
        assert loaded.data == canonical(kind, data)
        assert list(schemas.for_kind(kind).iter_errors(loaded.data)) == []
        assert (
            text.splitlines()[0]
            == f"# yaml-language-server: $schema={'../' * (rel.count('/'))}schemas/{kind.schema_file}"
        )
        assert dump(kind, rel, loaded.data) == text  # a fixed point: writing again changes nothing


def test_fixture_files_are_already_canonical() -> None:
    """Hand-written files in the project's style come out byte for byte the same."""
    count = 0
    for path in sorted((MINI / "submissions").rglob("*.yaml")):
        rel = path.relative_to(MINI).as_posix()
        place = classify(rel)
        assert place is not None
        if place.kind not in KINDS:
            continue  # 核查说明, 整改: not held by the workbook
        raw = path.read_bytes()
        loaded = yaml_strict.load(rel, raw, max_bytes=10**6)
        assert dump(place.kind, rel, loaded.data).encode() == raw, rel
        count += 1
    assert count >= 15


def test_mini_units_round_trip_through_excel(mini_campaign: Campaign, tmp_path: Path) -> None:
    from privtravel.excel import unitdocs

    for code in ("srmyy", "szyy", "sjkzx"):
        docs, result = unitdocs.load(MINI, code, 10**6)
        assert not result.errors
        back = through_excel(mini_campaign, docs, tmp_path / f"{code}.xlsx")
        assert back.problems == []
        assert yaml_files(back.docs) == yaml_files(docs)
        originals = {rel: (MINI / rel).read_text(encoding="utf-8") for rel in docs.all_files()}
        assert yaml_files(back.docs) == originals


def test_same_declarations_give_the_same_workbook_bytes(mini_campaign: Campaign, tmp_path: Path) -> None:
    from privtravel.excel import unitdocs

    docs, _ = unitdocs.load(MINI, "srmyy", 10**6)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        save(workbook_write.build(mini_campaign, "绍兴市人民医院", docs), path, dt.datetime(2019, 6, 10))
        time.sleep(1.05)  # openpyxl records the wall-clock time: the two saves fall in different seconds
    assert first.read_bytes() == second.read_bytes()
    assert Kind.UNIT in docs.files
