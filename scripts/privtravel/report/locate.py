"""Give rule diagnostics their line and column, re-reading only the files that have any."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from privtravel.diagnostics import Diagnostic
from privtravel.load.yaml_strict import compose_for_location, locate


def resolve(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    pending: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        if d.line == 0 and d.json_path is not None:
            pending[d.path].append(i)
    out = list(diagnostics)
    for path, indices in pending.items():
        try:
            text = (root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        node = compose_for_location(text)
        if node is None:
            continue
        for i in indices:
            d = out[i]
            assert d.json_path is not None
            line, col = locate(node, d.json_path)
            out[i] = replace(d, line=line, col=col)
    return out
