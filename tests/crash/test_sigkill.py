"""Crash safety: ``giaoban run`` as a separate process against the local Bot API server, killed
with SIGKILL at many moments of a busy week (mid-conversation, mid-digest, mid-send) and
restarted each time. At the end: every answer a leader was told was recorded is stored, every
submitted report is intact, every scheduled message arrived once, and SQLite is intact.

The one exception is measured, not hidden: a message Telegram accepted just before the kill,
whose acceptance the bot never heard of, is sent again after the restart (Telegram has no
idempotency key, so the choice is between that and losing a digest).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.local_api.server import ApiError, BotMessage, LocalBotApi

ROOT = Path(__file__).parents[2]
TOKEN = "123456789:CRASH-TEST-TOKEN"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
GROUP_ID = -1001000000001
SECRETARY_ID = 500001
LEADERS = {"doan": 500011, "ldld": 500021, "hlhpn": 500031, "hnd": 500041}
NAMES = {
    "doan": "Tỉnh đoàn",
    "ldld": "Liên đoàn Lao động",
    "hlhpn": "Hội LHPN",
    "hnd": "Hội Nông dân",
}
# Long enough that the digest goes out in two pieces, so that a kill can fall between them.
REPORTED = {
    code: (f"{NAMES[code]}: " + "tuyên truyền tại khu dân cư, phát tờ rơi; " * 30).strip()
    for code in ("doan", "ldld", "hlhpn")
}
SENDING = {
    "sendMessage",
    "sendPhoto",
    "editMessageReplyMarkup",
    "editMessageText",
    "answerCallbackQuery",
    "setMessageReaction",
}
WAIT = 90.0  # seconds for one step, restarts included; a healthy step takes well under one


def config_text(api: LocalBotApi, database: Path) -> str:
    organizations = "".join(
        f'[[groups.organizations]]\ncode = "{code}"\nname = "{NAMES[code]}"\n'
        f"leaders = [{user_id}]\n\n"
        for code, user_id in LEADERS.items()
    )
    return f"""
[telegram]
api_base_url = "{api.base_url}"
poll_timeout = 1
[telegram.limits]
messages_per_second = 1000
group_messages_per_minute = 10000
chat_messages_per_second = 1000

[storage]
url = "sqlite+aiosqlite:///{database}"

[logging]
level = "INFO"

[scheduler]
tick_seconds = 0.5

[[groups]]
chat_id = {GROUP_ID}
name = "MTTQ tỉnh Tây Ninh"
secretariat = [{SECRETARY_ID}]

[groups.schedule]
reminder = "tuesday 17:00"
deadline = "friday 17:00"

{organizations}
[[groups.questions]]
key = "ket_qua"
text = "Kết quả tuyên truyền"

[[groups.questions]]
key = "ho"
text = "Hộ được hỗ trợ"
kind = "count"
unit = "hộ"

