"""`make bench`: run every bench/*_scale.py once, with its default size, and print their tables.

Each benchmark is a script of its own (run it directly to change the size); this only runs them in
turn.  Not part of `make test`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    failed = 0
    for script in sorted(Path(__file__).parent.glob("*_scale.py")):
        print(f"== {script.name}", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(script)], check=False)
        print(f"   ({time.perf_counter() - started:.1f} s in all, exit {done.returncode})\n", flush=True)
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
