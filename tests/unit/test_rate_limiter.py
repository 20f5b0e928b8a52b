"""The pacing of messages against Telegram's limits, on a clock the test moves."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable

import pytest

from bot import rate_limiter
from bot.config import RateLimits
from bot.rate_limiter import MARGIN, Pacer

GROUP, OTHER_GROUP = -1001, -1002


class Time:
    """A monotonic clock that moves only when the pacer sleeps (or the test says)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.meanwhile: list[Callable[[], Awaitable[None]]] = []  # run by the next sleep

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        while self.meanwhile:
            await self.meanwhile.pop(0)()
        self.now += seconds


def pacer(time: Time, **limits: float) -> Pacer:
    return Pacer(RateLimits(**limits), clock=time, sleep=time.sleep)  # type: ignore[arg-type]


async def let_go(pacer: Pacer, time: Time, chats: list[int]) -> list[float]:
    """When each message, one after the other, is let go."""
    times = []
    for chat in chats:
        await pacer.wait_turn(chat)
        times.append(time.now)
    return times


async def test_messages_to_many_chats_leave_evenly_spaced_not_in_bursts() -> None:
    time = Time()
    times = await let_go(pacer(time), time, list(range(1, 91)))

    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= MARGIN / 30 - 1e-9
    assert times[-1] - times[0] < 90 / 30 * MARGIN  # and no slower than that


async def test_no_second_holds_over_thirty_even_if_messages_arrive_a_tenth_late() -> None:
    time = Time()
    times = await let_go(pacer(time), time, list(range(1, 301)))

    # The worst case: every message one second ago arrived 0.1 s late, the newest on time.
    for index, newest in enumerate(times):
        assert sum(1 for t in times[: index + 1] if t > newest - 1.1 + 1e-9) <= 30


async def test_two_messages_to_one_chat_are_a_second_apart() -> None:
    time = Time()
    times = await let_go(pacer(time), time, [7, 7, 7])

    assert [round(b - a, 6) for a, b in itertools.pairwise(times)] == [MARGIN, MARGIN]


async def test_a_group_gets_twenty_messages_a_minute_and_the_twenty_first_waits() -> None:
    time = Time()
    times = await let_go(pacer(time, chat_messages_per_second=1000), time, [GROUP] * 21)

    assert times[19] - times[0] < 60
    assert times[20] - times[0] >= 60 * MARGIN - 1e-9


async def test_a_group_waiting_for_its_minute_does_not_hold_up_another_group() -> None:
    time = Time()
    paced = pacer(time, chat_messages_per_second=1000)
    await let_go(paced, time, [GROUP] * 20)
    started = time.now

    await paced.wait_turn(OTHER_GROUP)

    assert time.now - started < 1


async def test_a_chats_next_message_counts_from_when_the_last_was_answered() -> None:
    time = Time()
    paced = pacer(time)
    await paced.wait_turn(7)
    time.now += 0.9  # held up on the way: answered 0.9 s after it left
    paced.answered(7)
    answered = time.now

    await paced.wait_turn(7)

    assert round(time.now - answered, 6) == MARGIN


async def test_a_chat_keeps_its_window_while_its_message_waits_and_others_drop_idle_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rate_limiter, "_KEEP", 1)  # idle windows dropped past one
    time = Time()
    paced = pacer(time)
    await paced.wait_turn(3)
    # While chat 4 waits for the overall spacing, chat 5 is looked up and drops idle windows:
    # chat 4's, still empty, among them.
    time.meanwhile.append(lambda: paced.wait_turn(5))
    await paced.wait_turn(4)
    first = time.now

    await paced.wait_turn(4)

    assert round(time.now - first, 6) >= MARGIN
