"""Numbers stay in their fields: ID, document and phone numbers planted in every free-text field of the
small campaign are reported by `check` (file, line, field, masked), and no output shows them in full:
check and cross-check logs, the dashboard with its exports, the review summary, the reminders.

The free-text fields are found from the schemas (rules/freetext.py), so a field added to a schema is
planted here too.  Each place gets its own numbers, so a leak names the field it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from privtravel import masking
from privtravel.load import yaml_strict
from privtravel.load.layout import classify, schema_comment
from privtravel.rules import freetext
from privtravel.rules.freetext import Shape, free_texts, shape
from privtravel.validate import schemas
from tests.workflow.wfgit import commit, git, privtravel

MINI = Path(__file__).parent / "fixtures" / "mini"
FIELD_NUMBER = re.compile(r"(?:证件号码|公民身份号码): \"?([A-Z0-9]{9,18})\"?")
PHONE_FIELD = re.compile(r"^联系电话: [\"']?([0-9-]+)", re.MULTILINE)


@dataclass(frozen=True)
class Planted:
    path: str
    where: tuple[str | int, ...]
    number: str  # as the finder normalises it
    typed: str
    code: str  # R335 or R336


def id_number(i: int) -> str:
    born = dt.date(1961, 1, 1) + dt.timedelta(days=97 * i)
    first = f"330602{born:%Y%m%d}{i % 1000:03d}"
    return first + masking.id_check_digit(first)


def number_for(i: int) -> tuple[str, str, str]:
    """(text to type, number, code): eight kinds in turn, some written the way clerks write them."""
    kinds = [
        (f"身份证号{id_number(i)}", id_number(i), "R335"),
        (f"护照E{71000000 + i:08d}", f"E{71000000 + i:08d}", "R335"),
        (f"港澳通行证 CA{7100000 + i:07d}", f"CA{7100000 + i:07d}", "R335"),
        (f"台湾通行证L{81000000 + i:08d}", f"L{81000000 + i:08d}", "R335"),
        (f"手机 139-{i:04d}-{5000 + i:04d}", f"139{i:04d}{5000 + i:04d}", "R336"),
        (f"旧护照G{72000000 + i:08d}", f"G{72000000 + i:08d}", "R335"),
        (f"全角Ｗ{73000000 + i:08d}".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
         f"W{73000000 + i:08d}", "R335"),
        (f"电话0575-8{5000000 + i:07d}", f"05758{5000000 + i:07d}", "R336"),
    ]  # fmt: skip
    return kinds[i % len(kinds)]


def plant(root: Path) -> list[Planted]:
    """A number appended to every free-text string of every declaration (the file stays valid)."""
    planted: list[Planted] = []
    for path in sorted([*(root / "submissions").rglob("*.yaml"), *(root / "inspections").glob("*.yaml")]):
        rel = path.relative_to(root).as_posix()
        place = classify(rel)
        assert place is not None, rel
        data = yaml_strict.load(rel, path.read_bytes(), max_bytes=1 << 20).data
        _fill(data, shape(place.kind.schema_file), data, place.kind.schema_file)
        for where, text in list(free_texts(place.kind.schema_file, data)):
            typed, number, code = number_for(len(planted))
            _set(data, where, f"{text}（{typed}）")
            planted.append(Planted(rel, where, number, typed, code))
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(schema_comment(rel, place.kind) + "\n" + body, encoding="utf-8")
    return planted


def _fill(node: Any, where: Shape, document: Any, schema_file: str) -> None:
    """Every optional field the schema allows and the document lacks, added where it stays valid:
    a free-text field nobody used in the small campaign is planted too."""
    if isinstance(node, list) and where.items is not None:
        for item in node:
            _fill(item, where.items, document, schema_file)
    if not isinstance(node, dict):
        return
    for name, sub in where.properties.items():
        if name in node:
            _fill(node[name], sub, document, schema_file)
            continue
        for value in ("补充说明", ["补充说明"]):
            node[name] = value
            if not schemas.errors(schema_file, document):
                break
            del node[name]


def _set(data: object, where: tuple[str | int, ...], value: str) -> None:
    for part in where[:-1]:
        data = data[part]  # type: ignore[index]
    data[where[-1]] = value  # type: ignore[index]


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Planted]]:
    """The small campaign as a git repository: clean on main, numbers planted in the working tree."""
    root = tmp_path_factory.mktemp("free-text") / "campaign"
    shutil.copytree(MINI, root)
    git(root, "init", "-q", "-b", "main")
    commit(root, "初始提交")
    return root, plant(root)


def test_every_free_text_field_was_planted(campaign: tuple[Path, list[Planted]]) -> None:
    _, planted = campaign
    fields = {str(p.where[-1]) if isinstance(p.where[-1], str) else str(p.where[-2]) for p in planted}
    for name in ("事由", "备注", "问题描述", "其他需要说明情况", "整改措施", "说明", "证据", "完成证明",
                 "审查措施", "保管位置", "单位及职务", "所到国家（地区）", "职务", "文号", "制度名称"):  # fmt: skip
        assert name in fields, name
    assert {p.path.split("/")[0] for p in planted} == {"submissions", "inspections"}
    assert len(planted) > 40


def test_check_reports_each_number_with_its_file_line_and_field(campaign: tuple[Path, list[Planted]]) -> None:
    root, planted = campaign
    done = privtravel(root, "check", "--format", "json")
    assert done.returncode == 1
    diagnostics = json.loads(done.stdout)["diagnostics"]
    assert not [d for d in diagnostics if d["code"].startswith(("S", "F"))], "planting kept the files valid"
    ours = [d for d in diagnostics if d["code"] in ("R335", "R336")]
    assert len(ours) == len(planted)
    lines = {p: (root / p).read_text(encoding="utf-8").splitlines() for p in {p.path for p in planted}}
    for p in planted:
        found = masking.find(p.typed)[0]
        [d] = [d for d in ours if d["path"] == p.path and found.masked in d["message"]]
        assert d["code"] == p.code and d["severity"] == ("错误" if p.code == "R335" else "警告")
        assert d["field"].endswith(
            str(p.where[-1]) if isinstance(p.where[-1], str) else f"第{p.where[-1] + 1}项"
        )
        assert lines[p.path][d["line"] - 1][d["col"] - 1 :].startswith(found.typed), (p, d)  # at the number
        assert "写在" in d["message"] or "只写在" in d["message"]  # says where it belongs


def _outputs(root: Path, out: Path) -> dict[str, str]:
    """Every output a reader sees, as text: logs, the built dashboard, exports, summary, reminders."""
    texts: dict[str, str] = {}
    for args in (
        ("check",),
        ("check", "--format", "json"),
        ("crosscheck",),
        ("crosscheck", "--format", "json"),
    ):
        done = privtravel(root, *args)
        texts[" ".join(args)] = done.stdout + done.stderr
    site = privtravel(root, "site", "--today", "2019-09-02", "--out", str(out / "public"))
    assert site.returncode == 0, site.stderr[-2000:]
    review = privtravel(root, "review", "--base", "main", "--out", str(out / "审核摘要.md"))
    assert review.returncode == 0, review.stderr[-2000:]
    for fmt in ("markdown", "csv"):
        target = out / f"提醒.{fmt}"
        done = privtravel(root, "remind", "--date", "2019-09-02", "--format", fmt, "--out", str(target))
        assert done.returncode == 0, done.stderr[-2000:]
    for path in out.rglob("*"):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                texts[str(path)] = "\n".join(z.read(n).decode("utf-8") for n in z.namelist())
        elif path.is_file() and path.suffix in (".html", ".json", ".csv", ".js", ".xml", ".txt", ".md"):
            texts[str(path)] = path.read_bytes().decode("utf-8-sig", errors="replace")
    return texts


def test_no_output_shows_a_planted_number(campaign: tuple[Path, list[Planted]], tmp_path: Path) -> None:
    root, planted = campaign
    texts = _outputs(root, tmp_path)
    assert any("public" in name for name in texts) and any(name.endswith("审核摘要.md") for name in texts)
    in_fields: set[str] = set()
    for yaml_file in (root / "submissions").rglob("*.yaml"):
        in_fields |= set(FIELD_NUMBER.findall(yaml_file.read_text(encoding="utf-8")))
    # the 填表人's 联系电话 is printed on 附件2/附件3 as the notice requires: a field, not free text
    official: set[str] = set()
    for unit in (root / "submissions").glob("*/单位.yaml"):
        official |= {m.replace("-", "") for m in PHONE_FIELD.findall(unit.read_text(encoding="utf-8"))}
    secrets = {p.number: p for p in planted}
    shown_anywhere = ""
    for name, text in texts.items():
        flat = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).upper()
        squeezed = re.sub(r"(?<=[0-9])[ -](?=[0-9])", "", flat)
        for number, p in secrets.items():
            assert number not in squeezed, f"{name} shows {p.path} {p.where} in full"
        for number in in_fields:
            assert number not in squeezed, f"{name} shows the field number {number[:2]}…"
        left = [f for f in masking.find(text) if f.number not in official]
        assert not left, f"{name}: {left[0].masked}"
        shown_anywhere += text
    # the texts themselves did reach the outputs (masked): the test is not green for want of data
    reached = [p for p in planted if masking.find(p.typed)[0].masked in shown_anywhere]
    assert len(reached) > len(planted) // 2


def test_the_readme_example_is_what_check_prints(tmp_path: Path) -> None:
    root = tmp_path / "campaign"
    shutil.copytree(MINI, root)
    example = Path(__file__).parent / "examples" / "invalid" / "R335-numbers-in-report-text.yaml"
    kept = [line for line in example.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith(("# target:", "# expect:"))]  # fmt: skip
    (root / "submissions/srmyy/报告/0001-赵明.yaml").write_text("".join(kept), encoding="utf-8")
    done = privtravel(root, "check")
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    [shown] = [line for line in readme.splitlines() if line.startswith("submissions/") and " R335 " in line]
    assert done.returncode == 1 and shown in done.stdout.splitlines()


def test_codes_are_read_for_id_numbers_only_and_numbers_in_their_own_fields_are_left_alone() -> None:
    approvals = {
        "单位代码": "srmyy",
        "审批": [{"审批编号": "T20190605", "编号": "33060219700312031X", "事由": "探亲"}],
    }
    [found] = freetext.check("submissions/srmyy/审批.yaml", "approvals.schema.json", approvals, None)
    assert (found.code, found.field) == ("R335", "审批第1项.编号")  # T20190605 may be an honest 审批编号
    roster = {"单位代码": "srmyy", "人员": [{"编号": "0001", "公民身份号码": "33060219700312031X"}]}
    assert freetext.check("submissions/srmyy/登记备案.yaml", "roster.schema.json", roster, None) == []
    report = {"持有证件": [{"证件号码": "E12345678", "备注": "已交存"}], "联系电话": "13812345678"}
    assert freetext.check("submissions/srmyy/报告/0001-赵明.yaml", "report.schema.json", report, None) == []


def test_a_free_text_field_added_to_a_schema_is_read_without_being_listed() -> None:
    schema = {
        "type": "object",
        "properties": {"新栏目": {"type": "string"}, "代码": {"type": "string", "pattern": "^x"}},
    }
    where = Shape()
    where.merge(schema)
    where.prune()
    assert where.properties["新栏目"].texts and not where.properties["新栏目"].constrained
    assert where.properties["代码"].coded
