"""The committee's judge applied to one unit repository: its pre-commit hook, its merge-request
pipeline and `units sync` all check the unit's files with the committee's campaign.yaml, schemas
and rules, mounted at submissions/<代码>/ exactly as the committee reads them."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from privtravel.diagnostics import Diagnostic, Result
from privtravel.units import git, workspace

# what only the committee's own checkout can decide (the inspection group's file is not installed
# with the tool): left to the unit's pipeline, which checks with the committee's checkout
NEEDS_COMMITTEE = frozenset({"R330"})


def check(unit_repo: Path, code: str, committee: Path | None, commit: str | None = None) -> Result:
    """Check the unit's files (the working tree, or ``commit``); paths as the unit's HR sees them."""
    from privtravel.commands.check import check_repository

    with tempfile.TemporaryDirectory(prefix="privtravel-judge-") as tmp:
        target = workspace.prepare(Path(tmp), code, committee)
        if commit is None:
            workspace.copy_worktree(unit_repo, target)
        else:
            workspace.copy_commit(unit_repo, commit, target)
        _, result = check_repository(Path(tmp), [f"submissions/{code}/单位.yaml"])
    result.diagnostics = [
        dataclasses.replace(d, path=workspace.unit_path(d.path, code) or ".")
        for d in result.diagnostics
        if committee is not None or d.code not in NEEDS_COMMITTEE
    ]
    return result


def review_markdown(unit_repo: Path, code: str, committee: Path | None, base_ref: str) -> str:
    """The reviewer's summary of a unit repository's merge request (its HEAD against the merge base
    with ``base_ref``), as the committee writes it; files the runner left in the work tree do not count."""
    from privtravel.workflow.review import build, markdown, trees
    from privtravel.workflow.review.extras import Extras

    base = git.run(unit_repo, "merge-base", base_ref, "HEAD").strip()
    diff = git.run(unit_repo, "diff", "-z", "--name-only", "--no-renames", base, "HEAD", "--")
    changed = sorted(f"submissions/{code}/{p}" for p in git.zsplit(diff))
    with tempfile.TemporaryDirectory(prefix="privtravel-unit-review-") as tmp:
        old_root, new_root = Path(tmp) / "base", Path(tmp) / "head"
        old_root.mkdir()
        new_root.mkdir()
        workspace.copy_commit(unit_repo, base, workspace.prepare(old_root, code, committee))
        workspace.copy_commit(unit_repo, "HEAD", workspace.prepare(new_root, code, committee))
        old = trees.load(old_root, "合并基点", [code])
        new = trees.load(new_root, "本合并请求", [code])
        short = git.run(unit_repo, "rev-parse", "--short", base).strip()
        text = markdown.render(build.compare(old, new, changed, short, [code], Extras()))
    return text.replace(f"submissions/{code}/", "")


def describe(d: Diagnostic) -> str:
    from privtravel.report.text import line

    return line(d)
