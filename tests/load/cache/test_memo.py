"""The check cache: same answers as a fresh check, whatever changed, and never a stale one."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

from privtravel.cli import main
from privtravel.commands.check import check, check_repository
from privtravel.diagnostics import Result
from privtravel.load.cache import CACHE_DIR, Cache, salt
from privtravel.report import text
from privtravel.validate.schemas import schema_dir

REPORT = "submissions/srmyy/报告/0003-孙伟.yaml"


def shown(result: Result) -> str:
    out = io.StringIO()
    text.write(result, out)
    return out.getvalue()


def cached_run(root: Path) -> tuple[Result, set[str]]:
    memo = Cache.open(root)
    result = check_repository(root, (), memo)[1]
    memo.store(result)
    return result, memo.hits


def test_second_run_is_served_from_the_cache_with_identical_output(campaign: Path) -> None:
    fresh = shown(check(campaign))
    first, hits = cached_run(campaign)
    assert hits == set()
    second, hits = cached_run(campaign)
    assert hits == {"srmyy", "szyy", "sjkzx"}
    assert shown(first) == shown(second) == fresh


def test_a_changed_file_is_checked_again_and_only_its_unit(campaign: Path) -> None:
    cached_run(campaign)
    path = campaign / REPORT
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("报告类型: 零报告", "报告类型: 零报"), encoding="utf-8")
    result, hits = cached_run(campaign)
    assert hits == {"szyy", "sjkzx"}
    assert [d.code for d in result.errors] == ["S204"]
    assert shown(result) == shown(check(campaign))
    path.write_text(good, encoding="utf-8")
    result, _ = cached_run(campaign)
    assert result.errors == []


def test_same_size_change_with_the_old_mtime_is_not_missed(campaign: Path) -> None:
    time.sleep(3.2)  # let the files age past the racy window, so the stat shortcut is really used
    cached_run(campaign)
    path = campaign / REPORT
    before = path.stat()
    good = path.read_bytes()
    bad = good.replace("孙伟".encode(), "孙炜".encode())
    assert len(bad) == len(good) and bad != good
    path.write_bytes(bad)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_size == before.st_size
    result, hits = cached_run(campaign)
    assert "srmyy" not in hits
    assert [d.code for d in result.errors] == ["R312"]  # the file name no longer matches the name inside


def test_files_added_or_removed_change_the_result(campaign: Path) -> None:
    cached_run(campaign)
    (campaign / "submissions/szyy/备注.txt").write_text("x", encoding="utf-8")
    result, _ = cached_run(campaign)
    assert "F111" in {d.code for d in result.errors}
    (campaign / "submissions/szyy/备注.txt").unlink()
    (campaign / REPORT).unlink()
    result, _ = cached_run(campaign)
    assert result.errors == []
    assert {d.code for d in result.warnings} >= {"R307"}
    assert shown(result) == shown(check(campaign))


def test_a_campaign_change_invalidates_every_unit(campaign: Path) -> None:
    cached_run(campaign)
    config = campaign / "campaign.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("绍兴市中医院", "绍兴市中医医院"), encoding="utf-8"
    )
    result, hits = cached_run(campaign)
    assert hits == set()
    assert [d.code for d in result.errors] == ["R309"]


def test_salt_covers_schemas_and_code(campaign: Path, tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(schema_dir(), schemas)
    package = tmp_path / "pkg"
    shutil.copytree(Path(__file__).resolve().parents[3] / "scripts" / "privtravel", package)
    base = salt(campaign, package, schemas)
    assert salt(campaign, package, schemas) == base
    target = schemas / "report.schema.json"
    target.write_text(
        target.read_text(encoding="utf-8").replace('"minLength": 2', '"minLength": 3', 1), "utf-8"
    )
    changed_schema = salt(campaign, package, schemas)
    assert changed_schema != base
    rule = package / "rules" / "trips.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert salt(campaign, package, schemas) != changed_schema


def test_the_cache_is_invisible_to_git(campaign_repo: Path) -> None:
    from tests.conftest import git

    cached_run(campaign_repo)
    assert (campaign_repo / CACHE_DIR / "units").is_dir()
    assert git(campaign_repo, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_damaged_cache_is_ignored(campaign: Path) -> None:
    cached_run(campaign)
    for path in (campaign / CACHE_DIR).rglob("*.json"):
        path.write_bytes(b"not a pickle")
    result, hits = cached_run(campaign)
    assert hits == set()
    assert shown(result) == shown(check(campaign))


def test_cli_uses_the_cache_unless_told_not_to(campaign: Path) -> None:
    assert main(["--root", str(campaign), "check", "--no-cache"]) == 0
    assert not (campaign / CACHE_DIR).exists()
    assert main(["--root", str(campaign), "check"]) == 0
    assert (campaign / CACHE_DIR / "units" / "srmyy.result.json").is_file()
    assert (campaign / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert main(["--root", str(campaign), "check", REPORT]) == 0


def test_later_stages_reuse_what_check_learnt_and_nothing_stale(campaign: Path) -> None:
    """load(reuse=…) gives what a fresh load gives, parses only what changed since the check."""
    from privtravel.load import repository

    check(campaign, cache=True)
    memo = Cache.open(campaign)
    reused = repository.load(campaign, Result(), reuse=memo)
    files = len(repository.discover(campaign))
    assert files > 10 and memo.served == files  # every file came from the cache
    assert memo.old_files == {} and memo.new_files == {}  # and was let go once served
    assert reused.units == repository.load(campaign, Result()).units

    time.sleep(3.2)  # past the racy window: the stat shortcut would be tempting
    path = campaign / REPORT
    stat = path.stat()
    changed = path.read_text(encoding="utf-8").replace("孙伟", "孙玮")
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime, same size (one character)
    memo = Cache.open(campaign)
    result = Result()
    reused = repository.load(campaign, result, reuse=memo)
    assert memo.served == files - 1 and list(memo.old_files) == [REPORT]  # parsed again, not served
    fresh_result = Result()
    assert reused.units == repository.load(campaign, fresh_result).units
    assert result.diagnostics == fresh_result.diagnostics
    assert any(r.name == "孙玮" for r in reused.units["srmyy"].reports)


def test_later_stages_read_a_units_record_only_when_its_files_are_served(tmp_path: Path) -> None:
    """The reuse that crosscheck, stats and site make holds one unit's records at a time (its
    inspections/ file, served first, apart from its submissions/), not the whole province's."""
    from privtravel.load import repository
    from privtravel.load.layout import subject_of

    demo = Path(__file__).resolve().parents[3]
    root = tmp_path / "demo"
    for part in ("submissions", "inspections"):
        shutil.copytree(demo / part, root / part)
    shutil.copy(demo / "campaign.yaml", root / "campaign.yaml")
    check(root, cache=True)
    memo = Cache.open(root)
    paths = repository.discover(root)
    assert any(p.startswith("inspections/") for p in paths)
    assert memo.reuse(paths) == len(paths) > 600  # all known from the result records alone
    assert memo.old_files == {} and len(memo.unread) == 20
    held = []
    for rel in paths:
        assert memo.file_result(rel) is not None, rel
        held.append({subject_of(r) for r in memo.old_files})
    assert max(len(units) for units in held) == 1 and memo.served == len(paths)
    assert memo.old_files == {} and memo.unread == {} and memo.expected == {}
