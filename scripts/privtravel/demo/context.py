"""The random source of a generated campaign and everything that must stay unique across it."""

from __future__ import annotations

import datetime as dt
import random

from privtravel.demo import lexicon as lx
from privtravel.demo.numbers import document_number, plus_years
from privtravel.demo.options import Options
from privtravel.demo.world import Doc


class Context:
    """The random source and everything that must stay unique across the campaign."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.rng = random.Random(options.seed)
        self.id_numbers: set[str] = set()
        self.doc_numbers: set[str] = set()

    def name(self, sex: str) -> str:
        rng = self.rng
        chars = lx.GIVEN_MALE if sex == "男" else lx.GIVEN_FEMALE
        given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
        return rng.choice(lx.SURNAMES) + given

    def doc(self, doc_type: str, issued: dt.date, keeper: str, deposited: dt.date | None) -> Doc:
        number = document_number(self.rng, doc_type, issued, self.doc_numbers)
        return Doc(doc_type, number, issued, plus_years(issued, 10), keeper, deposited)
