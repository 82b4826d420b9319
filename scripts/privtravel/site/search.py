"""Chinese search that works offline: jieba segments pages at build time, with our own words.

The browser does not segment a query: a query matches only words the index holds.  So the user
dictionary holds each unit's full name and its short name (without the city), and the domain's
own words, so that 绍兴市人民医院, 人民医院 and 登记备案 are each one word in the index.
"""

from __future__ import annotations

from pathlib import Path

from privtravel.model import Campaign

DOMAIN_WORDS = (
    "因私出国",
    "出国（境）",
    "登记备案",
    "零报告",
    "普通护照",
    "往来港澳通行证",
    "大陆居民往来台湾通行证",
    "纪检监察",
    "专项整治",
    "自查自纠",
    "集中检查",
    "应建尽建",
    "应备尽备",
    "应交尽交",
    "应审尽审",
    "应查尽查",
    "应处尽处",
    "市管领导干部",
    "委管干部",
    "证件保管",
    "审计记录",
    "统计表",
    "整改",
)
_PREFIXES = ("绍兴市", "绍兴", "市")


def short_name(name: str, city_prefixes: tuple[str, ...] = _PREFIXES) -> str:
    for prefix in city_prefixes:
        if name.startswith(prefix) and len(name) - len(prefix) >= 2:
            return name[len(prefix) :]
    return name


def write_user_dict(campaign: Campaign, path: Path) -> Path:
    words = list(DOMAIN_WORDS)
    for unit in campaign.units:
        words += [unit.name, short_name(unit.name)]
    words += list(campaign.regions)
    unique = list(dict.fromkeys(w for w in words if w))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w} 100000\n" for w in unique), encoding="utf-8")
    return path
