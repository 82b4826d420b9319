"""The campaign's 「统计口径」 choices, resolved to concrete dates and switches (defaults applied)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from privtravel.model import Campaign

CASES_BY_PERSON = "人数"
CASES_BY_CASE = "起数"
REGISTERED_BY_REPORTED = "报送公安日期"
REGISTERED_BY_ENTERED = "公安入库日期"


def cn_date(day: dt.date) -> str:
    """2019年7月5日 — the notice's own way of writing a date."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True, slots=True)
class Options:
    since: dt.date  # 组织开展起算日期: start of the window for 新增/新收缴
    since_is_default: bool
    as_of: dt.date  # 统计截止日期: nothing dated later counts; stocks are taken on this day
    as_of_is_default: bool
    trips_since: dt.date  # 出国境起算日期 (2016年1月1日 in the notice)
    cases_by: str  # 人数 | 起数
    registered_by: str  # 报送公安日期 | 公安入库日期
    accountable_handled: bool
    deadline: dt.date  # 统计表报送截止日期, printed in the 注 line

    @classmethod
    def of(cls, campaign: Campaign) -> Options:
        chosen = campaign.stats
        since = chosen.since or dt.date(campaign.year, 1, 1)
        as_of = chosen.as_of or campaign.tables_deadline
        return cls(
            since=since,
            since_is_default=chosen.since is None,
            as_of=as_of,
            as_of_is_default=chosen.as_of is None,
            trips_since=campaign.trips_since,
            cases_by=chosen.cases_counted_by,
            registered_by=chosen.registered_by,
            accountable_handled=chosen.accountable_handled,
            deadline=campaign.tables_deadline,
        )

    def words(self) -> dict[str, str]:
        """The values the 口径 texts and headers are written with."""
        return {
            "since": cn_date(self.since),
            "as_of": cn_date(self.as_of),
            "trips_since": cn_date(self.trips_since),
            "registered_by": self.registered_by,
            "cases_by": self.cases_by,
            "cases_measure": "起" if self.cases_by == CASES_BY_CASE else "人",
            "accountable": (
                "，以及「责任追究」中受到处理的相关责任人（有人员编号的按编号；没有编号的，登记备案名单中有同一姓名和现任职务的人即是此人，否则按姓名和职务区分）"
                if self.accountable_handled
                else "（不含「责任追究」中的相关责任人）"
            ),
        }