[[groups.questions]]
key = "kinh_phi"
text = "Kinh phí"
kind = "money"
"""


class Supervisor:
    """Runs ``giaoban run`` and starts it again whenever it dies, as systemd would."""

    def __init__(self, api: LocalBotApi, tmp_path: Path) -> None:
        self.api = api
        self.tmp_path = tmp_path
        self.config = tmp_path / "config.toml"
        self.database = tmp_path / "giaoban.db"
        self.clock_file = tmp_path / "now.txt"
        self.config.write_text(config_text(api, self.database), "utf-8")
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0
        self.kills = 0
        self._watching: asyncio.Task[None] | None = None
        self._stopping = False

    def set_clock(self, instant: datetime) -> None:
        # Written whole and renamed, so the bot never reads half a line.
        draft = self.clock_file.with_suffix(".tmp")
        draft.write_text(instant.isoformat(), "utf-8")
        draft.replace(self.clock_file)

    async def start(self) -> None:
        self._watching = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while not self._stopping:
            self.starts += 1
            log = (self.tmp_path / f"run-{self.starts}.log").open("wb")
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot.cli",
                "run",
                "--config",
                str(self.config),
                cwd=ROOT,
                env={
                    **os.environ,
                    "TELEGRAM_BOT_TOKEN": TOKEN,
                    "GIAOBAN_CLOCK_FILE": str(self.clock_file),
                },
                stdout=asyncio.subprocess.DEVNULL,
                stderr=log,
            )
            await self.process.wait()
            log.close()

    def runs_connection(self, port: int) -> bool:
        """Whether the running bot holds the connection from this local port; if not, what
        came through it was sent by a bot killed since (it was already on the way)."""
        if self.process is None:
            return False
        return port in _local_ports(self.process.pid)

    def kill(self) -> None:
        assert self.process is not None
        if self.process.returncode is None:
            self.kills += 1
            os.kill(self.process.pid, signal.SIGKILL)

    async def stop(self) -> None:
        self._stopping = True
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        if self._watching is not None:
            await asyncio.wait_for(self._watching, timeout=30)

    def logs(self) -> str:
        return "\n".join(
            p.read_text("utf-8", "replace") for p in sorted(self.tmp_path.glob("run-*.log"))
        )


@dataclass
class Killer:
    """Kills the bot at every ``every``-th sending call, at alternating moments: as the call
    arrives (Telegram never gets it) or once it is done (Telegram has it; the bot never hears
    back). Also at the chosen moments of the digest."""

    supervisor: Supervisor
    every: int
    calls: int = 0
    # Texts Telegram accepted from a bot that was killed before it heard so: may come twice.
    # Besides the call the kill fell on, every other one then in flight (the bot sends to
    # many chats at once) may have been accepted unheard.
    unheard: list[str] = field(default_factory=list)
    moments: list[tuple[Callable[[str, dict[str, Any]], bool], str]] = field(default_factory=list)
    in_flight: list[str] = field(default_factory=list)
    orphans: int = 0  # calls that arrived from a bot already killed
    # After a kill, the next periodic one waits until the restarted bot has confirmed an
    # update past those it had then: it replays them first, each time in the same order, and
    # a kill at the same count every time would replay them for ever (no real crash does).
    confirmed: int = 0
    resume_after: int = 0

    def __call__(self, method: str, params: dict[str, Any], stage: str, port: int) -> None:
        if method == "getUpdates" and stage == "arrived":
            self.confirmed = max(self.confirmed, int(params.get("offset") or 0))
        if method not in SENDING:
            return
        content = _content(method, params)
        if stage == "arrived" and not self.supervisor.runs_connection(port):
            # Written by a bot killed before Telegram read it: accepted, never heard.
            self.unheard.append(content)
            self.orphans += 1
            return
        if stage == "arrived":
            self.calls += 1
            self.in_flight.append(content)
        elif content in self.in_flight:  # (not if it arrived before the killer was set)
            self.in_flight.remove(content)
        if stage == "refused":  # Telegram refused it: nothing was delivered
            return
        chosen = [m for m in self.moments if m[1] == stage and m[0](method, params)]
        periodic = self.calls % self.every == 0 and stage == (
            "arrived" if self.calls // self.every % 2 else "done"
        )
        if periodic and self.confirmed <= self.resume_after:
            self.calls -= 1  # not yet: counted again once the bot has made progress
            periodic = False
        if not chosen and not periodic:
            return
        for moment in chosen[:1]:
            self.moments.remove(moment)
        if periodic:
            self.calls += 1  # the same call, seen again at its other stage, is not counted
        self.resume_after = self.confirmed
        self.supervisor.kill()
        if stage == "arrived":
            if content in self.in_flight:
                self.in_flight.remove(content)
            self.unheard += self.in_flight
            raise ApiError(502, "Bad Gateway")  # the request dies with the bot
        self.unheard += [content, *self.in_flight]


class Deliveries:
    """Which run of the bot each message Telegram took came from. A message may arrive again
    only from a later run: the run that sent it first was killed before it could record so.
    Two copies from one run would be a real double send."""

    def __init__(self, supervisor: Supervisor, killer: Killer) -> None:
        self.supervisor = supervisor
        self.killer = killer
        self.runs: dict[tuple[int, str], list[str]] = {}  # (chat, text) → runs
        self._port_run: dict[int, str] = {}  # client port → the run seen holding it
        self._arrived: dict[int, str] = {}  # client port → the run of the request on it

    def __call__(self, method: str, params: dict[str, Any], stage: str, port: int) -> None:
        if stage == "arrived":
            if self.supervisor.runs_connection(port):
                self._port_run[port] = str(self.supervisor.starts)
            # A request read after its bot died: from the run that held the connection.
            self._arrived[port] = self._port_run.get(
                port, f"unknown, after kill {self.supervisor.kills}"
            )
        elif stage == "done" and method in ("sendMessage", "sendPhoto"):
            run = self._arrived.get(port, "?")
            text = params.get("text") or params.get("caption") or ""
            key = (int(params.get("chat_id") or 0), str(text))
            self.runs.setdefault(key, []).append(run)
        self.killer(method, params, stage, port)


def _local_ports(pid: int) -> set[int]:
    """The local ports of the TCP connections process ``pid`` holds (none once it is dead)."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return set()
    inodes = set()
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[9] in inodes:
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def _content(method: str, params: dict[str, Any]) -> str:
    return "photo" if method == "sendPhoto" else f"{method}:{params.get('text', '')}"


