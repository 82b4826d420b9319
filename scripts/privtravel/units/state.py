"""What `units sync` refused, and since when: ``units-sync.json`` at the committee's root.

Committed with the sync's own commits (a unit's merge request cannot reach it: it lives in the
committee's repository), read by the dashboard.  Written deterministically (sorted, one layout).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from privtravel import journal
from privtravel.diagnostics import FatalError

STATE_FILE = "units-sync.json"
RECOVER = "privtravel units sync --recover"


@dataclass(frozen=True)
class Refusal:
    head: str  # the unit's main that was not taken in
    since: str  # ISO time of the first refusal in a row (the unit has been stuck since then)
    checked: str  # ISO time of this refusal
    errors: int
    reason: str  # Chinese, for the dashboard: "3 个错误" / "单位仓库的 main 被改写"
    kept: str  # the pinned (last good) commit


def read(root: Path) -> dict[str, Refusal]:
    path = root / STATE_FILE
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {code: Refusal(**item) for code, item in raw.get("refused", {}).items()}
    except (ValueError, TypeError, AttributeError) as exc:
        raise FatalError(
            f"{STATE_FILE} 无法读取（{exc}）：请从历史中恢复它，或删除后重新运行 units sync。"
        ) from exc


def text(refused: dict[str, Refusal]) -> str | None:
    """The file's content (None: there is nothing refused, and no file)."""
    if not refused:
        return None
    data = {"refused": {code: asdict(refused[code]) for code in sorted(refused)}}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(root: Path, refused: dict[str, Refusal]) -> None:
    """Replace the file in one step (a killed run leaves the old file or the new one, never half)."""
    content = text(refused)
    if content is None:
        (root / STATE_FILE).unlink(missing_ok=True)
        return
    journal.write_all(root, {STATE_FILE: content}, [], journal.usual_mode(), "units sync 的记录", RECOVER)
