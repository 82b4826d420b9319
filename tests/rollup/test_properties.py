"""Over generated campaigns: whatever the tool computes passes every roll-up rule, and the roll-up's
合计 is the sum of the members' 合计, whether a member sends JSON or a hand-copied workbook."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privtravel.model import Campaign, UnitData
from privtravel.rollup import config, members, publish, table
from privtravel.stats import compute
from privtravel.stats.table import RowKind, Total
from privtravel.stats.version import DataVersion
from tests.rollup import handfill
from tests.rollup.conftest import config_text
from tests.stats.test_properties import campaigns

Generated = tuple[Campaign, dict[str, UnitData]]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(campaigns(), min_size=2, max_size=4), st.lists(st.booleans(), min_size=4, max_size=4))
def test_roll_up_total_is_the_sum_of_members_totals(generated: list[Generated], as_xlsx: list[bool]) -> None:
    stats = [compute(c, units, DataVersion(None, None, False, None)) for c, units in generated]
    specs = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i, s in enumerate(stats):
            code, xlsx = f"m{i}", as_xlsx[i]
            folder = root / "members" / code
            folder.mkdir(parents=True)
            if xlsx:
                handfill.save(handfill.workbook(handfill.rows_of(s), tool_made=True), folder / "统计表.xlsx")
            else:
                (folder / "统计表.json").write_bytes(publish.document(s))
            specs.append((code, f"成员{i}", "甲" if i % 2 else "乙", "表格" if xlsx else "json"))
        (root / "rollup.yaml").write_text(config_text(specs, ["甲", "乙"]), encoding="utf-8")
        gathered = members.gather(root, config.load(root))
        errors = [d for d in gathered.diagnostics if d.is_error]
        assert errors == []
        rolled = table.statistics(root, gathered)
    for t in rolled.tables:
        total = next(r for r in t.rows if r.kind is RowKind.TOTAL)
        for column in t.spec.data_columns:
            if column.total is Total.NONE:
                continue
            expected = 0
            for s in stats:
                own = next(x for x in s.tables if x.spec.key == t.spec.key)
                value = next(r for r in own.rows if r.kind is RowKind.TOTAL).cells[column.key].value
                expected += value if isinstance(value, int) else 0
            assert total.cells[column.key].value == expected, (t.spec.key, column.key)
