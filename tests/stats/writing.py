"""Write a declaration again in another of the ways the format allows, keeping every fact.

A ``Way`` says how: the order of keys, flow or block style, quoting, indentation, dates quoted or not,
optional empty lists and false flags omitted or written out, the schema line kept or dropped.  The
result must load to the same facts; tests check that the figures and findings do not move.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any

import yaml

# Optional fields whose absence means the same as the empty list or false (load/build.py's defaults),
# by a field that tells which record a mapping is.
OPTIONAL = {
    "问题类型": {"处理": [], "责任追究": []},  # a case (a 整改 names a 问题编号 too)
    "交存日期": {"领用记录": []},  # a document in custody
    "公民身份号码": {"从严审查情形": [], "委管干部": False},  # a roster person
    "报告类型": {"持有证件": [], "出国境情况": []},  # a report
}


@dataclass(frozen=True)
class Way:
    seed: int
    shuffle_keys: bool
    flow: float  # chance that a mapping or list below the top level is written in flow style
    quoting: str  # "plain", "double", "single" or "mixed"
    indent: int  # 2 or 4
    indentless: bool  # block lists under a key start at the key's column
    omit_empty: bool  # optional empty lists and false flags left out (else written out)
    quote_dates: bool
    schema_line: bool


def rewrite(text: str, way: Way, salt: str) -> str:
    """``text`` (one valid declaration) written the ``way`` given; ``salt`` varies choices per file."""
    lines = text.splitlines()
    head = [lines[0]] if lines and lines[0].startswith("# yaml-language-server:") else []
    data = yaml.safe_load(text)
    emitter = _Emitter(way, random.Random(f"{way.seed}:{salt}"))
    body = emitter.mapping_block(_normalise(data, way), 0)
    return "\n".join([*(head if way.schema_line else []), *body]) + "\n"


def _normalise(value: Any, way: Way) -> Any:
    if isinstance(value, dict):
        defaults = next((d for marker, d in OPTIONAL.items() if marker in value), {})
        out = {}
        for key, item in value.items():
            if way.omit_empty and key in defaults and item == defaults[key]:
                continue
            out[key] = _normalise(item, way)
        if not way.omit_empty:
            for key, empty in defaults.items():
                out.setdefault(key, empty)
        return out
    if isinstance(value, list):
        return [_normalise(v, way) for v in value]
    return value


class _Emitter:
    def __init__(self, way: Way, rng: random.Random) -> None:
        self.way = way
        self.rng = rng

    def keys(self, mapping: dict[str, Any]) -> list[str]:
        keys = list(mapping)
        if self.way.shuffle_keys:
            self.rng.shuffle(keys)
        return keys

    # --- block style ------------------------------------------------------------------------------

    def mapping_block(self, mapping: dict[str, Any], indent: int) -> list[str]:
        pad = " " * indent
        out: list[str] = []
        for key in self.keys(mapping):
            out += self.entry(pad + self.key(key) + ":", mapping[key], indent)
        return out

    def entry(self, lead: str, value: Any, indent: int) -> list[str]:
        """``lead`` is ``key:`` or ``- key:``; the value goes after it or below it."""
        if isinstance(value, dict) and value:
            if indent > 0 and self.rng.random() < self.way.flow:
                return [f"{lead} {self.flow(value)}"]
            return [lead, *self.mapping_block(value, indent + self.way.indent)]
        if isinstance(value, list) and value:
            if indent > 0 and self.rng.random() < self.way.flow:
                return [f"{lead} {self.flow(value)}"]
            return [
                lead,
                *self.list_block(value, indent if self.way.indentless else indent + self.way.indent),
            ]
        return [f"{lead} {self.scalar(value, flow=False)}"]

    def list_block(self, items: list[Any], indent: int) -> list[str]:
        pad = " " * indent
        out: list[str] = []
        for item in items:
            if isinstance(item, dict) and item:
                inner = self.mapping_block(item, indent + 2)
                out.append(pad + "- " + inner[0].lstrip())
                out += inner[1:]
            elif isinstance(item, (dict, list)):
                out.append(pad + "- " + self.flow(item))
            else:
                out.append(pad + "- " + self.scalar(item, flow=False))
        return out

    # --- flow style -------------------------------------------------------------------------------

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.key(k)}: {self.flow(value[k])}" for k in self.keys(value)) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value, flow=True)

    # --- scalars ----------------------------------------------------------------------------------

    def key(self, key: str) -> str:
        return key if _plain_ok(key, flow=True) and self.rng.random() < 0.8 else self.quoted(key)

    def scalar(self, value: Any, *, flow: bool) -> str:
        if value is True or value is False:
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, dt.date):
            text = value.isoformat()
            return self.quoted(text) if self.way.quote_dates else text
        if isinstance(value, list):
            return "[]"
        if isinstance(value, dict):
            return "{}"
        assert isinstance(value, str), value
        style = self.way.quoting
        if style == "mixed":
            style = self.rng.choice(("plain", "double", "single"))
        if style == "plain" and _plain_ok(value, flow=flow):
            return value
        if style == "single" and "\n" not in value:
            return "'" + value.replace("'", "''") + "'"
        return json.dumps(value, ensure_ascii=False)

    def quoted(self, text: str) -> str:
        if self.rng.random() < 0.5 and "\n" not in text:
            return "'" + text.replace("'", "''") + "'"
        return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, *, flow: bool) -> bool:
    """A plain scalar that reads back as this very string (and is not an implicit number, date, bool)."""
    if not text or text != text.strip() or "\n" in text or "#" in text or ": " in text or text.endswith(":"):
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`" or (flow and any(c in text for c in ",[]{}")):
        return False
    try:
        loaded = yaml.safe_load(f"k: [{text}]" if flow else f"k: {text}")
    except yaml.YAMLError:
        return False
    got = loaded["k"][0] if flow else loaded["k"]
    return isinstance(got, str) and got == text
