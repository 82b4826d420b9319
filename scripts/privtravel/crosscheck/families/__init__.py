"""One module per family of findings; each has ``check(ctx, problems) -> Iterator[Finding]``.

``problems`` collects diagnostics a family meets on the way (a date outside the working-day calendar).
"""

from __future__ import annotations

from privtravel.crosscheck.families import approvals, custody, handling, registration, regulations, reports

FAMILIES = (regulations, registration, custody, approvals, reports, handling)
