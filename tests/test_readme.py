"""The README documents every command, and its 快速开始 gives exactly the two commands."""

from __future__ import annotations

import re
from pathlib import Path

from privtravel.cli import COMMANDS

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    for name in COMMANDS:
        assert f"`privtravel {name}" in README, f"README does not document `privtravel {name}`"


def test_quick_start_gives_make_site_and_make_test() -> None:
    section = README.split("## 快速开始", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(make \w+)", section, flags=re.MULTILINE)
    assert commands == ["make site", "make test"]
