"""Lines of declaration records named by evidence, found by re-reading only the records shown."""

from __future__ import annotations

from pathlib import Path

from privtravel.crosscheck.findings import Evidence
from privtravel.report.locate import Locator

KEEP = 16  # files kept read: evidence comes a unit at a time; a province's registers held at once took 40 MB


class LineFinder:
    def __init__(self, root: Path) -> None:
        self.locator = Locator(root)

    def line(self, evidence: Evidence) -> int:
        if evidence.line or evidence.json_path is None:
            return evidence.line
        spot = self.locator.place(evidence.path, evidence.json_path, evidence.record)
        self._keep_recent(evidence.path)
        return 0 if spot is None else spot[0]

    def _keep_recent(self, path: str) -> None:
        """Keep the ``KEEP`` files used last (read again if asked for later: same answer)."""
        files, wholes = self.locator.files, self.locator.wholes
        if path in files:
            files[path] = files.pop(path)  # now the most recent
        while len(files) > KEEP:
            oldest = next(iter(files))
            del files[oldest]
            wholes.pop(oldest, None)
