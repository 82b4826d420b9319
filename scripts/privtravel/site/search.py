"""Chinese search that works offline: jieba segments pages at build time, with our own words.

The browser does not segment a query: a query matches only words the index holds.  So the user
dictionary holds each unit's full name and its short name (without the city), and the domain's
own words, so that 绍兴市人民医院, 人民医院 and 登记备案 are each one word in the index.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from privtravel.load.repository import Repository
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
# What people call a unit besides its name: the usual abbreviations of unit types.
ABBREVIATIONS = (
    ("疾病预防控制中心", "疾控中心"),
    ("疾病预防控制", "疾控"),
    ("妇幼保健院", "妇保院"),
    ("卫生健康委员会", "卫健委"),
    ("卫生监督所", "卫监所"),
    ("中心血站", "血站"),
    ("精神卫生中心", "精卫中心"),
)
ROSTER_ANCHOR = "登记备案和报告表"  # the unit page's roster heading, as pymdownx.slugs makes it
_HAN = re.compile("[\u3400-\u9fff]{3,}")


def short_name(name: str, city_prefixes: tuple[str, ...] = _PREFIXES) -> str:
    for prefix in city_prefixes:
        if name.startswith(prefix) and len(name) - len(prefix) >= 2:
            return name[len(prefix) :]
    return name


def aliases(name: str) -> list[str]:
    """The unit's other names: 「疾控中心」 for a 疾病预防控制中心."""
    return [short for long, short in ABBREVIATIONS if long in name]


def write_user_dict(campaign: Campaign, path: Path) -> Path:
    words = list(DOMAIN_WORDS) + [short for _, short in ABBREVIATIONS]
    for unit in campaign.units:
        words += [unit.name, short_name(unit.name), *aliases(unit.name)]
    words += list(campaign.regions)
    unique = list(dict.fromkeys(w for w in words if w))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w} 100000\n" for w in unique), encoding="utf-8")
    return path


def tile(word: str) -> str:
    """A long word as its dictionary pieces, joined by zero-width spaces (invisible in results).

    The search box looks a query up in the index's own words (Material's worker splits a Chinese
    query into words the index holds), so 「医院」 finds 绍兴市口腔医院 only if the index holds 医院.
    The pieces: as few single characters as possible, then as many pieces as possible
    (绍兴市|口腔|医院, not 绍兴|市口|腔|医院); a short word that would fall apart into single
    characters (a name) stays whole.
    """
    import jieba  # type: ignore[import-untyped]

    freq = jieba.dt.FREQ
    n = len(word)
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (singles, -pieces, cut) ending at i
    best[0] = (0, 0, 0)
    for end in range(1, n + 1):
        for start in range(end):
            prev = best[start]
            piece = word[start:end]
            if prev is None or (len(piece) > 1 and (piece == word or not freq.get(piece))):
                continue
            score = (prev[0] + (len(piece) == 1), prev[1] - 1, start)
            if best[end] is None or score[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = score
    cuts, end = [], n
    while end > 0:
        step = best[end]
        assert step is not None
        cuts.append(word[step[2] : end])
        end = step[2]
    pieces = cuts[::-1]
    if all(len(p) == 1 for p in pieces) or (n <= 3 and any(len(p) == 1 for p in pieces)):
        return word
    return "\u200b".join(pieces)


def tune(index: dict[str, Any], people: list[dict[str, str]]) -> dict[str, Any]:
    """The built index with long Chinese words split into their pieces, and the people's finder entries.

    ``people``: one entry per unit (location, title, text of 编号 and 姓名): a name typed into the
    search box leads to the unit's roster; per-person entries would make every page's index too big
    at province scale.
    """
    for doc in index["docs"]:
        for field in ("title", "text"):
            doc[field] = _HAN.sub(lambda m: tile(m.group(0)), doc[field])
    index["docs"].extend(people)
    return index


def people_entries(repo: Repository, links: dict[str, str]) -> list[dict[str, str]]:
    """The finder: per unit, one search entry with its people's 编号 and 姓名 (no other data),
    leading to the unit page's roster (the name is highlighted and its row opened there)."""
    entries = []
    for config in repo.campaign.units if repo.campaign else []:
        unit = repo.units.get(config.code)
        if unit is None or config.code not in links:
            continue
        people = {p.id: p.name for p in unit.roster} | {r.id: r.name for r in unit.reports}
        if not people:
            continue
        page = links[config.code].removesuffix(".md")
        entries.append(
            {
                "location": f"{page}/#{ROSTER_ANCHOR}",
                "title": f"{config.name}（{config.code}）人员",
                "text": "\u200b".join(f"{pid}\u200b{name}" for pid, name in sorted(people.items())),
            }
        )
    return entries
