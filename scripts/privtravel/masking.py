"""Masking personal numbers before they reach a page, a log or a summary.

Two halves, one definition:
- a number taken from its own field (证件号码, 公民身份号码, 联系电话) is masked by the functions
  below;
- free text written by people (事由, 备注, 问题描述 …) may hold such a number anywhere: ``find``
  is the one pattern finder for it, used by ``check`` (rules/freetext.py, which reports it) and by
  every output as a second line of defence (``mask_text``).

What counts as a number (REFERENCE.md「The domain」): the 18-digit 公民身份号码 (region, birth
date, sequence, check digit; one with a wrong check digit is still masked but only「疑似」), the
old 15-digit form; passports G/E + 8 digits and E + letter + 7 digits, 往来港澳通行证 C + 8 digits,
C + letter + 7 digits and the older W + 8 digits, 台湾通行证 L/T + 8 digits; mobile numbers
(1[3-9] + 9 digits, also written +86 138-1234-5678) and landlines with their area code
(0575-85080558, (0575)85080558; 010 and 02x are followed by eight digits, other area codes by
seven or eight: no run of ten digits, such as a short commit id, is a phone number).  Full-width characters count as their ASCII twins.  A number
glued to letters or digits (a longer code, a decimal) is not one of these, so dates, amounts and
文号 such as 绍公通〔2019〕76号 are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def document_number(number: str) -> str:
    """Keep the type letter and the last two characters: E******78."""
    if len(number) <= 3:
        return "*" * len(number)
    return number[0] + "*" * (len(number) - 3) + number[-2:]


def id_number(number: str) -> str:
    """Government style: the first two and the last three digits, 33*************12X."""
    if len(number) <= 5:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 5) + number[-3:]


def phone(number: str) -> str:
    """138****1234 for mobiles; landlines keep the area code and the last four digits."""
    digits = number.replace("-", "")
    if len(digits) <= 4:
        return "*" * len(number)
    head = 3 if number[0] == "1" and "-" not in number else number.find("-") + 1 if "-" in number else 3
    return number[:head] + "*" * (len(number) - head - 4) + number[-4:]


# --- numbers inside free text ------------------------------------------------------------------

ID_NUMBER = "公民身份号码"
DOCUMENT = "证件号码"
PHONE = "电话号码"

DOCUMENT_TYPES = {
    "E": "普通护照",
    "G": "普通护照",
    "C": "往来港澳通行证",
    "W": "往来港澳通行证",
    "L": "大陆居民往来台湾通行证",
    "T": "大陆居民往来台湾通行证",
}

# full-width letters, digits and separators read as their ASCII twins (same length: spans agree)
_WIDE = re.compile("[\uff0b\uff0d\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")
_NARROW = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "})
_DATE = r"(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_FINDER = re.compile(
    r"(?<![0-9A-Za-z])(?<![0-9]\.)(?:"
    rf"(?P<id18>[1-9]\d{{5}}[ -]?{_DATE}[ -]?\d{{3}}[0-9Xx])"
    r"|(?P<id15>[1-9]\d{5}\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})"
    r"|(?P<document>[EeCc][A-HJ-NP-Za-hj-np-z0-9]\d{7}|[GgWwLlTt]\d{8})"
    r"|(?P<mobile_cc>\+?86[ -]?)?(?P<mobile>1[3-9]\d(?:[ -]?\d{4}){2})"
    r"|(?P<area>[(（]0(?:10|2\d)[)）] ?|0(?:10|2\d)[ -]?)(?P<landline>[2-9]\d{7})"
    r"|(?P<area4>[(（]0[3-9]\d\d[)）] ?|0[3-9]\d\d[ -]?)(?P<landline4>[2-9]\d{6,7})"
    r")(?![0-9A-Za-z])(?!\.[0-9])",
    re.ASCII,
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_digit(first17: str) -> str:
    """The check digit of an 18-digit 公民身份号码 (GB 11643)."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


@dataclass(frozen=True, slots=True)
class Found:
    """One number found in a text: where, what kind, and how it is shown."""

    kind: str  # ID_NUMBER, DOCUMENT or PHONE
    start: int
    end: int
    typed: str  # as written, separators and full-width characters included
    number: str  # ASCII, upper case, without separators
    certain: bool  # False: an 18-digit number shaped like an ID whose check digit is wrong
    masked: str

    @property
    def document_type(self) -> str | None:
        return DOCUMENT_TYPES.get(self.number[0]) if self.kind == DOCUMENT else None


