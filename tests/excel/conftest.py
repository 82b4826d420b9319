"""The Excel tests' helpers (excel_helpers, excel_strategies) live beside them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
