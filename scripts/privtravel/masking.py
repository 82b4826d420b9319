"""Masking personal numbers before they reach a page, a log or a summary."""

from __future__ import annotations


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
