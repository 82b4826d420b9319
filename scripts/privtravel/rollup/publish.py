"""A campaign's 附件2 and 附件3 as the JSON a roll-up reads: every figure and its 口径, no person.

The dashboard's 统计表.json names the persons and records behind each figure; what goes upward keeps
the figures, the columns and the data version (the commit a reviewer can trace them in) and drops
the rest.
"""

from __future__ import annotations

import json
from typing import Any

from privtravel.export import json as json_export
from privtravel.stats.compute import Statistics

PURPOSE = "向上报送（只含统计数字，不含人员信息）"


def document(stats: Statistics) -> bytes:
    data: dict[str, Any] = json_export.as_dict_all(stats, None)
    for table in data["表"]:
        for row in table["行"]:
            row.pop("来源", None)
    data = {"用途": PURPOSE, **data}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
