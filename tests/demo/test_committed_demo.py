"""The demo campaign committed at the repository root is exactly what the generator makes."""

from __future__ import annotations

from pathlib import Path

from privtravel.commands.check import check
from privtravel.demo import DEMO, generate
from privtravel.demo.write import dump_json

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "tests" / "fixtures" / "demo_planted.json"
REGENERATE = "privtravel demo --out . --force --manifest tests/fixtures/demo_planted.json"
# Everything the demo consists of, 集中检查 and 整改 included, is generated: nothing is written by hand.
GENERATED = ("submissions", "police", "inspections")


def committed_files() -> dict[str, bytes]:
    found = {"campaign.yaml": (REPO / "campaign.yaml").read_bytes()}
    for top in GENERATED:
        for path in sorted((REPO / top).rglob("*")):
            if path.is_file():
                found[path.relative_to(REPO).as_posix()] = path.read_bytes()
    return found


def test_committed_demo_has_not_drifted_from_the_generator() -> None:
    generated = generate(DEMO)
    committed = committed_files()
    expected = {rel: text.encode("utf-8") for rel, text in generated.files.items()}
    missing = sorted(set(expected) - set(committed))
    extra = sorted(set(committed) - set(expected))
    changed = sorted(rel for rel in set(expected) & set(committed) if expected[rel] != committed[rel])
    assert (missing, extra, changed) == ([], [], []), f"示例数据与生成器不一致，请运行：{REGENERATE}"
    assert MANIFEST.read_bytes() == dump_json(generated.manifest).encode("utf-8"), REGENERATE


def test_committed_demo_passes_check_with_only_the_planted_warnings() -> None:
    result = check(REPO)
    assert result.errors == []
    import json

    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    expected = sorted((code, s["unit"]) for s in manifest["situations"] for code in s["check"])
    assert sorted((d.code, d.path.split("/")[1]) for d in result.warnings) == expected
    assert 550 <= manifest["people"] <= 650 and manifest["units"] == 20
