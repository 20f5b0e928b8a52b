"""``make bench``: run every benchmark and print one table."""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from pathlib import Path

from tests.bench.busy_monday import busy_monday_figures
from tests.bench.digests import chart_of_group, digest_by_history, digests_for_groups
from tests.bench.figures import Figure, machine, table
from tests.bench.footprint import footprint_figures
from tests.bench.monday import monday_under_limits
from tests.bench.throughput import answer_figures


async def run(workdir: Path) -> list[Figure]:
    figures = await digest_by_history(workdir, organizations=30, histories=(2, 52, 260), repeat=20)
    figures += await monday_under_limits(workdir, groups=1000)
    figures += await footprint_figures(workdir, many=1000)
    figures += await answer_figures(workdir, answers=60, leaders=50, rounds=20)
    figures += await busy_monday_figures(workdir, leaders=200, groups=40, rounds=20)
    figures += await chart_of_group(workdir, organizations=30, weeks=52, repeat=10)
    figures += await digests_for_groups(workdir, groups=1000, organizations=6, weeks=4)
    return figures


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="giaoban-bench-") as workdir:
        figures = asyncio.run(run(Path(workdir)))
    print(f"Giao Ban benchmarks on {machine()}")
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
