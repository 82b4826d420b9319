"""layout.path_parts is PurePosixPath(...).parts, fast for the usual clean relative path."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from privtravel.load.layout import path_parts


@pytest.mark.parametrize(
    "rel",
    [
        "submissions/srmyy/报告/0001-张三.yaml",
        "submissions//srmyy/x",
        "./a/b",
        "/abs/x",
        "a/b/",
        "a/./b",
        "a\\b/c",
        "",
    ],
)
def test_same_as_pathlib(rel: str) -> None:
    assert path_parts(rel) == PurePosixPath(rel).parts
