"""Lines of declaration records named by evidence, found by re-reading only the records shown."""

from __future__ import annotations

from pathlib import Path

from privtravel.crosscheck.findings import Evidence
from privtravel.report.locate import Locator


class LineFinder:
    def __init__(self, root: Path) -> None:
        self.locator = Locator(root)

    def line(self, evidence: Evidence) -> int:
        if evidence.line or evidence.json_path is None:
            return evidence.line
        spot = self.locator.place(evidence.path, evidence.json_path, evidence.record)
        return 0 if spot is None else spot[0]
