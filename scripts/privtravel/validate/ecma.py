"""Schema ``pattern``s in the dialect JSON Schema specifies (ECMA-262), run with Python's ``re``.

The two dialects read the same text differently where it matters to us: Python's ``$`` also
matches before a final newline (so ``"E83464114\\n"``, a document number written as a block
scalar, passed ``^E[0-9]{8}$``), ``\\d`` and ``\\w`` match any script's digits and letters, ``\\s``
misses U+FEFF, and ``.`` matches ``\\r``.  ``translate`` rewrites a pattern so that ``re`` gives
ECMA-262's answer; both validate/fast.py and the jsonschema validator use ``compile_pattern``,
so they can never disagree.
"""

from __future__ import annotations

import re
from functools import cache

# ECMA-262 WhiteSpace and LineTerminator: what \s matches there.
_WS = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_OUTSIDE = {"s": f"[{_WS}]", "S": f"[^{_WS}]", "d": "[0-9]", "D": "[^0-9]"}
_OUTSIDE |= {"w": "[A-Za-z0-9_]", "W": "[^A-Za-z0-9_]"}
_INSIDE = {"s": _WS, "d": "0-9", "w": "A-Za-z0-9_"}


def translate(pattern: str) -> str:
    """A Python regular expression matching exactly what ``pattern`` matches in ECMA-262."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            table = _INSIDE if in_class else _OUTSIDE
            out.append(table.get(nxt, ch + nxt))
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
            if pattern.startswith("^", i + 1):
                out.append("^")
                i += 1
            if pattern.startswith("]", i + 1):  # ECMA: []] is an empty class then ']'; keep re's view
                out.append("\\]")
                i += 1
        elif ch == "$":
            out.append("\\Z")
        elif ch == ".":
            out.append("[^\\n\\r\\u2028\\u2029]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@cache
def compile_pattern(pattern: str) -> re.Pattern[str]:
    # re.ASCII: \b and any class escape left untranslated (\D, \W inside a class) stay ASCII, as in ECMA
    return re.compile(translate(pattern), re.ASCII)
