"""Police tables in, as the police deliver them: .csv (UTF-8 with BOM) and .xlsx, strictly validated."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl
import pytest
import yaml

from privtravel.diagnostics import Result
from privtravel.police import load, manifest
from privtravel.validate import fast, schemas

HOLDING = [
    "姓名",
    "性别",
    "出生日期",
    "公民身份号码",
    "证件类别",
    "证件号码",
    "签发日期",
    "有效期至",
    "证件状态",
]
CROSSING = ["公民身份号码", "姓名", "出入境日期", "出境/入境", "口岸", "前往国家（地区）", "证件号码"]
ROW = [
    "钱芳",
    "女",
    "1978-05-06",
    "330602197805060427",
    "往来港澳通行证",
    "CA1234567",
    "2017-01-05",
    "2027-01-04",
    "有效",
]
TRIP = [
    ["330602197805060427", "钱芳", "2019-01-26", "出境", "深圳罗湖", "香港", "CA1234567"],
    ["330602197805060427", "钱芳", "2019-01-30", "入境", "深圳罗湖", "香港", "CA1234567"],
]


EXTRACTED = dt.date(2019, 6, 30)


def seal(folder: Path, file_name: str, rows: int) -> None:
    """List the file in the folder's delivery manifest as the police would: ``rows`` data rows."""
    path = folder / "交付清单.yaml"
    listed: dict[str, tuple[int, str]] = {}
    if path.exists():
        listed = {
            f["文件名"]: (f["行数"], f["校验值"]) for f in yaml.safe_load(path.read_text("utf-8"))["文件"]
        }
    listed[file_name] = (max(rows, 1), manifest.digest((folder / file_name).read_bytes()))
    files = [(name, count, digest) for name, (count, digest) in listed.items()]
    path.write_text(manifest.text("测试市公安局出入境管理支队", EXTRACTED, None, files), encoding="utf-8")


def write_csv(folder: Path, name: str, lines: list[list[str]], encoding: str = "utf-8-sig") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.csv").write_bytes("\r\n".join(",".join(r) for r in lines).encode(encoding) + b"\r\n")
    seal(folder, f"{name}.csv", sum(1 for r in lines[1:] if any(r)))


