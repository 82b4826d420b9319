"""A unit's files belong to a unit the campaign knows, under the name the campaign gives it."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Campaign, UnitData
from privtravel.rules._emit import at


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    config = campaign.unit(unit.code)
    if config is None:
        if unit.files:
            yield Diagnostic(
                unit.files[0],
                "R309",
                f"单位文件夹「{unit.code}」不在 campaign.yaml 的单位名单中：请核对文件夹名，或请委政治处添加该单位。",
            )
        return
    profile = unit.profile
    if profile is not None and profile.name != config.name:
        yield at(
            profile.src,
            "R309",
            f"单位名称「{profile.name}」与 campaign.yaml 中的「{config.name}」不一致。",
            "单位名称",
        )
