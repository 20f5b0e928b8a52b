"""``make bench``: run every benchmark and print one table. ``python -m tests.bench footprint``
(or any of the names in ``BENCHMARKS``) runs only those."""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.bench.busy_monday import busy_monday_figures
from tests.bench.digests import chart_of_group, digest_by_history, digests_for_groups
from tests.bench.figures import Figure, machine, table
from tests.bench.footprint import footprint_figures
from tests.bench.monday import monday_under_limits
from tests.bench.provinces import province_figures
from tests.bench.throughput import answer_figures

Benchmark = Callable[[Path], Awaitable[list[Figure]]]
BENCHMARKS: dict[str, Benchmark] = {
    "digests": lambda w: digest_by_history(w, organizations=30, histories=(2, 52, 260), repeat=20),
    "monday": lambda w: monday_under_limits(w, groups=1000),
    "footprint": lambda w: footprint_figures(w, many=1000),
    "answers": lambda w: answer_figures(w, answers=60, leaders=50, rounds=20),
    "busy_monday": lambda w: busy_monday_figures(w, leaders=200, groups=40, rounds=20),
    "chart": lambda w: chart_of_group(w, organizations=30, weeks=52, repeat=10),
    "group_digests": lambda w: digests_for_groups(w, groups=1000, organizations=6, weeks=4),
    "province": lambda w: province_figures(w, provinces=1, communes=96, weeks=4),
}


async def run(workdir: Path, names: list[str]) -> list[Figure]:
    figures = []
    for name in names:
        figures += await BENCHMARKS[name](workdir)
    return figures


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    if unknown := [n for n in names if n not in BENCHMARKS]:
        print(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
        return 2
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="giaoban-bench-") as workdir:
        figures = asyncio.run(run(Path(workdir), names))
    print(f"Giao Ban benchmarks on {machine()}")
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
