"""The check cache can cost time but never change an answer.

Each test plants or forges what a hostile unit could put where the cache is read (a committed
.cache, a file planted in CI's cache, a record edited by hand or written in our own format), then
runs the real CLI in a real git repository: `check`, `stats` and `crosscheck` must answer exactly
as they do with no cache at all, without a traceback, and no planted code may run.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from privtravel.cli import main
from privtravel.load.cache import CACHE_DIR, Cache, records, salt
from privtravel.load.layout import subject_of

UNIT = "srmyy"
COMMANDS = {
    "check": ["check"],
    "stats": ["stats", "--format", "json"],
    "crosscheck": ["crosscheck", "--format", "json"],
}
Answers = dict[str, tuple[int, str]]


def _git(root: Path, *args: str) -> None:
    stamp = "2019-06-20T10:00:00+08:00"  # the same commit id in every copy
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(root),
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    env |= {"GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated campaign with police data (so crosscheck has something to say)."""
    out = tmp_path_factory.mktemp("demo") / "campaign"
    assert main(["demo", "--out", str(out), "--units", "4", "--people", "100", "--crossings", "600"]) == 0
    return out


@pytest.fixture
def repo(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "repo"
    shutil.copytree(demo, root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "填报")
    for variable in ("PRIVTRAVEL_CACHE_DIR", "PRIVTRAVEL_CACHE_KEY", "CI"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("CI", "1")  # no progress output
    yield root


def run(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Answers, str]:
    """Each command's exit code and output, and everything they wrote to stderr."""
    answers, errors = {}, ""
    for name, argv in COMMANDS.items():
        code = main(["--root", str(root), *argv])
        captured = capsys.readouterr()
        answers[name] = (code, captured.out)
        errors += captured.err
    assert "Traceback" not in errors
    return answers, errors


def without_cache(root: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Answers:
    """The answers with no cache anywhere (the cache folder is moved out of the way meanwhile)."""
    cache = root / CACHE_DIR
    aside = tmp_path / "aside"
    if cache.exists():
        shutil.move(cache, aside)
    try:
        answers, _ = run(root, capsys)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if aside.exists():
            shutil.move(aside, cache)
    return answers


def fill(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "check"]) in (0, 1)
    capsys.readouterr()
    assert (root / CACHE_DIR / "units" / f"{UNIT}.files.json").is_file()


def report(root: Path) -> Path:
    return sorted((root / "submissions" / UNIT / "报告").glob("*.yaml"))[0]


def break_file(root: Path) -> Path:
    """An error a clerk makes: a value that is not one of the allowed ones."""
    path = report(root)
    text = path.read_text(encoding="utf-8")
    broken = re.sub(r"^报告类型: .*$", "报告类型: 已报", text, count=1, flags=re.M)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    return path


def record_paths(root: Path, directory: Path | None = None) -> list[Path]:
    return sorted(((directory or root / CACHE_DIR) / "units").glob("*.json"))


def forge_clean(root: Path, directory: Path, key: bytes = b"") -> None:
    """What someone who knows our format would write: records that say the unit, with its file
    as it is now (broken), is clean, with the contents it had before, bound to the current bytes."""
    memo = Cache(root, salt(root), directory, key)
    files = [*(root / "inspections").glob(f"{UNIT}.yaml"), *(root / "submissions" / UNIT).rglob("*.yaml")]
    rels = sorted(p.relative_to(root).as_posix() for p in files)  # all the files about the unit
    unit_key = memo._unit_key(UNIT, rels)
    assert unit_key is not None
    units = directory / "units"
    clean = records.read(units / f"{UNIT}.files.json", "files", UNIT, memo.salt, key, 1 << 30)
    result = records.read(units / f"{UNIT}.result.json", "result", UNIT, memo.salt, key, 1 << 30)
    assert clean and result, "the records of the clean unit"
    for rel in rels:
        clean[rel][0] = memo.file_digests[rel]
        clean[rel][1] = []
    result["key"] = unit_key
    result["diagnostics"] = []
    result["stats"] = {rel: [*k, d, w] for rel, (k, d, w) in memo.new_stats.items()}
    records.write(units / f"{UNIT}.files.json", "files", UNIT, memo.salt, key, clean)
    records.write(units / f"{UNIT}.result.json", "result", UNIT, memo.salt, key, result)


def test_the_cache_serves_the_same_answers_and_stores_json(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    baseline = without_cache(repo, capsys, tmp_path)
    fill(repo, capsys)
    assert run(repo, capsys)[0] == baseline
    for path in record_paths(repo):
        header = json.loads(path.read_bytes().split(b"\n", 1)[0])
        assert header[:2] == ["privtravel-cache", records.FORMAT]


def test_a_planted_pickle_never_runs(repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    baseline = without_cache(repo, capsys, tmp_path)
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str, str]]:
            return (open, (str(marker), "w"))

    planted = pickle.dumps(Payload())
    pickle.loads(planted).close()  # the payload works: unpickling it creates the file
    assert marker.exists()
    marker.unlink()
    units = repo / CACHE_DIR / "units"
    units.mkdir(parents=True)
    for code in ("srmyy", "szyy", "sjkzx"):
        for name in (
            f"{code}.result.pickle",
            f"{code}.files.pickle",
            f"{code}.result.json",
            f"{code}.files.json",
        ):
            (units / name).write_bytes(planted)
    header = json.dumps(["privtravel-cache", records.FORMAT, "result", UNIT, salt(repo), "0" * 32])
    (units / f"{UNIT}.result.json").write_bytes(header.encode() + b"\n" + planted)
    assert run(repo, capsys)[0] == baseline
    assert run(repo, capsys)[0] == baseline  # and again, from the records the first run wrote
    assert not marker.exists()


def test_a_record_edited_by_hand_is_not_believed(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Someone edits the broken unit's stale records to say it is clean (without the MAC)."""
    fill(repo, capsys)
    path = break_file(repo)
    rel = path.relative_to(repo).as_posix()
    baseline = without_cache(repo, capsys, tmp_path)
    assert baseline["check"][0] == 1 and baseline["stats"][0] == 1
    digest = Cache(repo, "").content_digest(rel)
    assert digest is not None
    for kind in ("result", "files"):
        target = repo / CACHE_DIR / "units" / f"{UNIT}.{kind}.json"
        head, body = target.read_bytes().split(b"\n", 1)
        data = json.loads(body)
        if kind == "files":
            data[rel][0] = digest
        else:
            data["stats"][rel][4] = digest
        target.write_bytes(head + b"\n" + json.dumps(data, ensure_ascii=False).encode())
    assert run(repo, capsys)[0] == baseline


def test_a_stale_record_is_never_served_for_new_bytes(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fill(repo, capsys)
    break_file(repo)
    baseline = without_cache(repo, capsys, tmp_path)
    assert run(repo, capsys)[0] == baseline


def test_a_forgery_without_the_secret_key_is_not_believed(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With PRIVTRAVEL_CACHE_KEY set (CI: a protected, masked variable), a record written in our
    very format, bound to the right bytes, is still refused when its writer lacked the key."""
    monkeypatch.setenv("PRIVTRAVEL_CACHE_KEY", "只有受保护的流水线知道")
    fill(repo, capsys)
    break_file(repo)
    baseline = without_cache(repo, capsys, tmp_path)
    assert baseline["check"][0] == 1
    directory = repo / CACHE_DIR
    for path in record_paths(repo):  # the forger cannot sign with the key: signs without one
        code, kind, _ = path.name.rsplit(".", 2)
        head, body = path.read_bytes().split(b"\n", 1)
        records.write(path, kind, code, json.loads(head)[4], b"", json.loads(body))
    forge_clean(repo, directory, key=b"")
    monkeypatch.setenv("PRIVTRAVEL_CACHE_KEY", "只有受保护的流水线知道")
    assert run(repo, capsys)[0] == baseline


def test_the_same_forgery_with_the_key_would_be_believed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The limit, stated: whoever holds the key (or, without one, can write the folder) is trusted;
    the cache must live where only trusted runs write (README, 检查)."""
    fill(repo, capsys)
    break_file(repo)
    forge_clean(repo, repo / CACHE_DIR)
    assert main(["--root", str(repo), "check"]) == 0
    capsys.readouterr()


DAMAGES = ["truncated", "garbage", "empty", "folder", "fifo", "link", "other-format", "other-unit", "nested"]


def sign(path: Path, kind: str, code: str, the_salt: str, body: bytes) -> None:
    """Write a record with any body bytes, correctly signed (without a key)."""
    prefix = records._prefix(kind, code, the_salt)
    header = json.dumps(
        ["privtravel-cache", records.FORMAT, kind, code, the_salt, records._mac(b"", prefix, body)]
    )
    path.write_bytes(header.encode() + b"\n" + body)


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_or_foreign_records_are_recomputed_silently(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, damage: str
) -> None:
    fill(repo, capsys)
    path = break_file(repo)
    baseline = without_cache(repo, capsys, tmp_path)
    fill(repo, capsys)  # records of the broken state, then damaged
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    units = repo / CACHE_DIR / "units"
    for target in record_paths(repo):
        raw = target.read_bytes()
        code, kind, _ = target.name.rsplit(".", 2)
        head, body = raw.split(b"\n", 1)
        if damage == "truncated":
            target.write_bytes(raw[: len(raw) // 2])
        elif damage == "garbage":
            target.write_bytes(os.urandom(len(raw)))
        elif damage == "empty":
            target.write_bytes(b"")
        elif damage == "folder":
            target.unlink()
            target.mkdir()
        elif damage == "other-format":
            header = json.loads(head)
            header[1] = records.FORMAT - 1
            target.write_bytes(json.dumps(header).encode() + b"\n" + body)
        elif damage == "other-unit":  # each unit's records swapped for another's, renamed
            others = [p for p in record_paths(repo) if p.name.endswith(f".{kind}.json") and p != target]
            target.write_bytes(others[0].read_bytes() if others else b"")
        elif damage == "fifo":  # reading it would wait for a writer forever
            target.unlink()
            os.mkfifo(target)
        elif damage == "link":  # endless
            target.unlink()
            target.symlink_to("/dev/zero")
        elif damage == "nested":  # a nesting bomb, correctly signed
            sign(target, kind, code, json.loads(head)[4], b"[" * 200_000 + b"]" * 200_000)
    assert units.is_dir()
    assert run(repo, capsys)[0] == baseline


@pytest.mark.parametrize(
    "change",
    [
        "data-type",
        "missing-field",
        "unknown-code",
        "line-as-text",
        "negative-line",
        "stat-as-text",
        "path-of-other-unit",
        "entry-not-json",
        "entry-nested-deep",
    ],
)
def test_records_of_the_wrong_shape_are_recomputed(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, change: str
) -> None:
    """Records in our format and correctly signed (the forger knows it), with a value of the wrong
    type or place: each is checked before use, and the file is parsed again instead."""
    baseline = without_cache(repo, capsys, tmp_path)
    fill(repo, capsys)
    units = repo / CACHE_DIR / "units"
    files = units / f"{UNIT}.files.json"
    result = units / f"{UNIT}.result.json"
    the_salt = salt(repo)
    # each file's entry is [digest, JSON text of the rest]: unpacked here to be edited
    packed = records.read(files, "files", UNIT, the_salt, b"", 1 << 30)
    entries = {rel: [raw[0], *json.loads(raw[1])] for rel, raw in packed.items()}
    outcome = records.read(result, "result", UNIT, the_salt, b"", 1 << 30)
    roster = f"submissions/{UNIT}/登记备案.yaml"
    texts: dict[str, str] = {}
    if change == "data-type":
        for entry in entries.values():
            if entry[2] and "姓名" in entry[2]:
                entry[2]["姓名"] = 12345
        entries[roster][2]["人员"][0]["出生日期"] = 19800101
    elif change == "missing-field":
        del entries[roster][2]["人员"][0]["登记备案类别"]
    elif change == "unknown-code":
        outcome["diagnostics"].append([roster, "Z999", "伪造的提示", 1, 1, "", None, 0, 0])
        entries[roster][1].append([roster, "Z999", "伪造的提示", 1, 1, "", None, 0, 0])
    elif change == "line-as-text":
        entries[roster][3][0][-1] = "3"
        outcome["diagnostics"].append([roster, "R307", "x", "12", 1, "", None, 0, 0])
    elif change == "negative-line":
        entries[roster][3][0][-1] = -4
    elif change == "stat-as-text":
        outcome["stats"][roster][0] = str(outcome["stats"][roster][0])
    elif change == "path-of-other-unit":
        other = next(rel for rel in entries if subject_of(rel) == UNIT)
        entries[other.replace(UNIT, "szyy", 1)] = entries.pop(other)
        outcome["diagnostics"].append(["submissions/szyy/单位.yaml", "R307", "x", 1, 1, "", None, 0, 0])
    elif change == "entry-not-json":
        texts[roster] = '[[], {"单位代码": '
    elif change == "entry-nested-deep":
        texts[roster] = "[" * 200_000 + "]" * 200_000
    repacked = {rel: [e[0], texts.get(rel, records.dumps(e[1:]))] for rel, e in entries.items()}
    records.write(files, "files", UNIT, the_salt, b"", repacked)
    records.write(result, "result", UNIT, the_salt, b"", outcome)
    assert run(repo, capsys)[0] == baseline


def test_a_committed_cache_is_ignored_with_a_warning(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fill(repo, capsys)
    break_file(repo)
    forge_clean(repo, repo / CACHE_DIR)  # would be believed, were it not committed
    _git(repo, "add", "-f", CACHE_DIR)
    _git(repo, "commit", "-q", "-m", "带上缓存")
    before = {p: p.read_bytes() for p in record_paths(repo)}
    cache = repo / CACHE_DIR
    aside = tmp_path / "aside"
    shutil.copytree(cache, aside)
    shutil.rmtree(cache)  # the answers without it (the work tree is otherwise the same)
    baseline, _ = run(repo, capsys)
    shutil.copytree(aside, cache)
    answers, errors = run(repo, capsys)
    assert answers == baseline and baseline["check"][0] == 1
    assert "纳入 git 版本管理" in errors and "不使用检查结果缓存" in errors
    assert {p: p.read_bytes() for p in record_paths(repo)} == before  # not written either


def test_the_cache_can_live_outside_the_work_tree(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline = without_cache(repo, capsys, tmp_path)
    outside = tmp_path / "ci-cache" / "privtravel"
    monkeypatch.setenv("PRIVTRAVEL_CACHE_DIR", str(outside))
    answers, errors = run(repo, capsys)
    assert answers == baseline and errors == ""
    assert not (repo / CACHE_DIR).exists()
    assert (outside / "units" / f"{UNIT}.result.json").is_file()
    memo = Cache.open(repo)
    assert memo is not None and memo.dir == outside
    declarations = [*(repo / "submissions").rglob("*.yaml"), *(repo / "inspections").glob("*.yaml")]
    memo.take(sorted(p.relative_to(repo).as_posix() for p in declarations), records_result())
    assert UNIT in memo.hits
    assert run(repo, capsys)[0] == baseline


def records_result() -> object:
    from privtravel.diagnostics import Result

    return Result()


def test_a_cache_folder_among_the_declarations_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline = without_cache(repo, capsys, tmp_path)
    monkeypatch.setenv("PRIVTRAVEL_CACHE_DIR", str(repo / "submissions" / UNIT / "缓存"))
    answers, errors = run(repo, capsys)
    assert answers == baseline
    assert "数据文件夹之外" in errors
    assert not (repo / "submissions" / UNIT / "缓存").exists()


def test_the_loading_code_never_uses_pickle_or_marshal() -> None:
    import privtravel.load as load

    for path in Path(load.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for module in ("pickle", "marshal", "shelve"):
            assert f"import {module}" not in text, path
