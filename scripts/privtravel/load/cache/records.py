"""The cache's records on disk: JSON, never code, and checked for shape before any of it is used.

A record file is two parts:

    ["privtravel-cache", FORMAT, kind, unit, salt, mac]      one header line (JSON)
    {...}                                                    the body (JSON)

``mac`` is a keyed BLAKE2b of the header's other fields and the body: a damaged, truncated or
edited record fails it, and with a secret key (``PRIVTRAVEL_CACHE_KEY``) so does every record
written without that key.  A record of another format, kind, unit or salt is not decoded at all.
Reading is ``json.loads`` (which cannot run code); then every value is checked for its type,
diagnostics are rebuilt through ``diagnostic`` (known code, plain fields, the right file) and the
validated contents of a file must pass the compiled schema check again.  Anything unexpected
raises ``Invalid`` (or a ``ValueError``): the caller treats the record as absent and recomputes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privtravel.codes import CODES
from privtravel.diagnostics import Diagnostic, JsonPath
from privtravel.load.layout import INSPECTIONS, SUBMISSIONS, classify
from privtravel.validate import fast, schemas

MAGIC = "privtravel-cache"
FORMAT = 5
HEADER_LIMIT = 4096

# one file's load result: [digest, JSON text of [diagnostics, validated data, positions]].  The
# text is decoded only when the file is served: a province's records decoded all at once would
# hold several times their size in objects (measured: 165 MB for 31 MB of records).
RawEntry = list[Any]
Entry = tuple[list[Diagnostic], Any, dict[JsonPath, int]]  # diagnostics, validated data, lines
StatKey = tuple[int, int, int, int]
Stat = tuple[StatKey, str, int]  # (size, inode, mtime, ctime), content digest, when recorded


class Invalid(ValueError):
    """A value read back that does not have the shape this module writes."""


# --- files -------------------------------------------------------------------------------------


def write(path: Path, kind: str, unit: str, salt: str, key: bytes, body: Any) -> None:
    """Write a record atomically (a crash leaves the old record or none, never half of one).

    Never through a symbolic link: the temporary file is opened with O_NOFOLLOW, and the rename
    replaces a link in place of the record instead of writing where it points."""
    encoded = dumps(body).encode("utf-8", "surrogatepass")
    prefix = _prefix(kind, unit, salt)
    header = json.dumps([MAGIC, FORMAT, kind, unit, salt, _mac(key, prefix, encoded)], ensure_ascii=False)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(header.encode("utf-8", "surrogatepass") + b"\n" + encoded)
    os.replace(tmp, path)


def dumps(value: Any) -> str:
    """Compact JSON; what is written is a tree of plain values (the YAML loader refuses aliases), so
    the encoder's cycle check is not needed (it cost a fifth of the time)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def read(path: Path, kind: str, unit: str, salt: str, key: bytes, limit: int) -> Any:
    """The decoded body of a record written by ``write`` with these values, else None.

    Only a regular file of at most ``limit`` bytes is read (no FIFO, device or link, which could
    block or never end); a header that does not match is not decoded any further."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:  # its size, not the limit: read(n) reserves n bytes
            raw = f.read(info.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        end = raw.find(b"\n", 0, HEADER_LIMIT)
        if end < 0:
            return None
        header = json.loads(raw[:end])
        if (
            not isinstance(header, list)
            or header[:5] != [MAGIC, FORMAT, kind, unit, salt]
            or len(header) != 6
        ):
            return None
        body = memoryview(raw)[end + 1 :]
        mac = header[5]
        if type(mac) is not str or not mac.isascii():
            return None
        if not hmac.compare_digest(mac, _mac(key, _prefix(kind, unit, salt), body)):
            return None
        return json.loads(bytes(body).decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):  # not JSON, not UTF-8, nested too deep, a huge number
        return None


def _prefix(kind: str, unit: str, salt: str) -> bytes:
    return json.dumps([MAGIC, FORMAT, kind, unit, salt], ensure_ascii=False).encode("utf-8", "surrogatepass")


def _mac(key: bytes, prefix: bytes, body: bytes | memoryview) -> str:
    h = hashlib.blake2b(key=key, digest_size=16)
    h.update(prefix + b"\n")
    h.update(body)
    return h.hexdigest()


# --- a unit's result ----------------------------------------------------------------------------


@dataclass
class UnitRecord:
    key: str  # the unit key: salt, unit code, every file's path and content digest
    files_checked: int
    diagnostics: list[Diagnostic]
    stats: dict[str, Stat]


def unit_record_json(record: UnitRecord) -> dict[str, Any]:
    return {
        "key": record.key,
        "files_checked": record.files_checked,
        "diagnostics": [diagnostic_json(d) for d in record.diagnostics],
        "stats": {rel: [*k, value, when] for rel, (k, value, when) in record.stats.items()},
    }


def unit_record(body: Any, code: str) -> UnitRecord:
    """Unit ``code``'s result from a decoded body: every path in it must be one of the unit's."""
    if type(body) is not dict or set(body) != {"key", "files_checked", "diagnostics", "stats"}:
        raise Invalid("unit record")
    key, checked, diagnostics, stats = body["key"], body["files_checked"], body["diagnostics"], body["stats"]
    if (
        type(key) is not str
        or not _count(checked)
        or type(diagnostics) is not list
        or type(stats) is not dict
    ):
        raise Invalid("unit record")
    belongs = _belongs(code)
    out: dict[str, Stat] = {}
    for rel, value in stats.items():  # one per file (60,000 at province scale): kept plain
        if not belongs(rel) or type(value) is not list or len(value) != 6:
            raise Invalid("stat")
        size, inode, mtime, ctime, content, when = value
        if (
            type(size) is not int
            or type(inode) is not int
            or type(mtime) is not int
            or type(ctime) is not int
            or type(content) is not str
            or type(when) is not int
        ):
            raise Invalid("stat")
        out[rel] = ((size, inode, mtime, ctime), content, when)
    found = [diagnostic(d) for d in diagnostics]
    if not all(belongs(d.path) for d in found):
        raise Invalid("diagnostic of another unit")
    return UnitRecord(key, checked, found, out)


def _belongs(code: str) -> Callable[[str], bool]:
    """Whether a path is one of unit ``code``'s: in its folder, or the inspection of it."""
    folder, inspection = f"{SUBMISSIONS}/{code}/", f"{INSPECTIONS}/{code}.yaml"
    return lambda rel: rel == inspection or rel.startswith(folder)


