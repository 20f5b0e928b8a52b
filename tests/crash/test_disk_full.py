"""The disk full under a running ``giaoban run``: every write beyond the first byte of a file
fails (the process's file-size limit, set from outside), as on a full disk. The bot keeps
running, tells the leader that nothing was saved, stores nothing, and takes the answer once
there is room again."""

from __future__ import annotations

import resource
import sqlite3

from bot.local_api.server import LocalBotApi
from tests.crash.test_sigkill import People, Supervisor, local


def answers_stored(supervisor: Supervisor) -> int:
    with sqlite3.connect(f"file:{supervisor.database}?mode=ro", uri=True) as connection:
        return int(connection.execute("SELECT count(*) FROM answers").fetchone()[0])


async def test_a_full_disk_is_told_as_not_saved_and_the_answer_is_taken_once_there_is_room(
    world: tuple[LocalBotApi, Supervisor],
) -> None:
    api, supervisor = world
    people = People(api, supervisor)
    supervisor.set_clock(local(23, 9))
    await supervisor.start()
    await api.wait_polling(timeout=60)
    await people.say("doan", "/baocao", "Câu 1/3")
    await people.say("doan", "Tuyên truyền 3 buổi.", "Đã ghi")
    await people.say("doan", "xong", "Câu 2/3")
    before = answers_stored(supervisor)
    assert supervisor.process is not None
    pid = supervisor.process.pid
    _, hard = resource.prlimit(pid, resource.RLIMIT_FSIZE)

    resource.prlimit(pid, resource.RLIMIT_FSIZE, (1, hard))  # the disk is full
    try:
        refused = await people.say("doan", "120", "Chưa lưu được")
        assert (refused.plain_text or "").startswith("⚠️ Chưa lưu được tin nhắn này")
        assert answers_stored(supervisor) == before  # never pretends
    finally:
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, hard))

    await people.say("doan", "120", "Câu 3/3")
    assert answers_stored(supervisor) == before + 1
    assert supervisor.process.returncode is None  # the same process, still running
    with sqlite3.connect(supervisor.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
