"""Canonical declarations as YAML text: the schema line on top, keys in schema order, two-space
indentation, and quotes exactly where YAML would otherwise read a string as something else.

The text loads back through load/yaml_strict.py to the very same data (tests check this over
generated data), and the same data always gives the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from privtravel.excel.canonical import canonical
from privtravel.load.layout import Kind, schema_comment

_RESOLVER: Any = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`="
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def dump(kind: Kind, rel: str, data: dict[str, Any]) -> str:
    """The file ``rel`` holding ``data`` (made canonical first)."""
    lines = [schema_comment(rel, kind)]
    _mapping(canonical(kind, data), 0, lines)
    return "\n".join(lines) + "\n"


def _mapping(data: dict[str, Any], indent: int, lines: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for i, (key, value) in enumerate(data.items()):
        lead = first_prefix if (i == 0 and first_prefix is not None) else pad
        head = f"{lead}{_key(key)}:"
        if isinstance(value, dict):
            if not value:
                lines.append(f"{head} {{}}")
                continue
            lines.append(head)
            _mapping(value, indent + 2, lines)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{head} []")
            elif all(not isinstance(v, (dict, list)) for v in value):
                lines.append(f"{head} [{', '.join(_scalar(v, flow=True) for v in value)}]")
            else:
                lines.append(head)
                for item in value:
                    if isinstance(item, dict) and item:
                        _mapping(item, indent + 4, lines, first_prefix=f"{pad}  - ")
                    else:  # pragma: no cover - the schemas have no lists of lists
                        lines.append(f"{pad}  - {_scalar(item, flow=False)}")
        elif isinstance(value, str) and _literal_ok(value):
            lines.append(f"{head} |-")
            lines.extend(f"{pad}  {part}" if part else "" for part in value.split("\n"))
        else:
            lines.append(f"{head} {_scalar(value, flow=False)}")


def _key(key: str) -> str:
    return key if _plain_ok(key, flow=False) else _quoted(key)


def _scalar(value: Any, *, flow: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):  # pragma: no cover - the schemas have no decimals
        return repr(value)
    text = str(value)
    if _DATE.match(text) and not flow:
        return text  # read back as the same ISO date string by the strict loader
    return text if _plain_ok(text, flow=flow) else _quoted(text)


def _printable(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and ch not in "\u2028\u2029\ufeff"


def _plain_ok(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip(" ") or text[0] in _INDICATORS:
        return False
    if text[0].isdigit():  # numbers-that-are-text (编号, 电话, 身份号码) stay quoted, as HR are told
        return False
    if ": " in text or " #" in text or text.endswith(":") or not all(_printable(ch) for ch in text):
        return False
    if flow and any(ch in text for ch in ",[]{}"):
        return False
    return bool(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR)


def _literal_ok(text: str) -> bool:
    """Multi-line text reads best as a literal block, when the block gives it back exactly."""
    if "\n" not in text or text.startswith(("\n", " ")) or text.endswith("\n"):
        return False
    return all(_printable(ch) for part in text.split("\n") for ch in part) and all(
        part == part.rstrip(" ") for part in text.split("\n")
    )


def _quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)