# --- one file's load result ---------------------------------------------------------------------


def entry_json(digest: str, diagnostics: list[Diagnostic], data: Any, lines: dict[JsonPath, int]) -> RawEntry:
    return [
        digest,
        dumps([[diagnostic_json(d) for d in diagnostics], data, [[*p, n] for p, n in lines.items()]]),
    ]


def raw_entry(raw: Any) -> bool:
    """Whether ``raw`` has ``entry_json``'s outer shape (its text is checked when decoded)."""
    return type(raw) is list and len(raw) == 2 and type(raw[0]) is str and type(raw[1]) is str


def entry(rel: str, raw: Any, *, check_data: bool = True, strings: dict[str, str] | None = None) -> Entry:
    """One file's diagnostics, validated data and line positions from ``entry_json``'s shape.

    ``check_data``: the data must pass the file kind's compiled schema check again (always, for
    what was read from disk; a document it is not sure of is recomputed, never guessed).
    ``strings``: the run's strings so far; equal strings in the data become one object (see ``share``)."""
    if not raw_entry(raw):
        raise Invalid("entry")
    try:
        inner = json.loads(raw[1])
    except ValueError as exc:  # not JSON, a huge number
        raise Invalid("entry") from exc
    if type(inner) is not list or len(inner) != 3:
        raise Invalid("entry")
    diagnostics, data, lines = inner
    if type(diagnostics) is not list or type(lines) is not list:
        raise Invalid("entry")
    found = [diagnostic(d) for d in diagnostics]
    if any(d.path != rel for d in found):
        raise Invalid("diagnostic of another file")
    if data is not None:
        place = classify(rel)
        if type(data) is not dict or place is None:
            raise Invalid("data")
        if check_data and not fast.accepts(schemas.fast_check(place.kind.schema_file), data):
            raise Invalid("data does not pass the schema")
        if strings is not None:
            share(data, strings)
    return found, data, positions(lines)


def share(value: dict[str, Any] | list[Any], strings: dict[str, str]) -> None:
    """Replace, in place, every string in ``value`` by the equal one in ``strings`` (adding it when
    new).  Decoding makes a new object of each value: a province's 审批机构, 证件类别, 事由, places
    and names, repeated in every report, were 85% of the loaded model's text."""
    pairs = value.items() if type(value) is dict else enumerate(value)
    for key, item in pairs:
        kind = type(item)
        if kind is str:
            value[key] = strings.setdefault(item, item)  # type: ignore[index]
        elif kind is dict or kind is list:
            share(item, strings)


def positions(flat: list[Any]) -> dict[JsonPath, int]:
    out: dict[JsonPath, int] = {}
    for item in flat:
        if type(item) is not list or len(item) < 2:
            raise Invalid("position")
        line = item[-1]
        if type(line) is not int or line < 1:
            raise Invalid("position")
        out[json_path(item[:-1])] = line
    return out


def json_path(parts: Any) -> JsonPath:
    if type(parts) is not list:
        raise Invalid("path")
    for part in parts:
        if type(part) is not str and not _count(part):
            raise Invalid("path")
    return tuple(parts)


# --- diagnostics --------------------------------------------------------------------------------


def diagnostic_json(d: Diagnostic) -> list[Any]:
    where = None if d.json_path is None else list(d.json_path)
    return [d.path, d.code, d.message, d.line, d.col, d.field, where, d.record[0], d.record[1]]


def diagnostic(raw: Any) -> Diagnostic:
    """A diagnostic rebuilt from ``diagnostic_json``'s shape, refusing anything else: an unknown
    code, a number where text belongs, a negative line."""
    if type(raw) is not list or len(raw) != 9:
        raise Invalid("diagnostic")
    path, code, message, line, col, field, where, record_line, record_steps = raw
    if not (type(path) is str and type(code) is str and type(message) is str and type(field) is str):
        raise Invalid("diagnostic")
    if code not in CODES or not all(_count(n) for n in (line, col, record_line, record_steps)):
        raise Invalid("diagnostic")
    located = None if where is None else json_path(where)
    return Diagnostic(path, code, message, line, col, field, located, (record_line, record_steps))


def _count(value: Any) -> bool:
    """A whole number from 0 up (and not a bool, which Python counts as an int)."""
    return type(value) is int and value >= 0
