"""Data-driven: every file in examples/valid passes; every file in examples/invalid gives its expected codes.

Each example is a whole declaration file.  Comment lines right after the first line say where it goes
in the small test campaign and what `check` must say about it:

    # target: submissions/srmyy/报告/0001-赵明.yaml
    # remove: submissions/srmyy/报告/0001-赵明.yaml     (optional: a file to delete first)
    # expect: S204 12 可选：普通护照      (code, line or *, a fragment of the message)
    # expect: R321 submissions/srmyy/报告/0001-赵明.yaml:3 编号    (a consequence in another file)

The expected diagnostics must all appear on the target file, and no other error may appear anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from privtravel.commands.check import check
from privtravel.diagnostics import Diagnostic

EXAMPLES = Path(__file__).parent / "examples"
BASELINE = {("submissions/szyy/登记备案.yaml", "R307")}  # the mini campaign's one planted warning
_META = re.compile(rb"^# (target|remove|expect): (.*)$", re.MULTILINE)


@dataclass
class Expect:
    code: str
    line: int | None
    fragment: str
    path: str | None = None  # another file of the campaign, when the expectation is not on the target

    def matches(self, d: Diagnostic, target: str) -> bool:
        return (
            d.path == (self.path or target)
            and d.code == self.code
            and (self.line is None or d.line == self.line)
            and self.fragment in d.message
        )


def _meta(raw: bytes) -> tuple[str, str | None, list[Expect]]:
    target, remove, expects = "", None, []
    for key, value in _META.findall(raw):
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:  # the GBK example is GBK throughout, its comments too
            text = value.decode("gb18030")
        if key == b"target":
            target = text.strip()
        elif key == b"remove":
            remove = text.strip()
        else:
            code, line, fragment = ([*text.split(" ", 2), ""])[:3]
            path, _, line = line.rpartition(":")
            expects.append(Expect(code, None if line == "*" else int(line), fragment.strip(), path or None))
    assert target, "example has no '# target:' line"
    return target, remove, expects


def _run(example: Path, campaign: Path) -> tuple[str, list[Expect], list[Diagnostic]]:
    raw = example.read_bytes()
    target, remove, expects = _meta(raw)
    if remove:
        (campaign / remove).unlink()
    (campaign / target).write_bytes(raw)
    return target, expects, check(campaign).diagnostics


def _unexpected(diagnostics: list[Diagnostic], target: str, expects: list[Expect]) -> list[str]:
    return [
        f"{d.path}:{d.line} {d.code} {d.message}"
        for d in diagnostics
        if (d.path, d.code) not in BASELINE and not any(e.matches(d, target) for e in expects)
    ]


@pytest.mark.parametrize("example", sorted((EXAMPLES / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_example(example: Path, campaign: Path) -> None:
    target, expects, diagnostics = _run(example, campaign)
    assert not _unexpected(diagnostics, target, expects)
    for expect in expects:
        assert any(expect.matches(d, target) for d in diagnostics), expect


@pytest.mark.parametrize("example", sorted((EXAMPLES / "invalid").glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_example(example: Path, campaign: Path) -> None:
    target, expects, diagnostics = _run(example, campaign)
    assert expects, "an invalid example must say what it expects"
    assert example.stem.split("-")[0] == expects[0].code, "the file name starts with its main code"
    for expect in expects:
        found = [d for d in diagnostics if expect.matches(d, target)]
        assert found, f"{expect} not in {[(d.code, d.line, d.message) for d in diagnostics]}"
    assert not _unexpected(diagnostics, target, expects)
    assert any(d.is_error for d in diagnostics)