def write_xlsx(folder: Path, name: str, lines: list[list[object]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in lines:
        sheet.append(line)
    book.save(folder / f"{name}.xlsx")
    seal(folder, f"{name}.xlsx", sum(1 for r in lines[1:] if any(c is not None for c in r)))


def run(root: Path) -> tuple[load.PoliceData, Result]:
    result = Result()
    return load.load(root, None, result), result


def test_csv_and_xlsx_give_the_same_records(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_csv(a / "police", "持证信息", [HOLDING, ROW])
    write_csv(a / "police", "出入境记录", [CROSSING, *TRIP])
    dated: list[object] = [*ROW]
    dated[2] = dt.datetime(1978, 5, 6)  # a real date cell, as Excel stores it
    write_xlsx(b / "police", "持证信息", [HOLDING, dated])
    write_xlsx(b / "police", "出入境记录", [CROSSING, *TRIP])
    (da, ra), (db, rb) = run(a), run(b)
    assert not ra.diagnostics and not rb.diagnostics
    assert [(h.number, h.birth, h.row.line) for h in da.holdings] == [("CA1234567", dt.date(1978, 5, 6), 2)]
    strip = [(c.date, c.direction, c.number, c.row.line) for c in da.crossings]
    assert strip == [(c.date, c.direction, c.number, c.row.line) for c in db.crossings]
    assert da.files == ["police/持证信息.csv", "police/出入境记录.csv"]


def test_bad_cells_are_named_by_file_row_and_column_and_masked(tmp_path: Path) -> None:
    bad = [*ROW]
    bad[1], bad[5], bad[6] = "F", "CA12-4567", "2017/1/5"
    empty = [*ROW]
    empty[8] = ""
    write_csv(tmp_path / "police", "持证信息", [HOLDING, ROW, bad, empty])
    data, result = run(tmp_path)
    got = sorted((d.line, d.col, d.code, d.field) for d in result.diagnostics)
    assert got == [
        (3, 2, "S204", "性别"),
        (3, 6, "S206", "证件号码"),
        (3, 7, "S205", "签发日期"),
        (4, 9, "S202", "证件状态"),
    ]
    assert all(d.path == "police/持证信息.csv" for d in result.diagnostics)
    assert not any("CA12-4567" in d.message for d in result.diagnostics)
    assert len(data.holdings) == 1  # only the good row becomes a record; the run has errors


def test_headers_unknown_missing_and_duplicated(tmp_path: Path) -> None:
    header = [*HOLDING]
    header[5] = "证件号"
    header[8] = "姓名"
    write_csv(tmp_path / "police", "持证信息", [header, ROW])
    _, result = run(tmp_path)
    got = sorted((d.code, d.col) for d in result.diagnostics)
    assert got == [("F106", 9), ("S201", 6), ("S202", 1), ("S202", 1)]
    unknown = next(d for d in result.diagnostics if d.code == "S201")
    assert "证件号码" in unknown.message  # did-you-mean


def test_excel_numbers_and_times_are_not_coerced(tmp_path: Path) -> None:
    row: list[object] = [*TRIP[0]]
    row[0] = 330602197805060427
    row[2] = dt.datetime(2019, 1, 26, 8, 30)
    write_xlsx(tmp_path / "police", "出入境记录", [CROSSING, row])
    data, result = run(tmp_path)
    got = sorted((d.code, d.line, d.col) for d in result.diagnostics)
    assert got == [("F109", 2, 3), ("S203", 2, 1)]
    assert data.crossings == []


def test_gbk_csv_and_two_versions_of_one_table(tmp_path: Path) -> None:
    write_csv(tmp_path / "police", "出入境记录", [CROSSING, *TRIP], encoding="gbk")
    _, result = run(tmp_path)
    assert [d.code for d in result.diagnostics] == ["F102"] and "GBK" in result.diagnostics[0].message
    write_csv(tmp_path / "police", "持证信息", [HOLDING, ROW])
    write_xlsx(tmp_path / "police", "持证信息", [HOLDING, ROW])
    _, result = run(tmp_path)
    assert "P501" in [d.code for d in result.diagnostics]


def test_one_document_number_two_people(tmp_path: Path) -> None:
    other = [*ROW]
    other[0], other[3] = "赵明", "33060219700312031X"
    write_csv(tmp_path / "police", "持证信息", [HOLDING, ROW, other])
    _, result = run(tmp_path)
    assert [(d.code, d.line) for d in result.diagnostics] == [("P502", 3)]
    assert "330602197805060427" not in result.diagnostics[0].message


@pytest.mark.parametrize("schema_file", ["police-holding.schema.json", "police-crossing.schema.json"])
def test_fast_row_check_agrees_with_jsonschema(schema_file: str) -> None:
    check = schemas.fast_check(schema_file)
    assert check is not None
    validator = schemas.validator(schema_file)
    base = (
        dict(zip(HOLDING, ROW, strict=True))
        if "holding" in schema_file
        else dict(zip(CROSSING, TRIP[0], strict=True))
    )
    odd = [
        "",
        " ",
        "X",
        "E1234567",
        "2019-02-30",
        "2019-2-3",
        "男 ",
        "出境",
        "有效",
        "香",
        "CA1234567\n",
        "3306021978050604271",
        "33060219780506042x",
        "张 三",
        "张3",
        "A" * 31,
        "2019-01-01",
    ]
    rng = random.Random(5)
    rows = [base]
    for _ in range(400):
        row = dict(base)
        for key in rng.sample(list(row), rng.randint(1, 2)):
            row[key] = rng.choice(odd)
        rows.append(row)
    for row in rows:
        present = {k: v for k, v in row.items() if v != ""}
        full = {k: (v if v != "" else None) for k, v in row.items()}
        expected = None not in full.values() and validator.is_valid(present)
        assert fast.accepts(check, full) == expected, row
