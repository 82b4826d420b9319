"""`privtravel check` as HR and CI run it: a real process, its output and its exit code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from privtravel.codes import CODES, Severity

REPO = Path(__file__).parents[2]
PACKAGE = REPO / "scripts" / "privtravel"
EXAMPLES = REPO / "tests" / "examples"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "check", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_valid_campaign_passes_with_its_warning(campaign: Path) -> None:
    done = run(campaign)
    assert done.returncode == 0, done.stdout
    assert "submissions/szyy/登记备案.yaml:17:5: R307 警告" in done.stdout
    assert done.stdout.rstrip().endswith("通过（有警告）。")


def test_errors_of_all_files_are_reported_with_place_and_exit_1(campaign: Path) -> None:
    report = campaign / "submissions/srmyy/报告/0001-赵明.yaml"
    report.write_text(report.read_text().replace("证件类别: 普通护照", "证件类别: 护照"))
    unit = campaign / "submissions/sjkzx/单位.yaml"
    unit.write_text(unit.read_text().replace("专柜: true", "专柜: 是"))
    done = run(campaign)
    assert done.returncode == 1
    assert "submissions/srmyy/报告/0001-赵明.yaml:8:11: S204 错误 [持有证件第1项.证件类别]" in done.stdout
    assert re.search(r"submissions/sjkzx/单位\.yaml:\d+:\d+: S203 错误", done.stdout)
    assert "2 个错误" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_json_format(campaign: Path) -> None:
    done = run(campaign, "--format", "json")
    data = json.loads(done.stdout)
    assert data["errors"] == 0 and data["warnings"] == 1
    assert data["diagnostics"][0]["code"] == "R307"
    assert data["diagnostics"][0]["title"] == CODES["R307"].title


def test_missing_campaign_is_a_clear_fatal_error(tmp_path: Path) -> None:
    done = run(tmp_path)
    assert done.returncode == 2
    assert "找不到 campaign.yaml" in done.stderr
    assert "Traceback" not in done.stderr


def test_paths_limit_the_check_to_their_units(campaign: Path) -> None:
    broken = campaign / "submissions/szyy/单位.yaml"
    broken.write_text(broken.read_text().replace("国家工作人员总数: 2", "国家工作人员总数: 两"))
    assert run(campaign, "submissions/srmyy/单位.yaml").returncode == 0
    assert run(campaign, "submissions/szyy/登记备案.yaml").returncode == 1
    assert run(campaign, "campaign.yaml").returncode == 1  # the campaign config touches every unit


def test_the_repository_own_campaign_passes() -> None:
    done = run(REPO)
    assert done.returncode == 0, done.stdout[-3000:]


def test_every_code_in_the_source_is_registered_and_every_error_code_is_exercised() -> None:
    used = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name != "codes.py":
            used |= set(re.findall(r'"([FSRT][0-9]{3})"', path.read_text(encoding="utf-8")))
    assert used <= set(CODES), used - set(CODES)
    examples = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in EXAMPLES.rglob("*.yaml"))
    tests = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("test_*.py"))
    for code, entry in CODES.items():
        if entry.severity is Severity.ERROR:
            assert f"# expect: {code}" in examples or f'"{code}"' in tests, f"{code} is never exercised"


def test_check_needs_only_the_hook_dependencies() -> None:
    """The pre-commit hook installs only what `check` needs: importing the CLI must not pull in more."""
    code = (
        "import sys; from privtravel import cli; "
        "heavy = {'mkdocs', 'openpyxl', 'jinja2', 'jieba', 'chinese_calendar'} & set(sys.modules); print(sorted(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_document_and_id_numbers_are_masked_in_messages(campaign: Path) -> None:
    """check output reaches CI logs: numbers that fail validation are shown masked."""
    roster = campaign / "submissions/srmyy/登记备案.yaml"
    roster.write_text(roster.read_text().replace('"33060219700312031X"', '"3306021970031203"'))
    report = campaign / "submissions/srmyy/报告/0001-赵明.yaml"
    report.write_text(report.read_text().replace("证件号码: E12345678", "证件号码: 12345678"))
    done = run(campaign)
    assert done.returncode == 1
    assert "3306021970031203" not in done.stdout and "12345678" not in done.stdout
    assert "33***********203" in done.stdout and "1*****78" in done.stdout
