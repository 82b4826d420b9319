"""The campaign config for the workflow commands: loaded strictly, or a clear stop."""

from __future__ import annotations

from pathlib import Path

from privtravel.diagnostics import FatalError, Result
from privtravel.load import repository
from privtravel.load.layout import CAMPAIGN_FILE
from privtravel.model import Campaign
from privtravel.report import locate, text


def load_campaign(root: Path, where: str = "") -> Campaign:
    """campaign.yaml under ``root``; its errors stop the command (``where`` names the tree, e.g. 合并基点)."""
    result = Result()
    campaign = repository.load_campaign(root, result)
    if campaign is None:
        lines = [text.line(d) for d in locate.resolve(root, result.errors)]
        raise FatalError(f"{where}{CAMPAIGN_FILE} 有错误，先改正：\n" + "\n".join(lines))
    return campaign
