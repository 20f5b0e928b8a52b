"""A busy week of forty groups under everything real Telegram and a bad host do at once: two
groups upgraded to supergroups (one announced by service messages, one found by a refused
send), the bot removed from a group and added back, a secretary blocking the bot, an update
the library cannot read, storms of 429 and 502, and SIGKILL at many moments, the bot
restarted each time by a supervisor.

At the end: every scheduled message reached every group it was for (at its current chat id)
once, and once more at most where Telegram took it from a bot killed before it heard so;
every answer a leader was told was recorded is stored; SQLite is intact; and the logs hold
no traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.local_api.server import BotMessage, LocalBotApi, User
from tests.crash.test_sigkill import WAIT, Deliveries, Killer, Supervisor, local

GROUPS = 40
ORGANIZATIONS = ("doan", "hnd")
UPGRADED_ANNOUNCED, UPGRADED_SILENTLY, REMOVED, BLOCKING = 5, 9, 13, 4
REPORTING = range(0, 40, 3)  # the groups whose leaders report during the week


def chat_id(n: int) -> int:
    return -7000 - n  # basic groups


def new_chat_id(n: int) -> int:
    return -1007000000000 - n


def secretary_id(n: int) -> int:
    return 800000 + n * 10


def leader_id(n: int, code: str) -> int:
    return secretary_id(n) + 1 + ORGANIZATIONS.index(code)


def config_text(api: LocalBotApi, database: Path) -> str:
    groups = []
    for n in range(GROUPS):
        organizations = "".join(
            f'[[groups.organizations]]\ncode = "{code}"\nname = "{code.upper()} {n}"\n'
            f"leaders = [{leader_id(n, code)}]\n\n"
            for code in ORGANIZATIONS
        )
        groups.append(f"""
[[groups]]
chat_id = {chat_id(n)}
name = "Xã {n}"
secretariat = [{secretary_id(n)}]
digest_chart = {"true" if n == 0 else "false"}

[groups.schedule]  # the schedule this test was written against
reminder = "thursday 17:00"
deadline = "friday 17:00"

{organizations}
[[groups.questions]]
key = "ho"
text = "Hộ được hỗ trợ"
kind = "count"
unit = "hộ"
""")
    return f"""
[telegram]
api_base_url = "{api.base_url}"
poll_timeout = 1
[telegram.limits]
messages_per_second = 1000
group_messages_per_minute = 10000
chat_messages_per_second = 1000
max_retries = 2

[storage]
url = "sqlite+aiosqlite:///{database}"

[scheduler]
tick_seconds = 0.5
""" + "".join(groups)


def pending(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        [(count,)] = connection.execute(
            "SELECT count(*) FROM sent_messages s WHERE state = 'pending' AND chat_id NOT IN "
            "(SELECT chat_id FROM unreachable_chats)"
        ).fetchall()
    return int(count)


def claimed(database: Path, key: str, kind: str) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        [(count,)] = connection.execute(
            "SELECT count(*) FROM sent_messages s JOIN periods p ON p.id = s.period_id "
            "WHERE p.key = ? AND s.kind = ?",
            (key, kind),
        ).fetchall()
    return int(count)


def submitted(database: Path, n: int, code: str) -> bool:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        row = connection.execute(
            "SELECT r.state FROM reports r JOIN organizations o ON o.id = r.organization_id "
            "JOIN groups g ON g.id = o.group_id WHERE o.code = ? AND g.name = ?",
            (code, f"Xã {n}"),
        ).fetchone()
    return row is not None and row[0] == "submitted"


class Week:
    """The test's side of the world: people, and the clock moved through the week."""

    def __init__(self, api: LocalBotApi, supervisor: Supervisor) -> None:
        self.api = api
        self.supervisor = supervisor
        self.groups = {n: api.group(chat_id(n), f"Xã {n}") for n in range(GROUPS)}
        self.secretaries = {n: api.user(secretary_id(n), f"Thư {n}") for n in range(GROUPS)}
        self.leaders = {
            (n, code): api.user(leader_id(n, code), f"{code} {n}")
            for n in range(GROUPS)
            for code in ORGANIZATIONS
        }

    async def wait_for(
        self,
        chat: int,
        seen: int,
        match: Callable[[BotMessage], bool],
        also: Callable[[], bool] = lambda: False,
    ) -> None:
        def ready() -> bool:
            return any(match(m) for m in self.api.messages_to(chat)[seen:]) or also()

        await self.api.wait_until(ready, timeout=WAIT)

    async def say(
        self, user: User, text: str, expect: str, also: Callable[[], bool] = lambda: False
    ) -> BotMessage | None:
        chat = self.api.private_chat(user)
        seen = len(self.api.messages_to(chat.id))
        self.api.send(chat, user, text)
        await self.wait_for(chat.id, seen, lambda m: expect in (m.plain_text or ""), also)
        found = [m for m in self.api.messages_to(chat.id)[seen:] if expect in (m.plain_text or "")]
        return found[-1] if found else None

    async def report(self, n: int, code: str) -> None:
        user = self.leaders[(n, code)]

        def done() -> bool:
            return submitted(self.supervisor.database, n, code)

        if done():
            return
        await self.say(user, "/baocao", "Câu 1/1", also=done)
        review = await self.say(user, "120", "Gửi báo cáo", also=done)
        if review is None or done():
            return
        chat = self.api.private_chat(user)
        seen = len(self.api.messages_to(chat.id))
        self.api.press(review, user, review.button("Gửi báo cáo"))
        await self.wait_for(
            chat.id, seen, lambda m: "Đã nhận báo cáo" in (m.plain_text or ""), also=done
        )

    async def at(self, instant: datetime, key: str, kind: str, groups: int = GROUPS) -> None:
        """Move the clock; wait until the bot has claimed ``kind`` of ``key`` for ``groups``
        groups and delivered everything due (nudging the clock past the retry backoffs that
        Telegram's refusals caused)."""
        self.supervisor.set_clock(instant)
        database = self.supervisor.database
        await self.api.wait_until(lambda: claimed(database, key, kind) >= groups, timeout=WAIT)
        for minute in range(1, 40):
            try:
                await self.api.wait_until(lambda: pending(self.supervisor.database) == 0, timeout=4)
                return
            except TimeoutError:
                self.supervisor.set_clock(instant + timedelta(minutes=minute))
        raise AssertionError("messages still pending")


