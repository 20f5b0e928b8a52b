"""Digest benchmark: a group of 30 organizations with up to five years of weekly history, and
1,000 groups at once.

The figures show that building a digest costs the same whatever the history, because it reads
only the period shown and the one before (``WeeklyService.facts``).
"""

from __future__ import annotations

import itertools
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from bot.config import AppConfig, parse_config
from bot.core.conversation import ReportState
from bot.core.periods import PeriodKey, PeriodWindow
from bot.exports.chart import chart_png
from bot.exports.data import History
from bot.services.facts import CHART_WEEKS, read_history, recent_weeks
from bot.services.roster import sync_roster
from bot.services.weekly import WeeklyService
from bot.views.weekly import WeekTexts
from storage.database import Database
from storage.models import Answer, Group, Organization, Period, Person, Report
from tests.bench.figures import Figure, timed

# Monday 23 November 2026, 09:00 in Hồ Chí Minh City: the digest of 2026-W47 is due.
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SHOWN = PeriodKey.parse("2026-W47")

QUESTIONS: list[dict[str, Any]] = [
    {"key": "tuyen_truyen", "text": "Kết quả tuyên truyền, vận động trong tuần?"},
    {"key": "luot", "text": "Số lượt người được tuyên truyền", "kind": "count", "unit": "lượt"},
    {"key": "ho_kho_khan", "text": "Số hộ khó khăn được hỗ trợ", "kind": "count", "unit": "hộ"},
    {"key": "gia_tri", "text": "Giá trị hỗ trợ", "kind": "money"},
    {"key": "nong_san", "text": "Nông sản đã tiêu thụ", "kind": "number", "unit": "tấn"},
    {"key": "giam_sat", "text": "Có tham gia giám sát không?", "kind": "yesno"},
    {"key": "kien_nghi", "text": "Kiến nghị, đề xuất", "required": False, "proposals": True},
]
VALUES = {"text": "Tổ chức 3 buổi tuyên truyền tại ấp, xã; phát 500 tờ rơi.",
          "count": "120", "money": "15000000", "number": "2.5", "yesno": "yes"}  # fmt: skip


def bench_config(db_path: Path, *, groups: int, organizations: int) -> AppConfig:
    """``groups`` groups of ``organizations`` organizations, one leader each."""
    user_ids = itertools.count(700_000_000)
    data: dict[str, Any] = {
        "scheduler": {"tick_seconds": 0},
        "storage": {"url": f"sqlite+aiosqlite:///{db_path}"},
        "groups": [
            {
                "chat_id": -1_002_000_000_000 - g,
                "name": f"Nhóm MTT-CTXH số {g + 1}",
                "secretariat": [next(user_ids)],
                "organizations": [
                    {
                        "code": f"to_chuc_{o + 1}",
                        "name": f"Tổ chức số {o + 1}",
                        "leaders": [next(user_ids)],
                    }
                    for o in range(organizations)
                ],
                "questions": QUESTIONS,
            }
            for g in range(groups)
        ],
    }
    return parse_config(data)


async def open_bench_database(config: AppConfig) -> Database:
    db = Database(config.storage.url)
    await db.upgrade()
    await sync_roster(db, config, now=NOW - timedelta(days=7 * 400))
    return db


async def seed_history(db: Database, config: AppConfig, *, weeks: int) -> int:
    """``weeks`` closed periods ending with the one the digest shows, for every group: most
    organizations submitted every answer, some were late or missing. Returns the answers
    written."""
    rng = random.Random(47)
    written = 0
    async with db.engine.begin() as conn:
        for group_config in config.groups:
            group_id = (
                await conn.execute(select(Group.id).where(Group.chat_id == group_config.chat_id))
            ).scalar_one()
            organizations = (
                await conn.execute(
                    select(Organization.id, Organization.code).where(
                        Organization.group_id == group_id
                    )
                )
            ).all()
            first_leader = group_config.organizations[0].leaders[0]
            leader = (
                await conn.execute(select(Person.id).where(Person.user_id == first_leader))
            ).scalar_one()
            keys = [SHOWN]
            while len(keys) < weeks:
                keys.append(keys[-1].previous())
            deadline = group_config.schedule.deadline
            windows = {str(k): PeriodWindow.of(k, group_config.timezone, deadline) for k in keys}
            await conn.execute(insert(Period), [
                {"group_id": group_id, "key": key, "starts_at": w.starts_at,
                 "ends_at": w.ends_at, "deadline_at": w.deadline_at}
                for key, w in windows.items()
            ])  # fmt: skip
            # The bot has looked after the group since its first week (charts show them all).
            await conn.execute(update(Group).where(Group.id == group_id)
                               .values(created_at=windows[str(keys[-1])].starts_at))  # fmt: skip
            periods = (
                await conn.execute(select(Period.id, Period.key).where(Period.group_id == group_id))
            ).all()
            reports = []
            for period_id, key in periods:
                due = windows[key].deadline_at
                for organization_id, _ in organizations:
                    roll = rng.random()
                    if roll < 0.05:
                        continue  # missing
                    submitted = due + timedelta(hours=20 if roll < 0.15 else -30)
                    reports.append({"period_id": period_id, "organization_id": organization_id,
                                    "state": ReportState.SUBMITTED, "submitted_at": submitted,
                                    "submitted_by": leader, "created_at": submitted,
                                    "updated_at": submitted})  # fmt: skip
            await conn.execute(insert(Report), reports)
            stored = (
                await conn.execute(
                    select(Report.id, Report.submitted_at)
                    .join(Period)
                    .where(Period.group_id == group_id)
                )
            ).all()
            answers = [
                {"report_id": report_id, "question_key": q.key, "text": VALUES[q.kind],
                 "value": None if q.kind == "text" else VALUES[q.kind],
                 "answered_by": leader, "answered_at": submitted_at}
                for report_id, submitted_at in stored
                for q in group_config.questions
            ]  # fmt: skip
            await conn.execute(insert(Answer), answers)
            written += len(answers)
    return written