class People:
    """Leaders and the secretary, acting only on what the bot has shown them."""

    def __init__(self, api: LocalBotApi, supervisor: Supervisor) -> None:
        self.api = api
        self.supervisor = supervisor
        self.users = {code: api.user(uid, NAMES[code]) for code, uid in LEADERS.items()}
        self.users["secretary"] = api.user(SECRETARY_ID, "Thư")

    async def say(self, code: str, text: str, expect: str) -> BotMessage:
        """Type ``text`` in private; wait for a message containing ``expect``."""
        user = self.users[code]
        chat = self.api.private_chat(user)
        seen = len(self.api.messages_to(chat.id))
        self.api.send(chat, user, text)
        return await self.wait_for(chat.id, seen, lambda m: expect in (m.plain_text or ""))

    async def wait_for(
        self,
        chat_id: int,
        seen: int,
        match: Callable[[BotMessage], bool],
        also: Callable[[], bool] = lambda: False,
    ) -> BotMessage:
        found: list[BotMessage] = []

        def ready() -> bool:
            found[:] = [m for m in self.api.messages_to(chat_id)[seen:] if match(m)]
            return bool(found) or also()

        await self.api.wait_until(ready, timeout=WAIT)
        return found[-1] if found else BotMessage(chat_id, 0, 0, "none")

    async def report(self, code: str) -> None:
        await self.say(code, "/baocao", "Câu 1/3")
        await self.say(code, REPORTED[code], "Đã ghi")
        await self.say(code, "xong", "Câu 2/3")
        await self.say(code, "120", "Câu 3/3")
        review = await self.say(code, "2 triệu", "Gửi báo cáo")
        chat = self.api.private_chat(self.users[code])
        seen = len(self.api.messages_to(chat.id))
        self.api.press(review, self.users[code], review.button("Gửi báo cáo"))
        # The receipt, or, if the bot died after saving and before answering, the saved state.
        await self.wait_for(
            chat.id,
            seen,
            lambda m: "Đã nhận báo cáo" in (m.plain_text or ""),
            also=lambda: report_state(self.supervisor.database, code) == "submitted",
        )


def report_state(database: Path, code: str) -> str | None:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        row = connection.execute(
            "SELECT r.state FROM reports r JOIN organizations o ON o.id = r.organization_id "
            "WHERE o.code = ?",
            (code,),
        ).fetchone()
    return None if row is None else str(row[0])


