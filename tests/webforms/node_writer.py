"""Run site/forms/privtravel-yaml.js in Node.js (Debian's nodejs, installed with npm by .ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from privtravel.webforms import shapes

REPO = Path(__file__).parents[2]
WRITER = REPO / "site" / "forms" / "privtravel-yaml.js"
NODE = shutil.which("node") or shutil.which("nodejs")

_SCRIPT = """
const fs = require("fs");
const P = require(process.argv[1]);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const writer = P.makeWriter(input.shapes);
const out = input.cases.map((c) => {
  if (c.op === "dump") return writer.dump(c.kind, c.modeline, c.data);
  if (c.op === "form") {  // what Decap's save does: the registered format's toFile
    const formats = {};
    const CMS = { registerCustomFormat: (name, ext, f) => { formats[name] = f; } };
    const jsyaml = { load: () => { throw new Error("not used"); }, CORE_SCHEMA: null };
    P.register(CMS, jsyaml, input.shapes, { f: { kind: c.kind, modeline: c.modeline } });
    return formats.f.toFile(c.data);
  }
  throw new Error(c.op);
});
process.stdout.write(JSON.stringify(out));
"""


def node() -> str:
    if NODE is None:
        if os.environ.get("CI"):
            pytest.fail("the web forms' tests need Node.js (npm installs it; .ci/run installs npm)")
        pytest.skip("Node.js is not installed")
    return NODE


def run(cases: list[dict[str, Any]]) -> list[str]:
    """Each case {op: dump|form, kind, modeline, data} → the text the browser's writer gives."""
    payload = json.dumps({"shapes": shapes.shapes(), "cases": cases}, ensure_ascii=False)
    done = subprocess.run(
        [node(), "-e", _SCRIPT, str(WRITER)], input=payload.encode(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    result: list[str] = json.loads(done.stdout)
    return result
