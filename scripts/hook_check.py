"""pre-commit entry for this repository: `python scripts/hook_check.py FILE...`.

Running a script puts its folder (scripts/) on sys.path, so the package is used straight from
the checkout, at the commit being made, without installing it.
"""

import sys

from privtravel.cli import main

raise SystemExit(main(["check", *sys.argv[1:]]))