@pytest.mark.timeout(600)
async def test_a_chaotic_week_of_forty_groups_delivers_everything_once_and_loses_nothing(
    tmp_path: Path,
) -> None:
    api = LocalBotApi("123456789:CRASH-TEST-TOKEN")
    await api.start()
    supervisor = Supervisor(api, tmp_path)
    supervisor.config.write_text(config_text(api, supervisor.database), "utf-8")
    try:
        await _play(api, supervisor)
    finally:
        await supervisor.stop()
        await api.stop()


async def _play(api: LocalBotApi, supervisor: Supervisor) -> None:
    week = Week(api, supervisor)
    killer = Killer(supervisor, every=10)
    deliveries = Deliveries(supervisor, killer)
    supervisor.set_clock(local(23, 7))
    await supervisor.start()
    await api.wait_polling(timeout=WAIT)
    for n in range(GROUPS):  # every secretary has pressed Start
        await week.say(week.secretaries[n], "/start", "Xin chào")
    api.on_call = deliveries

    # Before Monday's call: one group upgraded without a word, the bot removed from another.
    admin = api.user(1, "Quản trị")
    api.migrate(
        week.groups[UPGRADED_SILENTLY], new_chat_id(UPGRADED_SILENTLY), admin, announce=False
    )
    api.remove_bot(week.groups[REMOVED], by=week.secretaries[REMOVED])
    api.push_unreadable(week.groups[0])
    api.fail("sendMessage", error_code=429, retry_after=1, times=12)
    await week.at(local(23, 8), "2026-W48", "call", GROUPS - 1)  # not where the bot was removed

    # Monday: reports come in; a group is upgraded with its service messages; a storm of 502.
    supervisor.set_clock(local(23, 9))
    for n in REPORTING[:7]:
        for code in ORGANIZATIONS:
            await week.report(n, code)
    api.migrate(week.groups[UPGRADED_ANNOUNCED], new_chat_id(UPGRADED_ANNOUNCED), admin)
    api.fail("sendMessage", error_code=502, times=8)
    api.fail("getUpdates", error_code=502, times=3)

    # Tuesday: the bot is added back; the call it missed still makes sense and goes out.
    api.add_bot(week.groups[REMOVED], by=week.secretaries[REMOVED])
    await week.at(local(24, 9), "2026-W48", "call")
    api.block(week.secretaries[BLOCKING])
    for n in REPORTING[7:]:
        await week.report(n, "doan")
    await week.at(local(26, 17), "2026-W48", "reminder")  # Thursday
    api.fail("sendMessage", error_code=429, retry_after=1, times=12)
    await week.at(local(27, 17), "2026-W48", "deadline")  # Friday
    await week.at(local(30, 8), "2026-W48", "digest")  # Monday: the digests,
    await week.at(local(30, 8), "2026-W49", "call")  # and week 49's call
    api.on_call = None
    await supervisor.stop()

    _check(api, supervisor, killer, deliveries)


