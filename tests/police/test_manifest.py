"""A police delivery is checked against its manifest (police/交付清单.yaml): each bad delivery and each
hostile manifest value is an error at file, line and field, in Chinese, and never a traceback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from privtravel import cli
from privtravel.codes import CODES
from privtravel.diagnostics import Diagnostic, Result
from privtravel.police import load, manifest

from .test_import import CROSSING, HOLDING, ROW, TRIP, write_csv, write_xlsx

MANIFEST = "police/交付清单.yaml"
CROSSINGS = "police/出入境记录.csv"
# Line numbers in the manifest manifest.text writes (no 交付日期): 提取日期 4; 持证信息 6/7/8; 出入境记录 9/10/11.
EXTRACTED_LINE, CROSSING_NAME, CROSSING_ROWS, CROSSING_DIGEST = 4, 9, 10, 11
THIRD = ["330602197805060427", "钱芳", "2019-03-01", "出境", "深圳罗湖", "香港", "CA1234567"]


def deliver(root: Path) -> Path:
    """A good delivery of both tables, with its manifest; returns the police folder."""
    folder = root / "police"
    write_csv(folder, "持证信息", [HOLDING, ROW])
    write_csv(folder, "出入境记录", [CROSSING, *TRIP])
    return folder


def problems(root: Path) -> tuple[load.PoliceData, list[Diagnostic]]:
    result = Result()
    data = load.load(root, None, result)
    assert all(d.code in CODES for d in result.diagnostics)
    return data, result.diagnostics


def test_a_good_delivery_carries_its_extraction_date(tmp_path: Path) -> None:
    deliver(tmp_path)
    data, found = problems(tmp_path)
    assert found == []
    assert data.extracted == dt.date(2019, 6, 30) and data.manifest == MANIFEST


def _crossings(folder: Path) -> Path:
    return folder / "出入境记录.csv"


def _cut_last_row(folder: Path) -> None:
    path = _crossings(folder)
    path.write_bytes(path.read_bytes().rsplit(b"\r\n", 2)[0] + b"\r\n")


def _cut_mid_row(folder: Path) -> None:
    path = _crossings(folder)
    path.write_bytes(path.read_bytes()[:-12])


def _extra_row(folder: Path) -> None:
    path = _crossings(folder)
    path.write_bytes(path.read_bytes() + ",".join(THIRD).encode() + b"\r\n")


def _changed_cell(folder: Path) -> None:
    path = _crossings(folder)
    path.write_bytes(path.read_bytes().replace("深圳罗湖".encode(), "珠海拱北".encode(), 1))


def _emptied(folder: Path) -> None:
    _crossings(folder).write_bytes(b"")


def _header_only(folder: Path) -> None:
    path = _crossings(folder)
    path.write_bytes(path.read_bytes().split(b"\r\n", 1)[0] + b"\r\n")


def _removed(folder: Path) -> None:
    _crossings(folder).unlink()


def _no_manifest(folder: Path) -> None:
    (folder / "交付清单.yaml").unlink()


def _unlisted(folder: Path) -> None:
    path = folder / "交付清单.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("  - 文件名: 出入境记录.csv")[0], encoding="utf-8")


def _became_xlsx(folder: Path) -> None:
    path = folder / "交付清单.yaml"
    listed = path.read_text(encoding="utf-8")
    _crossings(folder).unlink()
    write_xlsx(folder, "出入境记录", [CROSSING, *TRIP])
    path.write_text(listed, encoding="utf-8")  # the manifest still lists the .csv


def _lines_only(found: list[Diagnostic]) -> list[tuple[str, str, int]]:
    return sorted((d.code, d.path, d.line) for d in found)


BAD_DELIVERIES: list[tuple[str, Callable[[Path], None], list[tuple[str, str, int]], str]] = [
    (
        "truncated by a row",
        _cut_last_row,
        [("P505", MANIFEST, CROSSING_ROWS), ("P505", MANIFEST, CROSSING_DIGEST)],
        "出入境记录.csv 有 1 行数据，交付清单记为 2 行，少了 1 行",
    ),
    (
        "truncated inside a row",
        _cut_mid_row,
        [("P505", MANIFEST, CROSSING_DIGEST), ("S202", CROSSINGS, 3)],
        "文件在交付后被改动过",
    ),
    (
        "an extra row",
        _extra_row,
        [("P505", MANIFEST, CROSSING_ROWS), ("P505", MANIFEST, CROSSING_DIGEST)],
        "多了 1 行",
    ),
    ("a changed cell", _changed_cell, [("P505", MANIFEST, CROSSING_DIGEST)], "SHA-256 校验值"),
    ("an empty file", _emptied, [("P501", CROSSINGS, 0), ("P505", MANIFEST, CROSSING_DIGEST)], "文件是空的"),
    (
        "a header-only file",
        _header_only,
        [("P504", CROSSINGS, 1), ("P505", MANIFEST, CROSSING_ROWS), ("P505", MANIFEST, CROSSING_DIGEST)],
        "有 0 行数据，交付清单记为 2 行",
    ),
    (
        "a listed file missing",
        _removed,
        [("P505", MANIFEST, CROSSING_NAME)],
        "交付清单列出的 出入境记录.csv 不在",
    ),
    ("no manifest", _no_manifest, [("P505", MANIFEST, 0)], "privtravel police-manifest"),
    ("a file not in the manifest", _unlisted, [("P505", CROSSINGS, 0)], "不在交付清单"),
    (
        "the csv replaced by an xlsx",
        _became_xlsx,
        [("P505", MANIFEST, CROSSING_NAME), ("P505", "police/出入境记录.xlsx", 0)],
        "不能确认它是公安机关交付的",
    ),
]


@pytest.mark.parametrize(
    ("change", "expected", "words"), [c[1:] for c in BAD_DELIVERIES], ids=[c[0] for c in BAD_DELIVERIES]
)
def test_a_bad_delivery_is_an_error_naming_file_line_and_what_differs(
    tmp_path: Path, change: Callable[[Path], None], expected: list[tuple[str, str, int]], words: str
) -> None:
    change(deliver(tmp_path))
    _, found = problems(tmp_path)
    assert _lines_only(found) == sorted(expected)
    assert any(words in d.message for d in found), [d.message for d in found]
    for d in found:
        if d.path == MANIFEST and d.line:
            assert d.field.startswith("文件第2项."), d  # the field of the manifest entry that disagrees


def test_the_manifest_gives_the_date_and_a_later_crossing_contradicts_it(tmp_path: Path) -> None:
    folder = deliver(tmp_path)
    path = folder / "交付清单.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2019-06-30", "2019-01-27"), encoding="utf-8")
    data, found = problems(tmp_path)
    assert data.extracted == dt.date(2019, 1, 27)
    assert [(d.code, d.path, d.line, d.field) for d in found] == [("P506", CROSSINGS, 3, "出入境日期")]
    assert "2019-01-30 晚于交付清单的提取日期 2019-01-27（这样的记录共 1 条）" in found[0].message


def _set(line: str, text: str) -> Callable[[str], str]:
    def change(manifest_text: str) -> str:
        lines = manifest_text.split("\n")
        lines[line - 1] = text
        return "\n".join(lines)

    return change


HOSTILE: list[tuple[str, Callable[[str], str], str, int]] = [
    ("path traversal", _set(CROSSING_NAME, "  - 文件名: ../../etc/passwd"), "S204", CROSSING_NAME),
    ("absolute path", _set(CROSSING_NAME, "  - 文件名: /etc/passwd"), "S204", CROSSING_NAME),
    ("rows as text", _set(CROSSING_ROWS, '    行数: "2"'), "S203", CROSSING_ROWS),
    ("rows negative", _set(CROSSING_ROWS, "    行数: -1"), "S207", CROSSING_ROWS),
    ("rows zero", _set(CROSSING_ROWS, "    行数: 0"), "S207", CROSSING_ROWS),
    ("rows boolean", _set(CROSSING_ROWS, "    行数: true"), "S203", CROSSING_ROWS),
    ("rows huge", _set(CROSSING_ROWS, "    行数: 99999999999999999999"), "S207", CROSSING_ROWS),
    ("rows as a list", _set(CROSSING_ROWS, "    行数: [2]"), "S203", CROSSING_ROWS),
    ("checksum short", _set(CROSSING_DIGEST, "    校验值: abc123"), "S206", CROSSING_DIGEST),
    ("checksum not hex", _set(CROSSING_DIGEST, "    校验值: " + "g" * 64), "S206", CROSSING_DIGEST),
    ("impossible date", _set(EXTRACTED_LINE, "提取日期: 2019-02-30"), "F109", EXTRACTED_LINE),
    ("future date", _set(EXTRACTED_LINE, "提取日期: 2999-01-01"), "P506", EXTRACTED_LINE),
    ("date as text", _set(EXTRACTED_LINE, "提取日期: 六月底"), "S205", EXTRACTED_LINE),
    (
        "delivered before extracted",
        _set(EXTRACTED_LINE, "提取日期: 2019-06-30\n交付日期: 2019-06-01"),
        "P506",
        5,
    ),
    ("same file twice", _set(CROSSING_NAME, "  - 文件名: 持证信息.csv"), "P505", CROSSING_NAME),
    ("unknown key", _set(3, '提供单位: "市公安局出入境管理支队"\n文件数: 2'), "S201", 4),
    ("provider missing", _set(3, "# 提供单位"), "S202", 0),
    ("duplicate key", _set(3, '提供单位: "市公安局出入境管理支队"\n提取日期: 2019-06-29'), "F106", 5),
    ("anchor and alias", _set(3, "提供单位: &a 市公安局出入境管理支队\n备注: *a"), "F107", 3),
    ("tagged value", _set(CROSSING_ROWS, "    行数: !!str 2"), "", CROSSING_ROWS),
    ("nested a thousand deep", lambda t: t + "备注: " + "[" * 1000 + "]" * 1000 + "\n", "", 0),
    ("huge file", lambda t: t + "# " + "x" * 70_000 + "\n", "F101", 0),
    ("not a mapping", lambda t: "- 文件名: 出入境记录.csv\n", "F110", 0),
    ("empty", lambda t: "", "F110", 0),
]


@pytest.mark.parametrize(("change", "code", "line"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_a_hostile_manifest_value_is_an_error_at_its_line(
    tmp_path: Path, change: Callable[[str], str], code: str, line: int
) -> None:
    folder = deliver(tmp_path)
    path = folder / "交付清单.yaml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    data, found = problems(tmp_path)
    errors = [d for d in found if d.is_error]
    assert errors, "accepted"
    assert all(d.message and any("\u4e00" <= ch <= "\u9fff" for ch in d.message) for d in errors)
    assert data.extracted is None or code == "P506"  # an invalid manifest gives no date to go by
    if code:
        assert code in [d.code for d in errors], [(d.code, d.line, d.message) for d in errors]
    if line:
        assert line in [d.line for d in errors if d.path == MANIFEST], [(d.code, d.line) for d in errors]


def test_gbk_manifest_and_a_folder_named_like_it(tmp_path: Path) -> None:
    folder = deliver(tmp_path)
    path = folder / "交付清单.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    assert [d.code for d in problems(tmp_path)[1]] == ["F102"]
    path.unlink()
    path.mkdir()
    assert [(d.code, d.path) for d in problems(tmp_path)[1]] == [("P504", MANIFEST)]


def test_an_upper_case_checksum_from_windows_certutil_is_the_same_checksum(tmp_path: Path) -> None:
    folder = deliver(tmp_path)
    path = folder / "交付清单.yaml"
    text = path.read_text(encoding="utf-8")
    digest = manifest.digest(_crossings(folder).read_bytes())
    path.write_text(text.replace(digest, digest.upper()), encoding="utf-8")
    assert problems(tmp_path)[1] == []


# --- privtravel police-manifest ------------------------------------------------------------------


def _command(root: Path, *args: str) -> int:
    return cli.main(["--root", str(root), "police-manifest", *args])


def test_the_command_records_what_it_sees_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = deliver(tmp_path)
    (folder / "交付清单.yaml").unlink()
    given = (
        "--extracted",
        "2019-06-30",
        "--provider",
        "绍兴市公安局出入境管理支队",
        "--delivered",
        "2019-07-01",
    )
    assert _command(tmp_path, *given) == 0
    out, err = capsys.readouterr()
    assert "出入境记录.csv：2 行数据" in out and "交接函" in err
    assert problems(tmp_path)[1] == []
    _extra_row(folder)  # changed after the manifest was written: running it again must not bless it
    assert _command(tmp_path, *given) == 2
    assert "已经存在" in capsys.readouterr().err
    assert [d.field for d in problems(tmp_path)[1]] == ["文件第2项.行数", "文件第2项.校验值"]
    assert _command(tmp_path, *given, "--force") == 0  # a new delivery from the police
    assert problems(tmp_path)[1] == []


@pytest.mark.parametrize(
    ("prepare", "args", "words"),
    [
        (_header_only, ("--extracted", "2019-06-30"), "无法完整读取"),
        (_removed, ("--extracted", "2999-06-30"), "晚于今天"),
        (_removed, ("--extracted", "2019-06-30", "--delivered", "2019-06-01"), "交付日期早于提取日期"),
        (
            lambda f: [p.unlink() for p in f.glob("*.csv")],
            ("--extracted", "2019-06-30"),
            "没有 持证信息 或 出入境记录",
        ),
    ],
    ids=["header only", "future", "delivered first", "no files"],
)
def test_the_command_refuses_what_it_cannot_record(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    prepare: Callable[[Path], object],
    args: tuple[str, ...],
    words: str,
) -> None:
    folder = deliver(tmp_path)
    (folder / "交付清单.yaml").unlink()
    prepare(folder)
    assert _command(tmp_path, *args, "--provider", "市公安局出入境管理支队") == 2
    assert words in capsys.readouterr().err
    assert not (folder / "交付清单.yaml").exists()


def test_the_command_needs_a_date_in_the_right_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deliver(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        _command(tmp_path, "--extracted", "2019/6/30", "--provider", "市公安局", "--force")
    assert exit_.value.code == 2 and "年-月-日" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name", ["出入境记录.CSV", "出入境记录(1).csv", "持证信息.xls", "出入境记录-补充.xlsx", "新数据.csv"]
)
def test_a_file_named_unlike_a_police_table_is_an_error_not_skipped(tmp_path: Path, name: str) -> None:
    folder = deliver(tmp_path)
    (folder / name).write_bytes(_crossings(folder).read_bytes())
    (folder / "交接函.pdf").write_bytes(b"%PDF-1.4")  # the covering letter may sit beside the data
    _, found = problems(tmp_path)
    assert [(d.code, d.path) for d in found] == [("P501", f"police/{name}")]
    assert "不会被比对" in found[0].message


def test_a_dangling_link_named_like_a_table_is_not_an_absent_table(tmp_path: Path) -> None:
    folder = deliver(tmp_path)
    _crossings(folder).unlink()
    _crossings(folder).symlink_to(tmp_path / "gone.csv")
    codes = sorted((d.code, d.path) for d in problems(tmp_path)[1])
    assert codes == [("P504", CROSSINGS), ("P505", MANIFEST)]


def test_a_police_folder_given_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    result = Result()
    data = load.load(tmp_path, tmp_path / "受限目录" / "police", result)
    assert [d.code for d in result.errors] == ["P501"] and not data.files
    assert "--police" in result.errors[0].message


def test_the_command_counts_rows_of_an_xlsx_as_the_loader_does(tmp_path: Path) -> None:
    folder = tmp_path / "police"
    write_xlsx(
        folder, "出入境记录", [CROSSING, *TRIP, [None] * 7, [*TRIP[0][:2], "2019-03-01", *TRIP[0][3:]]]
    )
    (folder / "交付清单.yaml").unlink()
    assert _command(tmp_path, "--extracted", "2019-06-30", "--provider", "市公安局出入境管理支队") == 0
    assert "行数: 3" in (folder / "交付清单.yaml").read_text(encoding="utf-8")  # the empty row is not data
    assert problems(tmp_path)[1] == []
