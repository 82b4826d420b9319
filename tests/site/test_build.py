"""A real `mkdocs build` of the small campaign: pages, statuses, masking, nothing from outside."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from privtravel.codes import CODES

OUTSIDE = re.compile(r"""(?:src|href)=["']?(?:https?:)?//""")


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    root = tmp_path_factory.mktemp("site") / "campaign"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "mini", root)
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "site"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return root / "public"


def test_overview_lists_every_unit_with_its_status(public: Path) -> None:
    html = (public / "index.html").read_text(encoding="utf-8")
    assert "绍兴市人民医院" in html and "绍兴市中医院" in html and "绍兴市疾病预防控制中心" in html
    assert html.count("已报送") >= 2  # srmyy and sjkzx are complete
    assert "部分报送" in html  # szyy lacks one report


def test_guide_lists_every_code(public: Path) -> None:
    html = (public / "guide" / "codes" / "index.html").read_text(encoding="utf-8")
    for code in CODES:
        assert code in html


def test_no_full_document_or_id_number_and_nothing_loaded_from_outside(public: Path) -> None:
    secrets = ["E12345678", "CA1234567", "L12345678", "33060219700312031X", "330602197805060427"]
    for path in public.rglob("*"):
        if path.suffix not in (".html", ".js", ".css", ".json", ".xml"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in secrets:
            assert secret not in text, (path, secret)
        if path.suffix in (".html", ".css"):
            assert not OUTSIDE.search(text), path
