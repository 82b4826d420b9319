"""Finding and masking full document and ID numbers inside free text (problem descriptions, evidence).

The masking functions of privtravel.masking take a number; free text written by people may contain
one anywhere.  These patterns are the document number formats of REFERENCE.md and the 18-digit ID.
"""

from __future__ import annotations

import re

from privtravel.masking import document_number, id_number

_ID = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
# E12345678, EA1234567, G12345678, C12345678, CA1234567, W12345678, L12345678, T12345678
_DOCUMENT = re.compile(r"(?<![0-9A-Za-z])[EGCWLT][0-9A-HJ-NP-Z][0-9]{7}(?![0-9A-Za-z])")


def has_full_number(text: str) -> bool:
    return bool(_ID.search(text) or _DOCUMENT.search(text))


def mask_text(text: str) -> str:
    """The text with every full ID and document number masked as the dashboard shows them."""
    text = _ID.sub(lambda m: id_number(m.group(0)), text)
    return _DOCUMENT.sub(lambda m: document_number(m.group(0)), text)
