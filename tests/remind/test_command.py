"""The remind command: Markdown to the screen, CSV (with BOM, for Excel) to a file, clear errors."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def remind(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "privtravel", "--root", str(root), "remind", *args]
    env = {k: v for k, v in os.environ.items() if k != "PRIVTRAVEL_GITLAB_TOKEN"}
    return subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)


def test_markdown_lists_each_unit_with_its_items(ops: Path) -> None:
    done = remind(ops, "--date", "2019-06-11")
    assert done.returncode == 0, done.stderr
    assert "截至 2019年6月11日" in done.stdout
    assert "| 绍兴市中医院 | 2 | 0 | 0 |" in done.stdout  # A02: roster change and report, both overdue
    assert "## 绍兴市中医院" in done.stdout and "还没有《报告表》" in done.stdout


def test_csv_file_reads_back(ops: Path, tmp_path: Path) -> None:
    out = tmp_path / "提醒.csv"
    done = remind(ops, "--date", "2019-10-09", "--format", "csv", "--out", str(out), "--unit", "srmyy")
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {r["单位代码"] for r in rows} == {"srmyy"}
    returns = [r for r in rows if r["事项"] == "证件交回"]
    assert [(r["状态"], r["截止日期"], r["人员"]) for r in returns] == [("已逾期", "2019-10-08", "0002 钱芳")]
    assert "CA1234567" not in raw.decode("utf-8-sig")


def test_bad_input_is_a_clear_message(ops: Path) -> None:
    bad_date = remind(ops, "--date", "2019-6-1")
    assert bad_date.returncode == 2 and "年-月-日" in bad_date.stderr
    unknown = remind(ops, "--unit", "nowhere", "--date", "2019-06-01")
    assert unknown.returncode == 2 and "nowhere" in unknown.stderr and "Traceback" not in unknown.stderr
    no_token = remind(
        ops, "--date", "2019-06-01", "--gitlab", "--gitlab-url", "http://127.0.0.1:9", "--project", "1"
    )
    assert no_token.returncode == 2 and "PRIVTRAVEL_GITLAB_TOKEN" in no_token.stderr
    config = ops / "campaign.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("报告截止日期: 2019-06-10", "报告截止日期: 2031-06-10")
    )
    outside = remind(ops, "--date", "2031-06-01")  # the holidays of 2031 are not known yet
    assert (
        outside.returncode == 2 and "chinese_calendar" in outside.stderr and "Traceback" not in outside.stderr
    )


def test_open_cross_check_findings_are_reminded_until_answered(tmp_path: Path) -> None:
    """The demo has police data: each finding still 待核实 is a reminder to answer in 核查说明.yaml."""
    root = tmp_path / "demo"
    root.mkdir()
    for name in ("campaign.yaml", "submissions", "police", "inspections"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    done = remind(root, "--date", "2019-07-10", "--unit", "srmyy", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = [r for r in csv.DictReader(done.stdout.splitlines()) if r["事项"] == "比对核查问题说明"]
    keys = [r["说明"].split("核查项 ", 1)[1].split("）", 1)[0] for r in rows]
    assert len(rows) >= 2 and all(r["文件"] == "submissions/srmyy/核查说明.yaml" for r in rows)
    assert all("******" in r["说明"] or "出境" in r["说明"] for r in rows)  # masked evidence
    (root / "submissions" / "srmyy" / "核查说明.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/responses.schema.json\n"
        "单位代码: srmyy\n"
        "说明:\n"
        f"  - 核查项: {keys[0]}\n"
        "    核查结论: 核实无问题\n"
        "    理由: 持换发的新护照出行，已经院党委审批。\n",
        encoding="utf-8",
    )
    again = remind(root, "--date", "2019-07-10", "--unit", "srmyy", "--format", "csv")
    assert again.returncode == 0, again.stderr
    assert keys[0] not in again.stdout and keys[1] in again.stdout
