"""A unit's declarations as plain data (what the workbook shows), read from and written to its folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from privtravel import journal
from privtravel.diagnostics import Result
from privtravel.excel.canonical import canonical
from privtravel.excel.emit import dump
from privtravel.excel.layout import KINDS
from privtravel.excel.save import usual_mode
from privtravel.load import repository
from privtravel.load.layout import REPORTS_DIR, SUBMISSIONS, UNIT_FILES, Kind, classify

Data = dict[str, Any]
FILE_OF_KIND: dict[Kind, str] = {kind: name for name, kind in UNIT_FILES.items()}


def folder(code: str) -> str:
    return f"{SUBMISSIONS}/{code}"


def rel_path(code: str, kind: Kind) -> str:
    return f"{folder(code)}/{FILE_OF_KIND[kind]}"


def report_rel(code: str, ident: str, name: str) -> str:
    return f"{folder(code)}/{REPORTS_DIR}/{ident}-{name}.yaml"


@dataclass
class UnitDocs:
    """One unit's files: kind → data for the single files, and the reports by their path."""

    code: str
    files: dict[Kind, Data] = field(default_factory=dict)
    reports: dict[str, Data] = field(default_factory=dict)  # rel path → data

    def all_files(self) -> dict[str, tuple[Kind, Data]]:
        out = {rel_path(self.code, kind): (kind, data) for kind, data in self.files.items()}
        out.update({rel: (Kind.REPORT, data) for rel, data in self.reports.items()})
        return out


def existing_paths(root: Path, code: str) -> dict[str, Kind]:
    """The declaration files now in the unit's folder, by kind (unknown files are not ours)."""
    found: dict[str, Kind] = {}
    base = root / folder(code)
    if not base.is_dir():
        return found
    for path in sorted(base.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        place = classify(rel)
        if place is not None and place.unit == code:
            found[rel] = place.kind
    return found


def load(root: Path, code: str, max_bytes: int) -> tuple[UnitDocs, Result]:
    """The unit's declarations the workbook holds; files with errors are left out and their errors
    are in the result.  (核查说明 and 整改 are answered in YAML, not in the workbook.)"""
    result = Result()
    docs = UnitDocs(code)
    for rel, kind in existing_paths(root, code).items():
        if kind not in KINDS:
            continue
        data = repository.load_declaration(root, rel, kind, max_bytes, result)
        if data is None:
            continue
        if kind is Kind.REPORT:
            docs.reports[rel] = data
        else:
            docs.files[kind] = data
    return docs, result


@dataclass
class Plan:
    """What an import does to the unit's folder."""

    write: dict[str, str] = field(default_factory=dict)  # rel → new text
    delete: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def plan(root: Path, new: UnitDocs, max_bytes: int, current: UnitDocs | None = None) -> Plan:
    """Write what changed in meaning; leave alone files that mean the same (their comments and
    formatting stay); delete declaration files the workbook no longer has (reports of people no
    longer listed, files of a kind whose sheets were emptied are kept as empty lists)."""
    if current is None:
        current, _ = load(root, new.code, max_bytes)
    current_files = current.all_files()
    out = Plan()
    for rel, (kind, data) in sorted(new.all_files().items()):
        old = current_files.get(rel)
        if old is not None and canonical(kind, old[1]) == canonical(kind, data):
            out.unchanged.append(rel)
            continue
        out.write[rel] = dump(kind, rel, data)
    wanted = set(new.all_files())
    for rel, kind in existing_paths(root, new.code).items():
        if rel not in wanted and kind is Kind.REPORT:
            out.delete.append(rel)
    return out


def apply(root: Path, todo: Plan) -> None:
    """Every file of the plan written and deleted, or none (privtravel.journal)."""
    journal.write_all(root, todo.write, todo.delete, usual_mode(), "导入")


def report_stem(rel: str) -> str:
    return PurePosixPath(rel).stem
