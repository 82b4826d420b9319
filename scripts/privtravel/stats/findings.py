"""The seam through which the cross-check's confirmed findings reach the statistics.

The cross-check with the police records (another module) produces findings; a unit answers each one
in its own declarations, and those confirmed as real problems are handed to ``stats.compute`` as plain
records.  Until the cross-check exists nothing is handed over, and the columns that use findings
count only what the declarations themselves establish (see each column's 统计口径).
"""

from __future__ import annotations

from dataclasses import dataclass

from privtravel.model import Src

# The notice's wording of the problem a finding confirms, as in 附件2 and in 违规问题.yaml.
UNAPPROVED_TRIP = "未经批准擅自出国(境)"


@dataclass(frozen=True, slots=True)
class ConfirmedFinding:
    unit: str  # 单位代码
    person: str  # the person's 编号 within the unit
    code: str  # the cross-check's stable finding code
    kind: str  # the problem in the notice's words, e.g. 未经批准擅自出国(境)
    src: Src  # the evidence: the police record or declaration the finding rests on
    summary: str = ""  # a short Chinese description, numbers already masked
