"""One Decap CMS configuration per unit: only that unit's files, in its folder of the committee
repository or at the root of its own unit repository; the GitLab backend with the editorial
workflow (each saved entry a branch and a merge request by the user's own account) and commit
messages, hence merge request titles, in Chinese naming the unit and the entry (for a report, the
person: 「0012-张三」)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from privtravel.excel.schema_walk import root_schema
from privtravel.load.layout import REPORTS_DIR, SUBMISSIONS, UNIT_FILES, Kind, schema_comment
from privtravel.webforms.fields import Widget, widgets
from privtravel.webforms.shapes import UNIT_KINDS

MEDIA_DIR = "附件"  # Decap requires a media folder; the forms have no upload field, `check` refuses strays
FORMAT = "privtravel-{kind}"


@dataclass(frozen=True, slots=True)
class Backend:
    """Where the forms save: a GitLab project and how users sign in (an OAuth application)."""

    gitlab_url: str  # the intranet GitLab, e.g. https://gitlab.example.org
    project: str  # the GitLab project the unit's files are in (committee project or unit repository)
    app_id: str  # the OAuth application's ID (PKCE: no secret in the page)
    branch: str = "main"
    local_backend: str | None = None  # decap-server's URL (only used when the page is on localhost)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    in_unit: bool  # the unit's own repository: its files at the repository's root


def prefix(unit: Unit) -> str:
    return "" if unit.in_unit else f"{SUBMISSIONS}/{unit.code}/"


def modeline(unit: Unit, kind: Kind) -> str:
    """The editor line on top of the kind's files, as `import` and `units init` write it."""
    rel = f"{SUBMISSIONS}/{unit.code}/" + (f"{REPORTS_DIR}/x.yaml" if kind is Kind.REPORT else "x.yaml")
    return schema_comment(rel, kind, in_unit=unit.in_unit)


def formats(unit: Unit) -> dict[str, dict[str, str]]:
    """The custom formats the unit's page registers (site/forms/privtravel-yaml.js)."""
    return {FORMAT.format(kind=k.value): {"kind": k.value, "modeline": modeline(unit, k)} for k in UNIT_KINDS}


def unit_config(unit: Unit, backend: Backend) -> dict[str, Any]:
    who = f"{unit.name}（{unit.code}）网页填报："
    gitlab: dict[str, Any] = {
        "name": "gitlab",
        "repo": backend.project,
        "branch": backend.branch,
        "base_url": backend.gitlab_url.rstrip("/"),
        "api_root": backend.gitlab_url.rstrip("/") + "/api/v4",
        "auth_endpoint": "oauth/authorize",
        "auth_type": "pkce",
        "app_id": backend.app_id,
        "commit_messages": {
            "create": who + "新增{{collection}}「{{slug}}」",
            "update": who + "修改{{collection}}「{{slug}}」",
            "delete": who + "删除{{collection}}「{{slug}}」",
            "uploadMedia": who + "上传附件「{{path}}」",
            "deleteMedia": who + "删除附件「{{path}}」",
            "openAuthoring": "{{message}}",
        },
    }
    config: dict[str, Any] = {
        "backend": gitlab,
        "publish_mode": "editorial_workflow",
        "locale": "zh_Hans",
        "media_folder": prefix(unit) + MEDIA_DIR,
        "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
        "collections": collections(unit),
    }
    if backend.local_backend:
        config["local_backend"] = {"url": backend.local_backend}
    return config


def collections(unit: Unit) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    files = {kind: name for name, kind in UNIT_FILES.items()}
    for kind in UNIT_KINDS:
        fields = _fields(unit, kind)
        common = {
            "label": kind.label,
            "format": FORMAT.format(kind=kind.value),
            "extension": "yaml",
            "editor": {"preview": False},  # the form is the document: no preview pane
        }
        if kind is Kind.REPORT:
            out.append(
                {
                    "name": kind.value,
                    **common,
                    "label_singular": "报告表",
                    "description": "每人一份附件1《报告表》：持有的因私出入境证件、2016年以来的因私出国（境）情况和签名日期。",
                    "folder": prefix(unit) + REPORTS_DIR,
                    "create": True,
                    "delete": False,
                    "slug": "{{编号}}-{{姓名}}",
                    "identifier_field": "姓名",
                    "summary": "{{编号}} {{姓名}}（{{报告类型}}）",
                    "sortable_fields": ["编号", "姓名"],
                    "fields": fields,
                }
            )
            continue
        file = files[kind]
        stem = file.removesuffix(".yaml")
        entry = {"name": stem, "label": kind.label, "file": prefix(unit) + file, "fields": fields}
        out.append({"name": kind.value, **common, "files": [entry]})
    return out


def _fields(unit: Unit, kind: Kind) -> list[Widget]:
    """The kind's fields; 单位代码 is the unit's own, filled in and not shown."""
    out = widgets(*root_schema(kind))
    for i, widget in enumerate(out):
        if widget["name"] == "单位代码":
            out[i] = {"name": "单位代码", "label": widget["label"], "widget": "hidden", "default": unit.code}
    return out