def _check(
    api: LocalBotApi, supervisor: Supervisor, killer: Killer, deliveries: Deliveries
) -> None:
    logs = supervisor.logs()
    repeated = [key for key in killer.unheard if key.startswith("sendMessage:")]
    print(
        f"{supervisor.kills} kills, {len(killer.unheard)} calls done but unheard, "
        f"{len(repeated)} of them sends"
    )
    assert "Traceback" not in logs, logs[-5000:]
    assert supervisor.kills >= 10, supervisor.kills

    with sqlite3.connect(supervisor.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        ledger = connection.execute(
            "SELECT g.name, g.chat_id, p.key, s.kind, s.slot, s.state, s.chat_id, s.text "
            "FROM sent_messages s JOIN periods p ON p.id = s.period_id "
            "JOIN groups g ON g.id = p.group_id WHERE s.state != 'skipped' ORDER BY s.id"
        ).fetchall()
        answers = connection.execute(
            "SELECT g.name, o.code, r.state, a.text, a.value FROM answers a "
            "JOIN reports r ON r.id = a.report_id JOIN organizations o ON o.id = r.organization_id "
            "JOIN groups g ON g.id = o.group_id ORDER BY g.id, o.code"
        ).fetchall()
        aside = connection.execute("SELECT kind FROM set_aside_updates").fetchall()
        groups = dict(connection.execute("SELECT name, chat_id FROM groups").fetchall())

    # The moved groups live at their new ids; the others where they were.
    assert groups == {
        f"Xã {n}": new_chat_id(n) if n in (UPGRADED_ANNOUNCED, UPGRADED_SILENTLY) else chat_id(n)
        for n in range(GROUPS)
    }
    assert aside == [("chat_boost",)]
    # Everything claimed was delivered, to the chat the group has now (private lists aside).
    assert {state for *_, state, _, _ in ledger} == {"sent"}
    for name, group_chat, key, kind, _, _, target, _ in ledger:
        if kind not in ("overdue_list", "chat_moved", "bot_removed", "bot_back"):
            # (what was sent before a group moved stays recorded at its old id)
            old = chat_id(int(name.removeprefix("Xã ")))
            assert target == group_chat or (target == old and key == "2026-W48"), (name, kind)
    kinds = {(name, key, kind) for name, _, key, kind, *_ in ledger}
    for n in range(GROUPS):
        expected = {("2026-W48", "call"), ("2026-W48", "digest"), ("2026-W49", "call")}
        assert {(k, kind) for name, k, kind in kinds if name == f"Xã {n}"} >= expected, n
    # The blocked secretary got no private list but a mention in the group's deadline notice;
    # the others whose groups had someone overdue got theirs.
    lists = {slot for _, _, _, kind, slot, *_ in ledger if kind == "overdue_list"}
    assert str(secretary_id(BLOCKING)) not in lists
    assert str(secretary_id(BLOCKING + 1)) in lists
    [deadline] = [
        text
        for name, _, key, kind, *_, text in ledger
        if name == f"Xã {BLOCKING}" and kind == "deadline"
    ]
    assert f"tg://user?id={secretary_id(BLOCKING)}" in deadline
    # Each scheduled text arrived, and a copy more only from a run that came after a kill.
    for *_, target, text in ledger:
        if target is not None and target < 0 and text:
            runs = deliveries.runs.get((target, text), [])
            assert runs, (target, text[:60])
            assert len(runs) == len(set(runs)), (target, text[:60], runs)
    # Nothing was sent to a group's old id once Telegram had moved it.
    for n in (UPGRADED_ANNOUNCED, UPGRADED_SILENTLY):
        assert not [m for m in api.messages_to(chat_id(n)) if "2026-W49" in (m.text or "")]
    # Every answer a leader was told was recorded is there, as given.
    reported = {(f"Xã {n}", code) for n in REPORTING[:7] for code in ORGANIZATIONS}
    reported |= {(f"Xã {n}", "doan") for n in REPORTING[7:]}
    assert {(name, code) for name, code, *_ in answers} == reported
    assert {(state, text, value) for *_, state, text, value in answers} == {
        ("submitted", "120", "120")
    }
