"""What is due when: the pure scheduling decision behind the week's messages."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from bot.core.periods import PeriodKey, WeeklyTime
from bot.core.schedule import Due, EventKind, Schedule, due_events, still_due

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
W48, W47 = PeriodKey(2026, 48), PeriodKey(2026, 47)
# The schedule most of these tests were written against: a Friday deadline.
FRIDAY = Schedule(reminder=WeeklyTime(4, time(17, 0)), deadline=WeeklyTime(5, time(17, 0)))
# Deadline on Wednesday, so that working days follow it within the week.
EARLY = Schedule(deadline=WeeklyTime(3, time(17, 0)), reminder=WeeklyTime(2, time(17, 0)))


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A day of November 2026 (23 = Monday of 2026-W48) at a local time, as UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ).astimezone(UTC)


def kinds(schedule: Schedule, now: datetime, **kwargs: object) -> list[tuple[str, str, str]]:
    return [(d.kind.value, str(d.period), d.slot) for d in due_events(schedule, TZ, now, **kwargs)]  # type: ignore[arg-type]


def test_nothing_is_due_on_monday_before_eight() -> None:
    assert kinds(FRIDAY, local(23, 7, 59)) == []


def test_monday_at_eight_the_digest_of_last_week_and_the_call_are_due() -> None:
    assert kinds(FRIDAY, local(23, 8)) == [("digest", "2026-W47", ""), ("call", "2026-W48", "")]


def test_the_call_still_makes_sense_until_the_deadline() -> None:
    assert ("call", "2026-W48", "") in kinds(FRIDAY, local(27, 16, 59))
    assert ("call", "2026-W48", "") not in kinds(FRIDAY, local(27, 17, 1))


def test_the_reminder_is_due_from_thursday_evening_until_the_deadline() -> None:
    assert ("reminder", "2026-W48", "") not in kinds(FRIDAY, local(26, 16, 59))
    assert ("reminder", "2026-W48", "") in kinds(FRIDAY, local(26, 17))
    assert ("reminder", "2026-W48", "") not in kinds(FRIDAY, local(27, 17, 1))


def test_the_deadline_notice_matters_for_one_day() -> None:
    assert ("deadline", "2026-W48", "") in kinds(FRIDAY, local(27, 17))
    assert ("deadline", "2026-W48", "") in kinds(FRIDAY, local(28, 16, 59))
    assert ("deadline", "2026-W48", "") not in kinds(FRIDAY, local(28, 17))


def test_overdue_reminders_come_each_working_day_after_the_deadline_on_that_day_only() -> None:
    thursday = ("overdue", "2026-W48", "2026-11-26")
    friday = ("overdue", "2026-W48", "2026-11-27")
    assert thursday in kinds(EARLY, local(26, 8))
    assert thursday in kinds(EARLY, local(26, 23, 59))
    assert thursday not in kinds(EARLY, local(27, 8))
    assert friday in kinds(EARLY, local(27, 8))
    # Saturday and Sunday are not working days; the next period opens on Monday.
    assert [k for k in kinds(EARLY, local(28, 9)) if k[0] == "overdue"] == []


def test_a_friday_deadline_leaves_no_overdue_days_in_the_week() -> None:
    assert [k for k in kinds(FRIDAY, local(28, 9)) if k[0] == "overdue"] == []


def test_the_default_schedule_reminds_the_overdue_on_friday_morning() -> None:
    default = Schedule()

    assert ("reminder", "2026-W48", "") in kinds(default, local(25, 17))  # Wednesday
    assert ("deadline", "2026-W48", "") in kinds(default, local(26, 17))  # Thursday
    assert ("overdue", "2026-W48", "2026-11-27") in kinds(default, local(27, 8))  # Friday


def test_a_missed_digest_is_still_due_until_the_next_one() -> None:
    assert ("digest", "2026-W47", "") in kinds(FRIDAY, local(29, 23))
    assert ("digest", "2026-W47", "") not in kinds(FRIDAY, local(30, 8))
    assert ("digest", "2026-W48", "") in kinds(FRIDAY, local(30, 8))


def test_a_holiday_period_has_no_call_no_reminders_and_no_digest() -> None:
    assert kinds(FRIDAY, local(23, 8), is_holiday=lambda p: p == W48) == [
        ("digest", "2026-W47", "")
    ]
    assert kinds(FRIDAY, local(23, 8), is_holiday=lambda p: p == W47) == [("call", "2026-W48", "")]


def test_nothing_is_due_about_a_week_that_ended_before_the_group_was_tracked() -> None:
    assert kinds(FRIDAY, local(23, 8), tracking_since=local(23, 7)) == [("call", "2026-W48", "")]


def test_events_come_oldest_first() -> None:
    due = due_events(EARLY, TZ, local(27, 8))
    assert [d.at for d in due] == sorted(d.at for d in due)
    assert all(isinstance(d, Due) and d.at <= local(27, 8) for d in due)
    assert [d.kind for d in due][:1] == [EventKind.DIGEST]


def test_a_call_held_back_from_a_chat_still_makes_sense_until_the_deadline() -> None:
    assert still_due(FRIDAY, TZ, local(24, 9), EventKind.CALL, W48)
    assert still_due(FRIDAY, TZ, local(27, 16, 59), EventKind.CALL, W48)
    assert not still_due(FRIDAY, TZ, local(27, 17), EventKind.CALL, W48)


def test_a_digest_held_back_still_makes_sense_until_the_next_digest() -> None:
    assert still_due(FRIDAY, TZ, local(29, 23), EventKind.DIGEST, W47)
    assert not still_due(FRIDAY, TZ, local(30, 8), EventKind.DIGEST, W47)


def test_an_overdue_reminder_held_back_makes_sense_on_its_own_day_only() -> None:
    assert still_due(EARLY, TZ, local(26, 20), EventKind.OVERDUE, W48, "2026-11-26")
    assert not still_due(EARLY, TZ, local(27, 9), EventKind.OVERDUE, W48, "2026-11-26")
