"""The forms' configuration comes from the schemas and cannot drift from them: every field with its
Chinese title, drop-downs from enums, dates as 年-月-日; each unit sees only its own files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from privtravel.excel.schema_walk import resolve, root_schema
from privtravel.load.layout import Kind
from privtravel.webforms import build
from privtravel.webforms.config import Backend, Unit, collections, unit_config
from privtravel.webforms.shapes import UNIT_KINDS

REPO = Path(__file__).parents[2]
UNIT = Unit("srmyy", "绍兴市人民医院", in_unit=False)


def _fields_of(kind: Kind, unit: Unit = UNIT) -> list[dict[str, Any]]:
    coll = next(c for c in collections(unit) if c["name"] == kind.value)
    fields: list[dict[str, Any]] = coll["fields"] if "fields" in coll else coll["files"][0]["fields"]
    return fields


def _walk(
    schema: dict[str, Any], base: str, widgets: list[dict[str, Any]], path: str, seen: list[str]
) -> None:
    by_name = {w["name"]: w for w in widgets}
    assert list(by_name) == list(schema["properties"]), path  # every field, in schema order
    for name, raw in schema["properties"].items():
        s, where = resolve(raw, base)
        widget, here = by_name[name], f"{path}/{name}"
        seen.append(here)
        if name == "单位代码" and path == "":
            assert widget["widget"] == "hidden" and widget["default"] == UNIT.code
            continue
        assert widget["label"] == s["title"], here  # the schema's Chinese title
        assert widget.get("required", True) == (name in schema.get("required", ())), here
        if "enum" in s:
            assert (widget["widget"], widget["options"]) == ("select", s["enum"]), here
        elif s.get("format") == "date":
            assert (widget["widget"], widget["format"], widget["time_format"]) == (
                "datetime",
                "YYYY-MM-DD",
                False,
            )
        elif s.get("type") == "string":
            assert widget["widget"] in ("string", "text"), here  # numbers-as-text stay text
            assert widget.get("pattern", [s.get("pattern")])[0] == s.get("pattern"), here
        elif s.get("type") == "integer":
            assert (widget["widget"], widget["value_type"]) == ("number", "int"), here
        elif s.get("type") == "boolean":
            assert widget["widget"] == "boolean", here
        elif s.get("type") == "object":
            assert widget["widget"] == "object", here
            _walk(s, where, widget["fields"], here, seen)
        else:
            items, item_base = resolve(s["items"], where)
            assert widget["widget"] in ("list", "select"), here
            if "enum" in items:
                assert (widget["options"], widget["multiple"]) == (items["enum"], True), here
            elif items.get("type") == "object":
                assert widget["label_singular"] == items["title"], here
                _walk(items, item_base, widget["fields"], here, seen)
            else:
                assert widget["field"]["widget"] == "string", here


@pytest.mark.parametrize("kind", UNIT_KINDS, ids=lambda k: k.value)
def test_every_schema_field_is_a_form_field_with_its_chinese_title(kind: Kind) -> None:
    seen: list[str] = []
    _walk(*root_schema(kind), _fields_of(kind), "", seen)
    assert len(seen) >= 3


def test_hints_come_from_the_descriptions_without_what_only_yaml_needs() -> None:
    fields = {f["name"]: f for f in _fields_of(Kind.REPORT)}
    assert fields["报告类型"]["hint"].startswith("填报：有证件或出国（境）情况")
    trip = {f["name"]: f for f in fields["出国境情况"]["fields"]}
    assert trip["所到国家（地区）"]["hint"] == "所到的各个国家（地区）。"  # not 「每个写一行「- 名称」」
    config = build.config_text(build.EXAMPLE_UNIT, build.EXAMPLE_BACKEND)
    hints = [line for line in config.splitlines() if line.strip().startswith("hint:")]
    assert len(hints) > 50 and not any(yaml in h for h in hints for yaml in ("引号", "「- ", ": []")), hints


def test_the_committed_example_is_what_the_schemas_give_today() -> None:
    fresh = build.config_text(build.EXAMPLE_UNIT, build.EXAMPLE_BACKEND)
    assert build.EXAMPLE.read_text(encoding="utf-8") == fresh, (
        "site/forms/config.example.yml 与 schemas/ 不一致：运行 privtravel webforms --write-example"
    )
    assert yaml.safe_load(fresh) == unit_config(build.EXAMPLE_UNIT, build.EXAMPLE_BACKEND)


def test_a_units_forms_reach_only_its_own_folder() -> None:
    config = unit_config(UNIT, Backend("https://git.example.org/", "wsjw/privtravel", "7"))
    paths = [c.get("folder") or c["files"][0]["file"] for c in config["collections"]]
    assert len(paths) == len(UNIT_KINDS) and all(p.startswith("submissions/srmyy/") for p in paths)
    assert config["media_folder"].startswith("submissions/srmyy/")
    backend = config["backend"]
    assert (backend["name"], backend["repo"], backend["base_url"]) == (
        "gitlab",
        "wsjw/privtravel",
        "https://git.example.org",
    )
    assert (backend["auth_type"], backend["app_id"], config["publish_mode"]) == (
        "pkce",
        "7",
        "editorial_workflow",
    )
    assert (
        backend["commit_messages"]["update"]
        == "绍兴市人民医院（srmyy）网页填报：修改{{collection}}「{{slug}}」"
    )
    report = next(c for c in config["collections"] if c["name"] == "report")
    assert (report["slug"], report["delete"]) == ("{{编号}}-{{姓名}}", False)  # the MR title names the person


def test_a_unit_repository_is_edited_at_its_root_in_its_own_project() -> None:
    own = Unit("srmyy", "绍兴市人民医院", in_unit=True)
    paths = [c.get("folder") or c["files"][0]["file"] for c in collections(own)]
    assert sorted(paths) == sorted(
        [
            "单位.yaml",
            "登记备案.yaml",
            "报告",
            "证件保管.yaml",
            "审批.yaml",
            "违规问题.yaml",
            "核查说明.yaml",
            "整改.yaml",
        ]
    )
    assert build.unit_project("wsjw/privtravel", "../units/srmyy.git") == "wsjw/units/srmyy"
    assert build.unit_project("wsjw/privtravel", "./srmyy") == "wsjw/privtravel/srmyy"
    assert build.unit_project("a/b", "https://git.example.org/wsjw/units/srmyy.git") == "wsjw/units/srmyy"
    assert build.unit_project("a/b", "git@git.example.org:wsjw/units/srmyy.git") == "wsjw/units/srmyy"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "protocol.file.allow=always", *args], cwd=cwd, check=True, capture_output=True
    )


def test_the_built_forms_load_nothing_from_outside_and_point_mounted_units_at_their_project(
    tmp_path: Path, forms_npm: Path
) -> None:
    root = tmp_path / "campaign"
    root.mkdir()
    (root / "campaign.yaml").write_bytes(
        (REPO / "tests" / "fixtures" / "mini" / "campaign.yaml").read_bytes()
    )
    unit = tmp_path / "srmyy"
    unit.mkdir()
    _git(unit, "init", "-q", "-b", "main")
    _git(unit, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "--allow-empty", "-m", "init")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "submodule", "add", "-q", str(unit), "submissions/srmyy")
    _git(root, "config", "-f", ".gitmodules", "submodule.submissions/srmyy.url", "../units/srmyy.git")
    done = subprocess.run(
        [sys.executable, "-m", "privtravel", "--root", str(root), "webforms", "--gitlab-url", "https://git.example.org",
         "--project", "wsjw/privtravel", "--app-id", "7"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = root / "public" / "forms"
    mounted = yaml.safe_load((out / "srmyy" / "config.yml").read_text(encoding="utf-8"))
    assert mounted["backend"]["repo"] == "wsjw/units/srmyy"
    assert mounted["collections"][0]["files"][0]["file"] == "单位.yaml"
    others = [p for p in out.iterdir() if p.is_dir() and p.name not in ("srmyy", "vendor")]
    assert others, "the mini campaign has plain unit folders too"
    plain = yaml.safe_load((others[0] / "config.yml").read_text(encoding="utf-8"))
    assert plain["backend"]["repo"] == "wsjw/privtravel"
    assert plain["collections"][0]["files"][0]["file"] == f"submissions/{others[0].name}/单位.yaml"
    for page in [out / "index.html", out / "privtravel-yaml.js", *out.glob("*/index.html")]:
        text = page.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, page
    bundle = (out / "vendor" / "decap-cms.js").read_text(encoding="utf-8")
    assert build.MR_BODY not in bundle and build.MR_BODY_ZH in bundle and build.SLUG_KEPT in bundle
