"""The ``scene`` fixture: a fresh mini campaign with police data that agrees with it (see scenes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crosscheck.scenes import Scene


@pytest.fixture
def scene(campaign: Path) -> Scene:
    return Scene(campaign)
