"""The pinned editor (site/forms/package-lock.json), installed once with npm ci when missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from privtravel.webforms import build


@pytest.fixture(scope="session")
def forms_npm() -> Path:
    """site/forms/node_modules: Decap CMS, js-yaml and decap-server as the lockfile pins them."""
    modules = build.SOURCES / "node_modules"
    if not (build.installed() and (modules / "decap-server" / "dist" / "index.js").is_file()):
        if shutil.which("npm") is None:
            if os.environ.get("CI"):
                pytest.fail("the web forms' tests need npm: .ci/run installs it")
            pytest.skip("npm is not installed")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=build.SOURCES,
            check=True,
            capture_output=True,
        )
    return modules
