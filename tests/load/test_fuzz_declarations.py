"""Fuzzing declarations: whatever bytes a clerk (or a hostile unit) commits, loading never crashes.

Every case goes through the whole per-file path `check` runs (strict YAML, schema, free-text
numbers); a few hundred also through the unit rules.  No exception may escape, every diagnostic
carries a registered code, and a file that loads must be valid by the schema.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privtravel.codes import CODES
from privtravel.commands.check import check
from privtravel.diagnostics import Result
from privtravel.load.layout import Kind
from privtravel.load.repository import load_declaration
from privtravel.validate import schemas

VALID = (Path(__file__).parents[1] / "examples" / "valid" / "report-filed.yaml").read_text(encoding="utf-8")
REL = "submissions/srmyy/报告/0001-赵明.yaml"
# What matters to YAML and to our checks: indicators, quotes, escapes, whitespace, invisible characters.
ALPHABET = st.sampled_from(
    [
        *list(":-?[]{},#&*!|>'\"%@`\\ \t\n\r0123456789EeXx.+_"),
        "\ufeff",
        "\u200b",
        "\x07",
        "\u2028",
        "：",
        "赵",
    ]
)
EDIT = st.tuples(st.integers(0, len(VALID)), st.integers(0, 8), st.text(ALPHABET, max_size=12))


def mutate(edits: list[tuple[int, int, str]]) -> str:
    text = VALID
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut :]
    return text


def _load(root: Path, text: str) -> Result:
    (root / REL).write_text(text, encoding="utf-8", errors="surrogatepass")
    result = Result()
    data = load_declaration(root, REL, Kind.REPORT, 1024 * 1024, result)
    assert all(d.code in CODES for d in result.diagnostics), result.diagnostics
    if data is not None:
        assert not schemas.errors(Kind.REPORT.schema_file, data)
    return result


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(EDIT, min_size=1, max_size=4))
def test_mutated_reports_load_without_a_crash(campaign: Path, edits: list[tuple[int, int, str]]) -> None:
    _load(campaign, mutate(edits))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(EDIT, min_size=1, max_size=3))
def test_mutated_reports_are_judged_by_the_whole_check(
    campaign: Path, edits: list[tuple[int, int, str]]
) -> None:
    (campaign / REL).write_text(mutate(edits), encoding="utf-8", errors="surrogatepass")
    result = check(campaign, [REL])
    assert all(d.code in CODES for d in result.diagnostics)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(EDIT, min_size=1, max_size=3))
def test_the_command_exits_0_1_or_2_without_a_traceback(
    campaign: Path, edits: list[tuple[int, int, str]]
) -> None:
    (campaign / REL).write_text(mutate(edits), encoding="utf-8", errors="surrogatepass")
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(campaign), "check", "--no-cache", REL],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr, done.stderr
