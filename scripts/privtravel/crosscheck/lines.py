"""Lines of declaration records named by evidence, found by re-reading only the files shown."""

from __future__ import annotations

from pathlib import Path

import yaml

from privtravel.crosscheck.findings import Evidence
from privtravel.load.yaml_strict import compose_for_location, locate


class LineFinder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.nodes: dict[str, yaml.Node | None] = {}

    def line(self, evidence: Evidence) -> int:
        if evidence.line or evidence.json_path is None:
            return evidence.line
        if evidence.path not in self.nodes:
            try:
                text = (self.root / evidence.path).read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self.nodes[evidence.path] = None
            else:
                self.nodes[evidence.path] = compose_for_location(text)
        node = self.nodes[evidence.path]
        return 0 if node is None else locate(node, evidence.json_path)[0]
