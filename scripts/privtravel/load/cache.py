"""A content-keyed cache of check results under .cache/privtravel/ (gitignored, safe to delete).

Two levels, both keyed by the *content* of files, never by their names or times alone:

* per unit: the unit's final diagnostics, valid while every file in the unit folder (the list of
  files and each file's bytes), the campaign config, the schemas, the package's own code and the
  versions of Python, PyYAML and jsonschema are unchanged.  A hit skips the unit entirely.
* per file: the strict-load + schema-validation result (diagnostics and validated data) of each
  file of a unit that has to be checked again, so a one-file change re-parses one file.  The later
  stages (cross-check, statistics, site) read these too (``Cache.reuse``): they need every unit
  loaded, but not every file parsed again.

Reading every file to hash it is the slow part at province scale, so, like git's index, a file's
hash is reused when its size, inode, mtime and ctime are all unchanged and it was last changed
well before the hashes were recorded (a file written within that window is always re-read).
ctime changes on every write, including one that restores the old mtime.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from privtravel import __version__
from privtravel.diagnostics import Diagnostic, JsonPath, Result
from privtravel.load.layout import CAMPAIGN_FILE, classify
from privtravel.load.layout import subject_of as subject

CACHE_DIR = ".cache/privtravel"
FORMAT = 3
RACY_NS = 3_000_000_000  # files changed this close to the last run are always re-read

StatKey = tuple[int, int, int, int]
Stat = tuple[StatKey, bytes, int]
# content digest, diagnostics, validated data or None, line positions found while loading
FileEntry = tuple[bytes, list[Diagnostic], Any, dict[JsonPath, int]]


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def salt(root: Path, package_dir: Path | None = None, schema_dir: Path | None = None) -> bytes:
    """Everything a check result depends on besides the unit's own files."""
    import yaml

    from privtravel.validate.schemas import schema_dir as default_schema_dir

    h = hashlib.blake2b(digest_size=16)
    versions = (FORMAT, sys.version, __version__, yaml.__version__, _version("jsonschema"))
    h.update(repr(versions).encode())
    package = package_dir or Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted((schema_dir or default_schema_dir()).glob("*.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    campaign = root / CAMPAIGN_FILE
    h.update(b"campaign\0" + (campaign.read_bytes() if campaign.is_file() else b"<missing>"))
    return h.digest()


def _version(distribution: str) -> str:
    """A distribution's version, without importing it (a warm check never needs jsonschema)."""
    from importlib.metadata import version

    try:
        return version(distribution)
    except Exception:  # pragma: no cover - not installed as a distribution
        return "?"


class Cache:
    """Open one per run with ``Cache.open(root)``; nothing is written until ``store``."""

    def __init__(self, root: Path, salt_value: bytes) -> None:
        self.root = root
        self.dir = root / CACHE_DIR
        self.prefix = os.path.join(root, "")  # + a relative path: os.path.join 60,000 times cost 0.1 s
        self.salt = salt_value
        self.started = time.time_ns()
        self.stats: dict[str, Stat] = {}  # rel → (stat, digest, when recorded), from the unit records
        self.new_stats: dict[str, Stat] = {}
        self.unit_keys: dict[str, bytes] = {}  # units checked in this run → their key
        self.unit_files: dict[str, list[str]] = {}
        self.file_digests: dict[str, bytes] = {}
        self.old_files: dict[str, FileEntry] = {}
        self.new_files: dict[str, FileEntry] = {}
        self.hits: set[str] = set()
        self.stored: set[str] = set()  # units whose records this run has written already
        self.hit_records: dict[str, dict[str, Any]] = {}

    @classmethod
    def open(cls, root: Path) -> Cache:
        return cls(root, salt(root))

    # --- file digests --------------------------------------------------------------------------

    def content_digest(self, rel: str) -> bytes | None:
        """The digest of a file's bytes, or None when it cannot be read."""
        path = self.prefix + rel
        try:
            st = os.stat(path)
        except OSError:
            return None
        key = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        known = self.stats.get(rel)
        if known is not None and known[0] == key and max(key[2], key[3]) < known[2] - RACY_NS:
            self.new_stats[rel] = known
            return known[1]
        try:
            with open(path, "rb") as f:
                value = digest(f.read())
        except OSError:
            return None
        self.new_stats[rel] = (key, value, self.started)
        return value

    # --- unit level -----------------------------------------------------------------------------

    def take(self, paths: Iterable[str], result: Result) -> list[str]:
        """Serve the units whose result is cached; return the paths that still have to be checked."""
        by_unit: dict[str, list[str]] = defaultdict(list)
        remaining: list[str] = []
        for rel in paths:
            code = subject(rel)
            if code is None:
                remaining.append(rel)  # not about one unit: always checked, never cached
            else:
                by_unit[code].append(rel)
        for code, rels in by_unit.items():
            cached = self._read(self._unit_path(code, "result"))
            valid = isinstance(cached, dict) and cached.get("format") == FORMAT
            if valid:
                self.stats.update(cached["stats"])
            key = self._unit_key(code, rels)
            if valid and key is not None and cached["key"] == key:
                result.extend(cached["diagnostics"])
                result.files_checked += cached["files_checked"]
                self.hits.add(code)
                stats = {rel: self.new_stats[rel] for rel in rels}
                if stats != cached["stats"]:  # touched but unchanged: remember the new stat
                    self.unit_keys[code] = key
                    self.unit_files[code] = rels
                    self.hit_records[code] = cached
                continue
            remaining.extend(rels)
            if key is not None:
                self.unit_keys[code] = key
                self.unit_files[code] = rels
                self.old_files.update(self._read_files(code))
        return remaining

    def reuse(self, paths: Iterable[str]) -> int:
        """Make the load results of unchanged files available to ``file_result``, serving no unit:
        for the stages that need every declaration loaded (cross-check, statistics, site), after a
        ``check`` has filled the cache.  Returns how many of ``paths`` can be reused."""
        by_unit: dict[str, list[str]] = defaultdict(list)
        for rel in paths:
            code = subject(rel)
            if code is not None:
                by_unit[code].append(rel)
        for code, rels in by_unit.items():
            cached = self._read(self._unit_path(code, "result"))
            if isinstance(cached, dict) and cached.get("format") == FORMAT:
                self.stats.update(cached["stats"])
            self._unit_key(code, rels)  # the files' digests
            self.old_files.update(self._read_files(code))
        return sum(
            1
            for rels in by_unit.values()
            for rel in rels
            if rel in self.old_files and self.old_files[rel][0] == self.file_digests.get(rel)
        )

    def _unit_key(self, code: str, rels: list[str]) -> bytes | None:
        h = hashlib.blake2b(self.salt, digest_size=16)
        h.update(code.encode() + b"\0")
        for rel in sorted(rels):
            value = self.content_digest(rel)
            if value is None:
                return None  # unreadable: never cached
            self.file_digests[rel] = value
            h.update(rel.encode() + b"\0" + value)
        return h.digest()

    # --- file level -----------------------------------------------------------------------------

    def file_result(self, rel: str) -> tuple[list[Diagnostic], Any, dict[JsonPath, int]] | None:
        """The load + validation result of a file whose bytes are unchanged, if known."""
        entry = self.old_files.get(rel)
        value = self.file_digests.get(rel)
        if entry is None or value is None or entry[0] != value:
            return None
        self.new_files[rel] = entry
        return entry[1], entry[2], entry[3]

    def knows(self, rel: str) -> bool:
        """Whether ``file_result`` has this file's result (its bytes are unchanged)."""
        entry = self.old_files.get(rel)
        return entry is not None and entry[0] == self.file_digests.get(rel)

    def remember_file(
        self, rel: str, diagnostics: list[Diagnostic], data: Any, positions: dict[JsonPath, int]
    ) -> None:
        value = self.file_digests.get(rel)
        if value is not None:
            self.new_files[rel] = (value, list(diagnostics), data, dict(positions))

    # --- writing --------------------------------------------------------------------------------

    def store(self, result: Result, units: Iterable[str] | None = None) -> None:
        """Record this run's results of the units it checked (best effort: a read-only disk is fine).

        ``units``: only these (a worker process stores the units it checked; ``result`` then holds
        their diagnostics).  A unit is written once per run."""
        wanted = set(self.unit_keys) - self.stored if units is None else set(units) - self.stored
        self.stored |= wanted
        by_unit: dict[str, list[Diagnostic]] = defaultdict(list)
        for d in result.diagnostics:
            code = subject(d.path)
            if code is not None:
                by_unit[code].append(d)
        try:
            (self.dir / "units").mkdir(parents=True, exist_ok=True)
            ignore = self.dir / ".gitignore"
            if not ignore.is_file():  # invisible to git even where .cache/ is not ignored (pre-commit)
                ignore.write_text(
                    "# 由 privtravel 自动创建：检查结果缓存，可以随时删除\n*\n", encoding="utf-8"
                )
            for code, key in self.unit_keys.items():
                if code not in wanted:
                    continue
                rels = self.unit_files[code]
                stats = {rel: self.new_stats[rel] for rel in rels}
                if code in self.hit_records:
                    self._write(self._unit_path(code, "result"), self.hit_records[code] | {"stats": stats})
                    continue
                checked = sum(1 for rel in rels if classify(rel) is not None)
                files = {rel: self.new_files[rel] for rel in rels if rel in self.new_files}
                self._write_files(code, files)
                record = {
                    "format": FORMAT,
                    "key": key,
                    "files_checked": checked,
                    "diagnostics": by_unit.get(code, []),
                    "stats": stats,
                }
                self._write(self._unit_path(code, "result"), record)
        except (OSError, ValueError):  # ValueError: a value marshal cannot write (none is expected)
            return

    def _unit_path(self, code: str, kind: str) -> Path:
        return self.dir / "units" / f"{code}.{kind}.pickle"

    def _read_files(self, code: str) -> dict[str, FileEntry]:
        """A unit's file entries, if they were made with this salt (read first, on its own: a stale
        record is not read any further)."""
        try:
            with self._unit_path(code, "files").open("rb") as f:
                if pickle.load(f) != self.salt:
                    return {}
                diagnostics: dict[str, list[Diagnostic]] = pickle.load(f)
                plain: dict[str, tuple[bytes, Any, dict[JsonPath, int]]] = marshal.loads(
                    f.read()
                )  # not load(f): 5x slower
        except (
            OSError,
            EOFError,
            ValueError,
            TypeError,
            AttributeError,
            ImportError,
            pickle.UnpicklingError,
        ):
            return {}
        return {rel: (d, diagnostics.get(rel, []), data, lines) for rel, (d, data, lines) in plain.items()}

    def _write_files(self, code: str, files: dict[str, FileEntry]) -> None:
        """The validated contents as plain data through marshal (three times faster to read back than
        pickle: they are only dicts, lists, strings and numbers); the rare diagnostics pickled."""
        diagnostics = {rel: e[1] for rel, e in files.items() if e[1]}
        plain = marshal.dumps({rel: (e[0], e[2], e[3]) for rel, e in files.items()})
        self._write(self._unit_path(code, "files"), self.salt, diagnostics, raw=plain)

    @staticmethod
    def _read(path: Path) -> Any:
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            ValueError,
            TypeError,
        ):
            return None

    @staticmethod
    def _write(path: Path, *values: Any, raw: bytes = b"") -> None:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            for value in values:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.write(raw)
        os.replace(tmp, path)
