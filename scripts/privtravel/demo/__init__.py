"""Deterministic demo campaigns: the committed 示例数据 and province-scale data for the benchmark.

``generate(options)`` returns every file (repository-relative path → text) and the manifest of
planted situations; the same options always give byte-identical output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from privtravel.demo import baseline, inspect, inspection_files, plant, unit_files, write
from privtravel.demo.context import Context
from privtravel.demo.options import DEMO, POLICE_DATA_DATE, Options
from privtravel.masking import document_number as mask

__all__ = ["DEMO", "Generated", "Options", "generate"]


@dataclass
class Generated:
    files: dict[str, str]  # repository-relative POSIX path → file text
    manifest: dict[str, Any]


def generate(options: Options) -> Generated:
    ctx = Context(options)
    units = baseline.build(ctx)
    planted = plant.plant_all(ctx, units)
    owner = write.finalize(units)
    files = {"campaign.yaml": write.campaign_text(units)}
    for unit in units:
        files.update(unit_files.unit_files(unit, owner))
    files.update(write.police_files(units))
    inspections = inspect.inspect_all(options, units, planted)
    files.update(inspection_files.files(inspections))
    return Generated(files, manifest(options, units, planted, inspections))


def manifest(
    options: Options, units: list[Any], planted: list[plant.Planted], inspections: list[inspect.Inspection]
) -> dict[str, Any]:
    situations = []
    for item in planted:
        details: dict[str, Any] = {}
        doc = item.doc or (item.trip.doc if item.trip else None)
        if doc is not None:
            details["证件类别"] = doc.type
            details["证件号码"] = mask(doc.number)
        if item.trip is not None:
            trip = item.trip
            details["出境日期"] = trip.exit.isoformat()
            details["入境日期"] = trip.entry.isoformat() if trip.entry else None
            details["所到国家（地区）"] = list(trip.places)
            details["审批编号"] = trip.approval.id if trip.approval else None
            if trip.approval is not None:
                details["计划出境日期"] = trip.approval.planned_exit.isoformat()
                details["计划入境日期"] = trip.approval.planned_entry.isoformat()
                details["审批日期"] = trip.approval.approved_on.isoformat()
        for key, value in item.extra.items():
            details[key] = mask(value) if key == "旧证件" else value
        situations.append(
            {
                "kind": item.kind,
                "unit": item.unit.code,
                "person": item.person.id if item.person else None,
                "name": item.person.name if item.person else None,
                "findings": list(item.findings),
                "check": list(item.check),
                "case": item.case.id if item.case else None,
                "details": details,
            }
        )
    situations.sort(key=lambda s: (s["unit"], s["person"] or "", s["kind"]))
    return {
        "说明": "示例数据中有意安排的情形。findings：公安比对核查应得出的发现（空列表表示不应成为发现）；"
        "check：privtravel check 应给出的警告代码。其余数据应当没有任何发现。"
        "inspected：专项检查组检查了的单位，检查结论与数据一致，inspection_ 开头的情形除外（看板应标出）。",
        "options": options.describe(),
        "police_data_date": POLICE_DATA_DATE.isoformat(),
        "units": len(units),
        "people": sum(len(u.people) for u in units),
        "crossings": write.crossing_count(units),
        "inspected": [i.unit.code for i in inspections],
        "situations": situations,
    }
