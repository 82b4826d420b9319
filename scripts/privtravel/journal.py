"""Writing several files as one: all of them or none, even across a killed process or a power cut.

``write_all`` first writes every new file into ``.privtravel-unfinished/`` at the repository's root
(hard links keep the files it replaces or deletes), then records the plan in a journal there, then
renames the new files into place, and removes the folder last.  An interruption in the process
(Ctrl-C, an error) is undone on the spot; after a kill or a power cut the folder stays behind,
``check`` refuses to judge the half-written tree, and ``recover`` (run by the next write, or by
the ``--recover`` option the journal names: ``privtravel import --recover``, ``privtravel units sync
--recover``) puts every file back as it was before.  Any of them undoes any interrupted write.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from privtravel.diagnostics import FatalError

FOLDER = ".privtravel-unfinished"
JOURNAL = "journal.json"
RECOVER = "privtravel import --recover"  # what the journals of earlier versions were undone with


def write_all(
    root: Path,
    write: Mapping[str, str | bytes | Iterable[bytes]],
    delete: Sequence[str],
    mode: int,
    what: str,
    recover_with: str = RECOVER,
) -> None:
    """Write ``write`` (relative path → text, bytes or pieces of bytes) and delete ``delete`` under ``root``, all or
    nothing.  ``what`` names the write for HR (「导入」); ``recover_with`` is the command that undoes it."""
    recover(root)
    tx = root / FOLDER
    tx.mkdir()
    entries = []
    for i, (rel, text) in enumerate(sorted(write.items())):
        new = tx / f"new-{i}"
        with open(new, "wb") as handle:
            if isinstance(text, (str, bytes)):
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            else:
                handle.writelines(text)  # pieces: a large file is never held whole
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(new, mode)
        entries.append({"file": rel, "new": new.name, "old": _keep(root / rel, tx / f"old-{i}")})
    for j, rel in enumerate(delete):
        entries.append({"file": rel, "new": None, "old": _keep(root / rel, tx / f"gone-{j}")})
    started = dt.datetime.now().isoformat(timespec="seconds")
    _write_journal(tx, {"what": what, "started": started, "recover": recover_with, "files": entries})
    try:
        for entry in entries:
            target = root / str(entry["file"])
            if entry["new"] is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tx / str(entry["new"]), target)
        _sync_dirs(root, entries)
    except BaseException:
        recover(root)
        raise
    (tx / JOURNAL).unlink()  # the moment the write is done
    _sync(tx)
    shutil.rmtree(tx)


def usual_mode() -> int:
    """The mode a new file gets from open(): 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def unfinished(root: Path) -> str | None:
    """What the interrupted write was and when it began, if one was interrupted."""
    journal = root / FOLDER / JOURNAL
    if not journal.is_file():
        return None
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        return f"{plan['what']}（开始于 {plan['started']}，涉及 {len(plan['files'])} 个文件）"
    except (OSError, ValueError, KeyError, TypeError):
        return "一次写入（记录已损坏）"


def recover_command(root: Path) -> str:
    """The command the interrupted write names for undoing it."""
    try:
        plan = json.loads((root / FOLDER / JOURNAL).read_text(encoding="utf-8"))
        command = plan.get("recover", RECOVER)
        return command if isinstance(command, str) and command.startswith("privtravel ") else RECOVER
    except (OSError, ValueError, AttributeError):
        return RECOVER


def refuse_if_unfinished(root: Path) -> None:
    what = unfinished(root)
    if what is not None:
        raise FatalError(
            f"上次的{what}没有完成（进程被终止或断电），文件可能只写了一部分，检查结果不可信。"
            f"请先运行 {recover_command(root)}，把文件恢复到那次写入之前的状态，再重新运行那次写入和检查。"
        )


def recover(root: Path) -> str | None:
    """Put back every file an interrupted write touched; returns what was undone (None: nothing)."""
    tx = root / FOLDER
    if not tx.exists():
        return None
    what = unfinished(root)
    if what is not None:
        plan = json.loads((tx / JOURNAL).read_text(encoding="utf-8"))
        for entry in plan["files"]:
            target = root / str(entry["file"])
            if entry["old"] is not None and (tx / entry["old"]).exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tx / entry["old"], target)
            elif entry["old"] is None and entry["new"] is not None and not (tx / entry["new"]).exists():
                target.unlink(missing_ok=True)  # it did not exist before: this write made it
        _sync_dirs(root, plan["files"])
    shutil.rmtree(tx)  # without a journal: killed before the plan was recorded, or after it was done
    return what


def _keep(target: Path, backup: Path) -> str | None:
    """A hard link to the file about to be replaced or deleted (a copy where links are impossible)."""
    if not target.is_file():
        return None
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup.name


def _write_journal(tx: Path, plan: dict[str, object]) -> None:
    tmp = tx / (JOURNAL + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(plan, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, tx / JOURNAL)
    _sync(tx)


def _sync_dirs(root: Path, entries: Sequence[Mapping[str, object]]) -> None:
    for folder in {(root / str(e["file"])).parent for e in entries}:
        if folder.is_dir():
            _sync(folder)


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
