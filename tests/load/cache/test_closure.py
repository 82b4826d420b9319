"""The salt of part of the tool (load/cache/closure.py): what the cross-check imports, nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from privtravel.load.cache import closure
from privtravel.site.history import ENTRIES

PACKAGE = Path(closure.__file__).resolve().parents[2]


def _relative(paths: list[Path], package: Path) -> set[str]:
    return {p.relative_to(package).as_posix() for p in paths}


def test_the_cross_checks_modules_and_none_of_the_sites() -> None:
    found = _relative(closure.modules(PACKAGE, ENTRIES), PACKAGE)
    for needed in (
        "__init__.py",
        "model.py",
        "crosscheck/run.py",
        "crosscheck/answers.py",
        "crosscheck/families/__init__.py",
        "police/load.py",
        "load/repository.py",
        "load/parallel.py",  # imported inside a function
    ):
        assert needed in found, needed
    families = _relative(list((PACKAGE / "crosscheck" / "families").glob("*.py")), PACKAGE)
    assert families <= found  # every family, imported by name from the package
    assert not any(p.startswith(("site/", "export/", "excel/", "stats/", "rollup/")) for p in found)


def test_the_salt_changes_with_a_cross_check_module_and_not_with_a_page(tmp_path: Path) -> None:
    package = tmp_path / "privtravel"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = closure.salt(ENTRIES, package)
    page = package / "site" / "pages" / "overview.py"
    page.write_text(page.read_text(encoding="utf-8") + "\n# a page changed\n", encoding="utf-8")
    assert closure.salt(ENTRIES, package) == before
    family = sorted((package / "crosscheck" / "families").glob("[a-z]*.py"))[0]
    family.write_text(family.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    assert closure.salt(ENTRIES, package) != before


def test_no_module_of_the_cross_check_imports_by_name_at_run_time() -> None:
    dynamic = re.compile(r"\b(import_module|__import__)\b")
    for path in closure.modules(PACKAGE, ENTRIES):
        assert not dynamic.search(path.read_text(encoding="utf-8")), path
