"""The salt of a result that depends on part of the tool only: the source of the modules it imports.

A day's findings (site/history.py) depend on the cross-check's code, not on the pages' or the
exports': salted with the whole package (``memo.salt``), every cached day would be thrown away at each
change to a page.  The modules are found by reading the ``import`` statements (at any depth, in
functions too) from the entry modules on, so a new dependency is salted as soon as it is imported; a
package's ``__init__`` goes with every module in it (Python runs it first).  An import made by name at
run time (importlib) would not be seen: the package's own modules make none (a test keeps it so).
"""

from __future__ import annotations

import ast
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from privtravel import __version__
from privtravel.load.cache import records

PACKAGE = "privtravel"


def salt(entries: Iterable[str], package_dir: Path | None = None, schema_dir: Path | None = None) -> str:
    """The tool's part of a cache key: versions, the entries' modules and the schemas."""
    import yaml

    from privtravel.load.cache.salt import _version
    from privtravel.validate.schemas import schema_dir as default_schema_dir

    package = package_dir or Path(__file__).resolve().parents[2]
    h = hashlib.blake2b(digest_size=16)
    h.update(
        repr((records.FORMAT, sys.version, __version__, yaml.__version__, _version("jsonschema"))).encode()
    )
    for path in modules(package, entries):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted((schema_dir or default_schema_dir()).glob("*.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def modules(package_dir: Path, entries: Iterable[str]) -> list[Path]:
    """The package's source files that ``entries`` (dotted names) import, directly or not."""
    seen: dict[str, Path] = {}
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _source(package_dir, name)
        if path is None:
            continue
        seen[name] = path
        parent = name.rpartition(".")[0]
        if parent:
            todo.append(parent)
        todo.extend(_imports(path, name if path.name == "__init__.py" else parent))
    return sorted(set(seen.values()))


def _source(package_dir: Path, name: str) -> Path | None:
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = package_dir.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, package: str) -> list[str]:
    """The dotted names ``path`` imports (a name imported from a package may be a module of it)."""
    found = []
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found.append(base)
            found += [f"{base}.{a.name}" for a in node.names]
    return [f for f in found if f.split(".")[0] == PACKAGE]
