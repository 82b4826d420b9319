"""The statistics tests' hand-built campaign, shared with the export tests."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "stats"))
