"""What a check result depends on besides a unit's own files (the salt), and file digests."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from privtravel import __version__
from privtravel.load.cache import records
from privtravel.load.layout import CAMPAIGN_FILE


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def salt(root: Path, package_dir: Path | None = None, schema_dir: Path | None = None) -> str:
    """Everything a check result depends on besides the unit's own files."""
    import yaml

    from privtravel.validate.schemas import schema_dir as default_schema_dir

    h = hashlib.blake2b(digest_size=16)
    versions = (records.FORMAT, sys.version, __version__, yaml.__version__, _version("jsonschema"))
    h.update(repr(versions).encode())
    package = package_dir or Path(__file__).resolve().parents[2]
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted((schema_dir or default_schema_dir()).glob("*.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    campaign = root / CAMPAIGN_FILE
    h.update(b"campaign\0" + (campaign.read_bytes() if campaign.is_file() else b"<missing>"))
    return h.hexdigest()


def _version(distribution: str) -> str:
    """A distribution's version, without importing it (a warm check never needs jsonschema)."""
    from importlib.metadata import version

    try:
        return version(distribution)
    except Exception:  # pragma: no cover - not installed as a distribution
        return "?"
