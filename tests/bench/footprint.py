"""``giaoban run`` as the operator starts it: the time until it polls for updates, and its
resident memory once idle, with one group configured and with many; the first start makes the
database, a restart finds it made and the roster in place."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from bot.local_api.server import LocalBotApi
from tests.bench.figures import Figure

ROOT = Path(__file__).parents[2]


QUESTIONS = (
    '[[groups.questions]]\nkey = "ket_qua"\ntext = "Kết quả"\n'
    '[[groups.questions]]\nkey = "ho"\ntext = "Số hộ"\nkind = "count"\n'
)


def groups_toml(groups: int, organizations: int) -> str:
    parts = []
    user = 600_000_000
    for g in range(groups):
        parts.append(f'[[groups]]\nchat_id = {-1_004_000_000_000 - g}\n'
                     f'name = "Nhóm số {g + 1}"\nsecretariat = [{user}]\n')  # fmt: skip
        user += 1
        for o in range(organizations):
            parts.append(f'[[groups.organizations]]\ncode = "tc{o}"\nname = "Tổ chức {o}"\n'
                         f"leaders = [{user}]\n")  # fmt: skip
            user += 1
        parts.append(QUESTIONS)
    return "\n".join(parts)


def resident_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise LookupError("no VmRSS")


async def start_and_idle(workdir: Path, *, groups: int, organizations: int) -> tuple[float, int]:
    """Seconds from exec to the first long poll (database made or brought to the newest
    schema, roster synced), and resident KiB after a few idle ticks. The database is
    ``footprint-<groups>.db`` in ``workdir``: new the first time, kept for the next."""
    api = LocalBotApi()
    await api.start()
    config = workdir / f"footprint-{groups}.toml"
    database = workdir / f"footprint-{groups}.db"
    config.write_text(f'[telegram]\napi_base_url = "{api.base_url}"\npoll_timeout = 1\n'
                      f'[storage]\nurl = "sqlite+aiosqlite:///{database}"\n'
                      f'[logging]\nlevel = "WARNING"\n[scheduler]\ntick_seconds = 1\n'
                      + groups_toml(groups, organizations), "utf-8")  # fmt: skip
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--config", str(config), cwd=ROOT,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": api.token},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await api.wait_polling(timeout=300)
        startup = time.perf_counter() - started
        # Idle: a few ticks of the weekly job (nothing due at the real time of day or not,
        # the memory is what a running bot holds).
        polls = len([c for c in api.calls if c.method == "getUpdates"])
        await api.wait_until(
            lambda: len([c for c in api.calls if c.method == "getUpdates"]) >= polls + 3,
            timeout=60,
        )
        memory = resident_kib(process.pid)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=60)
        await api.stop()
    return startup, memory


async def footprint_figures(workdir: Path, *, many: int) -> list[Figure]:
    figures = []
    for groups in (1, many):
        startup, memory = await start_and_idle(workdir, groups=groups, organizations=6)
        restart, _ = await start_and_idle(workdir, groups=groups, organizations=6)
        label = "1 group" if groups == 1 else f"{groups:,} groups"
        figures += [
            Figure(f"start-up to first poll, {label}", startup, "s",
                   "new database: schema and roster sync included"),
            Figure(f"start-up to first poll, {label}, restart", restart, "s",
                   "database made: revision checked, roster in place"),
            Figure(f"resident memory idle, {label}", memory / 1024, "MiB",
                   "after the first start"),
        ]  # fmt: skip
    return figures
