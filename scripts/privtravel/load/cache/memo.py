"""The Cache: which units and files can be served from earlier runs, and recording this run's."""

from __future__ import annotations

import hashlib
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from privtravel.diagnostics import Diagnostic, JsonPath, Result
from privtravel.load.cache import place, records
from privtravel.load.cache.records import Entry, RawEntry, Stat, UnitRecord
from privtravel.load.cache.salt import digest, salt
from privtravel.load.layout import classify
from privtravel.load.layout import subject_of as subject

RACY_NS = 3_000_000_000  # files changed this close to the last run are always re-read
RESULT_LIMIT = 256 << 20  # bytes: a unit's result record (diagnostics and file stats)
SLACK = 4 << 20  # bytes: a files record may be 16 times its files' size, plus this


class Cache:
    """Open one per run with ``Cache.open(root)``; nothing is written until ``store``."""

    def __init__(self, root: Path, salt_value: str, directory: Path | None = None, key: bytes = b"") -> None:
        self.root = root
        self.dir = directory if directory is not None else root / place.CACHE_DIR
        self.prefix = os.path.join(root, "")  # + a relative path: os.path.join 60,000 times cost 0.1 s
        self.salt = salt_value
        self.key = key
        self.started = time.time_ns()
        self.stats: dict[str, Stat] = {}  # rel → (stat, digest, when recorded), from the unit records
        self.new_stats: dict[str, Stat] = {}
        self.sizes: dict[str, int] = {}
        self.unit_keys: dict[str, str] = {}  # units checked in this run → their key
        self.unit_files: dict[str, list[str]] = {}
        self.file_digests: dict[str, str] = {}
        self.old_files: dict[str, RawEntry] = {}  # as read, checked when served
        self.new_files: dict[str, RawEntry] = {}
        self.hits: set[str] = set()
        self.served = 0  # files whose load result came from the records
        self.unread: dict[str, tuple[list[str], set[str]]] = {}  # reuse: unit → its files, those not read
        self.expected: dict[str, str] = {}  # reuse: digests in the result records, for files not read yet
        self.strings: dict[str, str] = {}  # one object per text in what is served (records.share)
        self.keep_served = True  # False after ``reuse``: nothing will be stored, served texts are let go
        self.stored: set[str] = set()  # units whose records this run has written already
        self.hit_records: dict[str, UnitRecord] = {}

    @classmethod
    def open(cls, root: Path) -> Cache | None:
        """The cache of ``root``; None when its place cannot be trusted (see ``place``)."""
        where = place.directory(root)
        return None if where is None else cls(root, salt(root), where, place.key())

    # --- file digests --------------------------------------------------------------------------

    def content_digest(self, rel: str) -> str | None:
        """The digest of a file's bytes, or None when it cannot be read."""
        path = self.prefix + rel
        try:
            st = os.stat(path)
        except OSError:
            return None
        key = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        self.sizes[rel] = st.st_size
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
        by_unit, remaining = _by_unit(paths)
        for code, rels in by_unit.items():
            cached = self._read_result(code)
            if cached is not None:
                self.stats.update(cached.stats)
            key = self._unit_key(code, rels)
            if cached is not None and key is not None and cached.key == key:
                result.extend(cached.diagnostics)
                result.files_checked += cached.files_checked
                self.hits.add(code)
                stats = {rel: self.new_stats[rel] for rel in rels}
                if stats != cached.stats:  # touched but unchanged: remember the new stat
                    self.unit_keys[code] = key
                    self.unit_files[code] = rels
                    self.hit_records[code] = cached
                continue
            remaining.extend(rels)
            if key is not None:
                self.unit_keys[code] = key
                self.unit_files[code] = rels
                self.old_files.update(self._read_files(code, rels))
        return remaining

    def reuse(self, paths: Iterable[str]) -> int:
        """Make the load results of unchanged files available to ``file_result``, serving no unit:
        for the stages that need every declaration loaded (cross-check, statistics, site), after a
        ``check`` has filled the cache.  Returns how many of ``paths`` can be reused.
        The loaded model needs the memory: a unit's files record is read when its first file is
        served (its result record's digests stand in until then: a files record that turns out not
        to match is not served, the file is parsed), and each file's text is let go once served."""
        self.keep_served = False
        by_unit, _ = _by_unit(paths)
        for code, rels in by_unit.items():
            cached = self._read_result(code)
            if cached is not None:
                self.stats.update(cached.stats)
            if self._unit_key(code, rels) is not None and cached is not None:  # the files' digests
                self.unread[code] = (rels, set(rels))
                self.expected.update((rel, cached.stats[rel][1]) for rel in rels if rel in cached.stats)
        return sum(1 for rels in by_unit.values() for rel in rels if self.knows(rel))

    def _read_unread(self, rel: str) -> None:
        """Read the entries of ``rel``'s unit that are in its top folder, if not read yet (each
        unit's inspections/ file is served long before its submissions/ files: read apart)."""
        code = subject(rel)
        rels, unread = self.unread.get(code or "", ([], set()))
        if rel not in unread:
            return
        top = rel.split("/", 1)[0]
        now = {r for r in unread if r.split("/", 1)[0] == top}
        unread -= now
        if not unread:
            del self.unread[code or ""]
        self.old_files.update((r, raw) for r, raw in self._read_files(code or "", rels).items() if r in now)

    def _unit_key(self, code: str, rels: list[str]) -> str | None:
        h = hashlib.blake2b(self.salt.encode(), digest_size=16)
        h.update(code.encode("utf-8", "surrogatepass") + b"\0")
        for rel in sorted(rels):
            value = self.content_digest(rel)
            if value is None:
                return None  # unreadable: never cached
            self.file_digests[rel] = value
            h.update(rel.encode("utf-8", "surrogatepass") + b"\0" + value.encode())
        return h.hexdigest()

    # --- file level -----------------------------------------------------------------------------

    def knows(self, rel: str) -> bool:
        """Whether ``file_result`` may have this file's result (a record for its very bytes)."""
        raw = self.old_files.get(rel)
        if raw is None and rel in self.expected:
            return self.expected[rel] == self.file_digests.get(rel)
        return raw is not None and raw[0] == self.file_digests.get(rel)

    def file_result(self, rel: str) -> Entry | None:
        """The load + validation result of a file whose bytes are unchanged, if known and sound."""
        self._read_unread(rel)
        self.expected.pop(rel, None)
        raw = self.old_files.get(rel)
        if raw is None or raw[0] != self.file_digests.get(rel):
            return None
        try:
            entry = records.entry(rel, raw, strings=self.strings)
        except (records.Invalid, RecursionError):
            del self.old_files[rel]  # never served: the file is parsed again
            return None
        self.served += 1
        if self.keep_served:
            self.new_files[rel] = raw
        else:
            del self.old_files[rel]
        return entry

    def remember_file(
        self, rel: str, diagnostics: list[Diagnostic], data: Any, positions: dict[JsonPath, int]
    ) -> None:
        value = self.file_digests.get(rel)
        if value is not None and self.keep_served:
            self.new_files[rel] = records.entry_json(value, diagnostics, data, positions)

    def remember_raw(self, rel: str, raw: RawEntry) -> None:
        """``remember_file`` for an entry already in ``entry_json``'s shape (digest not yet set)."""
        value = self.file_digests.get(rel)
        if value is not None and self.keep_served:
            self.new_files[rel] = [value, raw[1]]

    # --- reading and writing records ------------------------------------------------------------

    def _path(self, code: str, kind: str) -> Path:
        return self.dir / "units" / f"{code}.{kind}.json"

    def _read_result(self, code: str) -> UnitRecord | None:
        body = records.read(self._path(code, "result"), "result", code, self.salt, self.key, RESULT_LIMIT)
        if body is None:
            return None
        try:
            return records.unit_record(body, code)
        except (records.Invalid, RecursionError):
            return None

    def _read_files(self, code: str, rels: list[str]) -> dict[str, RawEntry]:
        """A unit's file entries as read (each is checked when served), if made with this salt."""
        limit = 16 * sum(self.sizes.get(rel, 0) for rel in rels) + SLACK
        body = records.read(self._path(code, "files"), "files", code, self.salt, self.key, limit)
        if type(body) is not dict:
            return {}
        return {rel: raw for rel, raw in body.items() if subject(rel) == code and records.raw_entry(raw)}

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
            if not self._prepare():
                return
        except OSError:  # a read-only disk, a file where the folder should be
            return
        for code, key in self.unit_keys.items():
            if code not in wanted:
                continue
            rels = self.unit_files[code]
            stats = {rel: self.new_stats[rel] for rel in rels}
            record = self.hit_records.get(code)
            try:
                if record is None:
                    checked = sum(1 for rel in rels if classify(rel) is not None)
                    files = {rel: self.new_files[rel] for rel in rels if rel in self.new_files}
                    self._write(code, "files", files)
                    record = UnitRecord(key, checked, by_unit.get(code, []), stats)
                else:
                    record.stats = stats
                self._write(code, "result", records.unit_record_json(record))
            except (OSError, ValueError, RecursionError):  # not recorded (a folder in the way, say)
                continue

    def _prepare(self) -> bool:
        """Make the records' folder; False when it is not a plain folder (a link planted there)."""
        units = self.dir / "units"
        units.mkdir(parents=True, exist_ok=True)
        if units.is_symlink() or not units.is_dir():
            return False
        ignore = self.dir / ".gitignore"
        if not ignore.is_file():  # invisible to git even where .cache/ is not ignored (pre-commit)
            ignore.write_text("# 由 privtravel 自动创建：检查结果缓存，可以随时删除\n*\n", encoding="utf-8")
        return True

    def _write(self, code: str, kind: str, body: Any) -> None:
        records.write(self._path(code, kind), kind, code, self.salt, self.key, body)


def _by_unit(paths: Iterable[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Paths grouped by the unit they are about, and those about no unit (never cached)."""
    by_unit: dict[str, list[str]] = defaultdict(list)
    other: list[str] = []
    for rel in paths:
        code = subject(rel)
        if code is None:
            other.append(rel)
        else:
            by_unit[code].append(rel)
    return by_unit, other
