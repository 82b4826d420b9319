"""What a merge request changes besides data: the judge (tool, schemas, pipeline, campaign config …)
that decides it comes from the target branch, so these changes only take effect once merged.

The trusted judge names them at the top of the summary, where the merge request cannot remove them.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from privtravel.load.layout import CAMPAIGN_FILE, INSPECTIONS, POLICE_DIR, SCHEMA_DIR, SUBMISSIONS

DATA = (SUBMISSIONS, INSPECTIONS)  # what a merge request supplies to its own judge

# (label, top-level names it covers), in the order the notice names them
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("流水线", (".gitlab-ci.yml", ".ci")),
    ("工具代码", ("scripts", "pyproject.toml", "requirements.txt", "requirements-dev.txt")),
    ("schema", (SCHEMA_DIR,)),
    ("专项整治配置", (CAMPAIGN_FILE,)),
    ("公安数据", (POLICE_DIR,)),
    ("代码所有者和合并请求模板", (".gitlab",)),
    ("提交前检查", (".pre-commit-config.yaml", ".pre-commit-hooks.yaml")),
)
OTHER = "其他文件"


def is_data(path: str) -> bool:
    return PurePosixPath(path).parts[:1] in {(d,) for d in DATA}


def not_data(paths: list[str]) -> list[str]:
    return [p for p in paths if not is_data(p)]


def kind(path: str) -> str:
    top = PurePosixPath(path).parts[0] if path else ""
    for label, names in KINDS:
        if top in names:
            return label
    return OTHER


def kinds(paths: list[str]) -> list[tuple[str, list[str]]]:
    """The paths grouped by kind, kinds in KINDS order (other files last)."""
    order = [label for label, _ in KINDS] + [OTHER]
    grouped: dict[str, list[str]] = {}
    for path in paths:
        grouped.setdefault(kind(path), []).append(path)
    return [(label, grouped[label]) for label in order if label in grouped]
