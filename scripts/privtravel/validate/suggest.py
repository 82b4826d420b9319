"""Did-you-mean suggestions that treat 全角/半角 punctuation and 繁体/简体 as the same."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

import zhconv  # type: ignore[import-untyped]


def normalize(text: str) -> str:
    """NFKC folds full-width punctuation and letters; zhconv folds 繁体 into 简体."""
    folded = unicodedata.normalize("NFKC", text)
    simplified: str = zhconv.convert(folded, "zh-cn")
    return "".join(simplified.split()).lower()


def nearest(text: str, candidates: Sequence[str]) -> tuple[str | None, bool]:
    """The best candidate and whether it is the same after normalisation."""
    target = normalize(text)
    by_norm = {normalize(c): c for c in candidates}
    if target in by_norm:
        return by_norm[target], True
    close = difflib.get_close_matches(target, list(by_norm), n=1, cutoff=0.5)
    if close:
        return by_norm[close[0]], False
    for norm, original in by_norm.items():  # a key written shorter or longer: 证件号 / 证件号码
        if norm and target and (norm in target or target in norm):
            return original, False
    return None, False


def suggest_key(key: str, known: Sequence[str]) -> tuple[str | None, str]:
    """The known key probably meant (if any) and a sentence saying so."""
    best, same = nearest(key, known)
    if best is not None and same:
        return best, f"应写作「{best}」（注意全角/半角符号或繁简体）。"
    if best is not None:
        return best, f"是不是要写「{best}」？"
    if known and len(known) <= 12:
        return None, f"这里可以写的字段：{'、'.join(known)}。"
    return None, "请对照填报指南检查字段名。"


def suggest_value(value: str, allowed: Sequence[str]) -> str:
    best, same = nearest(value, allowed)
    if best is not None and same:
        return f"应写作「{best}」（注意全角/半角符号或繁简体）。"
    if best is not None:
        return f"是不是要写「{best}」？"
    return ""
