"""The table ``make bench`` prints."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    note: str = ""


async def timed(action: Callable[[], Awaitable[object]], *, repeat: int) -> float:
    """The median wall time of ``action`` in seconds over ``repeat`` runs (after one warm-up)."""
    await action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        await action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def machine() -> str:
    import os

    return f"{platform.python_implementation()} {platform.python_version()}, " \
        f"{os.cpu_count()} CPU, {platform.machine()} {platform.system()}"  # fmt: skip


def table(figures: list[Figure]) -> str:
    width = max(len("benchmark"), *(len(f.name) for f in figures))
    lines = [f"{'benchmark':<{width}}  {'value':>12}  unit   note", "-" * (width + 40)]
    for f in figures:
        lines.append(f"{f.name:<{width}}  {f.value:>12,.2f}  {f.unit:<5}  {f.note}".rstrip())
    return "\n".join(lines)
