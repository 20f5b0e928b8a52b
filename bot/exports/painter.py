"""Charts drawn in a separate process, so that drawing never slows people's replies.

A chart is about 0.3 s of CPU in matplotlib, almost all of it Python holding the GIL: drawn in
a thread it still stalled the event loop, and forty of them on a Monday held 200 leaders'
replies up for seconds. One worker process (started with the first chart, kept for the next
ones, shared by every application in the process) draws them on the other core; the bot
sends it what to draw (the series, a few kilobytes) and gets the PNG back.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bot.exports.chart import ChartSeries, chart_series
from bot.exports.data import History

_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


async def draw_chart_png(history: History) -> bytes:
    """The chart of ``history`` as a PNG, drawn in the worker process."""
    series, lang = chart_series(history), history.group.language
    loop = asyncio.get_running_loop()
    pool = _executor()
    try:
        return await loop.run_in_executor(pool, _draw, series, lang)
    except BrokenProcessPool:
        # The worker died (killed, out of memory): start another, once. Only this pool is
        # dropped: another draw may have started a new one meanwhile.
        _discard(pool)
        return await loop.run_in_executor(_executor(), _draw, series, lang)


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # "spawn": a fresh interpreter, not a fork of one with an event loop and threads.
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_started,
                initargs=(os.getpid(),),
            )
        return _pool


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def _draw(series: ChartSeries, lang: str) -> bytes:
    from bot.exports.chart_drawing import draw

    return draw(series, lang)


def _worker_started(parent: int) -> None:
    """In the worker: leave when the bot is gone. A bot killed with SIGKILL cannot stop its
    worker; its queue then breaks, and the worker would print that to the bot's log."""
    with contextlib.suppress(OSError):
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the worker

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
