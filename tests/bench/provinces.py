"""Two levels on one install: a province's group above its communes' groups, the communes
asking one template's questions. The province's roll-up of its communes for a week (goal:
within 1 s for 96 communes), the Monday tick that claims every group's digest and call, and
the tick of every minute after.

Issue 18 also asks for all 34 provinces and 3,321 communes (about 20,000 leaders): ``run``
with ``provinces=34, communes=98`` measures it (not part of ``make bench``: it takes minutes).
"""

from __future__ import annotations

import itertools
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.config import AppConfig, parse_config
from bot.services.facts import read_rollup
from bot.services.weekly import WeeklyService
from bot.views.weekly import WeekTexts
from tests.bench.digests import NOW, QUESTIONS, SHOWN, open_bench_database, seed_history
from tests.bench.figures import Figure, timed

ORGANIZATIONS = ("mttq", "doan", "hlhpn", "hnd", "hccb", "ldld")


def provinces_config(db_path: Path, *, provinces: int, communes: int) -> AppConfig:
    """``provinces`` province groups, each above ``communes`` commune groups of six
    organizations; the communes share the template "xa"."""
    users = itertools.count(600_000_000)

    def organizations() -> list[dict[str, Any]]:
        return [
            {"code": code, "name": code.upper(), "leaders": [next(users)]} for code in ORGANIZATIONS
        ]

    groups: list[dict[str, Any]] = []
    for p in range(provinces):
        province = -1_003_000_000_000 - p * 1000
        groups.append(
            {
                "chat_id": province,
                "name": f"Tỉnh số {p + 1}",
                "secretariat": [next(users)],
                "organizations": organizations(),
                "questions": QUESTIONS,
                "digest_chart": False,
            }
        )
        groups += [
            {
                "chat_id": province - 1 - c,
                "name": f"Xã số {c + 1} tỉnh {p + 1}",
                "secretariat": [next(users)],
                "organizations": organizations(),
                "template": "xa",
                "parent": province,
                "digest_chart": False,
            }
            for c in range(communes)
        ]
    data: dict[str, Any] = {
        "scheduler": {"tick_seconds": 0},
        "storage": {"url": f"sqlite+aiosqlite:///{db_path}"},
        "templates": [{"name": "xa", "questions": QUESTIONS}],
        "groups": groups,
    }
    return parse_config(data)


async def province_figures(
    workdir: Path, *, provinces: int = 1, communes: int = 96, weeks: int = 2
) -> list[Figure]:
    config = provinces_config(
        workdir / f"provinces-{provinces}-{communes}.db", provinces=provinces, communes=communes
    )
    started = time.perf_counter()
    db = await open_bench_database(config)
    opened = time.perf_counter() - started
    try:
        await seed_history(db, config, weeks=weeks)
        province = config.groups[0]

        async def roll_up() -> None:
            async with db.unit_of_work() as uow:
                assert await read_rollup(uow, config, province, SHOWN, NOW) is not None

        rollup = await timed(roll_up, repeat=3)
        service = WeeklyService(db, config, WeekTexts())
        started = time.perf_counter()
        claimed = await service.tick(NOW)
        tick = time.perf_counter() - started
        idle = await timed(lambda: service.tick(NOW + timedelta(minutes=1)), repeat=3)
    finally:
        await db.dispose()
    groups = len(config.groups)
    shape = f"{provinces} province(s) of {communes} communes, {groups:,} groups"
    return [
        Figure(f"database and roster, {groups:,} groups", opened, "s", shape),
        Figure(
            f"a province's roll-up of {communes} communes",
            rollup * 1000,
            "ms",
            "goal: within 1 s; each commune's digest read with its lũy kế",
        ),
        Figure(
            f"Monday tick, {groups:,} groups",
            tick,
            "s",
            f"{claimed:,} messages claimed (digests with roll-ups, calls)",
        ),
        Figure(f"idle tick, {groups:,} groups", idle * 1000, "ms", "goal: within 1 s"),
    ]