def pending(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        [(count,)] = connection.execute(
            "SELECT count(*) FROM sent_messages WHERE state = 'pending'"
        ).fetchall()
    return int(count)


def starting(text: str) -> Callable[[BotMessage], bool]:
    return lambda message: (message.plain_text or "").startswith(text)


def local(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=TZ)


async def test_sigkill_at_many_moments_of_a_week_loses_nothing_and_repeats_nothing(
    world: tuple[LocalBotApi, Supervisor],
) -> None:
    api, supervisor = world
    group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    people = People(api, supervisor)
    killer = Killer(supervisor, every=4)
    digest_first = "📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)"

    def digest_piece(first: bool) -> Callable[[str, dict[str, Any]], bool]:
        def match(method: str, params: dict[str, Any]) -> bool:
            text = str(params.get("text", ""))
            is_digest = int(params.get("chat_id", 0)) == GROUP_ID and "tuyên truyền" in text
            # Params carry HTML: the first piece holds the title "<b>Tổng hợp ...</b>".
            return is_digest and ("Tổng hợp giao ban tuần 48 (23/11 – 29/11)" in text) == first

        return match

    # Mid-digest: as its first piece goes out, once it is done, and as the second goes out.
    killer.moments += [
        (digest_piece(True), "arrived"),
        (digest_piece(True), "done"),
        (digest_piece(False), "arrived"),
    ]
    supervisor.set_clock(local(23, 7))
    await supervisor.start()
    await api.wait_polling(timeout=WAIT)
    deliveries = Deliveries(supervisor, killer)
    api.on_call = deliveries
    await people.say("secretary", "/start", "Xin chào")

    async def at(instant: datetime, *expected: str) -> None:
        supervisor.set_clock(instant)
        for start in expected:
            await people.wait_for(GROUP_ID, 0, starting(start))
        await api.wait_until(lambda: pending(supervisor.database) == 0, timeout=WAIT)

    await at(local(23, 8), "📣 Giao ban tuần 48 (23/11 – 29/11)")
    supervisor.set_clock(local(23, 9))
    await people.report("doan")
    await people.report("ldld")
    await at(local(24, 17), "⏰ Nhắc báo cáo tuần 48 (23/11 – 29/11)")
    supervisor.set_clock(local(25, 10))
    await people.report("hlhpn")
    await at(local(27, 17), "⌛ Hết hạn báo cáo tuần 48 (23/11 – 29/11)")
    await at(local(30, 8), digest_first, "📣 Giao ban tuần 49 (30/11 – 06/12)")
    api.on_call = None
    await supervisor.stop()

    logs = supervisor.logs()
    # Shown with -s (and on failure): how often the known crash window was hit.
    repeated = [key for key in killer.unheard if key.startswith("sendMessage:") or key == "photo"]
    print(
        f"{supervisor.kills} kills, {len(killer.unheard)} calls done but unheard, "
        f"{len(repeated)} of them sends (each may arrive twice), {killer.orphans} of them "
        "read only after their bot was killed"
    )
    assert "Traceback" not in logs, logs
    assert supervisor.kills >= 10, supervisor.kills
    assert not killer.moments  # every chosen moment of the digest was reached

    with sqlite3.connect(supervisor.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = connection.execute(
            "SELECT o.code, r.state, a.question_key, a.text, a.value FROM answers a "
            "JOIN reports r ON r.id = a.report_id "
            "JOIN organizations o ON o.id = r.organization_id ORDER BY o.code, a.question_key"
        ).fetchall()
        ledger = connection.execute(
            "SELECT p.key, s.kind, s.state FROM sent_messages s "
            "JOIN periods p ON p.id = s.period_id WHERE s.state != 'skipped' ORDER BY s.id"
        ).fetchall()
    # Every answer a leader was told was recorded is there, once, as given.
    assert stored == [
        row
        for code in sorted(REPORTED)
        for row in [
            (code, "submitted", "ho", "120", "120"),
            (code, "submitted", "ket_qua", REPORTED[code], None),
            (code, "submitted", "kinh_phi", "2 triệu", "2000000"),
        ]
    ]
    # Each scheduled message is in the ledger once, and was delivered.
    assert ledger == [
        ("2026-W48", "call", "sent"),
        ("2026-W48", "reminder", "sent"),
        ("2026-W48", "deadline", "sent"),
        ("2026-W48", "overdue_list", "sent"),
        ("2026-W48", "digest", "sent"),
        ("2026-W48", "digest_chart", "sent"),
        ("2026-W49", "call", "sent"),
    ]
    # At the Bot API: each piece at least once, and a copy more only from a later run of the
    # bot (the one before was killed before it could record that Telegram had it).
    scheduled = [
        m
        for m in api.sent
        if m.chat_id == GROUP_ID
        or (m.chat_id == SECRETARY_ID and (m.plain_text or "").startswith("📋"))
    ]
    for message in scheduled:
        runs = deliveries.runs.get((message.chat_id, message.text or message.caption or ""), [])
        assert runs, (message.plain_text or "")[:80]
        assert len(runs) == len(set(runs)), ((message.plain_text or "")[:80], runs)
    assert group.id == GROUP_ID


async def test_an_answer_typed_twice_and_caught_in_flight_by_a_kill_is_taken_once(
    world: tuple[LocalBotApi, Supervisor],
) -> None:
    """A leader sends "12" twice before the next question appears; the bot takes the first,
    sends question 3, and is killed as Telegram takes it: it never notes which message showed
    question 3. After the restart the second "12" must not become the answer to question 3."""
    api, supervisor = world
    api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    people = People(api, supervisor)
    killer = Killer(supervisor, every=10**9)

    def question_3(method: str, params: dict[str, Any]) -> bool:
        return method == "sendMessage" and "Câu 3/3" in str(params.get("text", ""))

    killer.moments.append((question_3, "done"))
    supervisor.set_clock(local(23, 9))
    await supervisor.start()
    await api.wait_polling(timeout=WAIT)
    await people.say("doan", "/baocao", "Câu 1/3")
    await people.say("doan", "Tuyên truyền tại xã", "Đã ghi")
    await people.say("doan", "xong", "Câu 2/3")
    api.on_call = killer
    user = people.users["doan"]
    chat = api.private_chat(user)
    api.send(chat, user, "12")
    api.send(chat, user, "12")
    await api.wait_until(lambda: supervisor.kills == 1, timeout=WAIT)
    await api.wait_polling(timeout=WAIT)  # the bot is back
    api.on_call = None
    await people.say("doan", "2 triệu", "Gửi báo cáo")
    await supervisor.stop()

    with sqlite3.connect(supervisor.database) as connection:
        stored = dict(connection.execute("SELECT question_key, value FROM answers").fetchall())
    assert stored == {"ket_qua": None, "ho": "12", "kinh_phi": "2000000"}
    # The copy was asked about as a copy, not taken (or weighed) as question 3's answer.
    said = [m.plain_text or "" for m in api.messages_to(chat.id)]
    assert [text for text in said if "giống câu trả lời câu trước" in text], said
    assert not [text for text in said if "chưa đến một nghìn đồng" in text], said
    assert "Traceback" not in supervisor.logs()