# Every number above holds seven digits in a row, or three and four apart (138-1234-5678): a
# pattern this simple is scanned ten times faster than _FINDER, which then reads only around it.
_CANDIDATE = re.compile(r"[0-9]{3}[ -]?[0-9]{4}")
_RUN = re.compile(r"[0-9A-Za-z]*")
_LONGEST = 20  # characters of the longest number (an ID written 330602 19700312 031X)


def find(text: str) -> list[Found]:
    """Every 公民身份号码, document number and phone number in ``text``, left to right."""
    work = text.translate(_NARROW) if _WIDE.search(text) else text
    found: list[Found] = []
    done = 0
    for candidate in _CANDIDATE.finditer(work):
        if candidate.end() <= done:
            continue
        start = max(done, candidate.start() - _LONGEST)
        run = _RUN.match(work, candidate.end())
        # far enough for a number around the candidate, and past the letters and digits glued to
        # it: a lookahead at the window's end would not see them
        stop = min(len(work), max(candidate.end() + _LONGEST + 2, (run.end() if run else 0) + 2))
        for m in _FINDER.finditer(work, start, stop):
            if m.start() > candidate.end():
                break  # another candidate's number, read in its own window
            found.append(_found(text, m))
            done = m.end()
        done = max(done, candidate.end())
    return found


def has_number(text: str) -> bool:
    return bool(find(text))


def mask_text(text: str, star: str = "*") -> str:
    """``text`` with every number ``find`` sees masked as the dashboard shows numbers (each hidden
    character written as ``star``)."""
    found = find(text)
    if not found:
        return text
    out, at = [], 0
    for f in found:
        out += [text[at : f.start], f.masked if star == "*" else f.masked.replace("*", star)]
        at = f.end
    out.append(text[at:])
    return "".join(out)


def _found(text: str, m: re.Match[str]) -> Found:
    start, end = m.span()
    typed = text[start:end]
    work = m.group(0)
    number = "".join(c for c in work if c.isalnum()).upper()
    if m.group("id18") is not None:
        certain = id_check_digit(number[:17]) == number[17]
        return Found(ID_NUMBER, start, end, typed, number, certain, _keep(typed, 2, 3))
    if m.group("id15") is not None:
        return Found(ID_NUMBER, start, end, typed, number, True, _keep(typed, 2, 3))
    if m.group("document") is not None:
        return Found(DOCUMENT, start, end, typed, number, True, _keep(typed, 1, 2))
    head = len(m.group("mobile_cc") or m.group("area") or m.group("area4") or "")
    if m.group("mobile") is not None:
        number = number[2:] if m.group("mobile_cc") else number
        masked = typed[:head] + _keep(typed[head:], 3, 4)
    else:
        masked = typed[:head] + _keep(typed[head:], 0, 4)
    return Found(PHONE, start, end, typed, number, True, masked)


def _keep(typed: str, head: int, tail: int) -> str:
    """Letters and digits masked with「*」except the first ``head`` and the last ``tail``."""
    places = [i for i, c in enumerate(typed) if c.isalnum()]
    kept = set(places[:head]) | set(places[len(places) - tail :])
    return "".join(c if i in kept or not c.isalnum() else "*" for i, c in enumerate(typed))


# the stars of a number masked earlier (E******78, 138-****-5678): flanked by letters, digits or「-」,
# unlike Markdown's own **bold**
_MASKED_STARS = re.compile(
    "(?<=[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a-])[*]+(?=[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a-])"
)
STAR_ENTITY = "&#42;"


def mask_page(text: str) -> str:
    """A Markdown or HTML page with every number masked, and the stars of masked numbers written as
    ``&#42;``: Markdown would read two masked numbers in a paragraph (E******78 … C******67) as
    emphasis and swallow the stars; the browser shows the entity as「*」."""
    text = mask_text(text, STAR_ENTITY)
    return _MASKED_STARS.sub(lambda m: STAR_ENTITY * len(m.group(0)), text)


def mask_strings(value: Any) -> Any:
    """``value`` (JSON-like: dicts, lists, strings, numbers) with every string masked by ``mask_text``."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {key: mask_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [mask_strings(item) for item in value]
    return value
