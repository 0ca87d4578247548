"""`make bench`: run every benchmark module in tests/bench (files named bench_*.py).

Each module has a main() that prints its figures. Benchmarks measure; they never fail a build.
"""

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main() -> int:
    wanted = set(sys.argv[1:])
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        importlib.import_module(f"tests.bench.{name}").main()
        print(f"({name} took {time.perf_counter() - started:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
