"""Document numbers that fit their type, documents within the report scope, no duplicates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.masking import document_number as mask
from privtravel.model import Campaign, Src, UnitData
from privtravel.rules._emit import at

PASSPORT = "普通护照"
HK_MACAO = "往来港澳通行证"
TAIWAN = "大陆居民往来台湾通行证"

_LETTER = "[A-HJ-NP-Z]"  # I and O are not used, to avoid confusion with 1 and 0
# (pattern, usual) per type: usual formats pass; unusual but possible ones warn (R305).
FORMATS: dict[str, tuple[tuple[re.Pattern[str], bool, str], ...]] = {
    PASSPORT: (
        (re.compile(r"E[0-9]{8}\Z"), True, "E 加 8 位数字"),
        (re.compile(rf"E{_LETTER}[0-9]{{7}}\Z"), True, "E 加 1 个字母加 7 位数字"),
        (re.compile(r"G[0-9]{8}\Z"), True, "G 加 8 位数字（2012 年以前签发）"),
    ),
    HK_MACAO: (
        (re.compile(r"C[0-9]{8}\Z"), True, "C 加 8 位数字"),
        (re.compile(rf"C{_LETTER}[0-9]{{7}}\Z"), True, "C 加 1 个字母加 7 位数字"),
        (re.compile(r"W[0-9]{8}\Z"), False, "W 加 8 位数字（旧版本式证件）"),
    ),
    TAIWAN: (
        (re.compile(r"L[0-9]{8}\Z"), True, "L 加 8 位数字"),
        (re.compile(r"T[0-9]{8}\Z"), False, "T 加 8 位数字（旧版本式证件）"),
    ),
}
_FIRST_LETTER_TYPE = {"E": PASSPORT, "G": PASSPORT, "C": HK_MACAO, "W": HK_MACAO, "L": TAIWAN, "T": TAIWAN}


def number_problem(doc_type: str, number: str) -> tuple[str, str] | None:
    """(code, message) when a number does not fit its type; None when it is a usual number."""
    for pattern, usual, _ in FORMATS[doc_type]:
        if pattern.match(number):
            if usual:
                return None
            return "R305", f"{doc_type}号码「{mask(number)}」是少见的格式，请对照证件再核对一次。"
    allowed = "；".join(text for _, _, text in FORMATS[doc_type])
    other = _FIRST_LETTER_TYPE.get(number[:1])
    if other is not None and other != doc_type:
        return "R304", (
            f"号码「{mask(number)}」是{other}的号码格式，证件类别却是「{doc_type}」：请核对证件类别或号码。"
        )
    return "R304", f"{doc_type}号码「{mask(number)}」格式不对，应为：{allowed}。"


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    for report in unit.reports:
        as_of = report.signed or campaign.report_deadline
        seen: dict[tuple[str, str], Src] = {}
        for doc in report.documents:
            problem = number_problem(doc.type, doc.number)
            if problem is not None:
                yield at(doc.src, problem[0], problem[1], "证件号码")
            key = (doc.type, doc.number)
            if key in seen:
                yield at(doc.src, "R313", f"证件「{mask(doc.number)}」重复填写。", "证件号码")
            seen[key] = doc.src
            if doc.expires < as_of and doc.expires < campaign.documents_expired_since:
                yield at(
                    doc.src,
                    "R302",
                    f"此证件于 {doc.expires} 失效，早于 {campaign.documents_expired_since}，不在报告范围内。",
                    "有效期至",
                )
    seen_custody: dict[tuple[str, str], Src] = {}
    for item in unit.custody:
        problem = number_problem(item.type, item.number)
        if problem is not None:
            yield at(item.src, problem[0], problem[1], "证件号码")
        key = (item.type, item.number)
        if key in seen_custody:
            yield at(item.src, "R313", f"证件「{mask(item.number)}」在保管登记册中重复登记。", "证件号码")
        seen_custody[key] = item.src
