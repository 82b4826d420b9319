"""Diagnostics (one finding about one place in one file) and the result that collects them all."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from privtravel.codes import CODES, Severity

# A location inside a loaded document: mapping keys and 0-based sequence indices.
JsonPath = tuple[str | int, ...]


class FatalError(Exception):
    """Something that stops the whole run (bad command line, missing campaign). Exit code 2."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str  # repository-relative, POSIX separators
    code: str
    message: str
    line: int = 0  # 1-based; 0 when the file as a whole is meant
    col: int = 0
    field: str = ""  # human-readable field path, e.g. 持有证件第2项.证件号码
    json_path: JsonPath | None = None  # where to find line/col when they are not yet known
    # the line of the record json_path starts in, and how many of its steps lead to that record:
    # report/locate.py re-reads just that record instead of the whole file
    record: tuple[int, int] = dataclasses.field(default=(0, 0), compare=False)

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)


@dataclass
class Result:
    """Collects every diagnostic of a run instead of stopping at the first."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=Diagnostic.sort_key)


def field_label(path: JsonPath) -> str:
    """持有证件第2项.证件号码 — sequence indices shown 1-based, as HR count."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"第{part + 1}项"
        else:
            out += ("." if out else "") + part
    return out
