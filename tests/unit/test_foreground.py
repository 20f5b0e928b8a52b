"""The week's background work gives way to people: it waits for a quiet moment, one step at
a time, and never for ever."""

from __future__ import annotations

import asyncio

from bot.foreground import Foreground


async def test_background_work_goes_at_once_when_nobody_is_being_answered() -> None:
    await asyncio.wait_for(Foreground().give_way(), timeout=1)


async def test_background_work_waits_while_a_person_is_being_answered() -> None:
    foreground = Foreground()
    foreground.started()
    step = asyncio.create_task(foreground.give_way())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not step.done()

    foreground.finished()
    await asyncio.wait_for(step, timeout=1)


async def test_background_work_moves_on_when_people_never_stop_writing() -> None:
    class Impatient(Foreground):
        LONGEST = 0.01

    foreground = Impatient()
    foreground.started()
    await asyncio.wait_for(foreground.give_way(), timeout=1)


async def test_while_people_write_background_steps_go_one_at_a_time() -> None:
    class Impatient(Foreground):
        LONGEST = 0.05

    foreground = Impatient()
    foreground.started()
    order: list[str] = []

    async def step(name: str) -> None:
        await foreground.give_way()
        order.append(name)

    first, second = asyncio.create_task(step("a")), asyncio.create_task(step("b"))
    await asyncio.wait_for(first, timeout=1)
    assert order == ["a"]  # the second is still waiting its turn
    await asyncio.wait_for(second, timeout=1)
    assert order == ["a", "b"]
