"""Hostile workbooks: broken sheet XML, DTD and entity tricks, a 人员编号 that is a path. Each is
refused with a Chinese message naming the sheet or cell, nothing is written, and no traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from excel_helpers import cell, cli, git_status
from openpyxl import load_workbook

from privtravel.excel.xml_guard import sheet_names

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>'
)
OUTSIDE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
)


def _workbook(capsys: pytest.CaptureFixture[str], root: Path) -> Path:
    out = root.parent / "srmyy.xlsx"
    assert cli(capsys, root, "export", "srmyy", "--out", str(out))[0] == 0
    return out


def _replace_sheet(path: Path, sheet: str, text: str | bytes, encoding: str = "utf-8") -> Path:
    with zipfile.ZipFile(path) as archive:
        part = next(p for p, name in sheet_names(archive).items() if name == sheet)
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[part] = text.encode(encoding) if isinstance(text, str) else text
    out = path.with_name(f"hostile-{abs(hash(text)) % 10**6}.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(LAUGHS, "utf-8"), (OUTSIDE, "utf-8"), (OUTSIDE.replace("utf-8", "utf-16"), "utf-16")],
    ids=["billion-laughs", "external-entity", "utf-16"],
)
def test_entity_tricks_are_refused_naming_the_sheet(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str], text: str, encoding: str
) -> None:
    hostile = _replace_sheet(_workbook(capsys, campaign_repo), "报告表", text, encoding)
    status, out = cli(capsys, campaign_repo, "import", str(hostile))
    assert status == 2, out
    assert "「报告表」工作表" in out and "<!DOCTYPE>" in out and "Traceback" not in out
    assert git_status(campaign_repo) == ""


@pytest.mark.parametrize(
    "broken",
    [
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>',  # cut off
        b"\x00\x01 not xml at all",
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>',  # no such string
    ],
    ids=["truncated", "binary", "bad-shared-string"],
)
def test_malformed_sheet_xml_is_refused_naming_the_sheet(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str], broken: bytes
) -> None:
    hostile = _replace_sheet(_workbook(capsys, campaign_repo), "证件", broken)
    status, out = cli(capsys, campaign_repo, "import", str(hostile))
    assert status == 2, out
    assert "Traceback" not in out and ("「证件」工作表" in out or "已损坏" in out), out
    assert git_status(campaign_repo) == ""


@pytest.mark.parametrize("ident", ["00/1", "../../x", ".hidden", "a\\b"])
def test_a_person_number_that_is_a_path_is_a_cell_error(
    campaign_repo: Path, capsys: pytest.CaptureFixture[str], ident: str
) -> None:
    path = _workbook(capsys, campaign_repo)
    book = load_workbook(path)
    book["登记备案人员"][cell("登记备案人员", "人员编号")] = ident
    book["报告表"][cell("报告表", "人员编号")] = ident
    book.save(path)
    status, out = cli(capsys, campaign_repo, "import", str(path))
    assert status == 1, out
    assert f"「{ident}」格式不对" in out and "Traceback" not in out
    assert git_status(campaign_repo) == ""