async def digest_by_history(
    workdir: Path, *, organizations: int, histories: tuple[int, ...], repeat: int
) -> list[Figure]:
    """The time of one digest for a group of ``organizations`` as its history grows."""
    figures = []
    for weeks in histories:
        config = bench_config(workdir / f"history-{weeks}.db", groups=1,
                              organizations=organizations)  # fmt: skip
        db = await open_bench_database(config)
        try:
            answers = await seed_history(db, config, weeks=weeks)
            service = WeeklyService(db, config, WeekTexts())
            chat_id = config.groups[0].chat_id

            async def digest(service: WeeklyService = service, chat_id: int = chat_id) -> None:
                text = await service.digest_of(chat_id, SHOWN, NOW)
                assert text is not None

            seconds = await timed(digest, repeat=repeat)
        finally:
            await db.dispose()
        figures.append(Figure(
            f"digest, {organizations} organizations, {weeks} weeks of history", seconds * 1000,
            "ms", f"{answers:,} answers stored"))  # fmt: skip
    return figures


async def chart_of_group(
    workdir: Path, *, organizations: int, weeks: int, repeat: int
) -> list[Figure]:
    """The chart after the digest: reading its weeks, and drawing the PNG."""
    config = bench_config(workdir / f"chart-{weeks}.db", groups=1, organizations=organizations)
    group_config = config.groups[0]
    db = await open_bench_database(config)
    try:
        await seed_history(db, config, weeks=weeks)

        async def read() -> History:
            async with db.unit_of_work() as uow:
                group = await uow.groups.by_chat_id(group_config.chat_id)
                assert group is not None
                keys = recent_weeks(group, group_config, SHOWN, CHART_WEEKS)
                return await read_history(uow, group, group_config, keys, NOW)

        history = await read()
        reading = await timed(read, repeat=repeat)

        async def draw() -> bytes:
            return chart_png(history)

        drawing = await timed(draw, repeat=repeat)
        size = len(await draw())
    finally:
        await db.dispose()
    name = f"chart, {organizations} organizations, {len(history.reports)} weeks"
    note = f"PNG of {size / 1024:.0f} KiB"
    return [Figure(f"{name}: reading", reading * 1000, "ms"),
            Figure(f"{name}: drawing", drawing * 1000, "ms", note)]  # fmt: skip


async def digests_for_groups(
    workdir: Path, *, groups: int, organizations: int, weeks: int
) -> list[Figure]:
    """Every group's digest built one after another; the Monday tick that claims them all
    (with the new period's call for reports) in the outbox; and the tick of every minute
    after, when everything is claimed."""
    config = bench_config(workdir / f"groups-{groups}.db", groups=groups,
                          organizations=organizations)  # fmt: skip
    db = await open_bench_database(config)
    try:
        await seed_history(db, config, weeks=weeks)
        service = WeeklyService(db, config, WeekTexts())

        async def every_digest() -> None:
            for group_config in config.groups:
                assert await service.digest_of(group_config.chat_id, SHOWN, NOW) is not None

        total = await timed(every_digest, repeat=1)

        started = time.perf_counter()
        claimed = await service.tick(NOW)
        tick = time.perf_counter() - started
        # Every minute after that, the tick finds everything claimed.
        idle = await timed(lambda: service.tick(NOW + timedelta(minutes=1)), repeat=5)
    finally:
        await db.dispose()
    note = f"{organizations} organizations each, {weeks} weeks of history"
    return [
        Figure(f"digests for {groups:,} groups, total", total, "s", note),
        Figure(f"digests for {groups:,} groups, per digest", total / groups * 1000, "ms"),
        Figure(f"Monday tick for {groups:,} groups (claims)", tick, "s",
               f"{claimed:,} messages claimed in the outbox (digest, chart, call)"),
        Figure(f"idle tick for {groups:,} groups", idle * 1000, "ms", "nothing left to claim"),
    ]  # fmt: skip
