"""Write the generated 集中检查 and 整改: inspections/<单位代码>.yaml and submissions/<单位代码>/整改.yaml."""

from __future__ import annotations

from privtravel.demo.emit import Doc as Yaml
from privtravel.demo.emit import scalar
from privtravel.demo.inspect import TEAM, Inspection
from privtravel.load.layout import INSPECTIONS, SUBMISSIONS, Kind, schema_comment

RECTIFICATION_FILE = "整改.yaml"


def files(inspections: list[Inspection]) -> dict[str, str]:
    out = {}
    for inspection in inspections:
        code = inspection.unit.code
        rel = f"{INSPECTIONS}/{code}.yaml"
        out[rel] = _inspection(inspection, rel)
        if inspection.rectifications:
            rel = f"{SUBMISSIONS}/{code}/{RECTIFICATION_FILE}"
            out[rel] = _rectification(inspection, rel)
    return out


def _inspection(inspection: Inspection, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.INSPECTION))
    y.put(0, "单位代码", inspection.unit.code)
    y.put(0, "检查日期", inspection.date)
    y.raw(0, "检查组:")
    for name, body, post in TEAM:
        y.put(4, "姓名", name, dash=True)
        y.put(4, "单位", body)
        y.put(4, "职务", post)
    y.raw(0, "检查情况:")
    for aspect, (verdict, note) in inspection.verdicts.items():
        y.raw(2, f"{aspect}:")
        y.put(4, "结论", verdict)
        y.put(4, "说明", note)
    y.raw(0, "问题:" if inspection.problems else "问题: []")
    for p in inspection.problems:
        y.put(4, "问题编号", p.id, dash=True)
        y.put(4, "方面", p.aspect)
        y.put(4, "问题描述", p.description)
        y.raw(4, "证据:")
        for line in p.evidence:
            y.raw(6, _item(line))
        y.put(4, "严重", p.serious)
        y.put(4, "通报", p.circulated)
        y.put(4, "整改期限", p.deadline)
        if p.people:
            y.items(4, "涉及人员", p.people)
    return y.text()


def _rectification(inspection: Inspection, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.RECTIFICATION))
    y.put(0, "单位代码", inspection.unit.code)
    y.raw(0, "整改:")
    for r in inspection.rectifications:
        y.put(4, "整改编号", r.id, dash=True)
        y.put(4, "问题编号", r.problem_id)
        y.put(4, "整改措施", r.measure)
        y.raw(4, "责任人:")
        y.put(6, "姓名", r.owner.name)
        y.put(6, "职务", r.owner.post)
        y.put(4, "完成时限", r.due)
        y.put(4, "整改状态", r.state)
        y.put(4, "完成情况", r.outcome)
        if r.proof:
            y.raw(4, "完成证明:")
            for line in r.proof:
                y.raw(6, _item(line))
        y.put(4, "完成日期", r.closed)
    return y.text()


def _item(text: str) -> str:
    return f"- {scalar(text)}"
