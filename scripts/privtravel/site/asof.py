"""Which day the dashboard is read as, and the 「数据截至 …，版本 …」 line every page carries.

The rule for the day (``--today`` always wins):

- a campaign of real data is read as of the wall clock: deadlines count from the day the site is built;
- a demo campaign (``示例数据: true``) is read as of its data date, the day the police data was drawn
  (the 提取日期 of the police delivery manifest, police/交付清单.yaml): the demo was made to be looked at on
  that day, so a fresh clone years later still shows who is late and what is overdue, not「已过 2731 天」.
  Without police data the demo is read as of its 自查自纠 deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from privtravel.model import Campaign
from privtravel.site.pages.common import date_text
from privtravel.stats import version


@dataclass(frozen=True)
class AsOf:
    today: dt.date
    text: str  # 「数据截至 …，版本 …」


def reading_day(campaign: Campaign, police_date: dt.date | None, given: dt.date | None) -> dt.date:
    if given is not None:
        return given
    if campaign.demo:
        return police_date or campaign.self_check_deadline
    return dt.date.today()


def as_of(root: Path, campaign: Campaign, police_date: dt.date | None, given: dt.date | None) -> AsOf:
    today = reading_day(campaign, police_date, given)
    if given is None and not campaign.demo:
        when = f"{date_text(today)} {dt.datetime.now().strftime('%H:%M')}"
    else:
        when = date_text(today)
    if campaign.demo and given is None:
        basis = "公安数据日期" if police_date is not None else "自查自纠截止日期（公安数据缺少或有错误）"
        when += f"（示例数据，按{basis}展示）"
    return AsOf(today, f"数据截至 {when}　版本 {version.of(root).describe()}")
