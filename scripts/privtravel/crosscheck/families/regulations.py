"""应建尽建: a unit without management rules (X101)."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.crosscheck.context import Context
from privtravel.crosscheck.findings import Finding, from_src, make_key
from privtravel.diagnostics import Diagnostic


def check(ctx: Context, problems: list[Diagnostic]) -> Iterator[Finding]:
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        profile = None if unit is None else unit.profile
        if profile is None or profile.rules:
            continue
        yield Finding(
            "X101",
            make_key("X101", code),
            code,
            None,
            "",
            f"{profile.name}没有填写任何因私出国（境）管理制度。",
            (from_src("单位基本情况", "管理制度: []", profile.src.at("管理制度")),),
            profile.src.at("管理制度"),
        )
