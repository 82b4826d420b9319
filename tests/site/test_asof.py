"""The day the dashboard is read as, and what its 「数据截至」 line says that day is based on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from privtravel.diagnostics import Result
from privtravel.load.repository import load_campaign
from privtravel.site.asof import as_of


def test_the_line_names_what_the_day_is_taken_from(campaign: Path) -> None:
    loaded = load_campaign(campaign, Result())
    assert loaded is not None
    demo = dataclasses.replace(loaded, demo=True)
    police = as_of(campaign, demo, dt.date(2019, 6, 30), None)
    assert police.today == dt.date(2019, 6, 30) and "按公安数据日期展示" in police.text
    fallback = as_of(campaign, demo, None, None)
    assert fallback.today == demo.self_check_deadline
    assert "按自查自纠截止日期（公安数据缺少或有错误）展示" in fallback.text
    given = as_of(campaign, demo, None, dt.date(2019, 7, 1))
    assert given.today == dt.date(2019, 7, 1) and "示例数据" not in given.text
    real = as_of(campaign, dataclasses.replace(loaded, demo=False), dt.date(2019, 6, 30), None)
    assert real.today == dt.date.today() and "示例数据" not in real.text
